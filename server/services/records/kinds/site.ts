import { foldVietnamese, type ModelCategory, searchTextOf } from "@qt/shared/domain";
import {
  siteRuleIssues,
  type TSite,
  ZSite,
  ZSiteCreateInput,
  ZSiteListInput,
  ZSiteUpdateInput,
} from "@qt/shared/schemas/sites";
import type { z } from "zod";
import type { Db } from "../../../db.ts";
import { Prisma } from "../../../generated/prisma/client.ts";
import { yearOf } from "../../approvals/lock.ts";
import { placeTimeWhere } from "../../dashboard/filter.ts";
import * as cells from "../../imports/row-reader.ts";
import { type Area, areaFields, resolveArea } from "../areas.ts";
import { distinct } from "../duplicates.ts";
import { fieldError, fieldErrors } from "../errors.ts";
import { columns, dateOf, dateYears, isoOf, isoOrNull, likeLiteral, metaFields } from "../fields.ts";
import {
  type AreaRef,
  type DuplicateRule,
  type FieldOf,
  kindModule,
  type RecordKind,
  recordSelect,
  type Values,
  writableFields,
} from "../kind.ts";
import { recordService } from "../lifecycle.ts";
import { placeColumns, type RecordReport, recordFrom } from "../report-list.ts";

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

/**
 * The words a site is found by (the folded `searchText` column): written here once, for the form,
 * the import and the demo rows. Model-type names are not in it (see searchSites).
 */
export const siteSearchText = (s: { name: string; host?: string; notes?: string }, area: AreaRef) =>
  searchTextOf([s.name, s.host, s.notes, area.name, area.districtName]);

/** Same model type, same area, same name (ignoring case and diacritics): likely entered twice. */
const siteDuplicate: DuplicateRule<SiteTypes> = {
  select: columns("modelTypeId", "areaId", "name"),
  near: (rows) => ({
    areaId: { in: distinct(rows.map((r) => r.areaId)) },
    modelTypeId: { in: distinct(rows.map((r) => r.modelTypeId)) },
  }),
  key: (s) => `${s.modelTypeId}|${s.areaId}|${foldVietnamese(s.name)}`,
  warning: "record.duplicateSite",
};

/** A row of an import file as the site form's input (decision 024). */
const readSiteRow: cells.ReadRow = (r) => {
  const { issues, take } = cells.collector();
  const text = (field: "modelType" | "name" | "host" | "notes") => take(field, cells.parseText(r.cell(field)));
  const count = (field: "households" | "members") => take(field, cells.parseCount(r.cell(field)));
  const typeText = text("modelType");
  const type = typeText && r.types ? take("modelType", r.types.modelType(typeText)) : null;
  const date = take("establishedOn", cells.parseDate(r.cell("establishedOn")));
  const area = cells.place(r, date?.iso ?? null, take);
  const input = {
    modelTypeId: type?.id,
    areaCode: area?.code,
    name: text("name") ?? undefined,
    host: text("host") ?? "",
    establishedOn: date?.iso,
    religion: take("religion", cells.parseChoice("religion", r.cell("religion"))),
    households: count("households"),
    members: count("members"),
    notes: text("notes") ?? "",
  };
  return cells.validated(
    ZSiteCreateInput,
    input,
    { area, yearOnly: !!date?.yearOnly, issues },
    {
      field: (p) => (p === "modelTypeId" ? "modelType" : cells.samePath(p)),
      rules: (data) =>
        siteRuleIssues(data, type?.category as ModelCategory | undefined).map((i) => ({
          ...cells.issueOf(i.message),
          field: cells.samePath(i.path),
        })),
    },
  );
};

/** A site row written outside the forms (demo data, test fixtures), with the same search text. */
export function siteRow(
  area: AreaRef,
  data: Omit<Prisma.SiteUncheckedCreateInput, "areaId" | "searchText">,
): Prisma.SiteCreateManyInput {
  return { ...data, areaId: area.id, searchText: siteSearchText(data, area) };
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
  what: "noun.site",
  table: "site",
  select: siteSelect,
  toApi: (r) => ({
    ...metaFields(r),
    modelTypeId: r.modelTypeId,
    modelTypeCode: r.modelType.code,
    modelTypeName: r.modelType.name,
    category: r.modelType.category,
    ...areaFields(r.area, r.currentUnit),
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
  duplicate: siteDuplicate,
  data: ({ areaCode, ...v }, area) =>
    siteRow(area, {
      ...v,
      establishedOn: dateOf(v.establishedOn),
      statusChangedOn: v.statusChangedOn ? dateOf(v.statusChangedOn) : null,
    }),
  filters: (input) => [
    { modelTypeId: input.modelTypeId, status: input.status, establishedOn: dateYears(input) },
    ...(input.category ? [{ modelType: { category: input.category } }] : []),
  ],
  search: searchSites,
  sortPaths: { area: "area.name", modelType: "modelType.name" },
};

export const sites = recordService(siteKind);

/** The sites list of reports' Excel and CSV (reports/tables.ts). */
export const siteReport: RecordReport = {
  sheet: "Điểm mô hình",
  alias: "s",
  from: recordFrom(Prisma.sql`site s JOIN model_type mt ON mt.id = s.model_type_id`, "s"),
  where: (scope) => Prisma.sql`s.deleted_at IS NULL AND ${placeTimeWhere(scope, Prisma.sql`s.established_on`, "s")}`,
  columns: () => [
    { field: "id", width: 9, type: "id", sql: "s.id" },
    { field: "modelTypeId", width: 40, type: "text", sql: "mt.name" },
    { field: "name", width: 40, type: "text", sql: "s.name" },
    { field: "host", width: 28, type: "text", sql: "s.host" },
    ...placeColumns(22),
    { field: "establishedOn", width: 14, type: "date", sql: "s.established_on" },
    { field: "status", width: 16, type: "text", sql: "s.status::text", words: "status" },
    { field: "religion", width: 14, type: "text", sql: "s.religion::text", words: "religion" },
    { field: "households", width: 9, type: "int", sum: true, sql: "s.households" },
    { field: "members", width: 12, type: "int", sum: true, sql: "s.members" },
    { field: "notes", width: 30, type: "text", sql: "s.notes" },
  ],
};

/** The site kind as the import, the reports and the record router read it. */
export const siteModule = kindModule(siteKind, {
  readRow: readSiteRow,
  report: siteReport,
  service: sites,
  schemas: [ZSite, ZSiteListInput, ZSiteCreateInput, ZSiteUpdateInput],
});
