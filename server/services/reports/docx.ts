import type { TReportDocument } from "@qt/shared/schemas/report-document";
import type { TReportModel } from "@qt/shared/schemas/reports";
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { type Block, reportDocument, type TableBlock } from "./content.ts";

/** Nghị định 30/2020/NĐ-CP, Phụ lục I: A4, Times New Roman 13–14 pt, margins in millimetres. */
const mm = (v: number) => Math.round((v * 1440) / 25.4);
export const DOCX_LAYOUT = {
  page: { width: 11906, height: 16838 },
  margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) },
  font: "Times New Roman",
  /** half-points: 14 pt body, 13 pt tables. */
  bodySize: 28,
  tableSize: 26,
} as const;

const ALIGN = { left: AlignmentType.LEFT, right: AlignmentType.RIGHT, center: AlignmentType.CENTER } as const;
const none = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };

const p = (
  text: string,
  o: {
    bold?: boolean;
    italics?: boolean;
    underline?: boolean;
    size?: number;
    align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  } = {},
) =>
  new Paragraph({
    alignment: o.align ?? AlignmentType.CENTER,
    children: [
      new TextRun({ text, bold: o.bold, italics: o.italics, size: o.size, underline: o.underline ? {} : undefined }),
    ],
  });

/**
 * Supervising and issuing body (left; the issuing body bold and underlined) and national name and
 * motto (right), then the number and the place and date.
 */
function letterhead(d: TReportDocument): Table {
  const h = d.heading;
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({ children, width: { size: width, type: WidthType.PERCENTAGE }, borders: noBorders });
  const agency = [
    ...(h.supervisingBody ? [p(h.supervisingBody, { size: 26 })] : []),
    p(h.issuingBody, { bold: true, size: 26, underline: true }),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: noBorders,
    rows: [
      new TableRow({
        children: [
          cell(agency, 40),
          cell(
            [p(h.nationalName, { bold: true, size: 24 }), p(h.motto, { bold: true, size: 26, underline: true })],
            60,
          ),
        ],
      }),
      new TableRow({
        children: [cell([p(h.documentNumber, { size: 26 })], 40), cell([p(h.placeAndDate, { italics: true })], 60)],
      }),
    ],
  });
}

/** The table's header and first body rows, kept on one page with the rows after them. */
const KEPT_ROWS = 3;

/** Width of the text area in twips (page less margins): where tables lay out their columns. */
const TEXT_WIDTH = DOCX_LAYOUT.page.width - DOCX_LAYOUT.margin.left - DOCX_LAYOUT.margin.right;

function table(b: TableBlock): Table {
  // Column widths in twips as well as percentages: LibreOffice ignores percentage cell widths and
  // would otherwise squeeze the money column until "4.928.650.000" wraps.
  const twips = b.headers.map((_, i) => Math.round(((b.widths[i] ?? 10) / 100) * TEXT_WIDTH));
  const count = 1 + b.rows.length + (b.totals ? 1 : 0);
  const cell = (text: string, i: number, at: number, row: "head" | "body" | "total" = "body") =>
    new TableCell({
      width: { size: twips[i] ?? 0, type: WidthType.DXA },
      children: [
        new Paragraph({
          alignment: row === "head" ? AlignmentType.CENTER : ALIGN[b.align[i] ?? "left"],
          // The header and the first rows keep with the rows after them (a table never starts with
          // its header alone at a page foot; its heading keeps with the header), and the last row
          // before the totals with them (no totals row alone at the top of a page).
          keepNext: (at < KEPT_ROWS || at === count - 2) && at < count - 1,
          children: [new TextRun({ text, bold: row !== "body", size: DOCX_LAYOUT.tableSize })],
        }),
      ],
    });
  const rows = [
    // Repeated at the top of every page the table spans.
    new TableRow({ tableHeader: true, cantSplit: true, children: b.headers.map((h, i) => cell(h, i, 0, "head")) }),
    ...b.rows.map((r, at) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i, at + 1)) })),
  ];
  if (b.totals) {
    rows.push(new TableRow({ cantSplit: true, children: b.totals.map((c, i) => cell(c, i, count - 1, "total")) }));
  }
  return new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: twips, rows });
}

function block(b: Block): (Paragraph | Table)[] {
  switch (b.kind) {
    // Headings keep with what follows: never alone at the foot of a page.
    case "heading":
      return [
        new Paragraph({
          keepNext: true,
          spacing: { before: 240, after: 120 },
          children: [new TextRun({ text: b.text, bold: true })],
        }),
      ];
    case "subheading":
      return [
        new Paragraph({
          keepNext: true,
          spacing: { before: 160, after: 80 },
          children: [new TextRun({ text: b.text, bold: true, italics: true })],
        }),
      ];
    case "placeholder":
      return [
        new Paragraph({
          indent: { firstLine: mm(10) },
          spacing: { after: 120 },
          children: [new TextRun({ text: b.text, italics: true })],
        }),
      ];
    case "para":
      return [
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: mm(10) },
          spacing: { after: 120 },
          children: [new TextRun(b.text)],
        }),
      ];
    case "notice": {
      const line = { style: BorderStyle.SINGLE, size: 12, color: "C00000", space: 4 };
      return [
        new Paragraph({
          border: { top: line, bottom: line, left: line, right: line },
          spacing: { before: 120, after: 240 },
          children: [new TextRun({ text: b.text, bold: true, color: "C00000" })],
        }),
      ];
    }
    case "table":
      return [table(b), new Paragraph({ children: [] })];
    case "chart":
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          // A figure and its caption stay on one page: a caption alone at the top of the next page
          // reads as the caption of the figure under it.
          keepNext: true,
          children: [
            new ImageRun({
              type: "png",
              data: Buffer.from(b.png, "base64"),
              transformation: { width: 560, height: Math.round((560 * b.height) / b.width) },
            }),
          ],
        }),
        p(b.caption, { italics: true, size: 24 }),
      ];
  }
}

/**
 * "Nơi nhận" on the left, the signature on the right: the signer's title, about three centimetres
 * for the signature and the seal, then the name (Nghị định 30, Phụ lục I).
 */
function closing(d: TReportDocument): Table {
  const c = d.closing;
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({ children, width: { size: width, type: WidthType.PERCENTAGE }, borders: noBorders });
  const left = [
    new Paragraph({ children: [new TextRun({ text: "Nơi nhận:", bold: true, italics: true, size: 24 })] }),
    ...c.recipients.map((r) => new Paragraph({ children: [new TextRun({ text: `- ${r}`, size: 22 })] })),
  ];
  const right = [
    ...c.signerTitle.map((line) => p(line, { bold: true })),
    new Paragraph({ spacing: { before: SIGNATURE_SPACE }, children: [] }),
    p(c.signerName, { bold: true }),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: noBorders,
    rows: [new TableRow({ cantSplit: true, children: [cell(left, 50), cell(right, 50)] })],
  });
}

/** Room for the signature and the seal between the signer's title and name: 30 mm. */
const SIGNATURE_SPACE = mm(30);

/** Nghị định 30: page numbers in Arabic numerals, top centre, none on the first page. */
const pageNumberHeader = () =>
  new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], size: 26 })],
      }),
    ],
  });

function annex(a: NonNullable<TReportDocument["annex"]>): (Paragraph | Table)[] {
  return [
    new Paragraph({
      pageBreakBefore: true,
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: a.title, bold: true })],
    }),
    p(a.subject, { bold: true }),
    p(a.note, { italics: true }),
    new Paragraph({ children: [] }),
    ...a.blocks.flatMap(block),
  ];
}

export async function renderDocx(model: TReportModel): Promise<Buffer> {
  const d = reportDocument(model);
  const doc = new Document({
    creator: model.options.issuingBody,
    title: d.subject,
    styles: { default: { document: { run: { font: DOCX_LAYOUT.font, size: DOCX_LAYOUT.bodySize } } } },
    sections: [
      {
        properties: { page: { size: DOCX_LAYOUT.page, margin: DOCX_LAYOUT.margin }, titlePage: true },
        headers: { default: pageNumberHeader(), first: new Header({ children: [new Paragraph({ children: [] })] }) },
        children: [
          letterhead(d),
          new Paragraph({ children: [] }),
          p(d.kind, { bold: true }),
          p(d.subject, { bold: true }),
          p(d.scope, { italics: true }),
          ...d.body.flatMap(block),
          new Paragraph({ children: [] }),
          closing(d),
          ...(d.annex ? annex(d.annex) : []),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
