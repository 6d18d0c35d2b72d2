import type { RecordField } from "@qt/shared/domain";
import type { VocabularyKind } from "@qt/shared/vocabulary";
import { Prisma } from "../../generated/prisma/client.ts";
import type { NameRule } from "../accounts/personal-data.ts";
import type { ReportScope } from "../reports/report-scope.ts";
import { districtOfArea } from "../units/area-sql.ts";

/** A cell of the reports' Excel and CSV tables. */
export type CellValue = string | number | Date | null;

/**
 * A column of a kind's list in the reports' Excel and CSV: the field it shows (headed by the
 * vocabulary's word for it, as the forms and the import head it) or its own heading, its width, its
 * cell type, and the SQL of its value over the kind's `from`. An enum column names the vocabulary
 * its word comes from (`words`); a text column shows nothing for no value, unless `cell` says more.
 */
export type ReportColumn = ({ field: RecordField; header?: never } | { header: string; field?: never }) & {
  width: number;
  type: "id" | "text" | "int" | "money" | "date";
  /** Summed in the totals row. */
  sum?: boolean;
  /** A column of the kind's `from` (a constant), or an expression with parameters. */
  sql: string | Prisma.Sql;
  words?: VocabularyKind;
  cell?: (value: CellValue) => CellValue;
};

/** The area's and its district's names, as every kind's `from` joins them (`a`, `d`). */
export const placeColumns = (areaWidth: number): ReportColumn[] => [
  { field: "areaCode", width: areaWidth, type: "text", sql: "a.name" },
  { field: "districtCode", width: 22, type: "text", sql: "d.name" },
];

/** A kind's list in the reports (reports/tables.ts streams it by `alias.id`, with the demo column last). */
export type RecordReport = {
  sheet: string;
  /** The kind's table's alias in `from`. */
  alias: string;
  /** The kind's table joined to its area `a` and the area's district `d` (districtOfArea). */
  from: Prisma.Sql;
  /** The records the report counts: live, in the report's place and time. */
  where: (scope: ReportScope) => Prisma.Sql;
  /** The columns in order; a reader who may not see every recipient's name changes the awards'. */
  columns: (names: NameRule) => ReportColumn[];
};

/**
 * A kind's `from`: its table (with what else its columns read, e.g. a site's model type) joined to
 * its area `a` and the area's district `d`, left-joined where a record may have no area (an award).
 */
export function recordFrom(table: Prisma.Sql, alias: string, opts: { areaOptional?: boolean } = {}): Prisma.Sql {
  const join = Prisma.raw(opts.areaOptional ? "LEFT JOIN" : "JOIN");
  return Prisma.sql`${table} ${join} admin_unit a ON a.id = ${Prisma.raw(alias)}.area_id ${join} admin_unit d ON d.id = ${districtOfArea}`;
}
