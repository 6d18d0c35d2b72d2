import { formatNumber } from "@qt/shared/format";
import { changeSentence, periodPhrase } from "@qt/shared/period";
import type { TReportModel } from "@qt/shared/schemas/reports";
import { coveragePhrase } from "./coverage-words.ts";

/**
 * "So với cùng kỳ năm 2021 (từ 15/12/2020 đến 14/06/2021): số điểm mô hình tăng 12 điểm (8,5%); …"
 * (decision 039), or null without a comparison. Coverage counted over different lists (a period
 * after 01/07/2025 against one before) is not subtracted: both figures are given.
 */
export function comparisonSentence(m: TReportModel): string | null {
  const p = m.previous;
  if (!p) return null;
  const s = m.summary;
  const awards = m.awards.reduce((sum, a) => sum + a.total, 0);
  const [now, then] = [s.coverage.headline, p.coverage.headline];
  const coverage =
    now.list === then.list
      ? `số địa bàn có camera an ninh ${changeSentence(now.covered, then.covered, "địa bàn")} (cùng kỳ ${coveragePhrase(then)})`
      : `địa bàn có camera an ninh: ${coveragePhrase(now)}, cùng kỳ ${coveragePhrase(then)}`;
  const parts = [
    `số điểm mô hình ${changeSentence(s.siteCount, p.siteCount, "điểm")} (cùng kỳ ${formatNumber(p.siteCount)} điểm)`,
    `số địa bàn cấp xã có mô hình ${changeSentence(s.areasWithModels, p.areasWithModels, "địa bàn")}`,
    coverage,
    `số mắt camera ${changeSentence(s.cameras.cameras, p.cameras, "camera")}`,
    `số khen thưởng ${changeSentence(awards, p.awards, "")}`,
  ];
  const year = p.to.slice(0, 4);
  return `So với cùng kỳ năm ${year} (${periodPhrase(p)}): ${parts.join("; ")}.`;
}
