import { describe, expect, it } from "vitest";
import { LOCK_SPACE } from "../../server/db/xact-locks.ts";
import type { Prisma } from "../../server/generated/prisma/client.ts";
import {
  assertUnlocked,
  lockedRows,
  lockUnitYear,
  lockUnitYears,
  yearOf,
} from "../../server/services/approvals/lock.ts";
import { GIO_LINH, setApproval, unitId, XA_BEN_HAI, XA_GIO_LINH } from "./helpers/approvals.ts";
import { entryFile } from "./helpers/entry.ts";

/**
 * The unit-year locks of decision 025 taken and read directly (approvals/lock.ts): which advisory
 * locks a write holds (read back from pg_locks), the rows of a bulk check past its first 5 000, and
 * the date a refusal names. Expected keys are written out here: unit of approval × 10 000 + year.
 */
const s = entryFile();

/** An admin unit's id, by catalogue and code. */
const areaId = async (catalog: "two_level" | "three_level", code: string) =>
  (await s.t.db.adminUnit.findUniqueOrThrow({ where: { catalog_code: { catalog, code } }, select: { id: true } })).id;

/** The unit-year advisory locks this transaction holds, as keys, ascending. */
const heldKeys = async (tx: Prisma.TransactionClient) =>
  (
    await tx.$queryRaw<{ key: number }[]>`
      SELECT objid::int AS key FROM pg_locks
       WHERE locktype = 'advisory' AND classid = ${LOCK_SPACE.unitYear}::oid AND objsubid = 2
         AND pid = pg_backend_pid() AND granted
       ORDER BY 1`
  ).map((r) => r.key);

/** Runs `body` in a transaction and returns the unit-year keys it holds at its end. */
const keysAfter = (body: (tx: Prisma.TransactionClient) => Promise<unknown>) =>
  s.t.db.$transaction(async (tx) => {
    await body(tx);
    return heldKeys(tx);
  });

describe("the advisory locks a write takes", () => {
  it("one per unit-year of its places: an old area's year in its former district, a commune's own, none for no area", async () => {
    const [commune, benHai, district] = [
      await unitId(s.t.db, XA_GIO_LINH),
      await unitId(s.t.db, XA_BEN_HAI),
      await unitId(s.t.db, GIO_LINH),
    ];
    const places = [
      { areaId: await areaId("two_level", XA_GIO_LINH), year: 2026 },
      { areaId: await areaId("two_level", XA_BEN_HAI), year: 2026 },
      // Thị trấn Gio Linh (old list) in 2025: Huyện Gio Linh's unit-year.
      { areaId: await areaId("three_level", XA_GIO_LINH), year: 2025 },
      { areaId: await areaId("two_level", XA_GIO_LINH), year: 2026 },
      { areaId: null, year: 2026 },
    ];
    const expected = [commune * 10_000 + 2026, benHai * 10_000 + 2026, district * 10_000 + 2025].sort((a, b) => a - b);
    expect(await keysAfter((tx) => assertUnlocked(tx, places))).toEqual(expected);
    expect(await keysAfter((tx) => lockUnitYears(tx, places))).toEqual(expected);
    expect(await keysAfter((tx) => lockUnitYears(tx, [{ areaId: null, year: 2026 }]))).toEqual([]);
  });

  it("a transition locks its one unit-year", async () => {
    const district = await unitId(s.t.db, GIO_LINH);
    expect(await keysAfter((tx) => lockUnitYear(tx, district, 2024))).toEqual([district * 10_000 + 2024]);
  });
});

describe("lockedRows past its first 5 000 rows", () => {
  it("gives the index in the whole list of a locked row of the second statement", async () => {
    await setApproval(s.t.db, XA_BEN_HAI, 2026, "approved", new Date("2026-02-10T03:00:00Z"));
    const [open, locked] = [await areaId("two_level", XA_GIO_LINH), await areaId("two_level", XA_BEN_HAI)];
    const rows = Array.from({ length: 5_003 }, () => ({ areaId: open, year: 2026 }));
    for (const i of [4_999, 5_002]) rows[i] = { areaId: locked, year: 2026 };
    const found = await lockedRows(s.t.db, rows);
    expect(found.map((f) => [f.index, f.unitCode, f.year, f.state])).toEqual([
      [4_999, XA_BEN_HAI, 2026, "approved"],
      [5_002, XA_BEN_HAI, 2026, "approved"],
    ]);
    // A list of areas that lock nothing at all (province-level awards) asks nothing.
    expect(await lockedRows(s.t.db, [{ areaId: null, year: 2026 }])).toEqual([]);
    await setApproval(s.t.db, XA_BEN_HAI, 2026, "draft");
  });
});

describe("the day a refusal names", () => {
  it("an approved unit-year: the day it was approved, not the day it was submitted", async () => {
    const id = await unitId(s.t.db, XA_BEN_HAI);
    await s.t.db.approval.upsert({
      where: { unitId_year: { unitId: id, year: 2023 } },
      create: {
        unitId: id,
        year: 2023,
        state: "approved",
        submittedAt: new Date("2024-01-05T03:00:00Z"),
        approvedAt: new Date("2024-02-20T03:00:00Z"),
      },
      update: {},
    });
    const [found] = await lockedRows(s.t.db, [{ areaId: await areaId("two_level", XA_BEN_HAI), year: 2023 }]);
    expect(found?.since).toEqual(new Date("2024-02-20T03:00:00Z"));
    expect(found?.error.message).toBe(
      "Số liệu năm 2023 của Xã Bến Hải đã được phê duyệt ngày 20/02/2024 — đề nghị quản trị viên mở lại trước khi sửa.",
    );
  });
});

describe("yearOf", () => {
  it("an award's year as it is, a date's year from its text or its day", () => {
    expect(yearOf(2019)).toBe(2019);
    expect(yearOf("2025-08-14")).toBe(2025);
    expect(yearOf(new Date("2024-12-31T12:00:00Z"))).toBe(2024);
  });
});
