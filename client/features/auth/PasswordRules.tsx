import { PASSWORD_MIN_LENGTH } from "@qt/shared/schemas/auth";
import { useI18n } from "../../i18n/I18nProvider.tsx";

/**
 * The password rules, shown before anything is typed and ticked as the user types (issue 22): the
 * schema's length (ZNewPassword), and for a form with a second field, that the two match.
 */
export function PasswordRules(props: { id: string; password: string; confirm?: string }) {
  const { t } = useI18n();
  const rules = [
    {
      key: "length",
      ok: props.password.length >= PASSWORD_MIN_LENGTH,
      text: t("auth.rules.length", { min: String(PASSWORD_MIN_LENGTH) }),
    },
    ...(props.confirm === undefined
      ? []
      : [{ key: "match", ok: props.password !== "" && props.password === props.confirm, text: t("auth.rules.match") }]),
  ];
  return (
    <ul id={props.id} className="password-rules" aria-live="polite">
      {rules.map((r) => (
        <li key={r.key} data-ok={r.ok}>
          <span aria-hidden="true">{r.ok ? "✓ " : "○ "}</span>
          {r.text} ({r.ok ? t("auth.rules.met") : t("auth.rules.unmet")})
        </li>
      ))}
    </ul>
  );
}
