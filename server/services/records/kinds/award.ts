import { foldVietnamese, searchTextOf } from "@qt/shared/domain";
import {
  type TAward,
  ZAward,
  ZAwardCreateInput,
  ZAwardListInput,
  ZAwardPage,
  ZAwardSaved,
  ZAwardUpdateInput,
} from "@qt/shared/schemas/awards";
import type { z } from "zod";
import type { SessionUser } from "../../../context.ts";
import type { Db } from "../../../db.ts";
import type { Prisma } from "../../../generated/prisma/client.ts";
import { auditNames, concealAward, nameRule } from "../../accounts/personal-data.ts";
import {
  collector,
  parseChoice,
  parseText,
  parseYear,
  place,
  type ReadRow,
  samePath,
  schemaIssues,
} from "../../imports/row-reader.ts";
import { type Area, areaFields, resolveArea } from "../areas.ts";
import { distinct } from "../duplicates.ts";
import { fieldError } from "../errors.ts";
import { columns, metaFields, yearsBetween } from "../fields.ts";
import {
  type AreaRef,
  type DuplicateRule,
  type FieldColumn,
  type FieldOf,
  type RecordKind,
  recordSelect,
  writableFields,
} from "../kind.ts";
import { recordService } from "../lifecycle.ts";
import { checkLinkedSite, linkChanged, linkedSiteFields, linkedSiteSelect } from "../links.ts";

const awardSelect = recordSelect({
  ...columns("year", "issuer", "form", "recipientKind", "recipientName", "decisionNumber", "notes"),
  ...linkedSiteSelect,
}) satisfies Prisma.AwardSelect;

type AwardTypes = {
  row: Prisma.AwardGetPayload<{ select: typeof awardSelect }>;
  /** As stored: the name is always there; `awards` below withholds it per reader. */
  api: Omit<TAward, "recipientName" | "nameHidden"> & { recipientName: string };
  field: FieldOf<typeof ZAwardUpdateInput.shape>;
  /** Null: a province-level award. */
  area: Area | null;
  list: z.output<typeof ZAwardListInput>;
  table: "award";
};

/** The words an award is found by (the folded `searchText` column), for every writer. */
export const awardSearchText = (
  a: { recipientName: string; decisionNumber?: string; notes?: string },
  area: AreaRef | null,
) => searchTextOf([a.recipientName, a.decisionNumber, a.notes, area?.name, area?.districtName]);

/** Same year, issuer, form and recipient (ignoring case and diacritics): likely entered twice. */
const awardDuplicate: DuplicateRule<AwardTypes> = {
  select: columns("year", "issuer", "form", "recipientName"),
  near: (rows) => ({ year: { in: distinct(rows.map((r) => r.year)) } }),
  key: (a) => `${a.year}|${a.issuer}|${a.form}|${foldVietnamese(a.recipientName)}`,
  warning: "record.duplicateAward",
};

/** A row of an import file as the award form's input (decision 024). */
const readAwardRow: ReadRow = (r) => {
  const { issues, take } = collector();
  const year = take("year", parseYear(r.cell("year")));
  const areaText = r.cell("area");
  // An award names its time by year: the units of the year's end (the later list), else its start.
  let area: Area | null = null;
  if (year && areaText !== null) {
    const probe = collector();
    area = place(r, `${year}-12-31`, probe.take);
    if (!area) area = place(r, `${year}-01-01`, take);
  } else if (year === null) {
    take("district", parseText(r.cell("district")));
  }
  const input = {
    year: year ?? undefined,
    issuer: take("issuer", parseChoice("issuer", r.cell("issuer"))) ?? undefined,
    form: take("form", parseChoice("awardForm", r.cell("form"))) ?? undefined,
    recipientKind: take("recipientKind", parseChoice("recipientKind", r.cell("recipientKind"))) ?? undefined,
    recipientName: take("recipientName", parseText(r.cell("recipientName"))) ?? undefined,
    areaCode: area?.code ?? null,
    decisionNumber: take("decisionNumber", parseText(r.cell("decisionNumber"))) ?? "",
    notes: take("notes", parseText(r.cell("notes"))) ?? "",
  };
  if (issues.length > 0) return { input: null, area, yearOnly: false, issues };
  const parsed = ZAwardCreateInput.safeParse(input);
  if (!parsed.success) return { input: null, area, yearOnly: false, issues: schemaIssues(parsed.error, samePath) };
  return { input: parsed.data, area, yearOnly: false, issues: [] };
};

/** An award row written outside the forms (demo data, test fixtures), with the same search text. */
export function awardRow(
  area: AreaRef | null,
  data: Omit<Prisma.AwardUncheckedCreateInput, "areaId" | "searchText">,
): Prisma.AwardCreateManyInput {
  return { ...data, areaId: area?.id ?? null, searchText: awardSearchText(data, area) };
}

/** The linked site, when given, must be live and in the award's area; a province-level award has none. */
async function checkSite(db: Db, siteId: number | null, area: Area | null) {
  if (!siteId) return;
  if (!area) {
    throw fieldError("siteId", "award.provinceNoSite");
  }
  await checkLinkedSite(db, siteId, area);
}

export const awardKind: RecordKind<AwardTypes> = {
  entity: "award",
  what: "noun.award",
  table: "award",
  select: awardSelect,
  toApi: (r) => ({
    ...metaFields(r),
    year: r.year,
    issuer: r.issuer,
    form: r.form,
    recipientKind: r.recipientKind,
    recipientName: r.recipientName,
    ...(r.area
      ? areaFields(r.area)
      : { areaCode: null, areaName: null, districtCode: null, districtName: null, currentCommuneCode: null }),
    ...linkedSiteFields(r.siteId, r.site),
    decisionNumber: r.decisionNumber,
    notes: r.notes,
  }),
  fields: writableFields(ZAwardUpdateInput.shape),
  // A province-level award (no area) belongs to no district: only province-wide editors and
  // admins may write it.
  provinceLevelRefusal: "scope.provinceAward",
  /** An award names its area by code and its time by year; see resolveArea. */
  area: async (db, v, o) =>
    v.areaCode
      ? resolveArea(db, v.areaCode, { year: v.year, districtCode: o.districtCode, currentId: o.currentAreaId })
      : null,
  check: async (db, v, area, _, change) => {
    if (linkChanged(v, change?.before ?? null)) await checkSite(db, v.siteId, area);
  },
  year: (v) => v.year,
  duplicate: awardDuplicate,
  data: ({ areaCode, ...v }, area) => ({
    ...v,
    areaId: area?.id ?? null,
    searchText: awardSearchText(v, area),
  }),
  filters: (input) => [
    { issuer: input.issuer, form: input.form, recipientKind: input.recipientKind },
    { year: yearsBetween(input) },
  ],
  sort: {
    year: (dir) => ({ year: dir }),
    recipientName: (dir) => ({ recipientName: dir }),
    issuer: (dir) => ({ issuer: dir }),
    updatedAt: (dir) => ({ updatedAt: dir }),
  },
};

const lifecycle = recordService(awardKind);

/** What the import reads of an award row. */
export const awardImport = { kind: awardKind, readRow: readAwardRow };

/**
 * Awards as the lifecycle serves them, with recipients' names only where the reader may see them
 * (personal-data.ts): after the list's cache, which is shared by every reader of the same page.
 */
export const awards = {
  ...lifecycle,
  list: async (db: Db, input: AwardTypes["list"], user: SessionUser) => {
    const page = await lifecycle.list(db, input, user);
    const rule = nameRule(user);
    const items = page.items.map((a) => concealAward(rule, a));
    const hidden = items.filter((a) => a.nameHidden).length;
    await auditNames(db, user, {
      entityId: "award.list",
      rule,
      names: items.length - hidden,
      hidden,
      via: "list",
    });
    return { ...page, items };
  },
  get: async (db: Db, id: number, user: SessionUser) => {
    const rule = nameRule(user);
    const award = concealAward(rule, await lifecycle.get(db, id, user));
    const hidden = award.nameHidden ? 1 : 0;
    await auditNames(db, user, { entityId: `award:${id}`, rule, names: 1 - hidden, hidden, via: "get" });
    return award;
  },
};

/** What the record router (routers/records.ts) is built from: the procedures' schemas and services. */
export const awardProcedures = {
  schemas: {
    item: ZAward,
    page: ZAwardPage,
    saved: ZAwardSaved,
    list: ZAwardListInput,
    create: ZAwardCreateInput,
    update: ZAwardUpdateInput,
  },
  service: awards,
};

/** The columns of the awards (a column saying a name is withheld follows the name for readers who may not see every name) list in reports' Excel and CSV (reports/tables.ts), in order. */
export const AWARD_REPORT_COLUMNS: readonly FieldColumn[] = [
  { field: "id", width: 9, type: "id" },
  { field: "year", width: 8, type: "id" },
  { field: "issuer", width: 22, type: "text" },
  { field: "form", width: 14, type: "text" },
  { field: "recipientKind", width: 10, type: "text" },
  { field: "recipientName", width: 40, type: "text" },
  { field: "areaCode", width: 22, type: "text" },
  { field: "districtCode", width: 22, type: "text" },
  { field: "decisionNumber", width: 18, type: "text" },
];
