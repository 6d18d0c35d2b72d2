import type { TApprovalItem } from "@qt/shared/schemas/approvals";

/**
 * The records behind a unit-year's count (issue 22): the list of the kind that holds most of them,
 * filtered by the unit (a commune of today or a former district) and the year.
 */
export function recordsHref(item: Pick<TApprovalItem, "unit" | "year" | "figures">): string {
  const { sites, installations, awards } = item.figures;
  const kind = installations >= sites && installations >= awards ? "cameras" : sites >= awards ? "sites" : "awards";
  const unit = item.unit.kind === "commune" ? `communeCode=${item.unit.code}` : `districtCode=${item.unit.code}`;
  return `/records/${kind}?${unit}&fromYear=${item.year}&toYear=${item.year}`;
}
