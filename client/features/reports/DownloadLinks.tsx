import { REPORT_FORMATS, REPORT_TABLES, reportOptionsToQuery, type TReportOptions } from "@qt/shared/schemas/reports";
import { useI18n } from "../../i18n/I18nProvider.tsx";

/**
 * Plain links: the browser downloads with the session cookie and names the file from the server.
 * They carry the previewed options, so the file is the document the preview showed.
 */
export function DownloadLinks({ options, stale }: { options: TReportOptions; stale: boolean }) {
  const { t, label, locale } = useI18n();
  // A link cannot send the language header: `lang` makes a refusal come back in the chosen language.
  const query = `${reportOptionsToQuery(options).toString()}&lang=${locale}`;
  return (
    <section className="report-downloads" aria-label={t("reports.download.heading")}>
      <h3>{t("reports.download.heading")}</h3>
      {stale && <p className="form-hint">{t("reports.download.stale")}</p>}
      <div className="report-download-buttons">
        {REPORT_FORMATS.map((format) => (
          <a key={format} className="button" href={`/api/reports/summary.${format}?${query}`} download>
            {t(`reports.download.${format}`)}
          </a>
        ))}
      </div>
      <div className="report-download-buttons">
        {REPORT_TABLES.map((table) => (
          <a key={table} className="button secondary" href={`/api/reports/${table}.csv?${query}`} download>
            {t("reports.download.csv", { table: label("reportTable", table) })}
          </a>
        ))}
      </div>
    </section>
  );
}
