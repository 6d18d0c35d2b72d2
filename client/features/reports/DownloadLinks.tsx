import {
  type CsvSeparator,
  REPORT_FORMATS,
  REPORT_TABLES,
  reportOptionsToQuery,
  type TReportOptions,
} from "@qt/shared/schemas/reports";
import { useState } from "react";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useProvince } from "../../province.ts";

/**
 * Plain links: the browser downloads with the session cookie and names the file from the server.
 * They carry the previewed options, so the file is the document the preview showed.
 */
export function DownloadLinks({ options, stale }: { options: TReportOptions; stale: boolean }) {
  const { t, label, locale } = useI18n();
  // A link cannot send the language header: `lang` makes a refusal come back in the chosen language.
  const query = `${reportOptionsToQuery(options).toString()}&lang=${locale}`;
  // Excel with Vietnamese regional settings splits CSV on ";" (its decimal separator is ",").
  const [sep, setSep] = useState<CsvSeparator>("comma");
  const csvQuery = sep === "semicolon" ? `${query}&sep=semicolon` : query;
  // The provinces' table exists only for the national install's whole country (decision 050).
  const nation = Boolean(useProvince()?.national) && !options.provinceCode;
  const tables = REPORT_TABLES.filter((table) => table !== "provinces" || nation);
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
      <fieldset className="report-csv-separator">
        <legend>{t("reports.download.csvSeparator")}</legend>
        {(["comma", "semicolon"] as const).map((value) => (
          <label key={value}>
            <input type="radio" name="csv-separator" checked={sep === value} onChange={() => setSep(value)} />
            {t(`reports.download.csvSeparator.${value}`)}
          </label>
        ))}
      </fieldset>
      <div className="report-download-buttons">
        {tables.map((table) => (
          <a key={table} className="button secondary" href={`/api/reports/${table}.csv?${csvQuery}`} download>
            {t("reports.download.csv", { table: label("reportTable", table) })}
          </a>
        ))}
      </div>
    </section>
  );
}
