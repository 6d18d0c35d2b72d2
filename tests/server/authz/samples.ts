import type { AuthzFixtures } from "./fixtures.ts";

/**
 * Valid sample inputs for the scoped data-entry procedures: every record lies in fx.area (in
 * fx.district), created afresh by the admin for each call so that one caller's change does not
 * turn the next caller's refusal into NOT_FOUND or CONFLICT.
 */
const DAY = "2020-01-15";

async function clanTypeId(fx: AuthzFixtures) {
  const t = await fx.db.modelType.findFirstOrThrow({ where: { category: "clan" }, select: { id: true } });
  return t.id;
}

export const siteCreate = async (fx: AuthzFixtures) => ({
  modelTypeId: await clanTypeId(fx),
  areaCode: fx.area.code,
  name: `Mô hình ${fx.unique()}`,
  establishedOn: DAY,
});
const newSite = async (fx: AuthzFixtures) => fx.asAdmin.sites.create(await siteCreate(fx));
export const siteUpdate = async (fx: AuthzFixtures) => {
  const s = await newSite(fx);
  return { id: s.id, version: s.version, notes: "Sửa" };
};
/** A live site's audit trail: readable by anyone logged in, as the site is. */
export const siteHistory = async (fx: AuthzFixtures) => ({ entity: "site", entityId: String((await newSite(fx)).id) });
export const siteRemove = async (fx: AuthzFixtures) => {
  const s = await newSite(fx);
  return { id: s.id, version: s.version, reason: "Nhập trùng" };
};

export const cameraCreate = (fx: AuthzFixtures) => ({
  areaCode: fx.area.code,
  installedOn: DAY,
  cameras: 2,
  recorders: 1,
  memoryCards: 0,
  costVnd: 10_000_000,
  fundingSource: "state_budget" as const,
});
const newCamera = (fx: AuthzFixtures) => fx.asAdmin.cameras.create(cameraCreate(fx));
export const cameraUpdate = async (fx: AuthzFixtures) => {
  const c = await newCamera(fx);
  return { id: c.id, version: c.version, cameras: 3 };
};
export const cameraRemove = async (fx: AuthzFixtures) => {
  const c = await newCamera(fx);
  return { id: c.id, version: c.version, reason: "Nhập trùng" };
};

export const awardCreate = (fx: AuthzFixtures) => ({
  year: 2020,
  issuer: "provincial_police" as const,
  form: "certificate" as const,
  recipientKind: "collective" as const,
  recipientName: `Tập thể ${fx.unique()}`,
  areaCode: fx.area.code,
});
const newAward = (fx: AuthzFixtures) => fx.asAdmin.awards.create(awardCreate(fx));
export const awardUpdate = async (fx: AuthzFixtures) => {
  const a = await newAward(fx);
  return { id: a.id, version: a.version, notes: "Sửa" };
};
export const awardRemove = async (fx: AuthzFixtures) => {
  const a = await newAward(fx);
  return { id: a.id, version: a.version, reason: "Nhập trùng" };
};
