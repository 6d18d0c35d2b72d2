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

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

export async function pdfText(buf: Buffer): Promise<{ pages: number; text: string; pageSize: number[] }> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(buf), verbosity: 0 }).promise;
  const parts: string[] = [];
  let pageSize: number[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    if (i === 1) pageSize = page.view;
    const content = await page.getTextContent();
    parts.push(content.items.map((it) => ("str" in it ? it.str : "")).join("\n"));
  }
  await doc.destroy();
  return { pages: doc.numPages, text: parts.join("\n"), pageSize };
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
