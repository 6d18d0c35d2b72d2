import type { Block, TReportDocument } from "@qt/shared/schemas/report-document";
import { useI18n } from "../../i18n/I18nProvider.tsx";

/**
 * The report exactly as the Word and PDF files print it: the server's content object
 * (reports.preview), laid out in the same order, with the same chart images. Everything is text
 * (React escapes it); no markup from the document is ever interpreted.
 */
export function ReportPreview({ doc }: { doc: TReportDocument }) {
  const { t } = useI18n();
  const h = doc.heading;
  return (
    <article className="report-preview" aria-label={t("reports.preview.heading")}>
      <header className="report-letterhead">
        <div>
          {h.supervisingBody && <span>{h.supervisingBody}</span>}
          <strong className="underlined">{h.issuingBody}</strong>
          <p>{h.documentNumber}</p>
        </div>
        <div>
          <strong>{h.nationalName}</strong>
          <strong className="underlined">{h.motto}</strong>
          <p>
            <em>{h.placeAndDate}</em>
          </p>
        </div>
      </header>
      <h3 className="report-title">
        {doc.kind}
        <br />
        {doc.subject}
      </h3>
      <p className="report-scope">{doc.scope}</p>
      <Blocks blocks={doc.body} />
      <footer className="report-closing">
        <div>
          <strong>
            <em>Nơi nhận:</em>
          </strong>
          <ul>
            {doc.closing.recipients.map((r) => (
              <li key={r}>- {r}</li>
            ))}
          </ul>
        </div>
        <div className="report-signer">
          {doc.closing.signerTitle.map((line) => (
            <strong key={line}>{line}</strong>
          ))}
          <strong className="report-signer-name">{doc.closing.signerName}</strong>
        </div>
      </footer>
      {doc.annex && (
        <section className="report-annex" aria-label={doc.annex.title}>
          <h4 className="report-title">
            {doc.annex.title}
            <br />
            {doc.annex.subject}
          </h4>
          <p className="report-scope">{doc.annex.note}</p>
          <Blocks blocks={doc.annex.blocks} />
        </section>
      )}
    </article>
  );
}

function Blocks({ blocks }: { blocks: Block[] }) {
  // Blocks have no id of their own; their order is the document's.
  // biome-ignore lint/suspicious/noArrayIndexKey: see above
  return blocks.map((b, i) => <BlockView key={i} block={b} />);
}

function BlockView({ block: b }: { block: Block }) {
  switch (b.kind) {
    case "heading":
      return <h4>{b.text}</h4>;
    case "subheading":
      return (
        <h5>
          <em>{b.text}</em>
        </h5>
      );
    case "para":
      return <p className="report-para">{b.text}</p>;
    case "placeholder":
      return (
        <p className="report-para">
          <em>{b.text}</em>
        </p>
      );
    case "notice":
      return (
        <p className="report-notice" role="note">
          {b.text}
        </p>
      );
    case "chart":
      return (
        <figure className="report-chart">
          <img src={`data:image/png;base64,${b.png}`} alt={b.caption} width={b.width} height={b.height} />
          <figcaption>{b.caption}</figcaption>
        </figure>
      );
    case "table":
      return (
        <table className="report-table">
          <thead>
            <tr>
              {b.headers.map((head) => (
                <th key={head} scope="col">
                  {head}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...b.rows, ...(b.totals ? [b.totals] : [])].map((row, r) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows of a fixed table
              <tr key={r} className={b.totals && r === b.rows.length ? "report-totals" : undefined}>
                {row.map((cell, c) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells of a fixed-width row
                  <td key={c} className={`align-${b.align[c] ?? "left"}`}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
  }
}
