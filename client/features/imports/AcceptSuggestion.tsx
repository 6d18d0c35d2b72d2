import type { TImportIssue, TImportPreview } from "@qt/shared/schemas/imports";
import { useMutation } from "@tanstack/react-query";
import { errorMessage } from "../../errors.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useTRPC } from "../../trpc.ts";

/** The names an issue suggests (the server joins them with "', '"). */
const suggestionsOf = (i: TImportIssue) =>
  typeof i.params.suggestions === "string" && i.params.suggestions ? i.params.suggestions.split("', '") : [];

/**
 * One button per name the preview suggests for a cell: a click puts that name into every cell of
 * the column reading the same value (imports.accept) and the preview is judged again, with no new
 * upload. A refusal shows beside the buttons.
 */
export function AcceptSuggestion(props: {
  batchId: number;
  issue: TImportIssue;
  onAccepted: (p: TImportPreview) => void;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const accept = useMutation(trpc.imports.accept.mutationOptions({ onSuccess: props.onAccepted }));
  const { issue } = props;
  const names = suggestionsOf(issue);
  const value = issue.params.value;
  if (!issue.column || typeof value !== "string" || names.length === 0) return null;
  const column = issue.column;
  return (
    <span className="import-accept">
      {names.map((to) => (
        <button
          key={to}
          type="button"
          className="secondary"
          disabled={accept.isPending}
          onClick={() => accept.mutate({ batchId: props.batchId, column, value, to })}
        >
          {t("imports.accept", { name: to })}
        </button>
      ))}
      {accept.isError && (
        <span role="alert" className="form-error">
          {errorMessage(accept.error)}
        </span>
      )}
    </span>
  );
}
