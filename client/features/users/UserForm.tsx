import { ROLES, type Role } from "@qt/shared/domain";
import type { TUserRow } from "@qt/shared/schemas/users";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { FormAlert } from "../../components/FormAlert.tsx";
import { errorMessage } from "../../errors.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useTRPC } from "../../trpc.ts";
import { useCurrentUser } from "../auth/current-user.tsx";
import { LabelledInput, NewPasswordInput } from "../auth/LabelledInput.tsx";
import { PasswordRules } from "../auth/PasswordRules.tsx";
import { type ScopeCodes, ScopeSelect } from "./ScopeSelect.tsx";
import { UserFormButtons } from "./UserFormButtons.tsx";

/** Create an account (no `user`) or edit one's name, role and scope (a former district or a commune of today). */
export function UserForm({ user, onDone }: { user?: TUserRow; onDone: (message: string) => void }) {
  const { t, label } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [username, setUsername] = useState(user?.username ?? "");
  const [displayName, setDisplayName] = useState(user?.displayName ?? "");
  const [password, setPassword] = useState("");
  const [role, setRole] = useState<Role>(user?.role ?? "viewer");
  const [scope, setScope] = useState<ScopeCodes>({
    districtCode: user?.districtCode ?? "",
    communeCode: user?.communeCode ?? "",
    // An existing editor without a district or commune was made province-wide on purpose.
    province: user?.role === "editor" && !user.districtCode && !user.communeCode,
  });
  const [scopeMissing, setScopeMissing] = useState(false);
  // Province scope (decision 051): a provincial admin's picker is fixed to their own province.
  const ownProvince = useCurrentUser().provinceCode ?? null;
  const provinces = useQuery(trpc.units.provinces.queryOptions()).data ?? [];
  const [provinceCode, setProvinceCode] = useState(user ? (user.provinceCode ?? "") : (ownProvince ?? ""));
  const invalidate = () => queryClient.invalidateQueries(trpc.users.pathFilter());
  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: (u) => {
        void invalidate();
        onDone(t("auth.users.created", { username: u.username }));
      },
    }),
  );
  const update = useMutation(
    trpc.users.update.mutationOptions({
      onSuccess: (u) => {
        void invalidate();
        onDone(t("auth.users.saved", { username: u.username }));
      },
    }),
  );
  const mutation = user ? update : create;
  // Only editors have a scope; both null is the whole province.
  const editor = role === "editor";
  const codes = {
    districtCode: editor && scope.districtCode ? scope.districtCode : null,
    communeCode: editor && scope.communeCode ? scope.communeCode : null,
  };
  const scopeChosen = Boolean(scope.province || scope.districtCode || scope.communeCode);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setScopeMissing(editor && !scopeChosen);
    if (editor && !scopeChosen) return;
    const province = { provinceCode: (ownProvince ?? provinceCode) || null };
    if (user) update.mutate({ id: user.id, version: user.version, displayName, role, ...codes, ...province });
    else create.mutate({ username, displayName, password, role, ...codes, ...province });
  };
  const heading = user ? t("auth.users.editHeading", { username: user.username }) : t("auth.users.createHeading");
  return (
    <form className="user-form" onSubmit={submit} aria-label={heading}>
      <h3>{heading}</h3>
      {!user && (
        <LabelledInput id={`${id}-u`} label={t("auth.users.username")} value={username} onValue={setUsername} />
      )}
      <LabelledInput id={`${id}-n`} label={t("auth.users.displayName")} value={displayName} onValue={setDisplayName} />
      {!user && (
        <>
          <NewPasswordInput
            id={`${id}-p`}
            label={t("auth.users.password")}
            value={password}
            aria-describedby={`${id}-rules`}
            onValue={setPassword}
          />
          <PasswordRules id={`${id}-rules`} password={password} />
        </>
      )}
      <label htmlFor={`${id}-r`}>{t("auth.users.role")}</label>
      <select id={`${id}-r`} value={role} onChange={(e) => setRole(e.target.value as Role)}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {label("role", r)}
          </option>
        ))}
      </select>
      {/* A province to choose only where the install holds several (decision 051): on one
          province's install every account is that province's. */}
      {provinces.length > 1 && (
        <>
          <label htmlFor={`${id}-pv`}>{t("auth.users.province")}</label>
          <select
            id={`${id}-pv`}
            value={ownProvince ?? provinceCode}
            disabled={ownProvince !== null}
            onChange={(e) => setProvinceCode(e.target.value)}
          >
            {ownProvince === null && <option value="">{t("auth.users.national")}</option>}
            {provinces.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </>
      )}
      {role === "editor" && (
        <>
          <label htmlFor={`${id}-d`} className="required">
            {t("auth.users.district")}
          </label>
          <ScopeSelect
            id={`${id}-d`}
            value={scope}
            onChange={(s) => {
              setScope(s);
              setScopeMissing(false);
            }}
          />
        </>
      )}
      <div className="form-actions">
        <FormAlert
          message={scopeMissing ? t("users.scope.required") : mutation.isError ? errorMessage(mutation.error) : null}
        />
        <UserFormButtons
          label={user ? t("auth.users.save") : t("auth.users.create")}
          busy={mutation.isPending}
          onCancel={() => onDone("")}
        />
      </div>
    </form>
  );
}
