import { formatDate, type Locale } from "./format.ts";
import type { TApprovalSummary } from "./schemas/approvals.ts";
import { formerUnitName } from "./unit-names.ts";

/** Pending units named one by one, then "and N others": a sentence, not a list of 78 communes. */
const NAMED = 5;

const WORDS = {
  vi: {
    approved: "Số liệu đã phê duyệt",
    districts: "huyện",
    communes: "xã, phường, đặc khu",
    latest: (d: string) => `phê duyệt gần nhất ngày ${d}`,
    pending: "chưa phê duyệt",
    others: (n: number) => `và ${n} đơn vị khác`,
    none: "Chưa có đơn vị nào để phê duyệt trong giai đoạn này",
    only: "Chỉ tính số liệu đã phê duyệt",
  },
  en: {
    approved: "Approved figures",
    districts: "districts",
    communes: "communes",
    latest: (d: string) => `latest approval ${d}`,
    pending: "not approved",
    others: (n: number) => `and ${n} others`,
    none: "No unit has figures to approve in this period",
    only: "Approved figures only",
  },
} as const;

/**
 * The approval status of the figures shown, in one sentence for screens, slides and documents
 * (decision 025): "Số liệu đã phê duyệt: 9/10 huyện (phê duyệt gần nhất ngày 31/01/2023); chưa phê
 * duyệt: Huyện Cồn Cỏ (cũ)." Districts are former ones, named so.
 */
export function approvalSentence(s: TApprovalSummary, locale: Locale = "vi"): string {
  const w = WORDS[locale];
  const kinds = [
    { count: s.districts, word: w.districts, name: (n: string) => formerUnitName(n, locale) },
    { count: s.communes, word: w.communes, name: (n: string) => n },
  ].filter((k) => k.count.total > 0);
  if (kinds.length === 0) return `${w.none}.`;
  const counts = kinds.map((k) => `${k.count.approved}/${k.count.total} ${k.word}`).join(", ");
  const latest = s.lastApprovedAt ? ` (${w.latest(formatDate(vietnamDay(s.lastApprovedAt), locale))})` : "";
  const pending = kinds.flatMap((k) => k.count.pending.map((u) => k.name(u.name)));
  const named = pending.slice(0, NAMED).join(", ");
  const rest = pending.length > NAMED ? ` ${w.others(pending.length - NAMED)}` : "";
  const tail = pending.length ? `; ${w.pending}: ${named}${rest}` : "";
  return `${s.approvedOnly ? `${w.only}. ` : ""}${w.approved}: ${counts}${latest}${tail}.`;
}

/** The day in Vietnam (UTC+7) of a moment: an approval at 23:30 UTC was made the next morning there. */
const vietnamDay = (iso: string) => new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString().slice(0, 10);
