import { foldVietnamese, searchTextOf } from "@qt/shared/domain";
import { type TAward, type ZAwardListInput, ZAwardUpdateInput } from "@qt/shared/schemas/awards";
import type { TWarning } from "@qt/shared/schemas/common";
import type { z } from "zod";
import type { SessionUser } from "../../context.ts";
import type { Db } from "../../db.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { auditNames, concealAward, nameRule } from "../accounts/personal-data.ts";
import { type Area, areaFields, resolveArea } from "./areas.ts";
import { fieldError } from "./errors.ts";
import { columns, metaFields, yearsBetween } from "./fields.ts";
import { type FieldOf, type RecordKind, recordSelect, type Values, writableFields } from "./kind.ts";
import { recordService } from "./lifecycle.ts";
import { checkLinkedSite, linkChanged, linkedSiteFields, linkedSiteSelect } from "./links.ts";

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
type AwardValues = Values<AwardTypes>;

/** Same year, issuer, form and recipient (ignoring case and diacritics): likely entered twice. */
async function duplicateWarnings(db: Db, a: AwardValues, _area: Area | null, selfId?: number): Promise<TWarning[]> {
  const same = await db.award.findMany({
    where: {
      year: a.year,
      issuer: a.issuer,
      form: a.form,
      deletedAt: null,
      ...(selfId ? { id: { not: selfId } } : {}),
    },
    select: { id: true, recipientName: true },
  });
  const ids = same.filter((o) => foldVietnamese(o.recipientName) === foldVietnamese(a.recipientName)).map((o) => o.id);
  if (ids.length === 0) return [];
  return [
    { code: "duplicate", message: "Có thể trùng: đã có khen thưởng cùng năm, cùng hình thức cho người nhận này.", ids },
  ];
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
  what: "khen thưởng",
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
  duplicates: duplicateWarnings,
  data: ({ areaCode, ...v }, area) => ({
    ...v,
    areaId: area?.id ?? null,
    searchText: searchTextOf([v.recipientName, v.decisionNumber, v.notes, area?.name, area?.districtName]),
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
