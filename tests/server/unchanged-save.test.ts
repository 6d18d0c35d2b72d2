import { describe, expect, it } from "vitest";
import { HAI_AN } from "../fixtures/units.ts";
import { entryFile } from "./helpers/entry.ts";

const s = entryFile();

/** What a no-op save must leave as it was: the stored row's version and time, and the audit trail. */
async function stateOf(table: "site" | "cameraInstallation" | "award" | "modelType", id: number) {
  const delegate = s.t.db[table] as unknown as {
    findUniqueOrThrow(a: object): Promise<{ version: number; updatedAt: Date }>;
  };
  const row = await delegate.findUniqueOrThrow({ where: { id }, select: { version: true, updatedAt: true } });
  return { version: row.version, updatedAt: row.updatedAt.toISOString(), audit: await s.t.db.auditEntry.count() };
}

describe("a save that changes nothing writes nothing", () => {
  it("sites: the same values (all, or some given again) keep the version, updatedAt and the audit trail", async () => {
    const api = s.caller(s.users.haiLang).sites;
    const created = await api.create({
      modelTypeId: await s.typeId("clan-no-crime"),
      areaCode: HAI_AN,
      name: "Dòng họ Nguyễn Hữu",
      establishedOn: "2016-04-02",
      households: 30,
    });
    const before = await stateOf("site", created.id);
    const same = await api.update({ id: created.id, version: 1, name: "  Dòng họ Nguyễn Hữu ", households: 30 });
    expect(same).toMatchObject({ unchanged: true, version: 1, warnings: [] });
    // What the form sends: every field, as stored, with the district it checks the area against.
    const { modelTypeId, districtCode, areaCode, name, host, establishedOn, status, statusChangedOn } = created;
    const { religion, households, members, notes } = created;
    const form = { modelTypeId, districtCode, areaCode, name, host, establishedOn, status, statusChangedOn };
    const whole = await api.update({ id: created.id, version: 1, ...form, religion, households, members, notes });
    expect(whole).toMatchObject({ unchanged: true, version: 1 });
    expect(await stateOf("site", created.id)).toEqual(before);
    const changed = await api.update({ id: created.id, version: 1, households: 31 });
    expect(changed).toMatchObject({ unchanged: false, version: 2, households: 31 });
    expect((await stateOf("site", created.id)).audit).toBe(before.audit + 1);
    expect((await s.history(s.users.admin, "site", created.id)).map((h) => h.action)).toEqual(["update", "create"]);
  });

  it("camera installations", async () => {
    const api = s.caller(s.users.province).cameras;
    const created = await api.create({
      areaCode: HAI_AN,
      installedOn: "2020-06-01",
      cameras: 8,
      recorders: 1,
      memoryCards: 2,
      costVnd: 48_500_000,
      fundingSource: "state_budget",
    });
    const before = await stateOf("cameraInstallation", created.id);
    const same = await api.update({ id: created.id, version: 1, costVnd: 48_500_000, fundingSource: "state_budget" });
    expect(same).toMatchObject({ unchanged: true, version: 1 });
    expect(await stateOf("cameraInstallation", created.id)).toEqual(before);
    const changed = await api.update({ id: created.id, version: 1, costVnd: 50_000_000 });
    expect(changed).toMatchObject({ unchanged: false, version: 2 });
    expect((await stateOf("cameraInstallation", created.id)).audit).toBe(before.audit + 1);
  });

  it("awards, a stale version still conflicts rather than passing as unchanged", async () => {
    const api = s.caller(s.users.admin).awards;
    const created = await api.create({
      year: 2020,
      issuer: "provincial_police",
      form: "certificate",
      recipientKind: "individual",
      recipientName: "Nguyễn Văn An",
      areaCode: HAI_AN,
    });
    const before = await stateOf("award", created.id);
    expect(await api.update({ id: created.id, version: 1, recipientName: "Nguyễn Văn An" })).toMatchObject({
      unchanged: true,
      version: 1,
    });
    expect(await stateOf("award", created.id)).toEqual(before);
    await api.update({ id: created.id, version: 1, decisionNumber: "12/QĐ" });
    await expect(api.update({ id: created.id, version: 1, decisionNumber: "12/QĐ" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("model types", async () => {
    const api = s.caller(s.users.admin).modelTypes;
    const created = await api.create({ code: "thu-nghiem", name: "Mô hình thử nghiệm", category: "other" });
    const before = await stateOf("modelType", created.id);
    expect(await api.update({ id: created.id, version: 1, name: "Mô hình thử nghiệm" })).toMatchObject({ version: 1 });
    expect(await stateOf("modelType", created.id)).toEqual(before);
    expect(await api.update({ id: created.id, version: 1, name: "Mô hình mới" })).toMatchObject({ version: 2 });
    expect((await stateOf("modelType", created.id)).audit).toBe(before.audit + 1);
  });
});
