import { formatNumber, formatPercent } from "@qt/shared/format";
import type { Block } from "@qt/shared/schemas/report-document";
import type { TReportModel } from "@qt/shared/schemas/reports";

/** The section's title in the Word and PDF report (issue 28 item 3). */
export const TARGETS_TITLE = "Kết quả thực hiện chỉ tiêu";

type Row = NonNullable<TReportModel["targets"]>["rows"][number];
const num = (v: number) => formatNumber(v);
const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
/** "đạt 75,0%"; a target of 0 is met by any figure. */
export const doneRate = (r: Row) => (r.target === 0 ? "100,0%" : formatPercent(r.actual, r.target));
const met = (r: Row) => r.actual >= r.target;

/**
 * The section "Kết quả thực hiện chỉ tiêu" (decision 056): one sentence per target ("xã, phường,
 * đặc khu có camera an ninh: chỉ tiêu 60, thực hiện 45, đạt 75,0%, còn thiếu 15"), how many are
 * met, and the table. Null when the report answers for no target.
 */
export function targetBlocks(m: TReportModel): Block[] | null {
  const t = m.targets;
  if (!t || t.rows.length === 0) return null;
  const parts = t.rows.map(
    (r) =>
      `${lower(r.name)}: chỉ tiêu ${num(r.target)}, thực hiện ${num(r.actual)}, đạt ${doneRate(r)}${
        met(r)
          ? r.actual > r.target
            ? `, vượt ${num(r.actual - r.target)}`
            : ""
          : `, còn thiếu ${num(r.target - r.actual)}`
      }`,
  );
  const done = t.rows.filter(met).length;
  return [
    {
      kind: "para",
      text: `Thực hiện các chỉ tiêu năm ${t.year} trên địa bàn ${m.scopeName}: ${parts.join("; ")}.`,
    },
    {
      kind: "para",
      text: `Hoàn thành ${num(done)}/${num(t.rows.length)} chỉ tiêu${done < t.rows.length ? `; ${num(t.rows.length - done)} chỉ tiêu chưa hoàn thành` : ""}.`,
    },
    {
      kind: "table",
      headers: ["TT", "Chỉ tiêu", `Chỉ tiêu năm ${t.year}`, "Thực hiện", "Tỷ lệ đạt", "Đánh giá"],
      widths: [7, 37, 14, 14, 12, 16],
      align: ["left", "left", "right", "right", "right", "left"],
      rows: t.rows.map((r, i) => [
        String(i + 1),
        r.name,
        num(r.target),
        num(r.actual),
        doneRate(r),
        met(r) ? "Hoàn thành" : "Chưa hoàn thành",
      ]),
    },
  ];
}
