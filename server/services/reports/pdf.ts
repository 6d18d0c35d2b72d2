import path from "node:path";
import type { TReportDocument } from "@qt/shared/schemas/report-document";
import type { TReportModel } from "@qt/shared/schemas/reports";
import pdfMake from "pdfmake";
import type { Alignment, Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces";
import { type Block, reportDocument, type TableBlock } from "./content.ts";
import { FONT_FILES } from "./labels.ts";

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
    // headerRows: the header row is repeated on every page the table spans; keepWithHeaderRows:
    // it never stands alone at a page foot, the first rows go with it.
    table: { headerRows: 1, keepWithHeaderRows: 2, dontBreakRows: true, widths: b.widths.map((w) => `${w}%`), body },
    fontSize: 12,
    margin: [0, 4, 0, 10],
  };
}

function block(b: Block): Content {
  switch (b.kind) {
    // headlineLevel: see keepHeadingsWithNext.
    case "heading":
      return { text: b.text, bold: true, margin: [0, 10, 0, 6], headlineLevel: 1 };
    case "subheading":
      return { text: b.text, bold: true, italics: true, margin: [0, 8, 0, 4], headlineLevel: 1 };
    case "placeholder":
      return { text: b.text, italics: true, leadingIndent: mm(10), margin: [0, 0, 0, 6] };
    case "para":
      return { text: b.text, alignment: "justify", leadingIndent: mm(10), margin: [0, 0, 0, 6] };
    case "notice":
      return {
        table: { widths: ["*"], body: [[{ text: b.text, bold: true, color: "#C00000", margin: [4, 4, 4, 4] }]] },
        margin: [0, 4, 0, 10],
      };
    case "table":
      return table(b);
    case "chart":
      // One unbreakable block: a figure and its caption stay on one page.
      return [
        {
          unbreakable: true,
          stack: [
            { image: `data:image/png;base64,${b.png}`, width: 440, alignment: "center" },
            { text: b.caption, italics: true, fontSize: 12, alignment: "center", margin: [0, 2, 0, 8] },
          ],
        },
      ];
  }
}

const isShortTable = (b: Block | undefined) => b?.kind === "table" && b.rows.length + 2 <= SHORT_TABLE;

/**
 * The blocks in order; a short table is never split (no totals row alone on a page), and goes with
 * the heading before it as one unbreakable block: moved whole to the next page, it takes its
 * heading along.
 */
function blocks(list: Block[]): Content[] {
  const out: Content[] = [];
  for (let i = 0; i < list.length; i++) {
    const b = list[i] as Block;
    const next = list[i + 1];
    if ((b.kind === "heading" || b.kind === "subheading") && isShortTable(next)) {
      // Without headlineLevel: a page break asked for inside an unbreakable block loses the block.
      const heading = { ...(block(b) as object), headlineLevel: undefined } as Content;
      out.push({ unbreakable: true, stack: [heading, block(next as Block)] });
      i++;
    } else if (isShortTable(b)) out.push({ unbreakable: true, stack: [block(b)] });
    else out.push(block(b));
  }
  return out;
}

/** Heading, "BÁO CÁO" and subject, the sections, then "Nơi nhận" and the signature; the annex after. */
export function pdfDefinition(model: TReportModel): TDocumentDefinitions {
  const d = reportDocument(model);
  const h = d.heading;
  return {
    pageSize: "A4",
    // [left, top, right, bottom], as the Word document: 30 / 20 / 15 / 20 mm.
    pageMargins: [mm(30), mm(20), mm(15), mm(20)],
    info: { title: d.subject, author: h.issuingBody },
    defaultStyle: { font: "LiberationSerif", fontSize: 13, lineHeight: 1.15 },
    // Nghị định 30: Arabic numerals, top centre, none on the first page.
    header: (current) =>
      current === 1 ? null : { text: String(current), alignment: "center", fontSize: 13, margin: [0, mm(10), 0, 0] },
    pageBreakBefore: keepHeadingsWithNext,
    content: [
      {
        columns: [
          {
            width: "40%",
            stack: [
              ...(h.supervisingBody ? [{ text: h.supervisingBody }] : []),
              { text: h.issuingBody, bold: true, decoration: "underline" },
              { text: h.documentNumber, margin: [0, 6, 0, 0] },
            ],
            alignment: "center",
          },
          {
            width: "60%",
            stack: [
              { text: h.nationalName, bold: true, fontSize: 12 },
              { text: h.motto, bold: true, decoration: "underline" },
              { text: h.placeAndDate, italics: true, margin: [0, 6, 0, 0] },
            ],
            alignment: "center",
          },
        ],
      },
      { text: d.kind, bold: true, alignment: "center", margin: [0, 18, 0, 0] },
      { text: d.subject, bold: true, alignment: "center" },
      { text: d.scope, italics: true, alignment: "center", margin: [0, 0, 0, 10] },
      ...blocks(d.body),
      closing(d),
      ...(d.annex ? annex(d.annex) : []),
    ],
  };
}

/**
 * A heading that would end a page starts the next one instead: when nothing follows it on its page,
 * or when less room is left below it than the heading, a table's header and two rows take. (The
 * nodes a table moves to the next page still report their first place, so the room is what counts.)
 */
const keepHeadingsWithNext: NonNullable<TDocumentDefinitions["pageBreakBefore"]> = (node, nodes) => {
  if (node.headlineLevel !== 1) return false;
  const { verticalRatio, pageInnerHeight } = node.startPosition;
  return (1 - verticalRatio) * pageInnerHeight < HEADING_WITH_TABLE || nodes.getFollowingNodesOnPage().length === 0;
};
/** Points: a heading line, a two-line table header and two rows. */
const HEADING_WITH_TABLE = mm(40);
/** A table of this many rows or fewer is not split across pages (no totals row alone on a page). */
const SHORT_TABLE = 8;

function closing(d: TReportDocument): Content {
  const c = d.closing;
  return {
    columns: [
      {
        width: "50%",
        stack: [
          { text: "Nơi nhận:", bold: true, italics: true, fontSize: 12 },
          ...c.recipients.map((r) => ({ text: `- ${r}`, fontSize: 11 })),
        ],
      },
      {
        width: "50%",
        alignment: "center",
        stack: [
          ...c.signerTitle.map((line) => ({ text: line, bold: true })),
          // About 30 mm for the signature and the seal.
          { text: c.signerName || " ", bold: true, margin: [0, mm(30), 0, 0] },
        ],
      },
    ],
    margin: [0, 16, 0, 0],
    unbreakable: true,
  };
}

function annex(a: NonNullable<TReportDocument["annex"]>): Content[] {
  return [
    { text: a.title, bold: true, alignment: "center", pageBreak: "before" },
    { text: a.subject, bold: true, alignment: "center" },
    { text: a.note, italics: true, alignment: "center", margin: [0, 0, 0, 10] },
    ...blocks(a.blocks),
  ];
}

export async function renderPdf(model: TReportModel): Promise<Buffer> {
  return pdfMake.createPdf(pdfDefinition(model)).getBuffer();
}
