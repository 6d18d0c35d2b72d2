import { z } from "zod";
import { dateOf, isoOf } from "../dates.ts";
import { MIN_YEAR } from "../domain.ts";
// zod's default messages from the catalogue, wherever a schema is parsed.
import "./zod-config.ts";

/**
 * Building blocks of the data-entry schemas (issue 5). Every message is Vietnamese: the server
 * sends it back as the field's error and the forms show it as typed.
 */

/** The largest id PostgreSQL's `integer` holds: a larger number is a bad id, not a database error. */
export const MAX_ID = 2 ** 31 - 1;

/** A record's (or account's) id: what every get/update/remove/history and every reference takes. */
export const ZId = z
  .number({ error: "Mã bản ghi không hợp lệ" })
  .int("Mã bản ghi không hợp lệ")
  .positive("Mã bản ghi không hợp lệ")
  .max(MAX_ID, "Mã bản ghi không hợp lệ");

export const BAD_CHARACTER = "Có ký tự không hợp lệ";

/**
 * The one rule for free text: no NUL or other control character (PostgreSQL refuses NUL; tab and new
 * lines are kept) and no lone UTF-16 surrogate (it has no UTF-8 form, so the driver cannot send it).
 */
export function isCleanText(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127) return false;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return false;
  }
  return true;
}

/**
 * Where a value received from outside (a procedure's raw input, a route's query, a multipart part)
 * first breaks the clean-text rule: the path of the string or object key, or null. Applied before
 * any schema by the procedure builder (server/trpc.ts) and the plain routes' guard and multipart
 * reader (server/http/), so that no field, present or future, can let such text reach the database.
 */
export function uncleanPath(value: unknown): (string | number)[] | null {
  const stack: { v: unknown; path: (string | number)[] }[] = [{ v: value, path: [] }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { v, path } = next;
    if (typeof v === "string") {
      if (!isCleanText(v)) return path;
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: [...path, i] });
    } else if (v !== null && typeof v === "object") {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, child] = entries[i] as [string, unknown];
        if (!isCleanText(k)) return path;
        stack.push({ v: child, path: [...path, k] });
      }
    }
  }
  return null;
}

/** Free text of any length: add `.trim()`, `.max()` and messages where it is used. */
export const ZText = z.string().refine(isCleanText, BAD_CHARACTER);

export const MIN_DATE = `${MIN_YEAR}-01-01`;

/** Today as yyyy-mm-dd in Vietnam (UTC+7): a record entered in the morning may carry today's date. */
export function todayIso(now = new Date()): string {
  return isoOf(new Date(now.getTime() + 7 * 3600_000));
}

export function isRealDate(iso: string): boolean {
  const d = dateOf(iso);
  return !Number.isNaN(d.getTime()) && isoOf(d) === iso;
}

/** A calendar date as "yyyy-mm-dd", between 1990-01-01 and today. */
export const ZIsoDate = z
  .string({ error: "Vui lòng nhập ngày" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Ngày không hợp lệ (định dạng dd/mm/yyyy)")
  .refine(isRealDate, "Ngày không tồn tại")
  .refine((d) => d >= MIN_DATE && d <= todayIso(), {
    error: () => "Ngày phải từ 01/01/1990 đến hôm nay",
  });

export const ZGsoCode = z
  .string({ error: "Vui lòng chọn địa bàn" })
  .regex(/^\d{2,5}$/, "Mã đơn vị hành chính (mã GSO) không hợp lệ");

export const ZVersion = z
  .number({ error: "Thiếu phiên bản của bản ghi" })
  .int("Phiên bản không hợp lệ")
  .positive("Phiên bản không hợp lệ")
  .max(MAX_ID, "Phiên bản không hợp lệ");

/** The site (điểm mô hình) a camera installation or an award is linked to. */
export const ZSiteRef = z
  .number({ error: "Điểm mô hình không hợp lệ" })
  .int("Điểm mô hình không hợp lệ")
  .positive("Điểm mô hình không hợp lệ")
  .max(MAX_ID, "Điểm mô hình không hợp lệ");

/**
 * The linked site as a camera installation or an award returns it: its name and model type (its
 * area is the record's own), and whether it has been removed since it was linked.
 */
export const ZLinkedSite = {
  siteId: z.number().nullable(),
  siteName: z.string().nullable(),
  siteModelTypeName: z.string().nullable(),
  siteRemoved: z.boolean(),
};

/** Required one-line text, trimmed. */
export function zName(label: string, max = 200) {
  return z
    .string({ error: `Vui lòng nhập ${label}` })
    .trim()
    .min(1, `Vui lòng nhập ${label}`)
    .max(max, `${capitalize(label)} tối đa ${max} ký tự`)
    .refine(isCleanText, BAD_CHARACTER);
}

/** Optional free text (may be empty), trimmed. */
export function zText(label: string, max = 2000) {
  return z
    .string({ error: `${capitalize(label)} không hợp lệ` })
    .trim()
    .max(max, `${capitalize(label)} tối đa ${max} ký tự`)
    .refine(isCleanText, BAD_CHARACTER);
}

/** A non-negative integer count with a sane ceiling. */
export function zCount(label: string, max: number) {
  return z
    .number({ error: `${capitalize(label)} phải là số` })
    .int(`${capitalize(label)} phải là số nguyên`)
    .min(0, `${capitalize(label)} không được âm`)
    .max(max, `${capitalize(label)} không được vượt quá ${max.toLocaleString("vi-VN")}`);
}

function capitalize(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * A year from 1990 to this year, or to `ahead` years later: a record happened already, while a
 * filter or report may name next year (planning).
 */
export function zYear(ahead = 0) {
  const maxYear = () => new Date().getFullYear() + ahead;
  return z
    .number({ error: "Năm phải là một số" })
    .int("Năm phải là số nguyên")
    .refine((y) => y >= MIN_YEAR && y <= maxYear(), { error: () => `Năm phải từ ${MIN_YEAR} đến ${maxYear()}` });
}
export const ZRecordYear = zYear();
/** The years a dashboard filter or a report covers. */
export const ZPeriodYear = zYear(1);

/** Pagination, search and the filters every record list shares. */
export const ZListBase = {
  page: z.number().int("Trang phải là số nguyên").min(1, "Trang phải từ 1").max(100_000, "Trang quá lớn").default(1),
  pageSize: z
    .number()
    .int("Số dòng mỗi trang phải là số nguyên")
    .min(1, "Số dòng mỗi trang từ 1 đến 100")
    .max(100, "Số dòng mỗi trang từ 1 đến 100")
    .default(20),
  search: ZText.max(200, "Từ khóa tối đa 200 ký tự").optional(),
  districtCode: ZGsoCode.optional(),
  /** An area of the list before 01/07/2025. */
  areaCode: ZGsoCode.optional(),
  /** A commune of today: its own records and those of the old areas it took over. */
  communeCode: ZGsoCode.optional(),
  /** The records one import created (decision 024): the import history links here. */
  importBatchId: ZId.optional(),
  fromYear: ZRecordYear.optional(),
  toYear: ZRecordYear.optional(),
  /** "demo": only demo rows, "real": only real ones; absent: both. */
  demo: z.enum(["demo", "real"], { error: "Bộ lọc dữ liệu mẫu không hợp lệ" }).optional(),
  /** Admins only: deleted rows too. */
  includeDeleted: z.boolean().optional(),
  dir: z.enum(["asc", "desc"]).default("desc"),
};

/** The year-range rule of every filter with fromYear/toYear: `.refine(yearRangeOk, yearRangeIssue)`. */
export const yearRangeOk = (f: { fromYear?: number; toYear?: number }) =>
  f.fromYear === undefined || f.toYear === undefined || f.fromYear <= f.toYear;
export const yearRangeIssue = { message: "Năm bắt đầu phải nhỏ hơn hoặc bằng năm kết thúc", path: ["fromYear"] };

/** A day of a reporting period, "yyyy-mm-dd": from 1990 to the end of next year (planning). */
export const ZPeriodDate = z
  .string({ error: "Ngày của kỳ phải có dạng yyyy-mm-dd" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Ngày của kỳ phải có dạng yyyy-mm-dd")
  .refine(isRealDate, "Ngày không tồn tại")
  .refine((d) => d >= MIN_DATE && d <= `${new Date().getFullYear() + 1}-12-31`, {
    error: () => "Ngày của kỳ phải từ 01/01/1990 đến 31/12 năm sau",
  });

/**
 * The rules of a period by days (docs/decisions/036), `.superRefine(periodRules)` after the year
 * rule: days or years, never both; the first day not after the last.
 */
export function periodRules(
  f: { fromYear?: number; toYear?: number; from?: string; to?: string },
  ctx: z.core.$RefinementCtx,
) {
  const days = f.from !== undefined || f.to !== undefined;
  if (days && (f.fromYear !== undefined || f.toYear !== undefined)) {
    ctx.addIssue({
      code: "custom",
      message: "Chọn thời gian theo năm (fromYear, toYear) hoặc theo ngày (from, to), không dùng cả hai",
      path: ["from"],
    });
  } else if (f.from !== undefined && f.to !== undefined && f.from > f.to) {
    ctx.addIssue({ code: "custom", message: "Ngày bắt đầu phải trước hoặc bằng ngày kết thúc", path: ["from"] });
  }
}

export const ZRemoveInput = z.strictObject({
  id: ZId,
  version: ZVersion,
  reason: zName("lý do xóa", 500).refine((s) => s.length >= 3, "Lý do xóa cần ít nhất 3 ký tự"),
});
export type TRemoveInput = z.infer<typeof ZRemoveInput>;

export const ZByIdInput = z.strictObject({ id: ZId });
export type TByIdInput = z.infer<typeof ZByIdInput>;

/** A hint that does not block the save, e.g. a likely duplicate. */
export const ZWarning = z.object({ code: z.enum(["duplicate"]), message: z.string(), ids: z.array(z.number()) });
export type TWarning = z.infer<typeof ZWarning>;

/**
 * What a save answers besides the record: hints, and whether the save changed nothing (then
 * nothing was written: no version bump, no audit entry).
 */
export const ZSaveOutcome = { warnings: z.array(ZWarning), unchanged: z.boolean() };

/** What every record carries about its life: version for optimistic locking, soft-delete state. */
export const ZRecordMeta = {
  id: z.number(),
  version: z.number(),
  isDemo: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
  deleteReason: z.string().nullable(),
};

/**
 * Why a listed record cannot be changed: its unit-year is submitted or approved (decision 025).
 * Computed by the server's lock rule (server/services/approvals/lock.ts), never by the client.
 */
export const ZRecordLock = z.object({
  state: z.enum(["submitted", "approved"]),
  unitCode: z.string(),
  /** "Huyện Gio Linh (cũ)" or "Xã Gio Linh". */
  unitName: z.string(),
  year: z.number(),
  /** When it was approved (approved) or submitted (submitted), ISO. */
  since: z.string(),
});
export type TRecordLock = z.infer<typeof ZRecordLock>;

/** A page of a record list: each record with its lock (null: it can be changed). */
export function zPage<S extends z.ZodRawShape>(item: z.ZodObject<S>) {
  const row = z.object({ ...item.shape, lock: ZRecordLock.nullable() });
  return z.object({ items: z.array(row), total: z.number() });
}
