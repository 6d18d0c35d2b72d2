import { formatDate } from "@qt/shared/format";
import type { THistoryEntry } from "@qt/shared/schemas/common";
import type { MessageKey } from "../../i18n/dictionary.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { labelKey } from "./spec.ts";

const show = (v: unknown) => (v === null || v === undefined || v === "" ? "—" : String(v));

/** Who changed what and when, newest first, from the record's `history` procedure. */
export function History({ entries }: { entries: THistoryEntry[] }) {
  const { t } = useI18n();
  return (
    <section className="entry-history" aria-label={t("entry.history.title")}>
      <h4>{t("entry.history.title")}</h4>
      <ol>
        {entries.map((e) => (
          <li key={e.id}>
            <strong>{t(`entry.action.${e.action}` as MessageKey)}</strong>{" "}
            {t("entry.history.by", {
              user: e.username || "—",
              date: `${formatDate(e.at)} ${new Date(e.at).toLocaleTimeString("vi-VN", { timeZone: "Asia/Ho_Chi_Minh" })}`,
            })}
            {e.action === "update" && (
              <ul>
                {e.changes.map((c) => (
                  <li key={c.field}>
                    {t("entry.conflict.change", {
                      field: t(labelKey(c.field)),
                      before: show(c.before),
                      after: show(c.after),
                    })}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
