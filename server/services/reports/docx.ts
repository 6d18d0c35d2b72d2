import type { TReportModel } from "@qt/shared/schemas/reports";
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
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
import { type Block, documentNumberLine, placeAndDate, reportBlocks, type TableBlock } from "./content.ts";
import { NATIONAL_MOTTO, NATIONAL_NAME } from "./labels.ts";

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

/** Issuing body (left) and national name and motto (right), both underlined, then number and date. */
function letterhead(model: TReportModel): Table {
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({ children, width: { size: width, type: WidthType.PERCENTAGE }, borders: noBorders });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: noBorders,
    rows: [
      new TableRow({
        children: [
          cell([p(model.options.issuingBody, { bold: true, size: 26, underline: true })], 40),
          cell(
            [p(NATIONAL_NAME, { bold: true, size: 24 }), p(NATIONAL_MOTTO, { bold: true, size: 26, underline: true })],
            60,
          ),
        ],
      }),
      new TableRow({
        children: [
          cell([p(documentNumberLine(model), { size: 26 })], 40),
          cell([p(placeAndDate(model), { italics: true })], 60),
        ],
      }),
    ],
  });
}

/** Width of the text area in twips (page less margins): where tables lay out their columns. */
const TEXT_WIDTH = DOCX_LAYOUT.page.width - DOCX_LAYOUT.margin.left - DOCX_LAYOUT.margin.right;

function table(b: TableBlock): Table {
  // Column widths in twips as well as percentages: LibreOffice ignores percentage cell widths and
  // would otherwise squeeze the money column until "4.928.650.000" wraps.
  const twips = b.headers.map((_, i) => Math.round(((b.widths[i] ?? 10) / 100) * TEXT_WIDTH));
  const cell = (text: string, i: number, row: "head" | "body" | "total" = "body") =>
    new TableCell({
      width: { size: twips[i] ?? 0, type: WidthType.DXA },
      children: [
        new Paragraph({
          alignment: row === "head" ? AlignmentType.CENTER : ALIGN[b.align[i] ?? "left"],
          children: [new TextRun({ text, bold: row !== "body", size: DOCX_LAYOUT.tableSize })],
        }),
      ],
    });
  const rows = [
    // Repeated at the top of every page the table spans.
    new TableRow({ tableHeader: true, cantSplit: true, children: b.headers.map((h, i) => cell(h, i, "head")) }),
    ...b.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i)) })),
  ];
  if (b.totals) rows.push(new TableRow({ cantSplit: true, children: b.totals.map((c, i) => cell(c, i, "total")) }));
  return new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: twips, rows });
}

function block(b: Block): (Paragraph | Table)[] {
  switch (b.kind) {
    case "heading":
      return [
        new Paragraph({ spacing: { before: 240, after: 120 }, children: [new TextRun({ text: b.text, bold: true })] }),
      ];
    case "subheading":
      return [
        new Paragraph({
          spacing: { before: 160, after: 80 },
          children: [new TextRun({ text: b.text, bold: true, italics: true })],
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
    case "table":
      return [table(b), new Paragraph({ children: [] })];
    case "chart":
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new ImageRun({
              type: "png",
              data: b.png,
              transformation: { width: 560, height: Math.round((560 * b.height) / b.width) },
            }),
          ],
        }),
        p(b.caption, { italics: true, size: 24 }),
      ];
  }
}

/** Signature block on the right, "Nơi nhận" on the left (Nghị định 30, Phụ lục I). */
function closing(model: TReportModel): Table {
  const o = model.options;
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({ children, width: { size: width, type: WidthType.PERCENTAGE }, borders: noBorders });
  const left = [
    new Paragraph({ children: [new TextRun({ text: "Nơi nhận:", bold: true, italics: true, size: 24 })] }),
    ...o.recipients.map((r) => new Paragraph({ children: [new TextRun({ text: `- ${r}`, size: 22 })] })),
  ];
  const right = [p(o.signerTitle, { bold: true }), p(""), p(""), p(""), p(o.signerName, { bold: true })];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: noBorders,
    rows: [new TableRow({ children: [cell(left, 50), cell(right, 50)] })],
  });
}

export async function renderDocx(model: TReportModel): Promise<Buffer> {
  const doc = new Document({
    creator: model.options.issuingBody,
    title: model.options.title,
    styles: { default: { document: { run: { font: DOCX_LAYOUT.font, size: DOCX_LAYOUT.bodySize } } } },
    sections: [
      {
        properties: { page: { size: DOCX_LAYOUT.page, margin: DOCX_LAYOUT.margin } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], size: 24 })],
              }),
            ],
          }),
        },
        children: [
          letterhead(model),
          new Paragraph({ children: [] }),
          p("BÁO CÁO", { bold: true }),
          p(model.options.title, { bold: true }),
          p(`(${model.scopeLine})`, { italics: true }),
          ...reportBlocks(model).flatMap(block),
          closing(model),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
