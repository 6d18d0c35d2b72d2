import path from "node:path";
import type { TReportModel } from "@qt/shared/schemas/reports";
import pdfMake from "pdfmake";
import type { Alignment, Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces";
import { type Block, documentNumberLine, placeAndDate, reportBlocks, type TableBlock } from "./content.ts";
import { FONT_FILES, NATIONAL_MOTTO, NATIONAL_NAME } from "./labels.ts";

const fontsDir = path.dirname(FONT_FILES.normal);
pdfMake.setFonts({ LiberationSerif: FONT_FILES });
// Only the shipped fonts may be read from disk, and nothing fetched from the network: report text
// is user input, and pdfmake would otherwise resolve image/font URLs it finds in the definition.
pdfMake.setLocalAccessPolicy((p) => path.resolve(p).startsWith(fontsDir + path.sep));
pdfMake.setUrlAccessPolicy(() => false);

/** millimetres → PDF points */
const mm = (v: number) => (v * 72) / 25.4;

function table(b: TableBlock): Content {
  const align = (i: number): Alignment => b.align[i] ?? "left";
  const body: TableCell[][] = [
    b.headers.map((h) => ({ text: h, bold: true, alignment: "center" as const })),
    ...b.rows.map((r) => r.map((c, i) => ({ text: c, alignment: align(i) }))),
  ];
  if (b.totals) body.push(b.totals.map((c, i) => ({ text: c, bold: true, alignment: align(i) })));
  return {
    // headerRows: the header row is repeated on every page the table spans.
    table: { headerRows: 1, dontBreakRows: true, widths: b.widths.map((w) => `${w}%`), body },
    fontSize: 12,
    margin: [0, 4, 0, 10],
  };
}

function block(b: Block): Content {
  switch (b.kind) {
    case "heading":
      return { text: b.text, bold: true, margin: [0, 10, 0, 6] };
    case "subheading":
      return { text: b.text, bold: true, italics: true, margin: [0, 8, 0, 4] };
    case "para":
      return { text: b.text, alignment: "justify", leadingIndent: mm(10), margin: [0, 0, 0, 6] };
    case "table":
      return table(b);
    case "chart":
      return [
        { image: `data:image/png;base64,${b.png.toString("base64")}`, width: 440, alignment: "center" },
        { text: b.caption, italics: true, fontSize: 12, alignment: "center", margin: [0, 2, 0, 8] },
      ];
  }
}

export function pdfDefinition(model: TReportModel): TDocumentDefinitions {
  const o = model.options;
  return {
    pageSize: "A4",
    // [left, top, right, bottom], as the Word document: 30 / 20 / 15 / 20 mm.
    pageMargins: [mm(30), mm(20), mm(15), mm(20)],
    info: { title: o.title, author: o.issuingBody },
    defaultStyle: { font: "LiberationSerif", fontSize: 13, lineHeight: 1.15 },
    footer: (current, total) => ({ text: `${current}/${total}`, alignment: "center", fontSize: 11 }),
    content: [
      {
        columns: [
          {
            width: "40%",
            stack: [
              { text: o.issuingBody, bold: true, decoration: "underline" },
              { text: documentNumberLine(model), margin: [0, 6, 0, 0] },
            ],
            alignment: "center",
          },
          {
            width: "60%",
            stack: [
              { text: NATIONAL_NAME, bold: true, fontSize: 12 },
              { text: NATIONAL_MOTTO, bold: true, decoration: "underline" },
              { text: placeAndDate(model), italics: true, margin: [0, 6, 0, 0] },
            ],
            alignment: "center",
          },
        ],
      },
      { text: "BÁO CÁO", bold: true, alignment: "center", margin: [0, 18, 0, 0] },
      { text: o.title, bold: true, alignment: "center" },
      { text: `(${model.scopeLine})`, italics: true, alignment: "center", margin: [0, 0, 0, 10] },
      ...reportBlocks(model).map(block),
      {
        columns: [
          {
            width: "50%",
            stack: [
              { text: "Nơi nhận:", bold: true, italics: true, fontSize: 12 },
              ...o.recipients.map((r) => ({ text: `- ${r}`, fontSize: 11 })),
            ],
          },
          {
            width: "50%",
            alignment: "center",
            stack: [
              { text: o.signerTitle, bold: true },
              { text: o.signerName, bold: true, margin: [0, 60, 0, 0] },
            ],
          },
        ],
        margin: [0, 16, 0, 0],
        unbreakable: true,
      },
    ],
  };
}

export async function renderPdf(model: TReportModel): Promise<Buffer> {
  return pdfMake.createPdf(pdfDefinition(model)).getBuffer();
}
