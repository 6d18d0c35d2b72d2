import type { TApprovalItem, TApprovalStatus, TApprovalStatusInput } from "@qt/shared/schemas/approvals";
import type { Db } from "../../db.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { type ProvinceReach, withinReach } from "../accounts/province-scope.ts";
import { approvalUnitOfArea } from "../units/area-sql.ts";
import { requireFormerProvince } from "../units/province.ts";
import { type ApprovalUnit, approvalUnits, approvalYears } from "./approval-units.ts";

const actorSelect = { id: true, username: true, displayName: true } as const;
type Actor = { id: number; username: string; displayName: string };

/**
 * approvals.status: every unit-year of the filters (a unit-year without a row is a draft), with
 * its records and who acted. Totals count the unit-years of every state, so that "52/78" can be
 * read beside a list limited to one state.
 */
export async function approvalStatus(
  db: Db,
  input: TApprovalStatusInput,
  reach: ProvinceReach | null,
): Promise<TApprovalStatus> {
  const f = input ?? {};
  if (f.formerProvinceCode) await requireFormerProvince(db, f.formerProvinceCode);
  const units = (await approvalUnits(db, f.kind)).filter(
    (u) =>
      // A provincial account: its province's units only (decision 051).
      withinReach(reach, u) &&
      (!f.formerProvinceCode || u.formerProvinceCode === f.formerProvinceCode) &&
      (!f.districtCode || u.districtCode === f.districtCode) &&
      (!f.unitCode || u.code === f.unitCode),
  );
  const found = await approvalItems(db, units, f.year === undefined ? null : [f.year]);
  const all =
    f.reopenRequested === undefined ? found : found.filter((i) => (i.reopenRequest !== null) === f.reopenRequested);
  const totals = { draft: 0, submitted: 0, approved: 0 };
  for (const item of all) totals[item.state]++;
  return { items: f.state ? all.filter((i) => i.state === f.state) : all, totals };
}

/**
 * The unit-years of these units in these years (null: every year each unit has), newest year
 * first, former districts before today's communes, then by code.
 */
export async function approvalItems(db: Db, units: ApprovalUnit[], years: number[] | null): Promise<TApprovalItem[]> {
  const pairs = units.flatMap((unit) => {
    const { from, to } = approvalYears(unit.kind);
    const own = years ?? Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
    return own.filter((y) => y >= from && y <= to).map((year) => ({ unit, year }));
  });
  if (pairs.length === 0) return [];
  const unitIds = units.map((u) => u.id);
  const rows = await db.approval.findMany({
    where: { unitId: { in: unitIds }, ...(years ? { year: { in: years } } : {}) },
    select: {
      unitId: true,
      year: true,
      state: true,
      note: true,
      submittedById: true,
      submittedAt: true,
      approvedById: true,
      approvedAt: true,
      returnedById: true,
      returnedAt: true,
      returnReason: true,
      reopenRequestedById: true,
      reopenRequestedAt: true,
      reopenRequestReason: true,
    },
  });
  const actorIds = [
    ...new Set(
      rows
        .flatMap((r) => [r.submittedById, r.approvedById, r.returnedById, r.reopenRequestedById])
        .filter((id) => id !== null),
    ),
  ];
  const actors = new Map<number, Actor>(
    (await db.user.findMany({ where: { id: { in: actorIds } }, select: actorSelect })).map((a) => [a.id, a]),
  );
  const actor = (id: number | null) => {
    const a = id === null ? undefined : actors.get(id);
    return a ? { username: a.username, displayName: a.displayName } : null;
  };
  const counts = await recordCounts(db, unitIds, years);
  const byKey = new Map(rows.map((r) => [`${r.unitId}/${r.year}`, r]));
  const items = pairs.map(({ unit, year }): TApprovalItem => {
    const r = byKey.get(`${unit.id}/${year}`);
    const figures = counts.get(`${unit.id}/${year}`) ?? NO_FIGURES;
    return {
      unit: {
        code: unit.code,
        name: unit.name,
        kind: unit.kind,
        districtCode: unit.districtCode,
        districtName: unit.districtName,
        formerProvinceCode: unit.formerProvinceCode,
      },
      year,
      state: r?.state ?? "draft",
      records: figures.sites + figures.installations + figures.awards,
      figures,
      submittedBy: actor(r?.submittedById ?? null),
      submittedAt: r?.submittedAt?.toISOString() ?? null,
      approvedBy: actor(r?.approvedById ?? null),
      approvedAt: r?.approvedAt?.toISOString() ?? null,
      note: r?.note ?? null,
      returnedBy: actor(r?.returnedById ?? null),
      returnedAt: r?.returnedAt?.toISOString() ?? null,
      returnReason: r?.returnReason ?? null,
      // A request stands while the unit-year is locked; back in draft it has been answered.
      reopenRequest:
        r?.reopenRequestedAt && r.reopenRequestReason && r.state !== "draft"
          ? { by: actor(r.reopenRequestedById), at: r.reopenRequestedAt.toISOString(), reason: r.reopenRequestReason }
          : null,
    };
  });
  const kindOrder = (i: TApprovalItem) => (i.unit.kind === "district" ? 0 : 1);
  return items.sort((a, b) => b.year - a.year || kindOrder(a) - kindOrder(b) || a.unit.code.localeCompare(b.unit.code));
}

type Figures = TApprovalItem["figures"];
const NO_FIGURES: Figures = { sites: 0, installations: 0, cameras: 0, awards: 0 };

/**
 * Live records (sites, camera installations and their cameras, awards with an area) per
 * unit-year, by the rule of decision 025 (`approvalUnitOfArea` and the record's year), in one query.
 */
async function recordCounts(db: Db, unitIds: number[], years: number[] | null): Promise<Map<string, Figures>> {
  const yearIn = (col: Prisma.Sql) => (years ? Prisma.sql`AND ${col} IN (${Prisma.join(years)})` : Prisma.empty);
  const siteYear = Prisma.sql`EXTRACT(YEAR FROM s.established_on)::int`;
  const cameraYear = Prisma.sql`EXTRACT(YEAR FROM ci.installed_on)::int`;
  type Row = { unit_id: number; year: number; sites: bigint; installations: bigint; cameras: bigint; awards: bigint };
  const rows = await db.$queryRaw<Row[]>`
    SELECT unit_id, year, count(*) FILTER (WHERE kind = 's') AS sites,
           count(*) FILTER (WHERE kind = 'c') AS installations,
           COALESCE(sum(cameras), 0)::bigint AS cameras,
           count(*) FILTER (WHERE kind = 'a') AS awards
      FROM (
      SELECT ${approvalUnitOfArea} AS unit_id, ${siteYear} AS year, 's' AS kind, 0 AS cameras
        FROM site s JOIN admin_unit a ON a.id = s.area_id WHERE s.deleted_at IS NULL ${yearIn(siteYear)}
      UNION ALL
      SELECT ${approvalUnitOfArea}, ${cameraYear}, 'c', ci.cameras
        FROM camera_installation ci JOIN admin_unit a ON a.id = ci.area_id
       WHERE ci.deleted_at IS NULL ${yearIn(cameraYear)}
      UNION ALL
      SELECT ${approvalUnitOfArea}, aw.year, 'a', 0
        FROM award aw JOIN admin_unit a ON a.id = aw.area_id WHERE aw.deleted_at IS NULL ${yearIn(Prisma.sql`aw.year`)}
    ) r
    WHERE unit_id IN (${Prisma.join(unitIds)})
    GROUP BY unit_id, year`;
  return new Map(
    rows.map((r) => [
      `${r.unit_id}/${r.year}`,
      {
        sites: Number(r.sites),
        installations: Number(r.installations),
        cameras: Number(r.cameras),
        awards: Number(r.awards),
      },
    ]),
  );
}
