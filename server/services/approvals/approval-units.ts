import { type ApprovalUnitKind, COMMUNE_FIRST_YEAR, HISTORY_YEARS } from "@qt/shared/schemas/approvals";
import { todayIso } from "@qt/shared/schemas/common";
import { formerUnitName } from "@qt/shared/unit-names";
import type { Db } from "../../db.ts";
import { appError } from "../../errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { RecordPlace } from "../accounts/write-scope.ts";

/** A unit of approval: a former district (history) or a commune of today. */
export type ApprovalUnit = {
  id: number;
  code: string;
  /** The unit's own name; `title` is how messages name it ("Huyện Gio Linh (cũ)", "Xã Gio Linh"). */
  name: string;
  title: string;
  kind: ApprovalUnitKind;
  districtId: number;
  districtCode: string;
  districtName: string;
  formerProvinceCode: string;
};

type Reader = Db | Prisma.TransactionClient;

const unitSelect = {
  id: true,
  code: true,
  name: true,
  level: true,
  parent: { select: { code: true } },
  formerDistrict: { select: { id: true, code: true, name: true, parent: { select: { code: true } } } },
} as const;
type UnitRow = Prisma.AdminUnitGetPayload<{ select: typeof unitSelect }>;

/** Which units are units of approval: the former districts of both old provinces and today's communes. */
export const approvalUnitWhere = (kind?: ApprovalUnitKind): Prisma.AdminUnitWhereInput => {
  const district = { level: "district", catalog: "three_level" } as const;
  const commune = { level: "commune", catalog: "two_level" } as const;
  if (kind === "district") return district;
  if (kind === "commune") return commune;
  return { OR: [district, commune] };
};

function approvalUnit(u: UnitRow): ApprovalUnit {
  if (u.level === "district") {
    return {
      id: u.id,
      code: u.code,
      name: u.name,
      title: formerUnitName(u.name),
      kind: "district",
      districtId: u.id,
      districtCode: u.code,
      districtName: u.name,
      formerProvinceCode: u.parent?.code ?? "",
    };
  }
  const d = u.formerDistrict;
  return {
    id: u.id,
    code: u.code,
    name: u.name,
    title: u.name,
    kind: "commune",
    districtId: d?.id ?? 0,
    districtCode: d?.code ?? "",
    districtName: d?.name ?? "",
    formerProvinceCode: d?.parent?.code ?? "",
  };
}

/** Every unit of approval of one kind (or both), districts in code order, then communes. */
export async function approvalUnits(db: Reader, kind?: ApprovalUnitKind): Promise<ApprovalUnit[]> {
  const rows = await db.adminUnit.findMany({
    where: approvalUnitWhere(kind),
    select: unitSelect,
    orderBy: [{ level: "asc" }, { code: "asc" }],
  });
  return rows.map(approvalUnit);
}

/** The unit of approval with this code (3 digits: a former district; 5: a commune of today). */
export async function requireApprovalUnit(db: Reader, code: string): Promise<ApprovalUnit> {
  const kind = code.length === 3 ? "district" : "commune";
  const row = await db.adminUnit.findFirst({ where: { code, ...approvalUnitWhere(kind) }, select: unitSelect });
  if (!row) throw appError("not-found", "approval.unitNotFound", { code });
  return approvalUnit(row);
}

/** The current year in Vietnam: the last year a commune of today can be approved for. */
export const currentYear = () => Number(todayIso().slice(0, 4));

/** The years a unit has figures to approve: 2007–2025 for a former district, 2025–now for a commune. */
export function approvalYears(kind: ApprovalUnitKind): { from: number; to: number } {
  return kind === "district" ? { ...HISTORY_YEARS } : { from: COMMUNE_FIRST_YEAR, to: currentYear() };
}

/** A year outside the unit's years is refused, naming the years it has. */
export function assertApprovalYear(unit: ApprovalUnit, year: number): void {
  const { from, to } = approvalYears(unit.kind);
  if (year >= from && year <= to) return;
  if (unit.kind === "district") throw appError("invalid", "approval.districtYears", { unit: unit.title });
  throw appError("invalid", "approval.communeYears", { unit: unit.title, max: String(to) });
}

/** The unit as the scope check sees a record in it (services/accounts/write-scope.ts). */
export function placeOfUnit(unit: ApprovalUnit): RecordPlace {
  return { districtId: unit.districtId, communeId: unit.kind === "commune" ? unit.id : null };
}
