import { foldVietnamese } from "@qt/shared/domain";
import type { MessageKey, MessageParams } from "@qt/shared/messages/index";
import { choices, type VocabularyKind } from "@qt/shared/vocabulary";
import type { Cell } from "./read.ts";

/** A problem with one cell, as a catalogue key (the row number is added by the caller). */
export type CellIssue = { key: MessageKey; params: MessageParams };
export type Parsed<T> = { ok: true; value: T } | { ok: false; issue: CellIssue };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (key: MessageKey, params: MessageParams = {}): Parsed<never> => ({ ok: false, issue: { key, params } });

/** What the file shows in a cell, as the preview and the errors file give it back. */
export function shown(c: Cell): string {
  if (c === null) return "";
  if (typeof c === "string") return c;
  if (typeof c === "number") return String(c);
  if ("date" in c) return c.date.split("-").reverse().join("/");
  return `=${c.formula}`;
}

const pad = (n: number) => String(n).padStart(2, "0");
const isRealDay = (y: number, m: number, d: number) => {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
};
/** Day 0 of Excel's 1900 date system as JavaScript counts it (serial 25569 is 01/01/1970). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * A date as people write it: a real Excel date, an Excel serial number, "15/03/2015",
 * "15-3-2015", "15.03.2015", "2015-03-15", or only a year ("2016", or 2016 as a number), which is
 * accepted as 01/01 of that year and marked.
 */
export function parseDate(c: Cell): Parsed<{ iso: string; yearOnly: boolean }> | null {
  if (c === null) return null;
  if (typeof c === "object" && "formula" in c) return bad("import.formulaNoValue");
  if (typeof c === "object") return ok({ iso: c.date, yearOnly: false });
  if (typeof c === "number") {
    if (Number.isInteger(c) && c >= 1900 && c <= 2100) return ok({ iso: `${c}-01-01`, yearOnly: true });
    if (c >= 1 && c < 100_000) {
      const iso = new Date(EXCEL_EPOCH + Math.floor(c) * 86_400_000).toISOString().slice(0, 10);
      return ok({ iso, yearOnly: false });
    }
    return bad("import.badDate", { value: String(c) });
  }
  const s = c.trim();
  const year = /^(?:năm\s*)?(\d{4})$/i.exec(s);
  if (year) return ok({ iso: `${year[1]}-01-01`, yearOnly: true });
  const dmy = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(s);
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const [y, m, d] = dmy ? [dmy[3], dmy[2], dmy[1]] : ymd ? [ymd[1], ymd[2], ymd[3]] : [];
  if (!y || !m || !d || !isRealDay(Number(y), Number(m), Number(d))) return bad("import.badDate", { value: s });
  return ok({ iso: `${y}-${pad(Number(m))}-${pad(Number(d))}`, yearOnly: false });
}

/** A year: 2016, "2016", "Năm 2016", or the year of a date. */
export function parseYear(c: Cell): Parsed<number> | null {
  const d = parseDate(c);
  if (!d) return null;
  if (!d.ok) return bad(d.issue.key === "import.formulaNoValue" ? d.issue.key : "import.badYear", { value: shown(c) });
  return ok(Number(d.value.iso.slice(0, 4)));
}

/**
 * A whole number of zero or more, with Vietnamese thousands separators ("1.131",
 * "4.928.650.000"; also "1,131" and "1 131"), and a currency word after it ("đồng", "đ", "VNĐ").
 */
export function parseCount(c: Cell): Parsed<number> | null {
  if (c === null) return null;
  if (typeof c === "object")
    return "formula" in c ? bad("import.formulaNoValue") : bad("import.badNumber", { value: shown(c) });
  if (typeof c === "number") {
    return Number.isInteger(c) && c >= 0 ? ok(c) : bad("import.badNumber", { value: String(c) });
  }
  const s = foldVietnamese(c)
    .replace(/\s*(dong|d|vnd)\.?$/, "")
    .replace(/\s+/g, "");
  if (/^\d+$/.test(s)) return ok(Number(s));
  if (/^\d{1,3}([.,]\d{3})+$/.test(s) && !/[.].*[,]|[,].*[.]/.test(s)) return ok(Number(s.replace(/[.,]/g, "")));
  return bad("import.badNumber", { value: c.trim() });
}

/** Text as it stands: numbers as written, dates as dd/mm/yyyy; never evaluated. */
export function parseText(c: Cell): Parsed<string> | null {
  if (c === null) return null;
  if (typeof c === "object" && "formula" in c) return bad("import.formulaNoValue");
  return ok(shown(c).trim());
}

/** Words people use besides the vocabulary's own labels, folded. */
const EXTRA_WORDS: Partial<Record<VocabularyKind, Record<string, string>>> = {
  funding: { "ngan sach": "state_budget", nsnn: "state_budget", xhh: "socialized", "hon hop": "mixed" },
  issuer: {
    "chu tich ubnd tinh": "provincial_committee",
    "chu tich ubnd thanh pho": "provincial_committee",
    "bo truong bo cong an": "ministry",
    v05: "department_v05",
    "cong an tinh": "provincial_police",
    "cong an thanh pho": "provincial_police",
  },
  awardForm: { co: "emulation_flag", "co thi dua cua chinh phu": "emulation_flag" },
  religion: { "phat giao hoa hao": "hoahao", "thien chua giao": "catholicism", "cong giao": "catholicism" },
};

/**
 * "UBND tỉnh Quảng Trị", "Giám đốc Công an thành phố Hà Nội": the province's committee or police
 * named with any province (decision 044).
 */
function issuerOfProvince(key: string): string | undefined {
  if (/^(chu tich )?ubnd (tinh|thanh pho) \S/.test(key)) return "provincial_committee";
  if (/^(giam doc )?cong an (tinh|thanh pho) \S/.test(key)) return "provincial_police";
  return undefined;
}

/** A value of a vocabulary (funding source, issuer, award form, recipient kind, religion) by its words or its code. */
export function parseChoice(kind: VocabularyKind, c: Cell): Parsed<string> | null {
  const t = parseText(c);
  if (!t || !t.ok) return t;
  if (!t.value) return null;
  const key = foldVietnamese(t.value).replace(/[.]/g, "");
  const options = choices(kind);
  for (const o of options) {
    if (key === o.value || key === foldVietnamese(o.label)) return ok(o.value);
  }
  const extra = EXTRA_WORDS[kind]?.[key] ?? (kind === "issuer" ? issuerOfProvince(key) : undefined);
  if (extra) return ok(extra);
  // "Bằng khen của UBND tỉnh": a label at the start of a longer text.
  const starts = options.filter((o) => key.startsWith(`${foldVietnamese(o.label)} `));
  if (starts.length === 1 && starts[0]) return ok(starts[0].value);
  return bad("import.badChoice", { value: t.value, choices: options.map((o) => o.label).join(", ") });
}
