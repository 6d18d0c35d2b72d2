import { messageOf } from "@qt/shared/messages/index";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, expect } from "vitest";
import { createContextInner, type SessionUser } from "../../../server/context.ts";
import { createCaller } from "../../../server/routers/_app.ts";
import { DONG_HA, HAI_LANG } from "../../fixtures/units.ts";
import { makeUser } from "../../fixtures/users.ts";
import { createTestDb, type TestDb } from "../../support/db.ts";

/** A fresh database with reference data and one user of each kind the entry rules distinguish. */
export async function entrySetup() {
  const t: TestDb = await createTestDb("reference");
  const users = {
    admin: await makeUser(t.db, { role: "admin" }),
    province: await makeUser(t.db, { role: "editor" }),
    haiLang: await makeUser(t.db, { role: "editor", districtCode: HAI_LANG }),
    dongHa: await makeUser(t.db, { role: "editor", districtCode: DONG_HA }),
    viewer: await makeUser(t.db, { role: "viewer" }),
  };
  const caller = (user: SessionUser | null) => createCaller(createContextInner({ db: t.db, dbKind: t.kind, user }));
  const typeId = async (code: string) =>
    (await t.db.modelType.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
  /** Rows and audit entries: what a rejected call must leave unchanged. */
  const counts = async () => ({
    sites: await t.db.site.count(),
    cameras: await t.db.cameraInstallation.count(),
    awards: await t.db.award.count(),
    types: await t.db.modelType.count(),
    audit: await t.db.auditEntry.count(),
  });
  /** A record's audit trail through audit.history, newest first, as the history panel shows it. */
  const history = async (user: SessionUser, entity: "site" | "camera_installation" | "award", id: number) =>
    (await caller(user).audit.history({ entity, entityId: String(id) })).reverse();
  return { t, users, caller, typeId, counts, history };
}

export type EntrySetup = Awaited<ReturnType<typeof entrySetup>>;

/**
 * entrySetup for a whole test file: made before its tests and closed after them. What it returns
 * reads the setup once made (in the tests and the hooks after the file's beforeAll).
 */
export function entryFile(timeoutMs = 60_000): EntrySetup {
  let made: EntrySetup | undefined;
  beforeAll(async () => {
    made = await entrySetup();
  }, timeoutMs);
  afterAll(() => made?.t.close());
  return new Proxy({} as EntrySetup, {
    get: (_, key) => {
      if (!made) throw new Error("entryFile: the setup is made in beforeAll");
      return made[key as keyof EntrySetup];
    },
  });
}

/** The clan model type of the reference catalogue, as an import file names it. */
export const CLAN = "Dòng họ không có tội phạm";

/** Asserts a tRPC error with this code and, when given, this exact message (and field). */
export async function expectTrpcError(
  promise: Promise<unknown>,
  code: TRPCError["code"],
  message?: string,
  field?: string,
): Promise<TRPCError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, "expected the call to fail").toBeInstanceOf(TRPCError);
  const e = err as TRPCError;
  expect(e.code).toBe(code);
  if (message !== undefined) expect(shownMessage(e)).toBe(message);
  if (field !== undefined) expect(fieldOf(e)).toBe(field);
  return e;
}

/** The message the client sees: the first zod issue's when there is one (see errorFormatter). */
export function shownMessage(e: TRPCError): string {
  const cause = e.cause as { issues?: { message: string }[] } | undefined;
  // A schema's message is a catalogue key with its parameters, written in Vietnamese by default.
  return messageOf(cause?.issues?.[0]?.message ?? e.message);
}

function fieldOf(e: TRPCError): string | undefined {
  const cause = e.cause as { issues?: { path: PropertyKey[] }[] } | undefined;
  return cause?.issues?.[0]?.path.join(".");
}
