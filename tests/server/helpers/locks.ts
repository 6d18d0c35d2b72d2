import { afterAll, beforeAll } from "vitest";
import { cameraInput } from "../../fixtures/cameras.ts";
import { entrySetup } from "./entry.ts";

/** The fixture of the lock tests (approval-locking, record-locks): the day a unit-year was approved. */
export const APPROVED_ON = new Date("2026-01-31T02:00:00Z");

/** A camera installation's input in `areaCode` on `installedOn`. */
export const camera = (areaCode: string, installedOn: string, cameras = 2) =>
  cameraInput(areaCode, installedOn, { cameras });

/** An award of the province itself in 2026: it has no area, so no unit-year. */
export const PROVINCE_AWARD_2026 = {
  year: 2026,
  issuer: "provincial_committee",
  form: "certificate_of_merit",
  recipientKind: "collective",
  recipientName: "Công an tỉnh",
  areaCode: null,
} as const;

/**
 * For a test file: entrySetup() (tests/server/helpers/entry.ts) before its tests, closed after; read
 * `lock.s` inside hooks and tests, and call as the province-level editor or the admin.
 */
export function lockFixture() {
  const lock = {} as {
    s: Awaited<ReturnType<typeof entrySetup>>;
    province: () => ReturnType<Awaited<ReturnType<typeof entrySetup>>["caller"]>;
    admin: () => ReturnType<Awaited<ReturnType<typeof entrySetup>>["caller"]>;
  };
  beforeAll(async () => {
    lock.s = await entrySetup();
  }, 60_000);
  afterAll(() => lock.s.t.close());
  lock.province = () => lock.s.caller(lock.s.users.province);
  lock.admin = () => lock.s.caller(lock.s.users.admin);
  return lock;
}
