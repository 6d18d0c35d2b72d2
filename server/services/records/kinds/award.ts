import { foldVietnamese, searchTextOf } from "@qt/shared/domain";
import { type TAward, ZAward, ZAwardCreateInput, ZAwardListInput, ZAwardUpdateInput } from "@qt/shared/schemas/awards";
import type { z } from "zod";
import type { SessionUser } from "../../../context.ts";
import type { Db } from "../../../db.ts";
import { Prisma } from "../../../generated/prisma/client.ts";
import { auditNames, concealAward, nameRule, nameVisibleSql } from "../../accounts/personal-data.ts";
import { awardWhere } from "../../dashboard/filter.ts";
import * as cells from "../../imports/row-reader.ts";
import { type Area, areaFields, resolveArea } from "../areas.ts";
import { distinct } from "../duplicates.ts";
import { fieldError } from "../errors.ts";
import { columns, metaFields, yearsBetween } from "../fields.ts";
import {
  type AreaRef,
  type DuplicateRule,
  type FieldOf,
  kindModule,
  type RecordKind,
  recordSelect,
  writableFields,
} from "../kind.ts";
import { recordService } from "../lifecycle.ts";
import { checkLinkedSite, linkCheck, linkedSiteFields, linkedSiteSelect } from "../links.ts";
import { placeColumns, type RecordReport, recordFrom } from "../report-list.ts";

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
const readAwardRow: cells.ReadRow = (r) => {
  const { issues, take } = cells.collector();
  const year = take("year", cells.parseYear(r.cell("year")));
  const areaText = r.cell("area");
  // An award names its time by year: the units of the year's end (the later list), else its start.
  let area: Area | null = null;
  if (year && areaText !== null) {
    const probe = cells.collector();
    area = cells.place(r, `${year}-12-31`, probe.take);
    if (!area) area = cells.place(r, `${year}-01-01`, take);
  } else if (year === null) {
    take("district", cells.parseText(r.cell("district")));
  }
  const input = {
    year: year ?? undefined,
    issuer: take("issuer", cells.parseChoice("issuer", r.cell("issuer"))) ?? undefined,
    form: take("form", cells.parseChoice("awardForm", r.cell("form"))) ?? undefined,
    recipientKind: take("recipientKind", cells.parseChoice("recipientKind", r.cell("recipientKind"))) ?? undefined,
    recipientName: take("recipientName", cells.parseText(r.cell("recipientName"))) ?? undefined,
    areaCode: area?.code ?? null,
    decisionNumber: take("decisionNumber", cells.parseText(r.cell("decisionNumber"))) ?? "",
    notes: take("notes", cells.parseText(r.cell("notes"))) ?? "",
  };
  return cells.validated(ZAwardCreateInput, input, { area, yearOnly: false, issues });
};

/** An award row written outside the forms (demo data, test fixtures), with the same search text. */
export function awardRow(
  area: AreaRef | null,
  data: Omit<Prisma.AwardUncheckedCreateInput, "areaId" | "searchText">,
): Prisma.AwardCreateManyInput {
  return { ...data, areaId: area?.id ?? null, searchText: awardSearchText(data, area) };
}

/** The linked site, when given, must be live and in the award's area; a province-level award has none. */
async function checkSite(db: Db, siteId: number | null | undefined, area: Area | null) {
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
      ? areaFields(r.area, r.currentUnit)
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
  check: linkCheck(checkSite),
  year: (v) => v.year,
  duplicate: awardDuplicate,
  data: ({ areaCode, ...v }, area) => awardRow(area, v),
  filters: (input) => [
    { issuer: input.issuer, form: input.form, recipientKind: input.recipientKind },
    { year: yearsBetween(input) },
  ],
};

const lifecycle = recordService(awardKind);

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

const HIDDEN_NAME = "—";

/**
 * The awards list of reports' Excel and CSV (reports/tables.ts). Recipients' names outside the
 * reader's scope are withheld ("—", and a flag column for such readers; personal-data.ts).
 */
export const awardReport: RecordReport = {
  sheet: "Khen thưởng",
  alias: "aw",
  from: recordFrom(Prisma.sql`award aw`, "aw", { areaOptional: true }),
  where: awardWhere,
  columns: (names) => [
    { field: "id", width: 9, type: "id", sql: "aw.id" },
    { field: "year", width: 8, type: "id", sql: "aw.year" },
    { field: "issuer", width: 22, type: "text", sql: "aw.issuer::text", words: "issuer" },
    { field: "form", width: 14, type: "text", sql: "aw.form::text", words: "awardForm" },
    { field: "recipientKind", width: 10, type: "text", sql: "aw.recipient_kind::text", words: "recipientKind" },
    {
      field: "recipientName",
      width: 40,
      type: "text",
      sql: Prisma.sql`CASE WHEN ${nameVisibleSql(names)} THEN aw.recipient_name END`,
      cell: (name) => name ?? HIDDEN_NAME,
    },
    ...(names.kind === "all"
      ? []
      : [
          {
            header: "Tên ngoài phạm vi, không hiện (1 = có)",
            width: 14,
            type: "int" as const,
            sum: true,
            sql: Prisma.sql`CASE WHEN ${nameVisibleSql(names)} THEN 0 ELSE 1 END`,
          },
        ]),
    ...placeColumns(22),
    { field: "decisionNumber", width: 18, type: "text", sql: "aw.decision_number" },
  ],
};

/** The award kind as the import, the reports and the record router read it. */
export const awardModule = kindModule(awardKind, {
  readRow: readAwardRow,
  report: awardReport,
  service: awards,
  schemas: [ZAward, ZAwardListInput, ZAwardCreateInput, ZAwardUpdateInput],
});
