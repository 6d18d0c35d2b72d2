import type { TUserRow } from "@qt/shared/schemas/users";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorState, Loading } from "../components/QueryState.tsx";
import { errorMessage } from "../errors.ts";
import { HistoryPanel } from "../features/audit/HistoryPanel.tsx";
import { useCurrentUser } from "../features/auth/current-user.tsx";
import { DemoPanel } from "../features/demo/DemoNotice.tsx";
import { AnonymisePanel } from "../features/users/AnonymisePanel.tsx";
import { ResetPasswordForm } from "../features/users/ResetPasswordForm.tsx";
import { UserForm } from "../features/users/UserForm.tsx";
import { type UserAction, UserTable } from "../features/users/UserTable.tsx";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { useTRPC } from "../trpc.ts";

type Panel = { kind: "create" } | { kind: Exclude<UserAction, "disable" | "resetTotp">; user: TUserRow } | null;

/** Accounts: list, create, edit role/scope, disable, reset password, history (administrators). */
export default function UsersRoute() {
  const { t } = useI18n();
  const me = useCurrentUser();
  if (me.role !== "admin") {
    return (
      <main>
        <p role="alert">{t("auth.users.forbidden")}</p>
      </main>
    );
  }
  return <UsersScreen selfId={me.id} />;
}

function UsersScreen({ selfId }: { selfId: number }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const users = useQuery(trpc.users.list.queryOptions());
  const provinces = useQuery(trpc.units.provinces.queryOptions()).data ?? [];
  const [panel, setPanel] = useState<Panel>(null);
  const [notice, setNotice] = useState("");
  const disable = useMutation(
    trpc.users.disable.mutationOptions({
      onSuccess: (u) => {
        setNotice(t("auth.users.disabledDone", { username: u.username }));
        void queryClient.invalidateQueries(trpc.users.pathFilter());
      },
    }),
  );
  const resetTotp = useMutation(
    trpc.users.resetTotp.mutationOptions({
      onSuccess: (u) => {
        setNotice(t("auth.users.totpResetDone", { username: u.username }));
        void queryClient.invalidateQueries(trpc.users.pathFilter());
      },
    }),
  );
  const done = (message: string) => {
    setPanel(null);
    setNotice(message);
  };
  const onAction = (action: UserAction, user: TUserRow) => {
    setNotice("");
    if (action === "resetTotp") {
      if (window.confirm(t("auth.users.totpResetConfirm", { username: user.username })))
        resetTotp.mutate({ id: user.id });
      return;
    }
    if (action !== "disable") return setPanel({ kind: action, user });
    if (window.confirm(t("auth.users.disableConfirm", { username: user.username }))) disable.mutate({ id: user.id });
  };
  return (
    <main>
      <h2>{t("auth.users.heading")}</h2>
      {notice && <p role="status">{notice}</p>}
      {(disable.isError || resetTotp.isError) && (
        <p className="form-error" role="alert">
          {errorMessage(disable.error ?? resetTotp.error)}
        </p>
      )}
      {panel === null && (
        <button type="button" onClick={() => setPanel({ kind: "create" })}>
          {t("auth.users.create")}
        </button>
      )}
      {panel?.kind === "create" && <UserForm onDone={done} />}
      {panel?.kind === "edit" && <UserForm key={panel.user.id} user={panel.user} onDone={done} />}
      {panel?.kind === "reset" && <ResetPasswordForm key={panel.user.id} user={panel.user} onDone={done} />}
      {panel?.kind === "history" && (
        <>
          <HistoryPanel entity="user" entityId={panel.user.id} />
          <button type="button" onClick={() => setPanel(null)}>
            {t("auth.users.cancel")}
          </button>
        </>
      )}
      {users.isPending ? (
        <Loading />
      ) : users.isError ? (
        <ErrorState message={users.error.message} onRetry={() => users.refetch()} />
      ) : (
        <UserTable users={users.data} selfId={selfId} onAction={onAction} showProvince={provinces.length > 1} />
      )}
      <AnonymisePanel />
      <DemoPanel />
    </main>
  );
}
