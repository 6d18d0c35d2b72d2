import { z } from "zod";
import { dateOf, isoOf } from "../dates.ts";
import { MIN_YEAR } from "../domain.ts";
import { keyed, type MessageKey } from "../messages/index.ts";
// zod's default messages from the catalogue, wherever a schema is parsed.
import "./zod-config.ts";

/**
 * Building blocks of the data-entry schemas (issue 5). Every message is a catalogue key with its
 * parameters (`keyed`, decision 042): the server and the forms write it in the user's language.
 */

/** The largest id PostgreSQL's `integer` holds: a larger number is a bad id, not a database error. */
export const MAX_ID = 2 ** 31 - 1;

/** A record's (or account's) id: what every get/update/remove/history and every reference takes. */
export const ZId = z
  .number({ error: keyed("v.badId") })
  .int(keyed("v.badId"))
  .positive(keyed("v.badId"))
  .max(MAX_ID, keyed("v.badId"));

export const BAD_CHARACTER = keyed("v.badCharacter");

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
  .string({ error: keyed("v.dateRequired") })
  .regex(/^\d{4}-\d{2}-\d{2}$/, keyed("v.dateFormat"))
  .refine(isRealDate, keyed("v.dateMissing"))
  .refine((d) => d >= MIN_DATE && d <= todayIso(), {
    error: () => keyed("v.dateRange"),
  });

export const ZGsoCode = z.string({ error: keyed("v.areaRequired") }).regex(/^\d{2,5}$/, keyed("v.gsoCode"));

export const ZVersion = z
  .number({ error: keyed("v.versionMissing") })
  .int(keyed("v.badVersion"))
  .positive(keyed("v.badVersion"))
  .max(MAX_ID, keyed("v.badVersion"));

/** The site (điểm mô hình) a camera installation or an award is linked to. */
export const ZSiteRef = z
  .number({ error: keyed("v.badSite") })
  .int(keyed("v.badSite"))
  .positive(keyed("v.badSite"))
  .max(MAX_ID, keyed("v.badSite"));

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

/** A field's name inside a message: a "noun." key of the catalogue. */
type Noun = Extract<MessageKey, `noun.${string}`>;

/** Required one-line text, trimmed. */
export function zName(noun: Noun, max = 200) {
  const label = { key: noun };
  return z
    .string({ error: keyed("v.required", { label }) })
    .trim()
    .min(1, keyed("v.required", { label }))
    .max(max, keyed("v.tooLong", { label, max: String(max) }))
    .refine(isCleanText, BAD_CHARACTER);
}

/** Optional free text (may be empty), trimmed. */
export function zText(noun: Noun, max = 2000) {
  const label = { key: noun };
  return z
    .string({ error: keyed("v.invalid", { label }) })
    .trim()
    .max(max, keyed("v.tooLong", { label, max: String(max) }))
    .refine(isCleanText, BAD_CHARACTER);
}

/** A non-negative integer count with a sane ceiling. */
export function zCount(noun: Noun, max: number) {
  const label = { key: noun };
  return z
    .number({ error: keyed("v.notNumber", { label }) })
    .int(keyed("v.notInteger", { label }))
    .min(0, keyed("v.negative", { label }))
    .max(max, keyed("v.tooBig", { label, max }));
}

/**
 * A year from 1990 to this year, or to `ahead` years later: a record happened already, while a
 * filter or report may name next year (planning).
 */
export function zYear(ahead = 0) {
  const maxYear = () => new Date().getFullYear() + ahead;
  return z
    .number({ error: keyed("v.yearNotNumber") })
    .int(keyed("v.yearNotInteger"))
    .refine((y) => y >= MIN_YEAR && y <= maxYear(), {
      error: () => keyed("v.yearRange", { from: String(MIN_YEAR), to: String(maxYear()) }),
    });
}
export const ZRecordYear = zYear();
/** The years a dashboard filter or a report covers. */
export const ZPeriodYear = zYear(1);

/** A page of a list: its number and size (20 by default, 100 at most). */
export const ZPaging = {
  page: z.number().int(keyed("v.pageInteger")).min(1, keyed("v.pageMin")).max(100_000, keyed("v.pageMax")).default(1),
  pageSize: z
    .number()
    .int(keyed("v.pageSizeInteger"))
    .min(1, keyed("v.pageSizeRange"))
    .max(100, keyed("v.pageSizeRange"))
    .default(20),
};

/** Pagination, search and the filters every record list shares. */
export const ZListBase = {
  ...ZPaging,
  search: ZText.max(200, keyed("v.searchTooLong")).optional(),
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
  demo: z.enum(["demo", "real"], { error: keyed("v.demoFilter") }).optional(),
  /** Admins only: deleted rows too. */
  includeDeleted: z.boolean().optional(),
  dir: z.enum(["asc", "desc"]).default("desc"),
};

/** The year-range rule of every filter with fromYear/toYear: `.refine(yearRangeOk, yearRangeIssue)`. */
export const yearRangeOk = (f: { fromYear?: number; toYear?: number }) =>
  f.fromYear === undefined || f.toYear === undefined || f.fromYear <= f.toYear;
export const yearRangeIssue = { message: keyed("v.yearOrder"), path: ["fromYear"] };

/** A day of a reporting period, "yyyy-mm-dd": from 1990 to the end of next year (planning). */
export const ZPeriodDate = z
  .string({ error: keyed("v.periodDateFormat") })
  .regex(/^\d{4}-\d{2}-\d{2}$/, keyed("v.periodDateFormat"))
  .refine(isRealDate, keyed("v.dateMissing"))
  .refine((d) => d >= MIN_DATE && d <= `${new Date().getFullYear() + 1}-12-31`, {
    error: () => keyed("v.periodDateRange"),
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
      message: keyed("v.periodMixed"),
      path: ["from"],
    });
  } else if (f.from !== undefined && f.to !== undefined && f.from > f.to) {
    ctx.addIssue({ code: "custom", message: keyed("v.periodOrder"), path: ["from"] });
  }
}

export const ZRemoveInput = z.strictObject({
  id: ZId,
  version: ZVersion,
  reason: zName("noun.removeReason", 500).refine((s) => s.length >= 3, keyed("v.removeReasonShort")),
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
  /** Received in a province's signed package (decision 052): which, and when the province approved it. */
  source: z.object({ packageId: z.number(), approvedAt: z.string().nullable() }).nullable().optional(),
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

/** A create input's field as an update takes it: optional, without the create's default. */
type Updatable<F extends z.ZodType> = z.ZodOptional<F extends z.ZodDefault<infer I extends z.ZodType> ? I : F>;

/**
 * The update input of a record kind from the fields of its create input: the record's id and
 * version, and every field optional (one left out is not changed), none defaulted.
 */
export function zUpdateInput<F extends Record<string, z.ZodType>>(fields: F) {
  const optional = Object.fromEntries(
    Object.entries(fields).map(([name, field]) => [
      name,
      ((field instanceof z.ZodDefault ? field.unwrap() : field) as z.ZodType).optional(),
    ]),
  ) as { [K in keyof F]: Updatable<F[K]> };
  return z.strictObject({ id: ZId, version: ZVersion, ...optional });
}
