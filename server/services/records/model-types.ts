import type {
  TModelType,
  ZModelTypeCreateInput,
  ZModelTypeListInput,
  ZModelTypeUpdateInput,
} from "@qt/shared/schemas/model-types";
import type { z } from "zod";
import type { SessionUser } from "../../context.ts";
import type { Db } from "../../db.ts";
import { appError, isUniqueViolation } from "../../errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { type LockPlace, lockedRows, lockUnitYears, UNIT_YEAR_WAIT_MS } from "../approvals/lock.ts";
import { writeAudit } from "../audit/write.ts";
import { conflictError, fieldError, notFoundError } from "./errors.ts";
import { deletedFilter } from "./fields.ts";

const ENTITY = "model_type";

const typeSelect = {
  id: true,
  version: true,
  code: true,
  name: true,
  category: true,
  description: true,
  _count: { select: { sites: { where: { deletedAt: null } } } },
} satisfies Prisma.ModelTypeSelect;

type TypeRow = Prisma.ModelTypeGetPayload<{ select: typeof typeSelect }>;

const toType = ({ _count, ...r }: TypeRow): TModelType => ({ ...r, siteCount: _count.sites });

/** The catalogue, whole: 35-odd types, small enough for every picker. */
export async function listModelTypes(db: Db, input: z.output<typeof ZModelTypeListInput>, user: SessionUser) {
  const where: Prisma.ModelTypeWhereInput = {
    ...deletedFilter(user, input?.includeDeleted),
    ...(input?.category ? { category: input.category } : {}),
  };
  const rows = await db.modelType.findMany({
    where,
    select: typeSelect,
    orderBy: [{ category: "asc" }, { name: "asc" }],
  });
  return { items: rows.map(toType), total: rows.length };
}

export async function createModelType(
  db: Db,
  input: z.output<typeof ZModelTypeCreateInput>,
  user: SessionUser,
): Promise<TModelType> {
  if (await db.modelType.findUnique({ where: { code: input.code }, select: { id: true } })) {
    throw fieldError("code", "modelType.codeTaken");
  }
  try {
    return await db.$transaction(async (tx) => {
      const created = toType(await tx.modelType.create({ data: input, select: typeSelect }));
      await writeAudit(tx, { user, action: "create", entity: ENTITY, entityId: created.id, after: created });
      return created;
    });
  } catch (err) {
    // Two admins adding one code at once: the unique index decides.
    if (isUniqueViolation(err)) throw fieldError("code", "modelType.codeTaken");
    throw err;
  }
}

export async function updateModelType(
  db: Db,
  input: z.output<typeof ZModelTypeUpdateInput>,
  user: SessionUser,
): Promise<TModelType> {
  const row = await db.modelType.findFirst({ where: { id: input.id, deletedAt: null }, select: typeSelect });
  if (!row) throw notFoundError("noun.modelType");
  const before = toType(row);
  if (before.version !== input.version) throw conflictError();
  // Religion is required exactly for religious types: moving a used type in or out of that
  // category would leave its sites breaking the rule.
  if (input.category && input.category !== before.category && before.siteCount > 0) {
    const crossesReligious = input.category === "religious" || before.category === "religious";
    if (crossesReligious) throw fieldError("category", "modelType.religiousLocked");
  }
  const { id, version, ...changes } = input;
  // Nothing new: nothing written (no version bump, no empty audit entry), as for records.
  const given = Object.entries(changes).filter(([, v]) => v !== undefined);
  if (given.every(([k, v]) => before[k as keyof typeof before] === v)) return before;
  return db.$transaction(async (tx) => {
    if (input.category && input.category !== before.category) await assertCategoryOpen(tx, id);
    const { count } = await tx.modelType.updateMany({
      where: { id, version, deletedAt: null },
      data: { ...changes, version: { increment: 1 } },
    });
    if (count === 0) throw conflictError();
    const after = toType(await tx.modelType.findUniqueOrThrow({ where: { id }, select: typeSelect }));
    await writeAudit(tx, { user, action: "update", entity: ENTITY, entityId: id, before, after });
    return after;
  });
}

/**
 * A type's category decides which group its sites count in, so changing it would change figures
 * that were submitted or approved (decision 028): refused while any live site of the type lies in
 * a submitted or approved unit-year, naming how many. The unit-years' locks are taken first, so a
 * submission in progress is waited for and one that comes later sees the new category.
 */
async function assertCategoryOpen(tx: Prisma.TransactionClient, typeId: number): Promise<void> {
  const places = await tx.$queryRaw<LockPlace[]>`
    SELECT DISTINCT area_id AS "areaId", EXTRACT(YEAR FROM established_on)::int AS year
      FROM site WHERE model_type_id = ${typeId} AND deleted_at IS NULL`;
  await lockUnitYears(tx, places, UNIT_YEAR_WAIT_MS);
  const locked = await lockedRows(tx, places);
  const [first] = locked;
  if (!first) return;
  const count = new Set(locked.map((l) => `${l.unitCode}/${l.year}`)).size;
  throw appError("conflict", "modelType.categoryApproved", {
    count: String(count),
    year: String(first.year),
    unit: first.unitName,
  });
}
