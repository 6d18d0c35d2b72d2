import type { ReportTable, TReportModel } from "@qt/shared/schemas/reports";
import { label } from "@qt/shared/vocabulary";
import type { Db } from "../../db.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { type NameRule, nameVisibleSql } from "../accounts/personal-data.ts";
import { awardWhere } from "../dashboard/filter.ts";
import { awardReport } from "../records/kinds/award.ts";
import { RECORD_KINDS } from "../records/kinds/index.ts";
import type { CellValue, RecordReport, ReportColumn } from "../records/report-list.ts";
import { type CoveredPlace, districtPlaces, listColumn, provincePlaces } from "./coverage-words.ts";
import type { ReportScope } from "./report-scope.ts";

export type { CellValue };
export type ColumnType = ReportColumn["type"];
export type Column = { header: string; width: number; type: ColumnType /** summed in the totals row */; sum?: boolean };
/** A column of a kind's list, headed as the forms and the import head its field. */
const headed = (c: ReportColumn): Column => ({
  header: c.header ?? label("field", c.field),
  width: c.width,
  type: c.type,
  ...(c.sum ? { sum: true } : {}),
});
export type TableSpec = { sheet: string; columns: Column[]; batches: () => AsyncIterable<CellValue[][]> };

/**
 * Rows fetched per query. On a million sites, 250 to 2,000 rows per batch peak alike (some of
 * every batch is promoted to V8's old generation whatever its size, and collected in full
 * collections; docs/decisions/006), so the size only trades the number of queries for speed.
 */
export const BATCH_SIZE = 2000;

/**
 * Keyset pagination ("WHERE id > last ORDER BY id LIMIT n"): each batch is one indexed range scan,
 * so a million rows stream in constant memory and constant time per batch (OFFSET would rescan).
 */
async function* keyset<R extends { id: number }>(fetch: (afterId: number) => Promise<R[]>, map: (r: R) => CellValue[]) {
  let after = 0;
  for (;;) {
    const rows = await fetch(after);
    if (rows.length === 0) return;
    yield rows.map(map);
    after = (rows[rows.length - 1] as R).id;
    if (rows.length < BATCH_SIZE) return;
  }
}

/**
 * The last column of every table (decision 023): in the record lists, whether the row is a demo
 * record; in the tables of figures, whether demo records count in this export's figures.
 */
const DEMO_COLUMN: Column = { header: "Số liệu minh họa (1 = có)", width: 12, type: "int", sum: true };
const AGGREGATE_DEMO_COLUMN: Column = { header: "Gồm số liệu minh họa (1 = có)", width: 14, type: "int" };
const flag = (b: boolean) => (b ? 1 : 0);

/**
 * A kind's list (its module's report, records/kinds/): each column's SQL selected as c0, c1, …,
 * streamed by id; enum values read as the vocabulary's words, text columns without a value blank.
 */
function recordList(db: Db, scope: ReportScope, report: RecordReport, names: NameRule): TableSpec {
  const columns = report.columns(names);
  const id = Prisma.raw(`${report.alias}.id`);
  const select = Prisma.join(
    columns.map(
      (c, i) => Prisma.sql`${typeof c.sql === "string" ? Prisma.raw(c.sql) : c.sql} AS ${Prisma.raw(`c${i}`)}`,
    ),
  );
  const cell = (c: ReportColumn, v: unknown): CellValue => {
    const value = typeof v === "bigint" ? Number(v) : (v as CellValue);
    if (c.cell) return c.cell(value);
    if (value === null) return c.type === "text" ? "" : null;
    return c.words ? label(c.words, value as never) : value;
  };
  return {
    sheet: report.sheet,
    columns: [...columns.map(headed), DEMO_COLUMN],
    batches: () =>
      keyset(
        (after) => db.$queryRaw<({ id: number; is_demo: boolean } & Record<string, unknown>)[]>`
          SELECT ${id} AS id, ${select}, ${Prisma.raw(report.alias)}.is_demo
          FROM ${report.from}
          WHERE ${report.where(scope)} AND ${id} > ${after}
          ORDER BY ${id} LIMIT ${BATCH_SIZE}`,
        (r) => [...columns.map((c, i) => cell(c, r[`c${i}`])), flag(r.is_demo)],
      ),
  };
}

/** How many recipients' names an awards list carries for this reader, and how many it withholds: for the audit. */
export async function awardNameCounts(
  db: Db,
  scope: ReportScope,
  names: NameRule,
): Promise<{ names: number; hidden: number }> {
  const [r] = await db.$queryRaw<{ names: number; hidden: number }[]>`
    SELECT count(*) FILTER (WHERE ${nameVisibleSql(names)})::int AS names,
      count(*) FILTER (WHERE NOT ${nameVisibleSql(names)})::int AS hidden
    FROM ${awardReport.from} WHERE ${awardWhere(scope)}`;
  return { names: r?.names ?? 0, hidden: r?.hidden ?? 0 };
}

async function* once(rows: CellValue[][]) {
  yield rows;
}

function areas(model: TReportModel): TableSpec {
  return {
    sheet: "Theo địa bàn cấp xã",
    columns: [
      { header: "Mã địa bàn", width: 11, type: "id" },
      { header: "Địa bàn cấp xã", width: 26, type: "text" },
      { header: "Mã huyện", width: 10, type: "id" },
      { header: "Huyện, thị xã, thành phố", width: 24, type: "text" },
      { header: "Số điểm mô hình", width: 14, type: "int", sum: true },
      { header: "Số camera", width: 11, type: "int", sum: true },
      { header: "Có camera (1 = có)", width: 14, type: "int", sum: true },
      { header: "Đơn vị từ 01/07/2025 (1 = có)", width: 16, type: "int" },
      AGGREGATE_DEMO_COLUMN,
    ],
    batches: () =>
      once(
        model.annex.flatMap((d) =>
          d.areas.map((a) => [
            a.code,
            a.name,
            d.code,
            d.name,
            a.sites,
            a.cameras,
            a.covered ? 1 : 0,
            a.current ? 1 : 0,
            flag(model.demo.records > 0),
          ]),
        ),
      ),
  };
}

/** A figure column of a place table: its heading and the place's value. */
type PlaceFigure<P> = { column: Column; value: (p: P) => number };

/**
 * One row per place (district or province) over the units of the list the report's headline counts
 * (decision 027), as the Word report's place table: its code and name, points, units and units
 * with camera, then the place's own figures.
 */
function placeTable<P extends CoveredPlace>(
  model: TReportModel,
  sheet: string,
  heads: [Column, Column],
  figures: PlaceFigure<P>[],
  places: P[],
): TableSpec {
  const units = listColumn(model.summary.coverage.headline.list);
  return {
    sheet,
    columns: [
      ...heads,
      { header: "Số điểm mô hình", width: 14, type: "int", sum: true },
      { header: `Số ${units.toLowerCase()}`, width: 14, type: "int", sum: true },
      { header: `${units} có camera`, width: 14, type: "int", sum: true },
      ...figures.map((f) => f.column),
      AGGREGATE_DEMO_COLUMN,
    ],
    batches: () =>
      once(
        places.map((p) => [
          p.code,
          p.name,
          p.sites,
          p.total,
          p.covered,
          ...figures.map((f) => f.value(p)),
          flag(model.demo.records > 0),
        ]),
      ),
  };
}

const CAMERAS: Column = { header: "Số camera", width: 11, type: "int", sum: true };

/** The districts (today's communes for a period ending after 30/06/2025, the old list before). */
const districts = (model: TReportModel) =>
  placeTable(
    model,
    "Theo huyện",
    [
      { header: "Mã huyện", width: 10, type: "id" },
      { header: "Huyện, thị xã, thành phố", width: 26, type: "text" },
    ],
    [
      { column: CAMERAS, value: (d) => d.cameras },
      { column: { header: "Kinh phí camera (đồng)", width: 20, type: "money", sum: true }, value: (d) => d.costVnd },
    ],
    districtPlaces(model),
  );

/** The national install's whole country (decision 050): one row per province of today, as the Word table. */
const provinces = (model: TReportModel) =>
  placeTable(
    model,
    "Theo tỉnh, thành phố",
    [
      { header: "Mã tỉnh", width: 9, type: "id" },
      { header: "Tỉnh, thành phố", width: 22, type: "text" },
    ],
    [
      {
        column: { header: "Số lần lắp đặt camera", width: 14, type: "int", sum: true },
        value: (p) => p.installations,
      },
      { column: CAMERAS, value: (p) => p.cameras },
    ],
    provincePlaces(model),
  );

/** The tables of a report: the three record lists stream from the database, the rest come from the model. */
export function tableSpec(
  db: Db,
  scope: ReportScope,
  model: TReportModel,
  table: ReportTable,
  names: NameRule = { kind: "all" },
): TableSpec {
  switch (table) {
    case "sites":
    case "cameras":
    case "awards":
      return recordList(db, scope, RECORD_KINDS[table].report, names);
    case "areas":
      return areas(model);
    case "districts":
      return districts(model);
    case "provinces":
      return provinces(model);
  }
}
