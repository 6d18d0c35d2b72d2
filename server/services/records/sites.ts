import { foldVietnamese, searchTextOf } from "@qt/shared/domain";
import type { TWarning } from "@qt/shared/schemas/common";
import { siteRuleIssues, type TSite, type ZSiteListInput, ZSiteUpdateInput } from "@qt/shared/schemas/sites";
import type { z } from "zod";
import type { Db } from "../../db.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { yearOf } from "../approvals/lock.ts";
import { type Area, areaFields, resolveArea } from "./areas.ts";
import { fieldError, fieldErrors } from "./errors.ts";
import { columns, dateOf, dateYears, isoOf, isoOrNull, likeLiteral, metaFields } from "./fields.ts";
import { type FieldOf, type RecordKind, recordSelect, type Values, writableFields } from "./kind.ts";
import { recordService } from "./lifecycle.ts";

const siteSelect = recordSelect({
  ...columns("modelTypeId", "name", "host", "establishedOn", "status", "statusChangedOn", "religion"),
  ...columns("households", "members", "notes"),
  modelType: { select: { code: true, name: true, category: true } },
}) satisfies Prisma.SiteSelect;

type SiteTypes = {
  row: Prisma.SiteGetPayload<{ select: typeof siteSelect }>;
  api: TSite;
  field: FieldOf<typeof ZSiteUpdateInput.shape>;
  area: Area;
  ctx: ModelTypeRef;
  list: z.output<typeof ZSiteListInput>;
  table: "site";
};
type SiteValues = Values<SiteTypes>;
type ModelTypeRef = { id: number; category: TSite["category"] };

async function requireModelType(db: Db, v: SiteValues): Promise<ModelTypeRef> {
  const type = await db.modelType.findFirst({
    where: { id: v.modelTypeId, deletedAt: null },
    select: { id: true, category: true },
  });
  if (!type) throw fieldError("modelTypeId", "modelType.missing");
  return type;
}

/**
 * A site moved to another area would leave the installations and awards linked to it in the old
 * one, which the link rule forbids (checkLinkedSite): the user unlinks or moves those first.
 */
async function assertNoLinksElsewhere(db: Db, siteId: number, areaId: number) {
  const elsewhere = { siteId, deletedAt: null, NOT: { areaId } };
  const [cameras, awards] = await Promise.all([
    db.cameraInstallation.count({ where: elsewhere }),
    db.award.count({ where: elsewhere }),
  ]);
  if (cameras + awards > 0) {
    throw fieldError("areaCode", "site.linksElsewhere", { cameras, awards });
  }
}

/** Same model type, same area, same name (ignoring case and diacritics): likely entered twice. */
async function duplicateWarnings(db: Db, s: SiteValues, area: Area, selfId?: number): Promise<TWarning[]> {
  const same = await db.site.findMany({
    where: { modelTypeId: s.modelTypeId, areaId: area.id, deletedAt: null, ...(selfId ? { id: { not: selfId } } : {}) },
    select: { id: true, name: true },
  });
  const ids = same.filter((o) => foldVietnamese(o.name) === foldVietnamese(s.name)).map((o) => o.id);
  if (ids.length === 0) return [];
  return [{ code: "duplicate", message: "Có thể trùng: địa bàn này đã có điểm cùng loại mô hình và cùng tên.", ids }];
}

/**
 * Model-type names are not in searchText (renaming a type would leave it stale), so a word also
 * matches the sites of every type whose folded name contains it: "dong ho" finds clan models.
 */
async function searchSites(db: Db, words: string[]): Promise<Prisma.SiteWhereInput[]> {
  if (words.length === 0) return [];
  const types = await db.modelType.findMany({ select: { id: true, name: true } });
  return words.map((w) => ({
    OR: [
      { searchText: { contains: likeLiteral(w) } },
      { modelTypeId: { in: types.filter((t) => foldVietnamese(t.name).includes(w)).map((t) => t.id) } },
    ],
  }));
}

export const siteKind: RecordKind<SiteTypes> = {
  entity: "site",
  what: "điểm mô hình",
  table: "site",
  select: siteSelect,
  toApi: (r) => ({
    ...metaFields(r),
    modelTypeId: r.modelTypeId,
    modelTypeCode: r.modelType.code,
    modelTypeName: r.modelType.name,
    category: r.modelType.category,
    ...areaFields(r.area),
    name: r.name,
    host: r.host,
    establishedOn: isoOf(r.establishedOn),
    status: r.status,
    statusChangedOn: isoOrNull(r.statusChangedOn),
    religion: r.religion,
    households: r.households,
    members: r.members,
    notes: r.notes,
  }),
  fields: writableFields(ZSiteUpdateInput.shape),
  prepare: requireModelType,
  area: (db, v, o) => resolveArea(db, v.areaCode, { districtCode: o.districtCode, on: v.establishedOn }),
  check: async (db, v, area, type, change) => {
    const issues = siteRuleIssues(v, type?.category);
    if (issues.length > 0) throw fieldErrors(issues);
    if (change && area.id !== change.current.area.id) await assertNoLinksElsewhere(db, change.current.id, area.id);
  },
  year: (v) => yearOf(v.establishedOn),
  duplicates: duplicateWarnings,
  data: ({ areaCode, ...v }, area) => ({
    ...v,
    areaId: area.id,
    establishedOn: dateOf(v.establishedOn),
    statusChangedOn: v.statusChangedOn ? dateOf(v.statusChangedOn) : null,
    searchText: searchTextOf([v.name, v.host, v.notes, area.name, area.districtName]),
  }),
  filters: (input) => [
    { modelTypeId: input.modelTypeId, status: input.status, establishedOn: dateYears(input) },
    ...(input.category ? [{ modelType: { category: input.category } }] : []),
  ],
  search: searchSites,
  sort: {
    establishedOn: (dir) => ({ establishedOn: dir }),
    name: (dir) => ({ name: dir }),
    area: (dir) => ({ area: { name: dir } }),
    modelType: (dir) => ({ modelType: { name: dir } }),
    updatedAt: (dir) => ({ updatedAt: dir }),
  },
};

export const sites = recordService(siteKind);
