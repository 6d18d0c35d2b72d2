import { z } from "zod";

/**
 * The printed report as one content object (server/services/reports/content.ts): the Word and PDF
 * writers lay it out and the builder's preview shows it, so the preview is what the download
 * contains (decision 019). Text only, never markup; charts are the very PNGs the files embed.
 */
const ZTableBlock = z.object({
  kind: z.literal("table"),
  headers: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  /** Printed bold under the rows. */
  totals: z.array(z.string()).optional(),
  /** Column widths in percent of the text width. */
  widths: z.array(z.number()),
  align: z.array(z.enum(["left", "right", "center"])),
});
const ZChartBlock = z.object({
  kind: z.literal("chart"),
  /** PNG, base64. */
  png: z.string(),
  width: z.number(),
  height: z.number(),
  caption: z.string(),
});
export const ZBlock = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("heading"), text: z.string() }),
  z.object({ kind: z.literal("subheading"), text: z.string() }),
  z.object({ kind: z.literal("para"), text: z.string() }),
  /** Printed in italics where the office writes its own text: "(nội dung do đơn vị soạn)". */
  z.object({ kind: z.literal("placeholder"), text: z.string() }),
  /** Printed framed and bold, before the sections: the demo-data warning (decision 023). */
  z.object({ kind: z.literal("notice"), text: z.string() }),
  ZTableBlock,
  ZChartBlock,
]);
export type Block = z.infer<typeof ZBlock>;
export type TableBlock = z.infer<typeof ZTableBlock>;
export type ChartBlock = z.infer<typeof ZChartBlock>;

export const ZReportDocument = z.object({
  /** What the document was made with, so a download can ask for exactly this one. */
  meta: z.object({
    /** yyyy-mm-dd: the date printed (today in Vietnam when the options named none). */
    date: z.string(),
    draft: z.object({ id: z.number(), version: z.number() }).nullable(),
  }),
  /** Nghị định 30/2020/NĐ-CP heading: supervising and issuing body (left), nation and motto (right). */
  heading: z.object({
    supervisingBody: z.string(),
    issuingBody: z.string(),
    documentNumber: z.string(),
    nationalName: z.string(),
    motto: z.string(),
    placeAndDate: z.string(),
  }),
  /** "BÁO CÁO", once; the subject under it; the scope line. */
  kind: z.string(),
  subject: z.string(),
  scope: z.string(),
  /** The figures' sections, then the narrative's, numbered I, II, … in print order. */
  body: z.array(ZBlock),
  closing: z.object({
    recipients: z.array(z.string()),
    /** One entry per line ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"); a dotted line when nobody was chosen. */
    signerTitle: z.array(z.string()),
    signerName: z.string(),
  }),
  /** After the signature, on its own pages. */
  annex: z
    .object({
      title: z.string(),
      subject: z.string(),
      /** "(Kèm theo Báo cáo số … ngày … của …)" */
      note: z.string(),
      blocks: z.array(ZBlock),
    })
    .nullable(),
});
export type TReportDocument = z.infer<typeof ZReportDocument>;
