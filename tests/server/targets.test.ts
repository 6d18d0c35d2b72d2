import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContextInner, type SessionUser } from "../../server/context.ts";
import { createCaller } from "../../server/routers/_app.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { shownMessage } from "./helpers/entry.ts";

/** Targets (chỉ tiêu, issue 28 item 3, decision 048) on the demo data. */
let t: TestDb;
let admin: SessionUser;
let viewer: SessionUser;
let approver: SessionUser;
beforeAll(async () => {
  t = await createTestDb("demo");
  admin = await makeUser(t.db, { role: "admin" });
  viewer = await makeUser(t.db, { role: "viewer" });
  approver = await makeUser(t.db, { role: "approver" });
}, 120_000);
afterAll(() => t.close());

const call = (user: SessionUser) => createCaller(createContextInner({ db: t.db, dbKind: t.kind, user }));

/** Today's communes with a camera installed in 2026 (in the commune, or in an old area it took over), by SQL. */
async function coveredCommunes2026(): Promise<number> {
  const [row] = await t.db.$queryRawUnsafe<{ n: bigint }[]>(
    `SELECT COUNT(DISTINCT CASE WHEN a.catalog = 'two_level' THEN a.id ELSE a.successor_id END) AS n
     FROM camera_installation ci JOIN admin_unit a ON a.id = ci.area_id
     WHERE ci.deleted_at IS NULL AND ci.installed_on BETWEEN '2026-01-01' AND '2026-12-31'`,
  );
  return Number(row?.n ?? 0);
}

async function refusal(p: Promise<unknown>): Promise<TRPCError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(TRPCError);
  return e as TRPCError;
}

describe("targets", () => {
  it("a target set for this year shows in that year's summary with today's covered communes; audited", async () => {
    const audits = await t.db.auditEntry.count({ where: { entity: "target" } });
    await call(admin).targets.set({ year: 2026, measure: "coveredCommunes", value: 60 });
    const s = await call(viewer).dashboard.summary({ fromYear: 2026, toYear: 2026 });
    const actual = await coveredCommunes2026();
    expect(actual).toBeGreaterThan(0);
    expect(s.targets).toEqual([
      { measure: "coveredCommunes", unitCode: null, modelTypeCode: null, target: 60, actual },
    ]);
    // The same year by its days answers the same; another period carries no targets.
    const byDays = await call(viewer).dashboard.summary({ from: "2026-01-01", to: "2026-12-31" });
    expect(byDays.targets).toEqual(s.targets);
    expect((await call(viewer).dashboard.summary({ fromYear: 2025, toYear: 2026 })).targets).toBeUndefined();
    // Set again: replaced, not added.
    await call(admin).targets.set({ year: 2026, measure: "coveredCommunes", value: 65 });
    expect(await call(viewer).targets.list({ year: 2026 })).toEqual([
      { year: 2026, measure: "coveredCommunes", unitCode: null, modelTypeCode: null, value: 65, unitName: null },
    ]);
    expect(await t.db.auditEntry.count({ where: { entity: "target" } })).toBe(audits + 2);
  });

  it("sites of one model type count that type's sites of the year", async () => {
    await call(admin).targets.set({ year: 2026, measure: "sites", modelTypeCode: "security-camera", value: 5 });
    const [row] = await t.db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT COUNT(*) AS n FROM site s JOIN model_type m ON m.id = s.model_type_id
       WHERE s.deleted_at IS NULL AND m.code = 'security-camera' AND s.established_on BETWEEN '2026-01-01' AND '2026-12-31'`,
    );
    const s = await call(viewer).dashboard.summary({ fromYear: 2026, toYear: 2026 });
    expect(s.targets).toContainEqual({
      measure: "sites",
      unitCode: null,
      modelTypeCode: "security-camera",
      target: 5,
      actual: Number(row?.n),
    });
  });

  it("a viewer or approver setting a target gets 403; bad targets 400 in the user's language; nothing written", async () => {
    const before = await t.db.target.count();
    for (const u of [viewer, approver]) {
      expect((await refusal(call(u).targets.set({ year: 2026, measure: "cameras", value: 1 }))).code).toBe("FORBIDDEN");
    }
    const bad = [
      { year: 2026, measure: "cameras", value: -1 },
      { year: 2026, measure: "cameras", value: 2.5 },
      { year: 2026, measure: "households", value: 3 },
      { year: 2026, measure: "cameras", value: 3, unitCode: "99999" },
      { year: 2026, measure: "cameras", value: 3, modelTypeCode: "security-camera" },
    ];
    for (const input of bad) {
      const e = await refusal(call(admin).targets.set(input as never));
      expect(e.code).toBe("BAD_REQUEST");
    }
    const negative = await refusal(call(admin).targets.set({ year: 2026, measure: "cameras", value: -1 }));
    expect(shownMessage(negative)).toBe("Chỉ tiêu phải là số nguyên từ 0 trở lên");
    const vi = await refusal(call(admin).targets.set({ year: 2026, measure: "cameras", value: 3, unitCode: "99999" }));
    expect(vi.message).toBe("Không tìm thấy đơn vị 99999.");
    // A district's admin sets targets for their own district only: another place is a bad input (issue 28).
    const scoped = await makeUser(t.db, { role: "admin", districtCode: "464" });
    expect((await refusal(call(scoped).targets.set({ year: 2026, measure: "cameras", value: 3 }))).code).toBe(
      "BAD_REQUEST",
    );
    expect(
      (await refusal(call(scoped).targets.set({ year: 2026, measure: "cameras", value: 3, unitCode: "461" }))).code,
    ).toBe("BAD_REQUEST");
    expect(await t.db.target.count()).toBe(before);
    await call(scoped).targets.set({ year: 2026, measure: "cameras", value: 3, unitCode: "464" });
    expect(await t.db.target.count()).toBe(before + 1);
  });
});
