import { formatDate, formatNumber, type Locale } from "@qt/shared/format";
import type { TApprovalItem } from "@qt/shared/schemas/approvals";
import { ColumnHeads } from "../../components/ColumnHeads.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link } from "../../router.tsx";
import { type ApprovalAction, unitLabel } from "./can-act.ts";
import { recordsHref } from "./records-link.ts";

type Props = {
  items: TApprovalItem[];
  /** The actions offered on a row (by role, scope and state). */
  actionsOf: (item: TApprovalItem) => ApprovalAction[];
  onAction: (action: ApprovalAction, item: TApprovalItem) => void;
};

/** "Name, date": the demo's and the imported history's approvals may carry a date without a person. */
const who = (actor: TApprovalItem["submittedBy"], at: string | null, locale: Locale) =>
  [actor?.displayName, at ? formatDate(at, locale) : null].filter(Boolean).join(", ");

/** A stable id for a row's buttons, so focus can go back to the button that opened a form. */
export const rowKey = (item: Pick<TApprovalItem, "unit" | "year">) =>
  `${item.unit.kind}-${item.unit.code}-${item.year}`;

/** Units × years with their state, records, who submitted and approved and the note. Draws what it is given. */
export function ApprovalTable({ items, actionsOf, onAction }: Props) {
  const { t, label, locale } = useI18n();
  return (
    <table className="approvals-table" aria-label={t("approvals.table.label")}>
      <ColumnHeads
        keys={[
          "approvals.table.unit",
          "approvals.table.year",
          "approvals.table.state",
          "approvals.table.records",
          "approvals.table.submitted",
          "approvals.table.approved",
          "approvals.table.note",
          "approvals.table.actions",
        ]}
      />
      <tbody>
        {items.map((item) => {
          const actions = actionsOf(item);
          const unit = `${unitLabel(item.unit, locale)} ${item.year}`;
          return (
            <tr key={rowKey(item)} className={`approval-${item.state}`}>
              <th scope="row">{unitLabel(item.unit, locale)}</th>
              <td data-label={t("approvals.table.year")}>{item.year}</td>
              <td>
                <span className={`approval-state approval-state-${item.state}`}>
                  {label("approvalState", item.state)}
                </span>
              </td>
              <td data-label={t("approvals.table.records")}>
                {item.records > 0 ? (
                  <Link
                    to={recordsHref(item)}
                    aria-label={t("approvals.records.linkLabel", {
                      count: formatNumber(item.records),
                      year: String(item.year),
                      unit: unitLabel(item.unit, locale),
                    })}
                  >
                    {formatNumber(item.records)}
                  </Link>
                ) : (
                  formatNumber(item.records)
                )}
              </td>
              <td data-label={t("approvals.table.submitted")}>
                {who(item.submittedBy, item.submittedAt, locale) || "—"}
              </td>
              <td data-label={t("approvals.table.approved")}>{who(item.approvedBy, item.approvedAt, locale) || "—"}</td>
              <td data-label={t("approvals.table.note")}>
                <Notes item={item} />
              </td>
              <td>
                {actions.length > 0 && (
                  // A flex box inside the cell: a flex cell would leave the table's layout.
                  <div className="row-actions">
                    {actions.map((a) => (
                      <button
                        key={a}
                        type="button"
                        id={`${a}-${rowKey(item)}`}
                        aria-label={`${t(`approvals.action.${a}`)} ${unit}`}
                        onClick={() => onAction(a, item)}
                      >
                        {t(`approvals.action.${a}`)}
                      </button>
                    ))}
                  </div>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The editor's note, and the reason of the last return or reopening while the year is a draft again. */
function Notes({ item }: { item: TApprovalItem }) {
  const { t, locale } = useI18n();
  const returned = item.state === "draft" && item.returnReason;
  const asked = item.reopenRequest;
  if (!item.note && !returned && !asked) return null;
  return (
    <>
      {item.note && <p className="approval-note">{item.note}</p>}
      {asked && (
        <p className="approval-request">
          {t("approvals.reopenRequest", {
            who: asked.by?.displayName ?? "—",
            date: formatDate(asked.at),
            reason: asked.reason,
          })}
        </p>
      )}
      {returned && (
        <p className="approval-return">
          {t("approvals.table.returned", {
            who: who(item.returnedBy, item.returnedAt, locale) || "—",
            reason: item.returnReason ?? "",
          })}
        </p>
      )}
    </>
  );
}
