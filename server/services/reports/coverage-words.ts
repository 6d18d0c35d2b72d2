import { type CoverageCount, coverageOfList, type DistrictCoverageRow, type UnitList } from "@qt/shared/coverage";
import { formatNumber, formatPercent } from "@qt/shared/format";
import type { TReportModel } from "@qt/shared/schemas/reports";
import { label } from "@qt/shared/vocabulary";

/**
 * The report's words for camera coverage (decision 027): the headline of the period, named by its
 * list, and the other list only when the period spans 01/07/2025. Documents are filed in Vietnamese.
 */
type Coverage = TReportModel["summary"]["coverage"];

const num = (v: number) => formatNumber(v);

/**
 * What a headline counts: today's communes by their name; the old list as the documents of its
 * time called it ("73/126 địa bàn cấp xã"), since a period that ended by 2024 knew no other.
 */
const headlineWords = (list: UnitList) => (list === "two_level" ? label("unitList", list) : "địa bàn cấp xã");

/** "19/78 xã, phường, đặc khu hiện nay" */
export const coveragePhrase = (c: CoverageCount) => `${num(c.covered)}/${num(c.total)} ${headlineWords(c.list)}`;

/** "19/78 xã, phường, đặc khu hiện nay (24,4%)" */
export const coverageWithRate = (c: CoverageCount) => `${coveragePhrase(c)} (${formatPercent(c.covered, c.total)})`;

/** " Theo địa bàn cấp xã trước 01/07/2025: 105/277 (37,9%)." or "" when the period is on one list. */
export function secondarySentence(cov: Coverage): string {
  const o = cov.secondary;
  if (!o) return "";
  const words = label("unitList", o.list);
  return ` Theo ${words}: ${num(o.covered)}/${num(o.total)} (${formatPercent(o.covered, o.total)}).`;
}

/** The column heading of a list's units in district tables: "Xã, phường, đặc khu hiện nay". */
export const listHeading = (list: UnitList) => {
  const words = headlineWords(list);
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** The short column heading of a district table's units: "Xã, phường, đặc khu" / "Địa bàn cấp xã". */
export const listColumn = (list: UnitList) => (list === "two_level" ? "Xã, phường, đặc khu" : "Địa bàn cấp xã");

/** A district's covered/total over the headline's list. */
const districtCoverage = (d: DistrictCoverageRow, cov: Coverage) => coverageOfList(d, cov.headline.list);

/** A province of today's covered/total over the headline's list (its communes of today, or its old areas). */
const provinceCoverage = (
  p: { areas: number; coveredAreas: number; communes: number; coveredCommunes: number },
  cov: Coverage,
) => coverageOfList({ ...p, currentAreas: p.communes, currentCoveredAreas: p.coveredCommunes }, cov.headline.list);

/** The report's districts, each with its covered/total over the headline's list: rows of tables and charts. */
export const districtPlaces = (m: TReportModel) =>
  m.byDistrict.map((d) => ({ ...d, ...districtCoverage(d, m.summary.coverage) }));

/** The national report's provinces of today (decision 050), each with its covered/total over the headline's list. */
export const provincePlaces = (m: TReportModel) =>
  (m.byProvince ?? []).map((p) => ({ ...p, ...provinceCoverage(p, m.summary.coverage) }));

/** What the place tables and charts read of a district or a province. */
export type CoveredPlace = { code: string; name: string; sites: number; total: number; covered: number };

/** The rows of the Excel summary that state coverage, over the headline's list. */
export function coverageRows(cov: Coverage): [string, number | string][] {
  const h = cov.headline;
  const words = headlineWords(h.list);
  return [
    [`Số ${words} có camera an ninh`, h.covered],
    [`Tổng số ${words}`, h.total],
    [
      h.list === "two_level" ? `Tỷ lệ ${words} có camera` : "Tỷ lệ địa bàn có camera",
      formatPercent(h.covered, h.total),
    ],
  ];
}
