import { dateOf, isoOf } from "@qt/shared/dates";
import { foldVietnamese } from "@qt/shared/domain";
import type { SessionUser } from "../../context.ts";
import { appError } from "../../errors.ts";

// yyyy-mm-dd ↔ the DATE value Prisma writes (UTC midnight): one definition, in shared/.
export { dateOf, isoOf };
export const isoOrNull = (d: Date | null) => (d ? isoOf(d) : null);
export const stampOrNull = (d: Date | null) => (d ? d.toISOString() : null);

/** `select` entries for plain columns: columns("name", "notes") is { name: true, notes: true }. */
export function columns<K extends string>(...names: K[]): Record<K, true> {
  // Object.fromEntries types its result as a string-keyed record; the keys are exactly `names`.
  return Object.fromEntries(names.map((n) => [n, true])) as Record<K, true>;
}

/** The columns every record (site, camera installation, award) returns about itself. */
export const recordMetaSelect = columns(
  "id",
  "version",
  "isDemo",
  "createdAt",
  "updatedAt",
  "deletedAt",
  "deleteReason",
  "packageId",
  "approvedAt",
);

type MetaRow = {
  id: number;
  version: number;
  isDemo: boolean;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
  deleteReason: string | null;
  packageId: number | null;
  approvedAt: Date | null;
};

/** Those columns as the API sends them. */
export function metaFields(r: MetaRow) {
  return {
    id: r.id,
    version: r.version,
    isDemo: r.isDemo,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    deletedAt: stampOrNull(r.deletedAt),
    deleteReason: r.deleteReason,
    // A record received in a province's signed package (decision 052): where it came from.
    source: r.packageId === null ? null : { packageId: r.packageId, approvedAt: stampOrNull(r.approvedAt) },
  };
}

/** Deleted rows only for admins who ask; a non-admin asking is refused rather than silently ignored. */
export function deletedFilter(user: SessionUser, includeDeleted?: boolean): { deletedAt?: null } {
  if (!includeDeleted) return { deletedAt: null };
  if (user.role !== "admin") {
    throw appError("forbidden", "scope.deletedAdminOnly");
  }
  return {};
}

export const demoFilter = (demo?: "demo" | "real") => (demo ? { isDemo: demo === "demo" } : {});

/** Words of the query, folded like the searchText column, so "hai lang" finds "Hải Lăng". */
export const searchWords = (search?: string) => (search ? foldVietnamese(search).split(" ").filter(Boolean) : []);

/**
 * A search word as the pattern of Prisma's `contains`, which becomes `LIKE '%…%'` without escaping
 * `%` and `_`: escaped here (backslash is LIKE's default escape), so they match themselves.
 */
export const likeLiteral = (word: string) => word.replace(/[\\%_]/g, "\\$&");

export const pageArgs = (input: { page: number; pageSize: number }) => ({
  skip: (input.page - 1) * input.pageSize,
  take: input.pageSize,
});

/** A DATE column's filter for the list's year range; undefined (Prisma: no filter) without one. */
export function dateYears(r: { fromYear?: number; toYear?: number }) {
  if (!r.fromYear && !r.toYear) return undefined;
  return {
    gte: r.fromYear ? new Date(Date.UTC(r.fromYear, 0, 1)) : undefined,
    lt: r.toYear ? new Date(Date.UTC(r.toYear + 1, 0, 1)) : undefined,
  };
}

/** An integer year column's filter for the list's year range; undefined without one. */
export function yearsBetween(r: { fromYear?: number; toYear?: number }) {
  return r.fromYear || r.toYear ? { gte: r.fromYear, lte: r.toYear } : undefined;
}
