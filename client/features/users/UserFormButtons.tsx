import { useI18n } from "../../i18n/I18nProvider.tsx";

/** A user form's submit button (disabled while it saves) and its cancel, which closes the form. */
export function UserFormButtons(props: { label: string; busy: boolean; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <>
      <button type="submit" className="primary" disabled={props.busy}>
        {props.label}
      </button>
      <button type="button" onClick={props.onCancel}>
        {t("auth.users.cancel")}
      </button>
    </>
  );
}
