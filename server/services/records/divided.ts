import type { TDividedListInput, TDividedMoveInput, TDividedPage, TDividedRecord } from "@qt/shared/schemas/divided";
import type { ImportKind } from "@qt/shared/schemas/imports";
import type { SessionUser } from "../../context.ts";
import type { Db } from "../../db.ts";
import { appError } from "../../errors.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import type { ProvinceReach } from "../accounts/province-scope.ts";
import { districtOfArea, reachSql } from "../units/area-sql.ts";
import type { AreaRow, MovedTo } from "./areas.ts";
import type { KindTypes, RecordKind } from "./kind.ts";
import { awardKind } from "./kinds/award.ts";
import { cameraKind } from "./kinds/camera.ts";
import { siteKind } from "./kinds/site.ts";
import { moveRecord } from "./lifecycle.ts";

/**
 * Records of old communes divided between several communes of today (decision 055): each kind's
 * live records whose area has successors in `unit_successor`, as one list (the screen "Xã bị chia
 * tách"), and the move of one of them to a chosen successor.
 */
const RECORDS = Prisma.sql`
  SELECT 'sites' AS kind, s.id, s.version, s.name AS label, to_char(s.established_on, 'YYYY-MM-DD') AS "when",
    s.is_demo, s.area_id, s.current_unit_id FROM site s WHERE s.deleted_at IS NULL
  UNION ALL
  SELECT 'cameras', ci.id, ci.version, ci.cameras::text, to_char(ci.installed_on, 'YYYY-MM-DD'), ci.is_demo,
    ci.area_id, ci.current_unit_id FROM camera_installation ci WHERE ci.deleted_at IS NULL
  UNION ALL
  SELECT 'awards', aw.id, aw.version, aw.recipient_name, aw.year::text, aw.is_demo, aw.area_id, aw.current_unit_id
    FROM award aw WHERE aw.deleted_at IS NULL AND aw.area_id IS NOT NULL`;

type Row = {
  kind: ImportKind;
  id: number;
  version: number;
  label: string;
  when: string;
  is_demo: boolean;
  area_code: string;
  area_name: string;
  district_code: string;
  district_name: string;
  successors: { code: string; name: string }[];
  rule_code: string | null;
  rule_name: string | null;
  moved_code: string | null;
  moved_name: string | null;
  total: bigint;
};

const ref = (code: string | null, name: string | null) => (code && name !== null ? { code, name } : null);

/** One page of the records of divided old communes, by old district, old commune, kind and id. */
export async function listDivided(
  db: Db,
  input: TDividedListInput,
  reach: ProvinceReach | null,
): Promise<TDividedPage> {
  const page = input.page ?? 1;
  const size = input.pageSize ?? 20;
  // A provincial account lists its province's records only (decision 051).
  const where = [reachSql(reach)];
  if (input.kind) where.push(Prisma.sql`r.kind = ${input.kind}`);
  if (input.districtCode) where.push(Prisma.sql`d.code = ${input.districtCode}`);
  const rows = await db.$queryRaw<Row[]>`
    WITH r AS (${RECORDS})
    SELECT r.kind, r.id, r.version, r.label, r."when", r.is_demo, a.code AS area_code, a.name AS area_name,
      d.code AS district_code, d.name AS district_name,
      (SELECT json_agg(json_build_object('code', n.code, 'name', n.name) ORDER BY us.position)
        FROM unit_successor us JOIN admin_unit n ON n.id = us.new_id WHERE us.old_id = a.id) AS successors,
      rule.code AS rule_code, rule.name AS rule_name, m.code AS moved_code, m.name AS moved_name,
      COUNT(*) OVER () AS total
    FROM r JOIN admin_unit a ON a.id = r.area_id JOIN admin_unit d ON d.id = ${districtOfArea}
      LEFT JOIN admin_unit rule ON rule.id = a.successor_id LEFT JOIN admin_unit m ON m.id = r.current_unit_id
    WHERE EXISTS (SELECT 1 FROM unit_successor us WHERE us.old_id = r.area_id) AND ${Prisma.join(where, " AND ")}
    ORDER BY d.code, a.code, r.kind, r.id
    LIMIT ${size} OFFSET ${(page - 1) * size}`;
  const items: TDividedRecord[] = rows.map((r) => {
    const rule = ref(r.rule_code, r.rule_name);
    const moved = ref(r.moved_code, r.moved_name);
    return {
      kind: r.kind,
      id: r.id,
      version: r.version,
      label: r.label,
      when: r.when,
      isDemo: r.is_demo,
      area: { code: r.area_code, name: r.area_name },
      district: { code: r.district_code, name: r.district_name },
      successors: r.successors ?? [],
      rule,
      current: moved ?? rule,
      chosen: moved !== null,
    };
  });
  // A page past the end has no row to carry the total: count it then.
  const total = rows[0] ? Number(rows[0].total) : page > 1 ? await countDivided(db, input, reach) : 0;
  return { items, total };
}

async function countDivided(db: Db, input: TDividedListInput, reach: ProvinceReach | null): Promise<number> {
  const { total } = await listDivided(db, { ...input, page: 1, pageSize: 1 }, reach);
  return total;
}

/**
 * The successor a record of a divided old commune may be moved to: one of `unit_successor`'s for
 * its area (400 otherwise, naming them), or null back to the rule's.
 */
async function successorChoice(db: Db, area: AreaRow | null, code: string | null): Promise<number | null> {
  const options = area
    ? await db.unitSuccessor.findMany({
        where: { oldId: area.id },
        orderBy: { position: "asc" },
        select: { new: { select: { id: true, code: true, name: true } } },
      })
    : [];
  if (!area || options.length === 0) throw appError("invalid", "divided.notDivided");
  if (code === null) return null;
  const chosen = options.find((o) => o.new.code === code);
  if (!chosen) {
    const successors = options.map((o) => `${o.new.name} (${o.new.code})`).join(", ");
    throw appError("invalid", "divided.notSuccessor", { code, area: area.name, successors });
  }
  return chosen.new.id;
}

type Movable = { area: AreaRow | null; currentUnit: MovedTo };

function moveOf<T extends KindTypes & { row: Movable }>(kind: RecordKind<T>) {
  return async (db: Db, input: TDividedMoveInput, user: SessionUser) => {
    const moved = await moveRecord(kind, db, input, user, (row) => successorChoice(db, row.area, input.communeCode));
    return { kind: input.kind, id: moved.id, version: moved.version, unchanged: moved.unchanged };
  };
}

const MOVES = { sites: moveOf(siteKind), cameras: moveOf(cameraKind), awards: moveOf(awardKind) };

/** Moves one record of a divided old commune (decision 055); see moveRecord for the checks. */
export function moveDivided(db: Db, input: TDividedMoveInput, user: SessionUser) {
  return MOVES[input.kind](db, input, user);
}
