import type { TUserRow } from "@qt/shared/schemas/users";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { errorMessage } from "../../errors.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useTRPC } from "../../trpc.ts";
import { NewPasswordInput } from "../auth/LabelledInput.tsx";
import { UserFormButtons } from "./UserFormButtons.tsx";

export function ResetPasswordForm({ user, onDone }: { user: TUserRow; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const id = useId();
  const [password, setPassword] = useState("");
  const reset = useMutation(
    trpc.users.resetPassword.mutationOptions({
      onSuccess: () => onDone(t("auth.users.resetDone", { username: user.username })),
    }),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    reset.mutate({ id: user.id, newPassword: password });
  };
  const heading = t("auth.users.resetHeading", { username: user.username });
  return (
    <form className="user-form" onSubmit={submit} aria-label={heading}>
      <h3>{heading}</h3>
      <NewPasswordInput id={`${id}-p`} label={t("auth.users.newPassword")} value={password} onValue={setPassword} />
      {reset.isError && (
        <p className="form-error" role="alert">
          {errorMessage(reset.error)}
        </p>
      )}
      <div className="form-actions">
        <UserFormButtons label={t("auth.users.reset")} busy={reset.isPending} onCancel={() => onDone("")} />
      </div>
    </form>
  );
}
