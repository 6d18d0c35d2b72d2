import { generateKeyPairSync } from "node:crypto";
import type { TRPCError } from "@trpc/server";
import type { AuthzFixtures } from "./fixtures.ts";

/**
 * A valid call of each procedure of the router, keyed by its path (tests/server/authz-matrix.test.ts):
 * every allowed caller must get through the input check to the procedure itself and succeed, or
 * get exactly the domain error listed here. Records a sample acts on lie in fx.area (in
 * fx.district) and are made afresh by the admin for each call, so that one caller's change does
 * not turn the next caller's refusal into NOT_FOUND or CONFLICT.
 */
export type Sample = {
  /** Builds the input; absent when the procedure takes none. */
  input?: (fx: AuthzFixtures) => unknown;
  /**
   * Audit entries an allowed call writes: for mutations default 1 (the exceptions say why); for
   * queries default 0, 1 for a read that carries recipients' names (personal data is audited).
   */
  audits?: number;
  /** Personas whose allowed call writes another number (e.g. a read whose names are all withheld). */
  auditsFor?: Record<string, number>;
  /** The error every allowed call gets by design, in place of success. */
  fails?: { code: TRPCError["code"]; message: string };
};

const DAY = "2020-01-15";

async function clanType(fx: AuthzFixtures) {
  return fx.db.modelType.findFirstOrThrow({ where: { category: "clan" }, select: { id: true, code: true } });
}

const siteInput = async (fx: AuthzFixtures) => ({
  modelTypeId: (await clanType(fx)).id,
  areaCode: fx.area.code,
  name: `Mô hình ${fx.unique()}`,
  establishedOn: DAY,
});
const cameraInput = (fx: AuthzFixtures) => ({
  areaCode: fx.area.code,
  installedOn: DAY,
  cameras: 2,
  recorders: 1,
  memoryCards: 0,
  costVnd: 10_000_000,
  fundingSource: "state_budget" as const,
});
const awardInput = (fx: AuthzFixtures) => ({
  year: 2020,
  issuer: "provincial_police" as const,
  form: "certificate" as const,
  recipientKind: "collective" as const,
  recipientName: `Tập thể ${fx.unique()}`,
  areaCode: fx.area.code,
});

const draftInput = (fx: AuthzFixtures) => ({
  name: `Bản nháp ${fx.unique()}`,
  districtCodes: [fx.district.code],
  narrative: { assessment: "Đánh giá" },
});
const newDraft = (fx: AuthzFixtures) => fx.asAdmin.reports.drafts.create(draftInput(fx));
const newSite = async (fx: AuthzFixtures) => fx.asAdmin.sites.create(await siteInput(fx));
const newCamera = (fx: AuthzFixtures) => fx.asAdmin.cameras.create(cameraInput(fx));
const newAward = (fx: AuthzFixtures) => fx.asAdmin.awards.create(awardInput(fx));
const REASON = "Nhập trùng";
const NO_BATCH = 2 ** 31 - 1;
const noBatch = { code: "NOT_FOUND", message: "Không tìm thấy lần nhập này." } as const;

/**
 * The 2025 figures of the sample area's commune of today, put in `state` afresh for each call (as
 * the admin makes a fresh record for each record sample), so that one caller's transition does not
 * turn the next caller's into a wrong-state refusal.
 */
async function unitYearIn(fx: AuthzFixtures, state: "draft" | "submitted" | "approved") {
  const unit = await fx.db.adminUnit.findUniqueOrThrow({
    where: { catalog_code: { catalog: "two_level", code: fx.areaCommune.code } },
    select: { id: true },
  });
  const key = { unitId: unit.id, year: 2025 };
  await fx.db.approval.upsert({ where: { unitId_year: key }, create: { ...key, state }, update: { state } });
  return { unitCode: fx.areaCommune.code, year: 2025 };
}

const readAudits = (kind: string): Pick<Sample, "audits" | "auditsFor"> =>
  kind === "awards" ? { audits: 1, auditsFor: { editorOutOfScope: 0, communeEditorOutOfScope: 0 } } : {};

/** The record lifecycle of one kind: the same calls for sites, cameras and awards. */
function recordSamples(
  kind: "sites" | "cameras" | "awards",
  create: (fx: AuthzFixtures) => unknown,
  made: (fx: AuthzFixtures) => Promise<{ id: number; version: number }>,
  change: Record<string, unknown>,
): Record<string, Sample> {
  const ref = async (fx: AuthzFixtures) => {
    const r = await made(fx);
    return { id: r.id, version: r.version };
  };
  const removed = async (fx: AuthzFixtures) => {
    const r = await made(fx);
    await fx.asAdmin[kind].remove({ id: r.id, version: r.version, reason: REASON });
    return r;
  };
  return {
    // An award read with its recipient's name is audited (docs/security/personal-data.md); an
    // editor of another district or commune gets the award with its name withheld: nothing to audit.
    [`${kind}.list`]: { input: (fx) => ({ districtCode: fx.district.code }), ...readAudits(kind) },
    [`${kind}.get`]: { input: async (fx) => ({ id: (await made(fx)).id }), ...readAudits(kind) },
    [`${kind}.create`]: { input: create },
    [`${kind}.update`]: { input: async (fx) => ({ ...(await ref(fx)), ...change }) },
    [`${kind}.remove`]: { input: async (fx) => ({ ...(await ref(fx)), reason: REASON }) },
    [`${kind}.restore`]: { input: async (fx) => ({ id: (await removed(fx)).id }) },
  };
}

export const SAMPLES: Record<string, Sample> = {
  // The login entry is the one audit entry.
  "auth.login": { input: (fx) => fx.login },
  "auth.logout": {},
  "auth.me": {},
  "auth.sessions": {},
  // No session of the caller has this id: found by nobody (success: tests/server/sessions-idle.test.ts).
  "auth.endSession": {
    input: () => ({ id: 2147483647 }),
    audits: 0,
    fails: { code: "NOT_FOUND", message: "Không có phiên đăng nhập này của bạn (có thể đã kết thúc)." },
  },
  // A new secret, not yet a factor: nothing to audit until it is confirmed.
  "auth.totp.begin": { audits: 0 },
  // With no enrolment begun (success: tests/server/second-factor.test.ts).
  "auth.totp.confirm": {
    input: async (fx) => {
      await fx.db.user.updateMany({ data: { totpPendingSecret: null } });
      return { code: "000000" };
    },
    audits: 0,
    fails: { code: "BAD_REQUEST", message: "Chưa bắt đầu đăng ký xác thực hai lớp: hãy tạo mã QR trước." },
  },
  "auth.changePassword": {
    input: (fx) => ({ currentPassword: fx.personaPassword, newPassword: `Another-passw0rd-${fx.unique()}` }),
  },
  "users.list": {},
  "users.create": {
    input: (fx) => ({ username: `u-${fx.unique()}`, displayName: "Mới", password: "Long-enough-1", role: "viewer" }),
  },
  "users.update": { input: async (fx) => ({ ...(await fx.newUser()), displayName: "Đổi tên" }) },
  "users.disable": { input: async (fx) => ({ id: (await fx.newUser()).id }) },
  "users.resetPassword": { input: async (fx) => ({ id: (await fx.newUser()).id, newPassword: "Reset-passw0rd" }) },
  "users.resetTotp": { input: async (fx) => ({ id: (await fx.newUser()).id }) },
  "audit.list": { input: () => ({ page: 1, pageSize: 10 }) },
  "audit.alerts": {},
  // No alert has this id (success: tests/server/anonymise-and-alerts.test.ts).
  "audit.acknowledgeAlert": {
    input: () => ({ id: 2147483647 }),
    audits: 0,
    fails: { code: "NOT_FOUND", message: "Không có cảnh báo nhật ký này." },
  },
  // A name no award carries: nothing changes, nothing to audit.
  "personalData.anonymise": { input: (fx) => ({ name: `Không ai ${fx.unique()}` }), audits: 0 },
  "audit.history": { input: async (fx) => ({ entity: "site", entityId: String((await newSite(fx)).id) }) },
  ...recordSamples("sites", siteInput, newSite, { notes: "Sửa" }),
  ...recordSamples("cameras", cameraInput, newCamera, { cameras: 3 }),
  ...recordSamples("awards", awardInput, newAward, { notes: "Sửa" }),
  "modelTypes.list": { input: () => ({ category: "clan" }) },
  "modelTypes.create": {
    input: (fx) => ({ code: `mau-${fx.unique()}`, name: `Loại ${fx.unique()}`, category: "clan" }),
  },
  "modelTypes.update": {
    input: async (fx) => {
      const t = await fx.asAdmin.modelTypes.create({
        code: `mau-${fx.unique()}`,
        name: `Loại ${fx.unique()}`,
        category: "clan",
      });
      return { id: t.id, version: t.version, name: `Đổi ${fx.unique()}` };
    },
  },
  "targets.set": {
    input: (fx) => ({ year: 2026, measure: "cameras", value: 100 + Number(fx.unique().replace(/\D/g, "") || 0) }),
  },
  "targets.list": { input: () => ({ year: 2026 }) },
  "targets.remove": {
    // A target that exists, so an allowed caller's removal succeeds (upserted again for each persona).
    input: async (fx) => {
      const key = { year: 2029, measure: "awards", unitCode: "", modelTypeCode: "" };
      await fx.db.target.upsert({
        where: { year_measure_unitCode_modelTypeCode: key },
        create: { ...key, value: 1 },
        update: {},
      });
      return { year: 2029, measure: "awards" };
    },
  },
  "units.tree": { input: () => ({ on: DAY }) },
  "divided.list": { input: () => ({}) },
  // No such record: every allowed caller passes the role check to the same NOT_FOUND; the move's
  // scope and lock are tested in provinces.test.ts.
  "divided.move": {
    input: () => ({ kind: "cameras", id: NO_BATCH, version: 1, communeCode: null }),
    audits: 0,
    fails: { code: "NOT_FOUND", message: "Không tìm thấy đợt lắp đặt camera (có thể đã bị xóa)." },
  },
  "exchange.publicKey": { input: () => undefined },
  "exchange.registerKey": {
    input: () => ({
      provinceCode: "44",
      publicKey: generateKeyPairSync("ed25519").publicKey.export({ type: "spki", format: "pem" }).toString(),
    }),
  },
  "exchange.keys": { input: () => undefined },
  "exchange.packages": { input: () => undefined },
  "exchange.sources": { input: () => ({}) },
  "units.province": { input: () => undefined },
  "units.provinces": { input: () => undefined },
  "dashboard.summary": { input: () => ({ fromYear: 2007, toYear: 2022 }) },
  "dashboard.yearly": { input: () => ({ fromYear: 2007, toYear: 2022 }) },
  "dashboard.areas": { input: (fx) => ({ districtCode: fx.district.code }) },
  "dashboard.cameras": { input: (fx) => ({ districtCode: fx.district.code }) },
  "dashboard.modelType": { input: async (fx) => ({ code: (await clanType(fx)).code }) },
  "dashboard.communities": { input: () => ({ fromYear: 2007, toYear: 2022 }) },
  "dashboard.awards": { input: () => ({ fromYear: 2007, toYear: 2022 }) },
  "dashboard.options": {},
  "dashboard.approval": { input: () => ({ formerProvinceCode: "45", fromYear: 2007, toYear: 2022 }) },
  "approvals.status": { input: () => ({ year: 2025, formerProvinceCode: "45" }) },
  "approvals.submit": { input: async (fx) => ({ ...(await unitYearIn(fx, "draft")), note: "Đã rà soát" }) },
  "approvals.requestReopen": {
    input: async (fx) => ({ ...(await unitYearIn(fx, "approved")), reason: "Thiếu một đợt lắp đặt tháng 12" }),
  },
  "approvals.approve": { input: (fx) => unitYearIn(fx, "submitted") },
  "approvals.return": { input: async (fx) => ({ ...(await unitYearIn(fx, "submitted")), reason: "Thiếu số liệu" }) },
  "approvals.reopen": { input: async (fx) => ({ ...(await unitYearIn(fx, "approved")), reason: "Sửa sai sót" }) },
  "demo.status": {},
  // Closing a notice is the admin's own preference, not a change to the data: not audited.
  "demo.dismissNotice": { audits: 0 },
  // On a database with no demo records: removes nothing, records that (one entry) and sets the marker.
  "demo.removeAll": {},
  "maps.boundaries": { input: () => ({ level: "district" }) },
  "maps.measures": { input: () => ({ level: "district", fromYear: 2007, toYear: 2022 }) },
  "maps.layers": {},
  // No commune boundaries are loaded in this database: nothing to remove, nothing audited
  // (tests/server/maps-upload.test.ts removes a loaded file and checks its audit entry).
  "maps.removeCommunes": { input: () => ({ list: "three_level" }), audits: 0 },
  "reports.preview": { input: () => ({ sections: ["summary"] }) },
  "reports.drafts.list": { input: (fx) => ({ districtCodes: [fx.district.code] }) },
  "reports.drafts.get": { input: async (fx) => ({ id: (await newDraft(fx)).id }) },
  "reports.drafts.create": { input: (fx) => draftInput(fx) },
  "reports.drafts.update": {
    input: async (fx) => {
      const d = await newDraft(fx);
      return { ...draftInput(fx), id: d.id, version: d.version, name: d.name };
    },
  },
  "reports.drafts.remove": {
    input: async (fx) => {
      const d = await newDraft(fx);
      return { id: d.id, version: d.version };
    },
  },
  // A batch is its uploader's (or an admin's): a batch that does not exist gets every allowed caller
  // past the role check to the same NOT_FOUND; ownership and scopes are tested in imports.test.ts.
  "imports.get": { input: () => ({ batchId: NO_BATCH }), fails: noBatch },
  "imports.rows": { input: () => ({ batchId: NO_BATCH }), fails: noBatch },
  "imports.remap": { input: () => ({ batchId: NO_BATCH, mapping: [] }), fails: noBatch, audits: 0 },
  "imports.accept": {
    input: () => ({ batchId: NO_BATCH, column: "C", value: "Xa Hai An", to: "Xã Hải An" }),
    fails: noBatch,
    audits: 0,
  },
  "imports.commit": { input: () => ({ batchId: NO_BATCH, skipErrors: true }), fails: noBatch, audits: 0 },
  "imports.undo": { input: () => ({ batchId: NO_BATCH, reason: REASON }), fails: noBatch, audits: 0 },
  "imports.list": { input: () => ({ page: 1, pageSize: 10 }) },
  "imports.createModelType": {
    input: (fx) => ({ batchId: NO_BATCH, code: `mau-${fx.unique()}`, name: `Loại ${fx.unique()}`, category: "clan" }),
    fails: noBatch,
    audits: 0,
  },
};
