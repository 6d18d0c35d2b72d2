import { PassThrough, type Readable } from "node:stream";
import { foldVietnamese } from "@qt/shared/domain";
import { formerNameOf } from "@qt/shared/province";
import type { TReportDocument } from "@qt/shared/schemas/report-document";
import {
  CSV_SEPARATORS,
  type CsvSeparator,
  type ReportFormat,
  type ReportTable,
  type TReportModel,
  type TReportOptions,
} from "@qt/shared/schemas/reports";
import { label } from "@qt/shared/vocabulary";
import type { SessionUser } from "../../context.ts";
import type { Db } from "../../db.ts";
import { auditNames, type NameRule, nameRule } from "../accounts/personal-data.ts";
import { writeAudit } from "../audit/write.ts";
import { csvStream } from "./csv.ts";
import { buildReportModel } from "./model.ts";
import { type ReportScope, resolveScope } from "./report-scope.ts";
import { awardNameCounts, tableSpec } from "./tables.ts";

export type ReportFile = { filename: string; contentType: string; body: Buffer | Readable };

export const CONTENT_TYPES = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
  csv: "text/csv; charset=utf-8",
} as const;

function filename(model: TReportModel, what: string, ext: string, variant = ""): string {
  const territory = model.options.formerProvinceCode
    ? formerNameOf(model.province, model.options.formerProvinceCode)
    : `Toàn ${model.province.type.toLocaleLowerCase("vi")}`;
  const scope = model.districts.length ? model.districts.map((d) => d.name).join(", ") : territory;
  // A file passed on without the product still says it holds demo records (decision 023).
  // No parentheses: the ASCII fallback name would end in "-.docx".
  const demo = model.demo.records > 0 ? " - có số liệu minh họa" : "";
  const { fromYear, toYear } = model.options;
  const years = fromYear === toYear ? String(fromYear) : `${fromYear}-${toYear}`;
  return `${what} ${years} - ${scope}${demo}${variant}.${ext}`;
}

/** The same name without diacritics or unsafe characters, for the plain `filename=` parameter. */
export function asciiFilename(name: string): string {
  return foldVietnamese(name)
    .replace(/[^a-z0-9.-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/-+\./g, "."); // "… (cũ).docx" ends "-cu.docx", not "-cu-.docx"
}

/** Content-Disposition with an ASCII fallback and the Vietnamese name as RFC 5987 `filename*`. */
export function contentDisposition(name: string): string {
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFilename(name)}"; filename*=UTF-8''${encoded}`;
}

/** Who exports: a signed-in user over HTTP, or a scheduled job through the CLI (no user). */
export type Exporter = { user: SessionUser | null; via: "http" | "cli" };

async function audit(db: Db, by: Exporter, what: string, options: TReportOptions) {
  const { formerProvinceCode, view, fromYear, toYear, from, to, compare, kind, districtCodes, sections, approvedOnly } =
    options;
  await writeAudit(db, {
    user: by.user,
    action: "export",
    entity: "report",
    entityId: what,
    after: {
      formerProvinceCode: formerProvinceCode ?? null,
      view,
      fromYear,
      toYear,
      from,
      to,
      compare: compare ?? null,
      kind,
      districtCodes,
      sections,
      approvedOnly,
      via: by.via,
    },
  });
}

/** The exporter's rule for recipients' names, after auditing how many the file will carry (personal-data.ts). */
async function auditedNames(db: Db, by: Exporter, scope: ReportScope, file: string): Promise<NameRule> {
  const rule = nameRule(by.user);
  const counts = await awardNameCounts(db, scope, rule);
  await auditNames(db, by.user, { entityId: file, rule, ...counts, via: by.via });
  return rule;
}

/**
 * The summary report as Word, Excel or PDF. Word and PDF are built in memory (a few hundred KB);
 * Excel streams, since it carries every site. The export is audited before any byte is sent.
 */
export async function exportReport(
  db: Db,
  by: Exporter,
  options: TReportOptions,
  format: ReportFormat,
): Promise<ReportFile> {
  const scope = await resolveScope(db, options);
  const model = await buildReportModel(db, options, scope);
  await audit(db, by, `summary.${format}`, options);
  const name = filename(model, "Báo cáo", format);
  // Each writer is loaded on first use: together they keep about 17 MB of heap live, and V8 lets
  // the heap grow to a multiple of what stays live before it collects, so a million-row export
  // in a process holding all three peaked some 50–90 MB higher (docs/decisions/006).
  if (format === "docx") {
    const { renderDocx } = await import("./docx.ts");
    return { filename: name, contentType: CONTENT_TYPES.docx, body: await renderDocx(model) };
  }
  if (format === "pdf") {
    const { renderPdf } = await import("./pdf.ts");
    return { filename: name, contentType: CONTENT_TYPES.pdf, body: await renderPdf(model) };
  }
  const names = await auditedNames(db, by, scope, `summary.${format}`);
  const { writeXlsx } = await import("./xlsx.ts");
  const out = new PassThrough();
  // When the reader goes away (download cancelled), stop producing rows.
  const abort = new AbortController();
  out.on("close", () => abort.abort());
  writeXlsx(db, scope, model, out, abort.signal, names).catch((err: unknown) => {
    if (!abort.signal.aborted) out.destroy(err as Error);
  });
  return { filename: name, contentType: CONTENT_TYPES.xlsx, body: out };
}

/**
 * The report as the Word and PDF files print it (content.ts), for the builder's preview. content.ts
 * is loaded on first use, like the writers: it carries the chart renderer.
 */
export async function previewReport(db: Db, options: TReportOptions): Promise<TReportDocument> {
  const { reportDocument } = await import("./content.ts");
  return reportDocument(await buildReportModel(db, options));
}

export async function exportCsv(
  db: Db,
  by: Exporter,
  options: TReportOptions,
  table: ReportTable,
  sep: CsvSeparator = "comma",
): Promise<ReportFile> {
  const scope = await resolveScope(db, options);
  const model = await buildReportModel(db, options, scope);
  await audit(db, by, `${table}.csv`, options);
  const names = table === "awards" ? await auditedNames(db, by, scope, "awards.csv") : nameRule(by.user);
  // The name says which separator, so a file passed on still tells how to open it.
  const variant = sep === "semicolon" ? " - dấu chấm phẩy" : "";
  return {
    filename: filename(model, label("reportTable", table), "csv", variant),
    contentType: CONTENT_TYPES.csv,
    body: csvStream(tableSpec(db, scope, model, table, names), CSV_SEPARATORS[sep]),
  };
}
