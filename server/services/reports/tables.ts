import type { AwardForm, AwardIssuer, FundingSource, RecipientKind, Religion, SiteStatus } from "@qt/shared/domain";
import type { ReportTable, TReportModel } from "@qt/shared/schemas/reports";
import { label } from "@qt/shared/vocabulary";
import type { Db } from "../../db.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { type NameRule, nameVisibleSql } from "../accounts/personal-data.ts";
import { awardWhere, placeTimeWhere } from "../dashboard/filter.ts";
import type { FieldColumn } from "../records/kind.ts";
import { AWARD_REPORT_COLUMNS } from "../records/kinds/award.ts";
import { CAMERA_REPORT_COLUMNS } from "../records/kinds/camera.ts";
import { SITE_REPORT_COLUMNS } from "../records/kinds/site.ts";
import { districtOfArea } from "../units/area-sql.ts";
import { districtCoverage, listColumn } from "./coverage-words.ts";
import type { ReportScope } from "./report-scope.ts";

export type CellValue = string | number | Date | null;
export type ColumnType = FieldColumn["type"];
export type Column = { header: string; width: number; type: ColumnType /** summed in the totals row */; sum?: boolean };
/** The columns of a kind's list (its module, records/kinds/), headed as the forms and the import head them. */
const headed = (columns: readonly FieldColumn[]): Column[] =>
  columns.map(({ field, ...c }) => ({ header: label("field", field), ...c }));
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

type SiteRow = {
  id: number;
  model: string;
  name: string;
  host: string;
  area: string;
  district: string;
  established_on: Date;
  status: SiteStatus;
  religion: Religion | null;
  households: number | null;
  members: number | null;
  notes: string;
  is_demo: boolean;
};

function sites(db: Db, scope: ReportScope): TableSpec {
  return {
    sheet: "Điểm mô hình",
    columns: [...headed(SITE_REPORT_COLUMNS), DEMO_COLUMN],
    batches: () =>
      keyset(
        (after) => db.$queryRaw<SiteRow[]>`
          SELECT s.id, mt.name AS model, s.name, s.host, a.name AS area, d.name AS district, s.established_on,
            s.status::text AS status, s.religion::text AS religion, s.households, s.members, s.notes, s.is_demo
          FROM site s JOIN model_type mt ON mt.id = s.model_type_id JOIN admin_unit a ON a.id = s.area_id
          JOIN admin_unit d ON d.id = ${districtOfArea}
          WHERE s.deleted_at IS NULL AND ${placeTimeWhere(scope, Prisma.sql`s.established_on`)} AND s.id > ${after}
          ORDER BY s.id LIMIT ${BATCH_SIZE}`,
        (r) => [
          r.id,
          r.model,
          r.name,
          r.host,
          r.area,
          r.district,
          r.established_on,
          label("status", r.status),
          r.religion ? label("religion", r.religion) : "",
          r.households,
          r.members,
          r.notes,
          flag(r.is_demo),
        ],
      ),
  };
}

type CameraRow = {
  id: number;
  area: string;
  district: string;
  installed_on: Date;
  cameras: number;
  recorders: number;
  memory_cards: number;
  cost_vnd: bigint;
  funding_source: FundingSource;
  notes: string;
  is_demo: boolean;
};

function cameras(db: Db, scope: ReportScope): TableSpec {
  return {
    sheet: "Lắp đặt camera",
    columns: [...headed(CAMERA_REPORT_COLUMNS), DEMO_COLUMN],
    batches: () =>
      keyset(
        (after) => db.$queryRaw<CameraRow[]>`
          SELECT ci.id, a.name AS area, d.name AS district, ci.installed_on, ci.cameras, ci.recorders, ci.memory_cards,
            ci.cost_vnd, ci.funding_source::text AS funding_source, ci.notes, ci.is_demo
          FROM camera_installation ci JOIN admin_unit a ON a.id = ci.area_id JOIN admin_unit d ON d.id = ${districtOfArea}
          WHERE ci.deleted_at IS NULL AND ${placeTimeWhere(scope, Prisma.sql`ci.installed_on`)} AND ci.id > ${after}
          ORDER BY ci.id LIMIT ${BATCH_SIZE}`,
        (r) => [
          r.id,
          r.area,
          r.district,
          r.installed_on,
          r.cameras,
          r.recorders,
          r.memory_cards,
          Number(r.cost_vnd),
          label("funding", r.funding_source),
          r.notes,
          flag(r.is_demo),
        ],
      ),
  };
}

type AwardRow = {
  id: number;
  year: number;
  issuer: AwardIssuer;
  form: AwardForm;
  kind: RecipientKind;
  recipient: string | null;
  area: string | null;
  district: string | null;
  decision: string;
  is_demo: boolean;
};

const AWARD_FROM = Prisma.sql`award aw LEFT JOIN admin_unit a ON a.id = aw.area_id`;

/**
 * The awards list. Recipients' names outside the reader's scope are withheld ("—", and a flag
 * column for such readers; personal-data.ts).
 */
function awards(db: Db, scope: ReportScope, names: NameRule): TableSpec {
  const restricted = names.kind !== "all";
  return {
    sheet: "Khen thưởng",
    columns: [
      ...headed(AWARD_REPORT_COLUMNS.slice(0, 6)),
      ...(restricted ? [HIDDEN_NAME_COLUMN] : []),
      ...headed(AWARD_REPORT_COLUMNS.slice(6)),
      DEMO_COLUMN,
    ],
    batches: () =>
      keyset(
        (after) => db.$queryRaw<AwardRow[]>`
          SELECT aw.id, aw.year, aw.issuer::text AS issuer, aw.form::text AS form, aw.recipient_kind::text AS kind,
            CASE WHEN ${nameVisibleSql(names)} THEN aw.recipient_name END AS recipient,
            a.name AS area, d.name AS district, aw.decision_number AS decision, aw.is_demo
          FROM ${AWARD_FROM} LEFT JOIN admin_unit d ON d.id = ${districtOfArea}
          WHERE ${awardWhere(scope)} AND aw.id > ${after}
          ORDER BY aw.id LIMIT ${BATCH_SIZE}`,
        (r) => [
          r.id,
          r.year,
          label("issuer", r.issuer),
          label("awardForm", r.form),
          label("recipientKind", r.kind),
          r.recipient ?? HIDDEN_NAME,
          ...(restricted ? [flag(r.recipient === null)] : []),
          r.area ?? "",
          r.district ?? "",
          r.decision,
          flag(r.is_demo),
        ],
      ),
  };
}

const HIDDEN_NAME = "—";
const HIDDEN_NAME_COLUMN: Column = {
  header: "Tên ngoài phạm vi, không hiện (1 = có)",
  width: 14,
  type: "int",
  sum: true,
};

/** How many recipients' names an awards list carries for this reader, and how many it withholds: for the audit. */
export async function awardNameCounts(
  db: Db,
  scope: ReportScope,
  names: NameRule,
): Promise<{ names: number; hidden: number }> {
  const [r] = await db.$queryRaw<{ names: number; hidden: number }[]>`
    SELECT count(*) FILTER (WHERE ${nameVisibleSql(names)})::int AS names,
      count(*) FILTER (WHERE NOT ${nameVisibleSql(names)})::int AS hidden
    FROM ${AWARD_FROM} WHERE ${awardWhere(scope)}`;
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

/**
 * One row per district over the units of the list the report's headline counts (decision 027), as
 * the Word report's district table: today's communes for a period ending after 30/06/2025, the
 * old list before; the other list is not a column here.
 */
function districts(model: TReportModel): TableSpec {
  const cov = model.summary.coverage;
  const units = listColumn(cov.headline.list);
  return {
    sheet: "Theo huyện",
    columns: [
      { header: "Mã huyện", width: 10, type: "id" },
      { header: "Huyện, thị xã, thành phố", width: 26, type: "text" },
      { header: "Số điểm mô hình", width: 14, type: "int", sum: true },
      { header: `Số ${units.toLowerCase()}`, width: 14, type: "int", sum: true },
      { header: `${units} có camera`, width: 14, type: "int", sum: true },
      { header: "Số camera", width: 11, type: "int", sum: true },
      { header: "Kinh phí camera (đồng)", width: 20, type: "money", sum: true },
      AGGREGATE_DEMO_COLUMN,
    ],
    batches: () =>
      once(
        model.byDistrict.map((d) => [
          d.code,
          d.name,
          d.sites,
          districtCoverage(d, cov).total,
          districtCoverage(d, cov).covered,
          d.cameras,
          d.costVnd,
          flag(model.demo.records > 0),
        ]),
      ),
  };
}

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
      return sites(db, scope);
    case "cameras":
      return cameras(db, scope);
    case "awards":
      return awards(db, scope, names);
    case "areas":
      return areas(model);
    case "districts":
      return districts(model);
  }
}
