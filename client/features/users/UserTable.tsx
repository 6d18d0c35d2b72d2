import { formatDate } from "@qt/shared/format";
import type { TUserRow } from "@qt/shared/schemas/users";
import { scopeName } from "@qt/shared/scope-name";
import { useI18n } from "../../i18n/I18nProvider.tsx";

export type UserAction = "edit" | "reset" | "resetTotp" | "disable" | "history";

/** The accounts, with one row of actions each. Draws what it is given. */
export function UserTable({
  users,
  selfId,
  onAction,
  showProvince,
}: {
  users: TUserRow[];
  selfId: number;
  onAction: (action: UserAction, user: TUserRow) => void;
  /** The province column: only where the install holds several provinces (decision 051). */
  showProvince: boolean;
}) {
  const { t, label, locale } = useI18n();
  return (
    <table className="users-table" aria-label={t("auth.users.tableLabel")}>
      <thead>
        <tr>
          <th scope="col">{t("auth.users.username")}</th>
          <th scope="col">{t("auth.users.displayName")}</th>
          <th scope="col">{t("auth.users.role")}</th>
          {showProvince && <th scope="col">{t("auth.users.province")}</th>}
          <th scope="col">{t("auth.users.district")}</th>
          <th scope="col">{t("auth.users.status")}</th>
          <th scope="col">{t("auth.users.actions")}</th>
        </tr>
      </thead>
      <tbody>
        {users.map((u) => (
          <tr key={u.id}>
            <th scope="row">{u.username}</th>
            <td>{u.displayName}</td>
            <td>{label("role", u.role)}</td>
            {showProvince && <td>{u.provinceName ?? t("auth.users.national")}</td>}
            <td>{scopeName(u.scope, locale) ?? (u.role === "editor" ? t("auth.scope.province") : "—")}</td>
            <td>
              {u.disabled ? t("auth.users.disabled") : t("auth.users.active")}
              {u.totpEnabled && <span className="badge">{t("auth.users.totpOn")}</span>}
              {u.loginAlertAt && (
                <span className="badge badge-alert" title={t("auth.users.loginAlertHint")}>
                  {t("auth.users.loginAlert", { date: formatDate(u.loginAlertAt, locale) })}
                </span>
              )}
            </td>
            <td className="row-actions">
              {!u.disabled && (
                <>
                  <button
                    type="button"
                    aria-label={`${t("auth.users.edit")} ${u.username}`}
                    onClick={() => onAction("edit", u)}
                  >
                    {t("auth.users.edit")}
                  </button>
                  <button
                    type="button"
                    aria-label={`${t("auth.users.reset")} ${u.username}`}
                    onClick={() => onAction("reset", u)}
                  >
                    {t("auth.users.reset")}
                  </button>
                  {u.totpEnabled && (
                    <button
                      type="button"
                      aria-label={`${t("auth.users.totpReset")} ${u.username}`}
                      onClick={() => onAction("resetTotp", u)}
                    >
                      {t("auth.users.totpReset")}
                    </button>
                  )}
                  {u.id !== selfId && (
                    <button
                      type="button"
                      aria-label={`${t("auth.users.disable")} ${u.username}`}
                      onClick={() => onAction("disable", u)}
                    >
                      {t("auth.users.disable")}
                    </button>
                  )}
                </>
              )}
              <button
                type="button"
                aria-label={`${t("auth.users.history")} ${u.username}`}
                onClick={() => onAction("history", u)}
              >
                {t("auth.users.history")}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
