import { policeHeading } from "@qt/shared/province";
import type {
  TReportDraft,
  TReportDraftSummary,
  ZReportDraftCreateInput,
  ZReportDraftListInput,
  ZReportDraftRemoveInput,
  ZReportDraftUpdateInput,
} from "@qt/shared/schemas/report-drafts";
import { NARRATIVE_SECTIONS, type TNarrative } from "@qt/shared/schemas/reports";
import type { z } from "zod";
import type { SessionUser } from "../../context.ts";
import type { Db } from "../../db.ts";
import { type AppError, appError, isUniqueViolation } from "../../errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { writeAudit } from "../audit/write.ts";
import { resolveFilter } from "../dashboard/filter.ts";
import { fieldError, notFoundError } from "../records/errors.ts";
import { installedProvince } from "../units/province.ts";

/**
 * Named drafts of a report's written parts, per scope (districts or the whole province) and period
 * (decision 019). Saved under a version lock like the records; every change is audited.
 */
const ENTITY = "report_draft";

const draftSelect = {
  id: true,
  version: true,
  name: true,
  fromYear: true,
  toYear: true,
  scopeKey: true,
  updatedAt: true,
  supervisingBody: true,
  issuingBody: true,
  signerTitle: true,
  signerName: true,
  assessment: true,
  shortcomings: true,
  lessons: true,
  directions: true,
  proposals: true,
} satisfies Prisma.ReportDraftSelect;
type DraftRow = Prisma.ReportDraftGetPayload<{ select: typeof draftSelect }>;

/** "464,466": the districts in one string, sorted, so the same choice is the same key. */
const scopeKeyOf = (codes: string[]) => [...new Set(codes)].sort().join(",");
const codesOf = (key: string) => (key ? key.split(",") : []);

const meta = (r: DraftRow): TReportDraftSummary => ({
  id: r.id,
  version: r.version,
  name: r.name,
  fromYear: r.fromYear,
  toYear: r.toYear,
  districtCodes: codesOf(r.scopeKey),
  updatedAt: r.updatedAt.toISOString(),
});

const toDraft = (r: DraftRow): TReportDraft => ({
  ...meta(r),
  supervisingBody: r.supervisingBody,
  issuingBody: r.issuingBody,
  signerTitle: r.signerTitle,
  signerName: r.signerName,
  narrative: Object.fromEntries(NARRATIVE_SECTIONS.map((k) => [k, r[k]])) as TNarrative,
});

type Fields = z.output<typeof ZReportDraftCreateInput>;

/** Checks the districts exist (a clear NOT_FOUND otherwise) and gives the columns to write. */
async function columns(db: Db, input: Fields) {
  await resolveFilter(db, { fromYear: input.fromYear, toYear: input.toYear, districtCodes: input.districtCodes });
  const { districtCodes, narrative, issuingBody, ...rest } = input;
  // Left out: the installed province's police (decision 044).
  const body = issuingBody ?? policeHeading(await installedProvince(db));
  return { ...rest, issuingBody: body, ...narrative, scopeKey: scopeKeyOf(districtCodes) };
}

const duplicateName = () => fieldError("name", "draft.duplicateName");

export async function listReportDrafts(
  db: Db,
  input: z.output<typeof ZReportDraftListInput>,
): Promise<{ items: TReportDraftSummary[] }> {
  const rows = await db.reportDraft.findMany({
    where: { fromYear: input.fromYear, toYear: input.toYear, scopeKey: scopeKeyOf(input.districtCodes) },
    select: draftSelect,
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
  });
  return { items: rows.map(meta) };
}

export async function getReportDraft(db: Db, id: number): Promise<TReportDraft> {
  const row = await db.reportDraft.findUnique({ where: { id }, select: draftSelect });
  if (!row) throw notFoundError("noun.reportDraft");
  return toDraft(row);
}

export async function createReportDraft(db: Db, input: Fields, user: SessionUser): Promise<TReportDraft> {
  const data = await columns(db, input);
  return uniqueName(() =>
    db.$transaction(async (tx) => {
      const row = await tx.reportDraft.create({
        data: { ...data, createdById: user.id, updatedById: user.id },
        select: draftSelect,
      });
      const created = toDraft(row);
      await writeAudit(tx, { user, action: "create", entity: ENTITY, entityId: row.id, after: created });
      return created;
    }),
  );
}

export async function updateReportDraft(
  db: Db,
  input: z.output<typeof ZReportDraftUpdateInput>,
  user: SessionUser,
): Promise<TReportDraft> {
  const { id, version, ...fields } = input;
  const before = await openedAt(db, id, version);
  const data = await columns(db, fields);
  return uniqueName(() =>
    db.$transaction(async (tx) => {
      // The version in the WHERE: of two saves of the same version, the second changes nothing.
      const { count } = await tx.reportDraft.updateMany({
        where: { id, version },
        data: { ...data, updatedById: user.id, version: { increment: 1 } },
      });
      if (count === 0) throw staleDraft(version + 1);
      const after = toDraft(await tx.reportDraft.findUniqueOrThrow({ where: { id }, select: draftSelect }));
      await writeAudit(tx, { user, action: "update", entity: ENTITY, entityId: id, before, after });
      return after;
    }),
  );
}

export async function removeReportDraft(
  db: Db,
  input: z.output<typeof ZReportDraftRemoveInput>,
  user: SessionUser,
): Promise<{ id: number }> {
  const before = await openedAt(db, input.id, input.version);
  return db.$transaction(async (tx) => {
    const { count } = await tx.reportDraft.deleteMany({ where: { id: input.id, version: input.version } });
    if (count === 0) throw staleDraft(input.version + 1);
    await writeAudit(tx, { user, action: "remove", entity: ENTITY, entityId: input.id, before });
    return { id: input.id };
  });
}

/** The draft as it is, when it is still at the version the editor opened. */
async function openedAt(db: Db, id: number, version: number): Promise<TReportDraft> {
  const draft = await getReportDraft(db, id);
  if (draft.version !== version) throw staleDraft(draft.version);
  return draft;
}

/** A write that the name's unique index may refuse: that refusal is a field error, not a 500. */
async function uniqueName<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateName();
    throw err;
  }
}

/** A save or removal under a version someone else has replaced: refused, never overwritten. */
function staleDraft(current: number): AppError {
  return appError("conflict", "draft.stale", { version: current });
}

/**
 * The draft a report prints: it must be written for the report's scope and period, and when the
 * preview's version is given, still be that version (the download is then what the preview showed).
 */
export async function draftForReport(
  db: Db,
  options: { draftId?: number; draftVersion?: number; fromYear: number; toYear: number; districtCodes: string[] },
): Promise<TReportDraft | null> {
  if (options.draftId === undefined) return null;
  const draft = await getReportDraft(db, options.draftId);
  const sameScope =
    draft.fromYear === options.fromYear &&
    draft.toYear === options.toYear &&
    scopeKeyOf(draft.districtCodes) === scopeKeyOf(options.districtCodes);
  if (!sameScope) {
    throw appError("invalid", "draft.otherScope", { name: draft.name });
  }
  if (options.draftVersion !== undefined && options.draftVersion !== draft.version) {
    throw appError("conflict", "draft.changedSincePreview", { name: draft.name });
  }
  return draft;
}
