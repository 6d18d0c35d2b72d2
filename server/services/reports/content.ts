import { approvalSentence } from "@qt/shared/approval-sentence";
import { formatDate, formatMoneyExact, formatMoneyShort, formatNumber } from "@qt/shared/format";
import { periodPhrase } from "@qt/shared/period";
import { BLANK_LINE } from "@qt/shared/report-words";
import type { Block, ChartBlock, TReportDocument } from "@qt/shared/schemas/report-document";
import { NARRATIVE_TITLES } from "@qt/shared/schemas/report-drafts";
import { NARRATIVE_SECTIONS, type ReportSection, type TReportModel } from "@qt/shared/schemas/reports";
import { label } from "@qt/shared/vocabulary";
import { DISTRICT_ATTRIBUTION } from "../maps/boundaries.ts";
import { barChartSvg, renderChart } from "./chart.ts";
import { comparisonSentence } from "./compare-words.ts";
import {
  type CoveredPlace,
  coveragePhrase,
  coverageWithRate,
  districtPlaces,
  listColumn,
  listHeading,
  provincePlaces,
  secondarySentence,
} from "./coverage-words.ts";
import {
  ANNEX_TITLE,
  DOCUMENT_KIND,
  NARRATIVE_PLACEHOLDER,
  NATIONAL_MOTTO,
  NATIONAL_NAME,
  SECTION_TITLES,
} from "./labels.ts";
import { MAP_FIGURE, reportCommuneMapSvg, reportMapSvg } from "./map.ts";
import { TARGETS_TITLE, targetBlocks } from "./target-words.ts";

export type { Block, TableBlock } from "@qt/shared/schemas/report-document";

const num = (v: number) => formatNumber(v);
/** "năm 2026", "giai đoạn 2007–2022", "từ 15/12/2025 đến 14/06/2026" */
const period = (m: TReportModel) => periodPhrase(m.options);
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The printed report as one object: the Word and PDF writers lay it out and the builder's preview
 * shows it (reports.preview), so the preview, the Word file and the PDF say the same thing, down to
 * the date and the chart images. Order (Nghị định 30/2020/NĐ-CP): heading, "BÁO CÁO" and its
 * subject, the figures' sections, the narrative's, then "Nơi nhận" and the signature, and the
 * annex after them.
 */
export function reportDocument(model: TReportModel): TReportDocument {
  const o = model.options;
  // The nation's annex would list its 10 000 communes over hundreds of pages: the Excel's sheet holds them.
  const annex = o.sections.includes("annex") && model.annex.length > 0 && !model.byProvince?.length;
  return {
    meta: { date: o.date, draft: model.draft && { id: model.draft.id, version: model.draft.version } },
    heading: {
      supervisingBody: o.supervisingBody,
      issuingBody: o.issuingBody,
      documentNumber: documentNumberLine(model),
      nationalName: NATIONAL_NAME,
      motto: NATIONAL_MOTTO,
      placeAndDate: placeAndDate(model),
    },
    kind: DOCUMENT_KIND,
    subject: subjectOf(o.title),
    scope: `(${model.scopeLine})`,
    body: bodyBlocks(model),
    closing: {
      recipients: o.recipients,
      signerTitle: signatureOf(model).title,
      signerName: signatureOf(model).name,
    },
    annex: annex
      ? {
          title: ANNEX_TITLE,
          subject: SECTION_TITLES.annex.toUpperCase(),
          note: `(Kèm theo Báo cáo số ${o.documentNumber || "     /BC-CAT"} ngày ${formatDate(o.date)} của ${o.issuingBody})`,
          blocks: BUILDERS.annex(model),
        }
      : null,
  };
}

/**
 * The signer's title (one entry per printed line) and name. Left blank, they print as dotted lines
 * for the office to fill: a report is never signed by a name the product made up.
 */
export function signatureOf(model: TReportModel): { title: string[]; name: string } {
  const { signerTitle, signerName } = model.options;
  const title = signerTitle.split("\n").filter(Boolean);
  return { title: title.length ? title : [BLANK_LINE], name: signerName || BLANK_LINE };
}

/** "Báo cáo tổng kết …" → "Tổng kết …": the kind is printed once, above the subject. */
export function subjectOf(title: string): string {
  const rest = title.replace(/^\s*báo\s+cáo[\s:.,–-]*/iu, "");
  return rest ? rest.charAt(0).toUpperCase() + rest.slice(1) : title;
}

/**
 * The figures' sections as chosen, then the five narrative sections, numbered I, II, … A section
 * with no saved text says so ("(nội dung do đơn vị soạn)") rather than vanishing: the office sees
 * what is left to write.
 */
function bodyBlocks(model: TReportModel): Block[] {
  const demo = demoSentence(model);
  const order: ReportSection[] = ["summary", "modelTypes", "cameras", "communities", "awards"];
  const parts: { title: string; blocks: Block[] }[] = order
    .filter((s) => model.options.sections.includes(s))
    .map((s) => ({ title: SECTION_TITLES[s], blocks: BUILDERS[s](model) }));
  // A report of one year with targets: their results, right after the overall results.
  const targets = targetBlocks(model);
  if (targets)
    parts.splice(model.options.sections.includes("summary") ? 1 : 0, 0, { title: TARGETS_TITLE, blocks: targets });
  const narrative = model.draft?.narrative;
  for (const key of NARRATIVE_SECTIONS) {
    const paragraphs = paragraphsOf(narrative?.[key] ?? "");
    parts.push({
      title: NARRATIVE_TITLES[key],
      blocks: paragraphs.length ? paragraphs : [{ kind: "placeholder", text: NARRATIVE_PLACEHOLDER }],
    });
  }
  return [
    ...(demo ? [{ kind: "notice" as const, text: demo }] : []),
    // Leaders read figures someone checked: the document says which were approved, and when.
    { kind: "para" as const, text: approvalSentence(model.approval) },
    ...parts.flatMap((p, i) => [
      { kind: "heading" as const, text: `${roman(i + 1)}. ${p.title.toUpperCase()}` },
      ...p.blocks,
    ]),
  ];
}

/** Plain text → one paragraph per non-empty line (what was typed is printed as text, never markup). */
function paragraphsOf(text: string): Block[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => ({ kind: "para", text: line }));
}

function chart(svg: string, caption: string): ChartBlock {
  const { png, width, height } = renderChart(svg, caption);
  return { kind: "chart", png: png.toString("base64"), width, height, caption };
}

/** The coverage map as a figure (docs/decisions/026), with its caption and attribution. */
function coverageMap(m: TReportModel): ChartBlock {
  const by = m.byProvince?.length ? "tỉnh, thành phố" : "huyện, thị xã, thành phố (cũ)";
  const caption = `Bản đồ 1. Tỷ lệ ${listHeading(m.summary.coverage.headline.list).toLowerCase()} có camera an ninh theo ${by}, ${period(m)}. ${DISTRICT_ATTRIBUTION}`;
  const { png, width, height } = renderChart(reportMapSvg(m), caption, MAP_FIGURE);
  return { kind: "chart", png: png.toString("base64"), width, height, caption };
}

/** The commune map (Bản đồ 2), when an admin loaded commune boundaries for the report's view. */
function communeMap(m: TReportModel): ChartBlock[] {
  const svg = reportCommuneMapSvg(m);
  if (!svg || !m.communeMap) return [];
  const what = m.communeMap.list === "two_level" ? "Xã, phường, đặc khu" : "Địa bàn cấp xã";
  const caption = `Bản đồ 2. ${what} có camera an ninh, ${period(m)}. Ranh giới: ${m.communeMap.attribution}`;
  const { png, width, height } = renderChart(svg, caption, MAP_FIGURE);
  return [{ kind: "chart", png: png.toString("base64"), width, height, caption }];
}

/**
 * The sentence every format prints when demo records count in the report's figures (decision
 * 023), or null when the figures hold real records only.
 */
export function demoSentence(model: TReportModel): string | null {
  const n = model.demo.records;
  if (n === 0) return null;
  // The one demo count of the report's scope (services/demo/counts.ts), saying what it counts.
  return `Có số liệu minh họa: ${num(n)} bản ghi (điểm mô hình, lần lắp đặt camera và khen thưởng thuộc phạm vi báo cáo) là dữ liệu minh họa (dữ liệu mẫu để dùng thử phần mềm), không phải số liệu thực tế.`;
}

const BUILDERS: Record<ReportSection, (m: TReportModel) => Block[]> = {
  summary: (m) => {
    const s = m.summary;
    const comparison = comparisonSentence(m);
    return [
      {
        kind: "para",
        text: `${capitalised(period(m))}, trên địa bàn ${m.scopeName} đã xây dựng, nhân rộng ${num(s.modelTypeCount)} mô hình với ${num(s.siteCount)} điểm, tại ${num(s.areasWithModels)} địa bàn cấp xã; ${coveragePhrase(s.coverage.headline)} có camera an ninh với ${num(s.cameras.cameras)} mắt camera, kinh phí ${formatMoneyExact(s.cameras.costVnd)}.`,
      },
      ...(comparison ? [{ kind: "para" as const, text: comparison }] : []),
      // The nation: one row per province of today, not the 696 old districts (decision 050).
      m.byProvince?.length ? provinceTable(m) : districtTable(m),
      chart(
        barChartSvg(m.yearly.map((y) => ({ label: String(y.year), value: y.sites }))),
        `Biểu đồ 1. Số điểm mô hình được xây dựng ${m.options.fromYear === m.options.toYear ? period(m) : `theo năm, ${period(m)}`}`,
      ),
    ];
  },
  modelTypes: (m) => [
    {
      kind: "para",
      text: `Có ${num(m.summary.modelTypeCount)} mô hình được xây dựng, nhân rộng với tổng số ${num(m.summary.siteCount)} điểm:`,
    },
    {
      kind: "table",
      headers: ["TT", "Tên mô hình", "Số điểm", "Số huyện", "Số xã"],
      widths: [7, 57, 12, 12, 12],
      align: ["left", "left", "right", "right", "right"],
      rows: m.byModelType.map((t, i) => [String(i + 1), t.name, num(t.sites), num(t.districts), num(t.communes)]),
      totals: ["", "Tổng cộng", num(m.summary.siteCount), "", ""],
    },
  ],
  cameras: (m) => {
    const c = m.summary.cameras;
    const cov = m.summary.coverage;
    return [
      {
        kind: "para",
        text: `Mô hình được triển khai tại ${coverageWithRate(cov.headline)} thuộc ${coveredPlaces(m)}; đã lắp đặt ${num(c.cameras)} mắt camera, ${num(c.recorders)} đầu thu, ${num(c.memoryCards)} thẻ nhớ qua ${num(c.installations)} lần lắp đặt, tổng kinh phí ${formatMoneyExact(c.costVnd)} (${formatMoneyShort(c.costVnd)}).${secondarySentence(cov)}`,
      },
      {
        kind: "table",
        headers: ["TT", "Nguồn kinh phí", "Số lần lắp đặt", "Số camera", "Kinh phí (đồng)"],
        widths: [7, 39, 17, 15, 22],
        align: ["left", "left", "right", "right", "right"],
        rows: m.funding.map((f, i) => [
          String(i + 1),
          label("funding", f.source),
          num(f.installations),
          num(f.cameras),
          num(f.costVnd),
        ]),
        totals: ["", "Tổng cộng", num(c.installations), num(c.cameras), num(c.costVnd)],
      },
      chart(
        barChartSvg(
          (m.byProvince?.length ? provincePlaces(m) : districtPlaces(m)).map((p) => ({
            label: p.name,
            value: p.total,
            value2: p.covered,
          })),
          { legend: [`Số ${listHeading(cov.headline.list).toLowerCase()}`, "Có camera"] },
        ),
        `Biểu đồ 2. ${listHeading(cov.headline.list)} có camera an ninh theo ${m.byProvince?.length ? "tỉnh, thành phố" : "huyện, thị xã, thành phố"}`,
      ),
      coverageMap(m),
      ...communeMap(m),
    ];
  },
  communities: (m) => {
    const clans = m.byModelType.filter((t) => t.category === "clan");
    const religious = m.byReligion;
    return [
      ...clans.map(
        (t): Block => ({
          kind: "para",
          text: `Mô hình “${t.name}”: ${num(t.sites)} điểm tại ${num(t.communes)} địa bàn cấp xã thuộc ${num(t.districts)} huyện, thị xã, thành phố.`,
        }),
      ),
      {
        kind: "para",
        text: religious.length
          ? `Mô hình trong cộng đồng tôn giáo: ${religious.map((r) => `${num(r.sites)} mô hình trong ${label("religion", r.religion)}`).join(", ")}.`
          : `Chưa có mô hình trong cộng đồng tôn giáo ${period(m)}.`,
      },
    ];
  },
  awards: (m) => [
    {
      kind: "table",
      headers: [
        "TT",
        "Hình thức khen thưởng",
        label("recipientKind", "collective"),
        label("recipientKind", "individual"),
        "Cộng",
      ],
      widths: [7, 57, 12, 12, 12],
      align: ["left", "left", "right", "right", "right"],
      rows: m.awards.map((a, i) => [
        String(i + 1),
        `${label("awardForm", a.form)} của ${label("issuer", a.issuer)}`,
        num(a.collective),
        num(a.individual),
        num(a.total),
      ]),
      totals: [
        "",
        "Tổng cộng",
        num(m.awards.reduce((s, a) => s + a.collective, 0)),
        num(m.awards.reduce((s, a) => s + a.individual, 0)),
        num(m.awards.reduce((s, a) => s + a.total, 0)),
      ],
    },
  ],
  annex: (m) =>
    m.annex.flatMap((d, di): Block[] => [
      { kind: "subheading", text: `${di + 1}. ${d.name}` },
      {
        kind: "table",
        // The units of the view (decision 027): today's communes alone are named as such; a list
        // that also holds the old areas marks today's communes by their first day.
        headers: [
          "TT",
          d.areas.every((a) => a.current) ? listColumn("two_level") : "Địa bàn cấp xã",
          "Số điểm",
          "Số camera",
          "Có camera",
        ],
        widths: [8, 50, 14, 14, 14],
        align: ["left", "left", "right", "right", "center"],
        rows: d.areas.map((a, i) => [
          String(i + 1),
          a.current && d.areas.some((o) => !o.current) ? `${a.name} (từ 01/07/2025)` : a.name,
          num(a.sites),
          num(a.cameras),
          a.covered ? "x" : "",
        ]),
        // Coverage is counted within each list of units: the old areas, then those of 01/07/2025
        // (the only ones under the "current" view).
        totals: [
          "",
          "Cộng",
          num(d.areas.reduce((s, a) => s + a.sites, 0)),
          num(d.areas.reduce((s, a) => s + a.cameras, 0)),
          [d.areas.filter((a) => !a.current), d.areas.filter((a) => a.current)]
            .filter((list) => list.length > 0)
            .map(coverageOf)
            .join("; "),
        ],
      },
    ]),
};

/** A figure column of a place table: its heading, the place's value and the whole report's total. */
type PlaceFigure<P> = { header: string; value: (p: P) => number; total: number };

/** A table of places (districts or provinces): points, units and units with camera, then their own figures. */
function placeTable<P extends CoveredPlace>(
  m: TReportModel,
  nameHeader: string,
  widths: number[],
  figures: PlaceFigure<P>[],
  places: P[],
): Block {
  const h = m.summary.coverage.headline;
  return {
    kind: "table",
    headers: ["TT", nameHeader, "Số điểm", listColumn(h.list), "Có camera", ...figures.map((f) => f.header)],
    widths,
    align: widths.map((_, i) => (i < 2 ? "left" : "right")),
    rows: places.map((p, i) => [
      String(i + 1),
      p.name,
      num(p.sites),
      num(p.total),
      num(p.covered),
      ...figures.map((f) => num(f.value(p))),
    ]),
    totals: [
      "",
      "Tổng cộng",
      num(places.reduce((a, p) => a + p.sites, 0)),
      num(h.total),
      num(h.covered),
      ...figures.map((f) => num(f.total)),
    ],
  };
}

/** The report's table of districts; its totals are the summary's own figures. */
const districtTable = (m: TReportModel) =>
  placeTable(
    m,
    "Huyện, thị xã, thành phố",
    [7, 24, 9, 13, 13, 13, 21],
    [
      { header: "Số camera", value: (d) => d.cameras, total: m.summary.cameras.cameras },
      { header: "Kinh phí (đồng)", value: (d) => d.costVnd, total: m.summary.cameras.costVnd },
    ],
    districtPlaces(m),
  );

/** The national report's table of the 34 provinces of today; its totals are the summary's own figures. */
const provinceTable = (m: TReportModel) =>
  placeTable(
    m,
    "Tỉnh, thành phố",
    [7, 33, 13, 17, 15, 15],
    [{ header: "Số camera", value: (p) => p.cameras, total: m.summary.cameras.cameras }],
    provincePlaces(m),
  );

const coverageOf = (areas: { covered: boolean }[]) => `${areas.filter((a) => a.covered).length}/${areas.length}`;

function roman(n: number): string {
  return ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"][n - 1] ?? String(n);
}

/** "Quảng Trị, ngày 31 tháng 01 năm 2023" */
export function placeAndDate(model: TReportModel): string {
  const [dd, mm, yyyy] = formatDate(model.options.date).split("/");
  return `${model.options.place}, ngày ${dd} tháng ${mm} năm ${yyyy}`;
}

function documentNumberLine(model: TReportModel): string {
  return `Số: ${model.options.documentNumber || "     /BC-CAT"}`;
}

/**
 * Where the cameras are, after "thuộc": the provinces of today with cameras on the national report
 * (its 696 old districts say nothing to the ministry), else the districts (old ones for today's list).
 */
function coveredPlaces(m: TReportModel): string {
  if (m.byProvince?.length) {
    return `${num(m.byProvince.filter((p) => p.cameras > 0).length)}/${num(m.byProvince.length)} tỉnh, thành phố`;
  }
  const old = m.summary.coverage.headline.list === "two_level" ? " (cũ)" : "";
  return `${num(m.summary.coveredDistricts)} huyện, thị xã, thành phố${old}`;
}
