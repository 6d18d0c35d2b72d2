import { formatDate, formatMoneyExact, formatNumber, formatPercent } from "@qt/shared/format";
import type { ReportSection, TReportModel } from "@qt/shared/schemas/reports";
import { label } from "@qt/shared/vocabulary";
import type { ReactNode } from "react";
import { useI18n } from "../../i18n/I18nProvider.tsx";

type T = ReturnType<typeof useI18n>["t"];
type Cell = string | number;

function Table({ head, rows, caption }: { head: string[]; rows: Cell[][]; caption?: string }) {
  return (
    <table className="report-table">
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          // Rows have no id of their own; their order is fixed by the model.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <tr key={i}>
            {r.map((c, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: cells of a fixed-width row
              <td key={j} className={typeof c === "number" ? "num" : undefined}>
                {typeof c === "number" ? formatNumber(c) : c}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const SECTIONS: Record<ReportSection, (m: TReportModel, t: T, locale: "vi" | "en") => ReactNode> = {
  summary: (m, t) => (
    <Table
      head={[
        t("reports.col.district"),
        t("reports.col.sites"),
        t("reports.col.areas"),
        t("reports.col.covered"),
        t("reports.col.cameras"),
        t("reports.col.cost"),
      ]}
      rows={m.byDistrict.map((d) => [d.name, d.sites, d.areas, d.coveredAreas, d.cameras, d.costVnd])}
    />
  ),
  modelTypes: (m, t) => (
    <Table
      head={[t("reports.col.modelType"), t("reports.col.sites"), t("reports.col.districts"), t("reports.col.communes")]}
      rows={m.byModelType.map((x) => [x.name, x.sites, x.districts, x.communes])}
    />
  ),
  cameras: (m, t, locale) => {
    const s = m.summary;
    return (
      <>
        <p>
          {t("reports.fig.coverage", {
            covered: formatNumber(s.coverage.covered, locale),
            total: formatNumber(s.coverage.total, locale),
            percent: formatPercent(s.coverage.covered, s.coverage.total, locale),
            districts: s.coveredDistricts,
          })}
        </p>
        {s.coverage.current.total > 0 && (
          <p>
            {t("reports.fig.coverageCurrent", {
              covered: formatNumber(s.coverage.current.covered, locale),
              total: formatNumber(s.coverage.current.total, locale),
              percent: formatPercent(s.coverage.current.covered, s.coverage.current.total, locale),
            })}
          </p>
        )}
        <p>
          {t("reports.fig.cameras", {
            cameras: formatNumber(s.cameras.cameras, locale),
            recorders: formatNumber(s.cameras.recorders, locale),
            cards: formatNumber(s.cameras.memoryCards, locale),
            cost: formatMoneyExact(s.cameras.costVnd, locale),
          })}
        </p>
        <Table
          head={[
            t("reports.col.funding"),
            t("reports.col.installations"),
            t("reports.col.cameras"),
            t("reports.col.cost"),
          ]}
          rows={m.funding.map((f) => [label("funding", f.source, locale), f.installations, f.cameras, f.costVnd])}
        />
      </>
    );
  },
  communities: (m, t, locale) => (
    <ul>
      {m.byModelType
        .filter((x) => x.category === "clan")
        .map((x) => (
          <li key={x.code}>
            {x.name}: {formatNumber(x.sites)}
          </li>
        ))}
      {m.byReligion.map((r) => (
        <li key={r.religion}>
          {t("reports.fig.religion", {
            religion: label("religion", r.religion, locale),
            sites: r.sites,
          })}
        </li>
      ))}
    </ul>
  ),
  awards: (m, t, locale) => (
    <Table
      head={[
        t("reports.col.award"),
        label("recipientKind", "collective", locale),
        label("recipientKind", "individual", locale),
        t("reports.col.total"),
      ]}
      rows={m.awards.map((a) => [
        `${label("awardForm", a.form, locale)} – ${label("issuer", a.issuer, locale)}`,
        a.collective,
        a.individual,
        a.total,
      ])}
    />
  ),
  annex: (m, t) =>
    m.annex.map((d) => (
      <Table
        key={d.code}
        caption={d.name}
        head={[t("reports.col.area"), t("reports.col.sites"), t("reports.col.cameras"), t("reports.col.covered")]}
        rows={d.areas.map((a) => [a.name, a.sites, a.cameras, a.covered ? t("reports.yes") : t("reports.no")])}
      />
    )),
};

/** The report as the documents lay it out: letterhead, title, numbered sections, recipients, signer. */
export function ReportPreview({ model }: { model: TReportModel }) {
  const { t, locale } = useI18n();
  const o = model.options;
  const s = model.summary;
  return (
    <article className="report-preview" aria-label={t("reports.preview.heading")}>
      <header className="report-letterhead">
        <div>
          <strong className="underlined">{o.issuingBody}</strong>
          <p>{t("reports.doc.number", { number: o.documentNumber })}</p>
        </div>
        <div>
          <strong>{t("reports.doc.nation")}</strong>
          <strong className="underlined">{t("reports.doc.motto")}</strong>
          <p>
            <em>{t("reports.doc.placeDate", { place: o.place, date: formatDate(o.date) })}</em>
          </p>
        </div>
      </header>
      <h3 className="report-title">{o.title}</h3>
      {/* The document's own line (it is filed in Vietnamese): territory, period and view. */}
      <p className="report-scope">{model.scopeLine}</p>
      <p>
        {t("reports.fig.models", {
          types: formatNumber(s.modelTypeCount, locale),
          sites: formatNumber(s.siteCount, locale),
          areas: formatNumber(s.areasWithModels, locale),
        })}
      </p>
      {o.sections.map((section, i) => (
        <section key={section}>
          <h4>
            {i + 1}. {t(`reports.section.${section}`)}
          </h4>
          {SECTIONS[section](model, t, locale)}
        </section>
      ))}
      <footer className="report-closing">
        <div>
          <strong>{t("reports.fig.recipients")}:</strong>
          <ul>
            {o.recipients.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
        <div className="report-signer">
          <strong>{o.signerTitle}</strong>
          <strong>{o.signerName}</strong>
        </div>
      </footer>
    </article>
  );
}
