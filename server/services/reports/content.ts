import { formatDate, formatMoneyExact, formatMoneyShort, formatNumber, formatPercent } from "@qt/shared/format";
import type { ReportSection, TReportModel } from "@qt/shared/schemas/reports";
import { label } from "@qt/shared/vocabulary";
import { barChartSvg, type ChartImage, renderChart } from "./chart.ts";
import { SECTION_TITLES } from "./labels.ts";

/** A table of the printed report: numbers right-aligned, marks centred; `totals` is printed bold. */
export type TableBlock = {
  kind: "table";
  headers: string[];
  rows: string[][];
  totals?: string[];
  widths: number[];
  align: ("left" | "right" | "center")[];
};
export type Block =
  | { kind: "heading"; text: string }
  | { kind: "subheading"; text: string }
  | { kind: "para"; text: string }
  | TableBlock
  | ({ kind: "chart" } & ChartImage);

const num = (v: number) => formatNumber(v);

/**
 * The body of the printed report (Word and PDF render the same blocks, so the two documents say
 * the same thing). Sections are numbered in the order chosen.
 */
export function reportBlocks(model: TReportModel): Block[] {
  const out: Block[] = [];
  const order: ReportSection[] = ["summary", "modelTypes", "cameras", "communities", "awards", "annex"];
  const chosen = order.filter((s) => model.options.sections.includes(s));
  chosen.forEach((section, i) => {
    out.push({ kind: "heading", text: `${roman(i + 1)}. ${SECTION_TITLES[section].toUpperCase()}` });
    out.push(...BUILDERS[section](model));
  });
  return out;
}

const BUILDERS: Record<ReportSection, (m: TReportModel) => Block[]> = {
  summary: (m) => {
    const s = m.summary;
    return [
      {
        kind: "para",
        text: `Giai đoạn ${m.options.fromYear}–${m.options.toYear}, trên địa bàn ${m.scopeName} đã xây dựng, nhân rộng ${num(s.modelTypeCount)} mô hình với ${num(s.siteCount)} điểm, tại ${num(s.areasWithModels)} địa bàn cấp xã; ${num(s.coverage.covered)}/${num(s.coverage.total)} địa bàn cấp xã có camera an ninh với ${num(s.cameras.cameras)} mắt camera, kinh phí ${formatMoneyExact(s.cameras.costVnd)}.`,
      },
      {
        kind: "table",
        headers: [
          "TT",
          "Huyện, thị xã, thành phố",
          "Số điểm",
          "Địa bàn cấp xã",
          "Có camera",
          "Số camera",
          "Kinh phí (đồng)",
        ],
        widths: [7, 25, 10, 12, 12, 12, 22],
        align: ["left", "left", "right", "right", "right", "right", "right"],
        rows: m.byDistrict.map((d, i) => [
          String(i + 1),
          d.name,
          num(d.sites),
          num(d.areas),
          num(d.coveredAreas),
          num(d.cameras),
          num(d.costVnd),
        ]),
        totals: [
          "",
          "Tổng cộng",
          num(m.byDistrict.reduce((a, d) => a + d.sites, 0)),
          num(m.summary.coverage.total),
          num(m.summary.coverage.covered),
          num(m.summary.cameras.cameras),
          num(m.summary.cameras.costVnd),
        ],
      },
      {
        kind: "chart",
        ...renderChart(
          barChartSvg(m.yearly.map((y) => ({ label: String(y.year), value: y.sites }))),
          `Biểu đồ 1. Số điểm mô hình được xây dựng theo năm, ${m.options.fromYear}–${m.options.toYear}`,
        ),
      },
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
        text: `Mô hình được triển khai tại ${num(cov.covered)}/${num(cov.total)} địa bàn cấp xã (${formatPercent(cov.covered, cov.total)}) thuộc ${num(m.summary.coveredDistricts)} huyện, thị xã, thành phố; đã lắp đặt ${num(c.cameras)} mắt camera, ${num(c.recorders)} đầu thu, ${num(c.memoryCards)} thẻ nhớ qua ${num(c.installations)} lần lắp đặt, tổng kinh phí ${formatMoneyExact(c.costVnd)} (${formatMoneyShort(c.costVnd)}).${
          cov.current.total > 0
            ? ` Theo đơn vị hành chính từ 01/07/2025, ${num(cov.current.covered)}/${num(cov.current.total)} xã, phường, đặc khu (${formatPercent(cov.current.covered, cov.current.total)}) có camera an ninh trên địa bàn.`
            : ""
        }`,
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
      {
        kind: "chart",
        ...renderChart(
          barChartSvg(
            m.byDistrict.map((d) => ({ label: d.name, value: d.areas, value2: d.coveredAreas })),
            { legend: ["Số địa bàn cấp xã", "Địa bàn có camera"] },
          ),
          "Biểu đồ 2. Địa bàn cấp xã có camera an ninh theo huyện, thị xã, thành phố",
        ),
      },
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
          : "Chưa có mô hình trong cộng đồng tôn giáo trong giai đoạn này.",
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
        headers: ["TT", "Địa bàn cấp xã", "Số điểm", "Số camera", "Có camera"],
        widths: [8, 50, 14, 14, 14],
        align: ["left", "left", "right", "right", "center"],
        rows: d.areas.map((a, i) => [
          String(i + 1),
          a.current && m.options.view === "historical" ? `${a.name} (từ 01/07/2025)` : a.name,
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

const coverageOf = (areas: { covered: boolean }[]) => `${areas.filter((a) => a.covered).length}/${areas.length}`;

function roman(n: number): string {
  return ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"][n - 1] ?? String(n);
}

/** "Quảng Trị, ngày 31 tháng 01 năm 2023" */
export function placeAndDate(model: TReportModel): string {
  const [dd, mm, yyyy] = formatDate(model.options.date).split("/");
  return `${model.options.place}, ngày ${dd} tháng ${mm} năm ${yyyy}`;
}

export function documentNumberLine(model: TReportModel): string {
  return `Số: ${model.options.documentNumber || "     /BC-CAT"}`;
}
