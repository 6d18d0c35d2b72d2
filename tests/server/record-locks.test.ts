import { beforeEach, describe, expect, it } from "vitest";
import { makeUser } from "../fixtures/users.ts";
import { setApproval, unitId, XA_BEN_HAI, XA_GIO_LINH } from "./helpers/approvals.ts";
import { expectTrpcError } from "./helpers/entry.ts";
import { APPROVED_ON, camera, lockFixture, PROVINCE_AWARD_2026 } from "./helpers/locks.ts";

/**
 * Locks you can see (issue 22, item 6): each listed record says whether the save would meet a
 * lock, by the server's rule; an editor asks an admin to reopen a locked unit-year (recorded,
 * audited, listed for admins); the approver's confirmation has the unit-year's figures.
 */
const lock = lockFixture();
const province = () => lock.province();
const admin = () => lock.admin();

beforeEach(async () => {
  await setApproval(lock.s.t.db, XA_GIO_LINH, 2026, "draft");
});

describe("the lock of each listed record", () => {
  it("follows the unit-year's state, as the write would meet it", async () => {
    const inGioLinh = await province().cameras.create(camera(XA_GIO_LINH, "2026-03-01"));
    const inBenHai = await province().cameras.create(camera(XA_BEN_HAI, "2026-03-01"));
    const lockOf = async (id: number) => {
      const page = await lock.s.caller(lock.s.users.viewer).cameras.list({ pageSize: 100 });
      return page.items.find((r) => r.id === id)?.lock;
    };
    expect(await lockOf(inGioLinh.id)).toBeNull();
    // Approved through the cache: the list read before must not answer after the approval.
    await setApproval(lock.s.t.db, XA_GIO_LINH, 2026, "approved", APPROVED_ON);
    expect(await lockOf(inGioLinh.id)).toEqual({
      state: "approved",
      unitCode: XA_GIO_LINH,
      unitName: "Xã Gio Linh",
      year: 2026,
      since: APPROVED_ON.toISOString(),
    });
    expect(await lockOf(inBenHai.id)).toBeNull();
    await setApproval(lock.s.t.db, XA_GIO_LINH, 2026, "submitted", APPROVED_ON);
    expect((await lockOf(inGioLinh.id))?.state).toBe("submitted");
    // The flag and the refusal agree: the listed lock is the one the update meets.
    await expectTrpcError(
      province().cameras.update({ id: inGioLinh.id, version: inGioLinh.version, notes: "x" }),
      "FORBIDDEN",
    );
  });

  it("a province-level award is never locked", async () => {
    await setApproval(lock.s.t.db, XA_GIO_LINH, 2026, "approved", APPROVED_ON);
    const award = await province().awards.create(PROVINCE_AWARD_2026);
    const page = await province().awards.list({ pageSize: 100 });
    expect(page.items.find((r) => r.id === award.id)?.lock).toBeNull();
  });
});

describe("approvals.requestReopen", () => {
  const reason = "Còn một đợt lắp đặt tháng 12 chưa nhập";

  it("by the commune's editor on an approved year: recorded, audited, listed for admins, cleared on reopening", async () => {
    await setApproval(lock.s.t.db, XA_GIO_LINH, 2026, "approved", APPROVED_ON);
    const editor = await makeUser(lock.s.t.db, { role: "editor", communeCode: XA_GIO_LINH });
    const item = await lock.s.caller(editor).approvals.requestReopen({ unitCode: XA_GIO_LINH, year: 2026, reason });
    expect(item.state).toBe("approved");
    expect(item.reopenRequest).toMatchObject({ reason, by: { username: editor.username } });
    const [row] = await lock.s.t.db.$queryRaw<{ reason: string; by: number }[]>`
      SELECT reopen_request_reason AS reason, reopen_requested_by_id AS by FROM approval
       WHERE unit_id = ${await unitId(lock.s.t.db, XA_GIO_LINH)} AND year = 2026`;
    expect(row).toEqual({ reason, by: editor.id });
    const audit = await lock.s.t.db.auditEntry.findMany({
      where: { entity: "approval", entityId: `${XA_GIO_LINH}/2026`, action: "request_reopen" },
      select: { username: true, after: true },
    });
    expect(audit).toEqual([
      { username: editor.username, after: expect.objectContaining({ state: "approved", reopenRequest: reason }) },
    ]);
    const asked = await admin().approvals.status({ reopenRequested: true });
    expect(asked.items.map((i) => `${i.unit.code}/${i.year}`)).toEqual([`${XA_GIO_LINH}/2026`]);
    await admin().approvals.reopen({ unitCode: XA_GIO_LINH, year: 2026, reason: "Theo đề nghị của xã" });
    expect((await admin().approvals.status({ reopenRequested: true })).items).toEqual([]);
  });

  it("refused out of scope, to viewers and approvers, and on a year that is not locked; nothing written", async () => {
    await setApproval(lock.s.t.db, XA_GIO_LINH, 2026, "approved", APPROVED_ON);
    const other = await makeUser(lock.s.t.db, { role: "editor", communeCode: XA_BEN_HAI });
    const approver = await makeUser(lock.s.t.db, { role: "approver" });
    const input = { unitCode: XA_GIO_LINH, year: 2026, reason };
    const before = await lock.s.counts();
    await expectTrpcError(lock.s.caller(other).approvals.requestReopen(input), "FORBIDDEN");
    await expectTrpcError(lock.s.caller(lock.s.users.viewer).approvals.requestReopen(input), "FORBIDDEN");
    await expectTrpcError(lock.s.caller(approver).approvals.requestReopen(input), "FORBIDDEN");
    await setApproval(lock.s.t.db, XA_GIO_LINH, 2026, "draft");
    const editor = await makeUser(lock.s.t.db, { role: "editor", communeCode: XA_GIO_LINH });
    await expectTrpcError(
      lock.s.caller(editor).approvals.requestReopen(input),
      "CONFLICT",
      "Số liệu năm 2026 của Xã Gio Linh chưa gửi duyệt hay phê duyệt: sửa trực tiếp được, không cần đề nghị mở lại.",
    );
    expect(await lock.s.counts()).toEqual(before);
    await expectTrpcError(lock.s.caller(editor).approvals.requestReopen({ ...input, reason: " " }), "BAD_REQUEST");
  });
});

describe("what the approver approves", () => {
  it("each unit-year carries its sites, installations, cameras and awards, as SQL counts them", async () => {
    await setApproval(lock.s.t.db, XA_BEN_HAI, 2026, "draft");
    await province().cameras.create(camera(XA_BEN_HAI, "2026-04-01", 5));
    await province().cameras.create(camera(XA_BEN_HAI, "2026-05-01", 3));
    await province().awards.create({
      year: 2026,
      issuer: "provincial_police",
      form: "certificate",
      recipientKind: "collective",
      recipientName: "Công an xã Bến Hải",
      areaCode: XA_BEN_HAI,
    });
    const [expected] = await lock.s.t.db.$queryRaw<{ installations: bigint; cameras: bigint; awards: bigint }[]>`
      SELECT (SELECT count(*) FROM camera_installation ci JOIN admin_unit a ON a.id = ci.area_id
               WHERE a.code = ${XA_BEN_HAI} AND a.catalog = 'two_level' AND ci.deleted_at IS NULL
                 AND ci.installed_on >= '2026-01-01') AS installations,
             (SELECT sum(ci.cameras) FROM camera_installation ci JOIN admin_unit a ON a.id = ci.area_id
               WHERE a.code = ${XA_BEN_HAI} AND a.catalog = 'two_level' AND ci.deleted_at IS NULL
                 AND ci.installed_on >= '2026-01-01') AS cameras,
             (SELECT count(*) FROM award aw JOIN admin_unit a ON a.id = aw.area_id
               WHERE a.code = ${XA_BEN_HAI} AND a.catalog = 'two_level' AND aw.deleted_at IS NULL
                 AND aw.year = 2026) AS awards`;
    const [item] = (await admin().approvals.status({ unitCode: XA_BEN_HAI, year: 2026 })).items;
    expect(item?.figures).toEqual({
      sites: 0,
      installations: Number(expected?.installations),
      cameras: Number(expected?.cameras),
      awards: Number(expected?.awards),
    });
    expect(item?.figures.cameras).toBeGreaterThanOrEqual(8);
    expect(item?.records).toBe(Number(expected?.installations) + Number(expected?.awards));
  });

  it("unitCode limits the status to one unit's years", async () => {
    const items = (await admin().approvals.status({ unitCode: XA_GIO_LINH })).items;
    expect(new Set(items.map((i) => i.unit.code))).toEqual(new Set([XA_GIO_LINH]));
    expect(items.map((i) => i.year)).toContain(2025);
  });
});
