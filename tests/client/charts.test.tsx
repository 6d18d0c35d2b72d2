import { CATEGORY_COLOURS, RELIGION_COLOURS, SERIES } from "@qt/shared/palette";
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AwardsChart } from "../../client/features/charts/AwardsChart.tsx";
import { DistrictCategoryChart } from "../../client/features/charts/DistrictCategoryChart.tsx";
import { ModelTypeChart, topWithOther } from "../../client/features/charts/ModelTypeChart.tsx";
import { ReligionChart } from "../../client/features/charts/ReligionChart.tsx";
import { YearlyChart } from "../../client/features/charts/YearlyChart.tsx";
import { CoverageChart } from "../../client/features/dashboard/CoverageChart.tsx";
import { createTestDb, type TestDb } from "../support/db.ts";
import { renderApp } from "./render-app.tsx";

// Charts draw from props only; the real providers (i18n, query, tRPC on an empty database) surround them.
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
}, 60_000);
afterAll(() => t.close());

const zero = {
  clan: 0,
  camera: 0,
  religious: 0,
  school: 0,
  enterprise: 0,
  residential: 0,
  border_sea: 0,
  ethnic_minority: 0,
  mass_organization: 0,
  online: 0,
  other: 0,
};

/** Opens the data table of the chart named `title` and returns its body rows as text. */
function tableRows(title: string | RegExp): string[][] {
  const figure = screen.getByRole("figure", { name: title });
  fireEvent.click(within(figure).getByRole("button", { name: "Xem bảng số liệu" }));
  const table = within(figure).getByRole("table");
  const rows = within(table).getAllByRole("row").slice(1);
  return rows.map((r) => Array.from((r as HTMLTableRowElement).cells, (c) => c.textContent ?? ""));
}

/**
 * The bars the chart drew in its SVG, in drawing order: series by series, row by row. Only the
 * bars' own geometry: a horizontal bar's length is its width, a column's its height.
 */
function barsOf(title: string | RegExp) {
  const figure = screen.getByRole("figure", { name: title });
  return Array.from(figure.querySelectorAll("svg .recharts-bar-rectangle path.recharts-rectangle"), (p) => ({
    name: p.getAttribute("name"),
    fill: p.getAttribute("fill"),
    width: Number(p.getAttribute("width")),
    height: Number(p.getAttribute("height")),
  }));
}

/** Lengths relative to the first: the bars are drawn to one scale starting at 0. */
const ratios = (lengths: number[]) => lengths.map((l) => Number((l / (lengths[0] ?? 1)).toFixed(3)));

function expectStates(
  render: (state: { loading?: boolean; error?: string; onRetry?: () => void }) => void,
  name: RegExp,
) {
  render({ loading: true });
  const loading = screen.getByRole("figure", { name });
  expect(within(loading).getByRole("status")).toHaveTextContent("Đang tải");
  expect(within(loading).queryByRole("button", { name: "Xem bảng số liệu" })).toBeNull();
}

describe("ModelTypeChart", () => {
  const rows = Array.from({ length: 13 }, (_, i) => ({ code: `t${i}`, name: `Loại ${i}`, sites: 1000 + 13 - i }));

  it("draws the top 10 and one 'other' bar; the table shows every type in vi-VN numbers", () => {
    renderApp(<ModelTypeChart rows={rows} />, { db: t.db });
    const figure = screen.getByRole("figure", { name: "Số điểm theo loại mô hình" });
    expect(within(figure).getByText("Đơn vị: điểm mô hình")).toBeInTheDocument();
    expect(within(figure).getByRole("img", { name: "Số điểm theo loại mô hình" })).toBeInTheDocument();
    const table = tableRows("Số điểm theo loại mô hình");
    expect(table).toHaveLength(13);
    expect(table[0]).toEqual(["Loại 0", "1.013"]);
    fireEvent.click(within(figure).getByRole("button", { name: "Xem biểu đồ" }));
    expect(within(figure).queryByRole("table")).toBeNull();
  });

  it("draws one bar per type, as long as its count, the 'other' bar in its own colour", () => {
    const few = [
      { code: "a", name: "Dòng họ", sites: 40 },
      { code: "b", name: "Camera", sites: 10 },
      { code: "c", name: "Tôn giáo", sites: 30 },
    ];
    renderApp(<ModelTypeChart rows={[...few, ...rows]} topN={2} />, { db: t.db });
    const bars = barsOf("Số điểm theo loại mô hình");
    // The two largest (1 013 and 1 012), then 'other' with the 14 others: 40 + 10 + 30 + 1 011 + … + 1 001.
    const other = 40 + 10 + 30 + rows.slice(2).reduce((s, r) => s + r.sites, 0);
    expect(bars.map((b) => b.name)).toEqual(["Loại 0", "Loại 1", "Khác (14 loại)"]);
    expect(ratios(bars.map((b) => b.width))).toEqual(ratios([1013, 1012, other]));
    expect(bars.map((b) => b.fill)).toEqual([SERIES.primary, SERIES.primary, SERIES.other]);
  });

  it("groups the rest into 'other' with their sum", () => {
    const data = topWithOther(rows, 10, (n) => `Khác (${n})`);
    expect(data).toHaveLength(11);
    expect(data[10]).toEqual({ code: "", name: "Khác (3)", sites: 1003 + 1002 + 1001 });
  });

  it("shows empty, loading and error states", () => {
    const retry = vi.fn();
    renderApp(<ModelTypeChart rows={[]} />, { db: t.db });
    expect(screen.getByText("Chưa có số liệu cho bộ lọc này.")).toBeInTheDocument();
    cleanup();
    expectStates((s) => renderApp(<ModelTypeChart rows={[]} {...s} />, { db: t.db }), /theo loại mô hình/);
    cleanup();
    renderApp(<ModelTypeChart rows={[]} error="Mất kết nối" onRetry={retry} />, { db: t.db });
    expect(screen.getByRole("alert")).toHaveTextContent("Không tải được số liệu: Mất kết nối");
    fireEvent.click(screen.getByRole("button", { name: "Thử lại" }));
    expect(retry).toHaveBeenCalledOnce();
  });
});

describe("DistrictCategoryChart", () => {
  it("stacks sites by category; the table has one column per category present and a total", () => {
    renderApp(
      <DistrictCategoryChart
        rows={[
          { code: "461", name: "Thành phố Đông Hà", byCategory: { ...zero, clan: 1200, camera: 9 } },
          { code: "468", name: "Huyện Cam Lộ", byCategory: { ...zero, religious: 3 } },
        ]}
      />,
      { db: t.db },
    );
    const name = "Số điểm mô hình theo huyện, chia theo nhóm";
    const figure = screen.getByRole("figure", { name });
    fireEvent.click(within(figure).getByRole("button", { name: "Xem bảng số liệu" }));
    const headers = within(figure)
      .getAllByRole("columnheader")
      .map((h) => h.textContent);
    expect(headers).toEqual(["Huyện, thị xã, thành phố", "Dòng họ", "Camera an ninh", "Tôn giáo", "Tổng"]);
    const rows = within(figure)
      .getAllByRole("row")
      .slice(1)
      .map((r) => Array.from((r as HTMLTableRowElement).cells, (c) => c.textContent));
    expect(rows).toEqual([
      // Every district was abolished on 01/07/2025: named "(cũ)".
      ["Thành phố Đông Hà (cũ)", "1.200", "9", "0", "1.209"],
      ["Huyện Cam Lộ (cũ)", "0", "0", "3", "3"],
    ]);
  });

  // "Khu dân cư" was orange in one view and green in another: colours went by rank, not category.
  it("keeps a category's colour whatever its rank, and writes each segment's value and the row's total", () => {
    // The legend's mark for a name has the series' colour.
    const fillOf = (name: string) => {
      const figure = screen.getByRole("figure", { name: "Số điểm mô hình theo huyện, chia theo nhóm" });
      const item = Array.from(figure.querySelectorAll(".recharts-legend-item")).find((li) => li.textContent === name);
      return item?.querySelector("path, rect")?.getAttribute("fill");
    };
    const first = renderApp(
      <DistrictCategoryChart
        rows={[{ code: "461", name: "Đông Hà", byCategory: { ...zero, residential: 40, clan: 5 } }]}
      />,
      { db: t.db },
    );
    const residentialFirst = fillOf("Khu dân cư");
    first.unmount();
    renderApp(
      <DistrictCategoryChart
        rows={[{ code: "461", name: "Đông Hà", byCategory: { ...zero, clan: 50, camera: 45, residential: 30 } }]}
      />,
      { db: t.db },
    );
    expect(residentialFirst).toBeTruthy();
    expect(fillOf("Khu dân cư")).toBe(residentialFirst);
    const figure = screen.getByRole("figure", { name: "Số điểm mô hình theo huyện, chia theo nhóm" });
    const texts = Array.from(figure.querySelectorAll("svg text"), (x) => x.textContent);
    // Each segment's value and the total (50 + 45 + 30), checked by hand.
    expect(texts).toEqual(expect.arrayContaining(["50", "45", "30", "125"]));
  });

  it("stacks one segment per category and district, each as long as its count", () => {
    renderApp(
      <DistrictCategoryChart
        rows={[
          { code: "461", name: "Thành phố Đông Hà", byCategory: { ...zero, clan: 120, camera: 30 } },
          { code: "468", name: "Huyện Cam Lộ", byCategory: { ...zero, clan: 60, religious: 15 } },
        ]}
      />,
      { db: t.db },
    );
    const bars = barsOf("Số điểm mô hình theo huyện, chia theo nhóm");
    // Series by series (clan, camera, religious), district by district; empty segments draw nothing.
    expect(bars.map((b) => [b.name, b.fill])).toEqual([
      ["Thành phố Đông Hà (cũ)", CATEGORY_COLOURS.clan],
      ["Huyện Cam Lộ (cũ)", CATEGORY_COLOURS.clan],
      ["Thành phố Đông Hà (cũ)", CATEGORY_COLOURS.camera],
      ["Huyện Cam Lộ (cũ)", CATEGORY_COLOURS.religious],
    ]);
    expect(ratios(bars.map((b) => b.width))).toEqual(ratios([120, 60, 30, 15]));
  });

  it("is empty when no district has a site", () => {
    renderApp(<DistrictCategoryChart rows={[{ code: "461", name: "Đông Hà", byCategory: zero }]} />, { db: t.db });
    expect(screen.getByText("Chưa có số liệu cho bộ lọc này.")).toBeInTheDocument();
  });
});

describe("YearlyChart", () => {
  const years = [
    { year: 2007, sites: 3, cumulative: 3 },
    { year: 2008, sites: 0, cumulative: 3 },
    { year: 2009, sites: 1200, cumulative: 1203 },
  ];
  it("titles the range and tabulates new and cumulative sites per year", () => {
    renderApp(<YearlyChart years={years} />, { db: t.db });
    expect(tableRows("Nhân rộng mô hình theo năm 2007–2009")).toEqual([
      ["2007", "3", "3"],
      ["2008", "0", "3"],
      ["2009", "1.200", "1.203"],
    ]);
  });
  it("names one year once: 2026, not 2026–2026", () => {
    renderApp(<YearlyChart years={[{ year: 2026, sites: 5, cumulative: 40 }]} />, { db: t.db });
    expect(tableRows("Nhân rộng mô hình theo năm 2026")).toEqual([["2026", "5", "40"]]);
    expect(screen.queryByText(/2026–2026/)).not.toBeInTheDocument();
  });
  it("draws one column per year, as tall as the year's new sites", () => {
    renderApp(
      <YearlyChart
        years={[
          { year: 2007, sites: 300, cumulative: 300 },
          { year: 2008, sites: 0, cumulative: 300 },
          { year: 2009, sites: 1200, cumulative: 1500 },
        ]}
      />,
      { db: t.db },
    );
    // 2008 had no new site: no column; 2009's is four times 2007's.
    const bars = barsOf(/Nhân rộng mô hình theo năm/);
    expect(bars.map((b) => b.fill)).toEqual([SERIES.primary, SERIES.primary]);
    expect(ratios(bars.map((b) => b.height))).toEqual([1, 4]);
  });
  it("shows its loading state", () => {
    expectStates((s) => renderApp(<YearlyChart years={[]} {...s} />, { db: t.db }), /Nhân rộng mô hình/);
  });
});

describe("CoverageChart", () => {
  it("names the province-wide figure and tabulates coverage per district with one decimal", () => {
    renderApp(
      <CoverageChart
        rows={[
          { code: "461", name: "Thành phố Đông Hà", total: 9, covered: 9 },
          { code: "468", name: "Huyện Cam Lộ", total: 8, covered: 1 },
        ]}
        list="three_level"
      />,
      { db: t.db },
    );
    const name = "Tỷ lệ địa bàn cấp xã có camera an ninh, theo huyện";
    expect(within(screen.getByRole("figure", { name })).getByText("Toàn tỉnh 58,8%")).toBeVisible();
    expect(tableRows(name)).toEqual([
      ["Thành phố Đông Hà (cũ)", "9/9", "100,0%"],
      ["Huyện Cam Lộ (cũ)", "1/8", "12,5%"],
      ["Tổng", "10/17", "58,8%"],
    ]);
  });
  it("draws each district's bar as long as its share covered", () => {
    renderApp(
      <CoverageChart
        rows={[
          { code: "461", name: "Thành phố Đông Hà", total: 9, covered: 9 },
          { code: "468", name: "Huyện Cam Lộ", total: 8, covered: 2 },
          { code: "470", name: "Huyện Hải Lăng", total: 20, covered: 15 },
        ]}
        list="three_level"
      />,
      { db: t.db },
    );
    const bars = barsOf("Tỷ lệ địa bàn cấp xã có camera an ninh, theo huyện");
    expect(bars.map((b) => b.name)).toEqual(["Thành phố Đông Hà (cũ)", "Huyện Cam Lộ (cũ)", "Huyện Hải Lăng (cũ)"]);
    // 100 %, 25 %, 75 % on an axis from 0 to 100 %.
    expect(ratios(bars.map((b) => b.width))).toEqual([1, 0.25, 0.75]);
  });
  it("shows its error state", () => {
    renderApp(<CoverageChart rows={[]} list="two_level" error="Hết thời gian chờ" />, { db: t.db });
    expect(screen.getByRole("alert")).toHaveTextContent("Hết thời gian chờ");
  });
});

describe("ReligionChart", () => {
  it("names religions in the user's language", () => {
    renderApp(
      <ReligionChart
        rows={[
          { religion: "buddhism", sites: 34 },
          { religion: "catholicism", sites: 8 },
        ]}
      />,
      { db: t.db },
    );
    expect(tableRows("Mô hình trong tôn giáo, theo tôn giáo")).toEqual([
      ["Phật giáo", "34"],
      ["Công giáo", "8"],
    ]);
  });
  it("draws one bar per religion in the religion's colour", () => {
    renderApp(
      <ReligionChart
        rows={[
          { religion: "buddhism", sites: 34 },
          { religion: "catholicism", sites: 17 },
        ]}
      />,
      { db: t.db },
    );
    const bars = barsOf("Mô hình trong tôn giáo, theo tôn giáo");
    expect(bars.map((b) => [b.name, b.fill])).toEqual([
      ["Phật giáo", RELIGION_COLOURS.buddhism],
      ["Công giáo", RELIGION_COLOURS.catholicism],
    ]);
    expect(ratios(bars.map((b) => b.width))).toEqual([1, 0.5]);
  });
  it("is empty without religious models", () => {
    renderApp(<ReligionChart rows={[]} />, { db: t.db });
    expect(screen.getByText("Chưa có số liệu cho bộ lọc này.")).toBeInTheDocument();
  });
});

describe("AwardsChart", () => {
  it("tabulates collectives, individuals and totals per year", () => {
    renderApp(<AwardsChart rows={[{ year: 2015, collective: 6, individual: 75, total: 81 }]} />, { db: t.db });
    expect(tableRows("Khen thưởng theo năm")).toEqual([["2015", "6", "75", "81"]]);
  });
  it("stacks collectives and individuals in one column per year, each segment as tall as its count", () => {
    renderApp(
      <AwardsChart
        rows={[
          { year: 2015, collective: 6, individual: 75, total: 81 },
          { year: 2016, collective: 12, individual: 0, total: 12 },
        ]}
      />,
      { db: t.db },
    );
    const bars = barsOf(/Khen thưởng theo năm/);
    expect(bars.map((b) => b.fill)).toEqual([SERIES.primary, SERIES.primary, SERIES.secondary]);
    expect(ratios(bars.map((b) => b.height))).toEqual(ratios([6, 12, 75]));
  });
  it("writes collectives, individuals and the total on the stacked bars", () => {
    renderApp(<AwardsChart rows={[{ year: 2015, collective: 6, individual: 75, total: 81 }]} />, { db: t.db });
    const figure = screen.getByRole("figure", { name: /Khen thưởng theo năm/ });
    const texts = Array.from(
      figure.querySelectorAll("svg .recharts-label-list text, svg .recharts-label"),
      (x) => x.textContent,
    );
    expect(texts).toEqual(expect.arrayContaining(["75", "81"]));
  });
  it("shows loading and error states", () => {
    expectStates((s) => renderApp(<AwardsChart rows={[]} {...s} />, { db: t.db }), /Khen thưởng theo năm/);
    renderApp(<AwardsChart rows={[]} error="Lỗi" />, { db: t.db });
    expect(screen.getByRole("alert")).toHaveTextContent("Lỗi");
  });
});
