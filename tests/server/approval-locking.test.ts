import { beforeEach, describe, expect, it } from "vitest";
import { lockedRows } from "../../server/services/approvals/lock.ts";
import { makeUser } from "../fixtures/users.ts";
import { GIO_LINH, setApproval, XA_BEN_HAI, XA_GIO_LINH } from "./helpers/approvals.ts";
import { expectTrpcError } from "./helpers/entry.ts";
import { APPROVED_ON, camera, lockFixture, PROVINCE_AWARD_2026 } from "./helpers/locks.ts";

/**
 * Locking (issue 13, decision 025): a record in a submitted or approved unit-year cannot be
 * created, changed, removed or restored, nor moved into or out of one by its area or its date, and
 * the refusal says why and who can reopen it. The import's bulk check is the same function.
 */
const lock = lockFixture();
const LOCKED_2026 =
  "Số liệu năm 2026 của Xã Gio Linh đã được phê duyệt ngày 31/01/2026 — đề nghị quản trị viên mở lại trước khi sửa.";
const province = () => lock.province();
const admin = () => lock.admin();

/** A camera made while its unit-year was open; the unit-year is then approved. */
async function lockedCamera(areaCode = XA_GIO_LINH, on = "2026-03-01") {
  await setApproval(lock.s.t.db, XA_GIO_LINH, 2026, "draft");
  const cam = await province().cameras.create(camera(areaCode, on));
  await setApproval(lock.s.t.db, XA_GIO_LINH, 2026, "approved", APPROVED_ON);
  return cam;
}

/** The call is refused with this message and nothing at all is written. */
async function refused(call: () => Promise<unknown>, message = LOCKED_2026) {
  const before = await lock.s.counts();
  await expectTrpcError(call(), "FORBIDDEN", message);
  expect(await lock.s.counts()).toEqual(before);
}

beforeEach(async () => {
  await setApproval(lock.s.t.db, XA_GIO_LINH, 2026, "draft");
  await setApproval(lock.s.t.db, GIO_LINH, 2025, "draft");
});

describe("every write path of a record in an approved unit-year", () => {
  it("create", async () => {
    await setApproval(lock.s.t.db, XA_GIO_LINH, 2026, "approved", APPROVED_ON);
    await refused(() => province().cameras.create(camera(XA_GIO_LINH, "2026-02-02")));
    await refused(() =>
      province().awards.create({
        year: 2026,
        issuer: "provincial_police",
        form: "certificate",
        recipientKind: "collective",
        recipientName: "Công an xã Gio Linh",
        areaCode: XA_GIO_LINH,
      }),
    );
  });

  it("update, even by an admin", async () => {
    const cam = await lockedCamera();
    await refused(() => admin().cameras.update({ id: cam.id, version: cam.version, notes: "Sửa" }));
  });

  it("remove and restore", async () => {
    const cam = await lockedCamera();
    await refused(() => province().cameras.remove({ id: cam.id, version: cam.version, reason: "Trùng" }));
    await setApproval(lock.s.t.db, XA_GIO_LINH, 2026, "draft");
    await province().cameras.remove({ id: cam.id, version: cam.version, reason: "Trùng" });
    await setApproval(lock.s.t.db, XA_GIO_LINH, 2026, "approved", APPROVED_ON);
    await refused(() => admin().cameras.restore({ id: cam.id }));
  });

  it("a move into a locked unit-year, by area or by date", async () => {
    await setApproval(lock.s.t.db, XA_GIO_LINH, 2026, "approved", APPROVED_ON);
    const elsewhere = await province().cameras.create(camera(XA_BEN_HAI, "2026-03-01"));
    await refused(() => province().cameras.update({ id: elsewhere.id, version: 1, areaCode: XA_GIO_LINH }));
    const earlier = await province().cameras.create(camera(XA_GIO_LINH, "2025-09-01"));
    await refused(() => province().cameras.update({ id: earlier.id, version: 1, installedOn: "2026-02-01" }));
  });

  it("a move out of a locked unit-year, by area or by date", async () => {
    const cam = await lockedCamera();
    await refused(() => province().cameras.update({ id: cam.id, version: cam.version, areaCode: XA_BEN_HAI }));
    await refused(() => province().cameras.update({ id: cam.id, version: cam.version, installedOn: "2025-09-01" }));
  });

  it("a site (its founding date) and an award (its year) lock the same way", async () => {
    const { id: typeId } = await lock.s.t.db.modelType.findFirstOrThrow({
      where: { category: "clan" },
      select: { id: true },
    });
    const site = await province().sites.create({
      modelTypeId: typeId,
      areaCode: XA_GIO_LINH,
      name: "Dòng họ Lê",
      establishedOn: "2026-04-01",
    });
    const award = await province().awards.create({
      year: 2026,
      issuer: "provincial_police",
      form: "certificate",
      recipientKind: "collective",
      recipientName: "Dòng họ Lê",
      areaCode: XA_GIO_LINH,
    });
    await setApproval(lock.s.t.db, XA_GIO_LINH, 2026, "approved", APPROVED_ON);
    await refused(() => province().sites.update({ id: site.id, version: site.version, host: "Ông Lê Văn A" }));
    await refused(() => province().awards.update({ id: award.id, version: award.version, notes: "Sửa" }));
  });

  it("a province-level award belongs to no unit-year and stays open", async () => {
    await setApproval(lock.s.t.db, XA_GIO_LINH, 2026, "approved", APPROVED_ON);
    const award = await province().awards.create(PROVINCE_AWARD_2026);
    expect(award.areaCode).toBeNull();
  });
});

describe("which unit-year a record belongs to", () => {
  it("dated 2025-03 in an old area: its former district's 2025; dated 2025-08: its commune's", async () => {
    await setApproval(lock.s.t.db, GIO_LINH, 2025, "approved", APPROVED_ON);
    // 19495 was Thị trấn Gio Linh until 30/06/2025 and is Xã Gio Linh since 01/07/2025.
    await refused(
      () => province().cameras.create(camera(XA_GIO_LINH, "2025-03-01")),
      "Số liệu năm 2025 của Huyện Gio Linh (cũ) đã được phê duyệt ngày 31/01/2026 — đề nghị quản trị viên mở lại trước khi sửa.",
    );
    const august = await province().cameras.create(camera(XA_GIO_LINH, "2025-08-01"));
    expect(august).toMatchObject({ areaCode: XA_GIO_LINH, districtCode: GIO_LINH });
  });

  it("a submitted unit-year is locked too, and says who can return it", async () => {
    await setApproval(lock.s.t.db, XA_GIO_LINH, 2026, "submitted", APPROVED_ON);
    const editor = lock.s.caller(await makeUser(lock.s.t.db, { role: "editor", communeCode: XA_GIO_LINH }));
    await refused(
      () => editor.cameras.create(camera(XA_GIO_LINH, "2026-05-05")),
      "Số liệu năm 2026 của Xã Gio Linh đã được gửi duyệt ngày 31/01/2026 và đang chờ phê duyệt — đề nghị lãnh đạo phê duyệt trả lại trước khi sửa.",
    );
  });
});

describe("lockedRows, the import's bulk check", () => {
  it("returns the rows that fall in a locked unit-year, by index, with the refusal", async () => {
    await setApproval(lock.s.t.db, XA_GIO_LINH, 2026, "approved", APPROVED_ON);
    await setApproval(lock.s.t.db, GIO_LINH, 2025, "submitted", APPROVED_ON);
    const id = async (catalog: "two_level" | "three_level", code: string) =>
      (
        await lock.s.t.db.adminUnit.findUniqueOrThrow({
          where: { catalog_code: { catalog, code } },
          select: { id: true },
        })
      ).id;
    const rows = [
      { areaId: await id("two_level", XA_GIO_LINH), year: 2026 },
      { areaId: await id("two_level", XA_BEN_HAI), year: 2026 },
      { areaId: null, year: 2026 },
      { areaId: await id("three_level", XA_GIO_LINH), year: 2025 },
      { areaId: await id("two_level", XA_GIO_LINH), year: 2025 },
    ];
    const locked = await lockedRows(lock.s.t.db, rows);
    expect(locked.map((l) => [l.index, l.unitCode, l.year, l.state])).toEqual([
      [0, XA_GIO_LINH, 2026, "approved"],
      [3, GIO_LINH, 2025, "submitted"],
    ]);
    expect(locked[0]?.error.message).toBe(LOCKED_2026);
    expect(await lockedRows(lock.s.t.db, [])).toEqual([]);
  });

  it("checks thousands of rows in one call", async () => {
    await setApproval(lock.s.t.db, XA_GIO_LINH, 2026, "approved", APPROVED_ON);
    const areaId = (
      await lock.s.t.db.adminUnit.findUniqueOrThrow({
        where: { catalog_code: { catalog: "two_level", code: XA_GIO_LINH } },
        select: { id: true },
      })
    ).id;
    const rows = Array.from({ length: 12_000 }, (_, i) => ({ areaId, year: i % 2 ? 2026 : 2025 }));
    const locked = await lockedRows(lock.s.t.db, rows);
    expect(locked).toHaveLength(6_000);
    expect(locked.every((l) => l.index % 2 === 1)).toBe(true);
  });
});
