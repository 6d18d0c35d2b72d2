import { PassThrough, type Readable } from "node:stream";
import ExcelJS from "exceljs";
import JSZip from "jszip";

/** Readers of the generated files for the report tests: real parsers, no string-matching of bytes. */

export async function collect(body: Buffer | Readable): Promise<Buffer> {
  if (Buffer.isBuffer(body)) return body;
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

export async function docxParts(buf: Buffer): Promise<{ document: string; styles: string; text: string }> {
  const zip = await JSZip.loadAsync(buf);
  const document = (await zip.file("word/document.xml")?.async("string")) ?? "";
  const styles = (await zip.file("word/styles.xml")?.async("string")) ?? "";
  const text = [...document.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("\n");
  return { document, styles, text: unescapeXml(text) };
}

/** The text of each header part the body's section refers to, by its type ("first", "default"). */
export async function docxHeaders(buf: Buffer): Promise<{ titlePage: boolean; headers: Record<string, string> }> {
  const zip = await JSZip.loadAsync(buf);
  const document = (await zip.file("word/document.xml")?.async("string")) ?? "";
  const rels = (await zip.file("word/_rels/document.xml.rels")?.async("string")) ?? "";
  const headers: Record<string, string> = {};
  for (const m of document.matchAll(/<w:headerReference w:type="(\w+)" r:id="(\w+)"\/>/g)) {
    const target = rels.match(new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"`))?.[1];
    headers[m[1] ?? ""] = (await zip.file(`word/${target}`)?.async("string")) ?? "";
  }
  return { titlePage: /<w:titlePg\/>/.test(document), headers };
}

/** The images the Word file embeds, base64. */
export async function docxImages(buf: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(buf);
  const media = zip.file(/^word\/media\//);
  return Promise.all(media.map((f) => f.async("base64")));
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

export async function pdfText(
  buf: Buffer,
): Promise<{ pages: number; text: string; pageSize: number[]; pageTexts: string[]; topMargin: string[] }> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(buf), verbosity: 0 }).promise;
  const parts: string[] = [];
  /** Per page, the text printed in the top 20 mm (the page's top margin): where its number goes. */
  const topMargin: string[] = [];
  let pageSize: number[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    if (i === 1) pageSize = page.view;
    const content = await page.getTextContent();
    const items = content.items.filter((it) => "str" in it);
    parts.push(items.map((it) => it.str).join("\n"));
    const top = page.view[3] ?? 0;
    const inMargin = items.filter((it) => (it.transform[5] ?? 0) > top - (20 * 72) / 25.4);
    topMargin.push(
      inMargin
        .map((it) => it.str)
        .join("")
        .trim(),
    );
  }
  await doc.destroy();
  return { pages: doc.numPages, text: parts.join("\n"), pageSize, pageTexts: parts, topMargin };
}

export async function readXlsx(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

export function xlsxSink(): { out: PassThrough; done: Promise<Buffer> } {
  const out = new PassThrough();
  return { out, done: collect(out) };
}

/** RFC 4180 as a spreadsheet reads it: quoted fields may hold commas, quotes and line breaks. */
export function parseCsv(text: string, sep = ","): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === sep) {
      row.push(cell);
      cell = "";
    } else if (!quoted && c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  return rows;
}

/** A sheet's data rows (cell values from column 1), without the header, blank lines and the totals row. */
export function sheetRows(wb: ExcelJS.Workbook, name: string): unknown[][] {
  const rows: unknown[][] = [];
  wb.getWorksheet(name)?.eachRow((row, i) => {
    const first = row.getCell(1).value;
    if (i > 1 && first !== null && !String(first).startsWith("Tổng cộng"))
      rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}
