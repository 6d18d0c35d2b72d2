import { messageOf } from "@qt/shared/messages/index";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { createContextInner } from "../../server/context.ts";
import { buildApp } from "../../server/http/app.ts";
import { createLogger, logFailure, MAX_FAILURE_LOGS_PER_MINUTE } from "../../server/logger.ts";
import { createCaller } from "../../server/routers/_app.ts";
import { HAI_AN, HAI_LANG } from "../fixtures/units.ts";
import { entryFile } from "./helpers/entry.ts";

/**
 * Issue 14, finding 5: input the database cannot take (ids past int4, NUL, lone UTF-16 surrogates)
 * is refused by the shared schemas as BAD_REQUEST with a Vietnamese message, and nothing is written.
 * Before the fix every one of these reached the database and came back as a 500.
 */
const s = entryFile();

const BIG = 2 ** 31;
const LONE = "ab\uD800cd";
const NUL = "ab\u0000cd";

async function refused(call: () => Promise<unknown>): Promise<TRPCError> {
  const before = await s.counts();
  const err = await call().then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, "the call must fail").toBeInstanceOf(TRPCError);
  const e = err as TRPCError;
  expect(e.code, e.message).toBe("BAD_REQUEST");
  expect(await s.counts()).toEqual(before);
  return e;
}

/** The issues as the caller reads them: each schema message (a catalogue key) in Vietnamese. */
const issues = (e: TRPCError) =>
  ((e.cause as { issues?: { message: string }[] } | undefined)?.issues ?? []).map((i) => ({
    ...i,
    message: messageOf(i.message),
  }));

describe("ids past 2^31 − 1 (issue 14, finding 5)", () => {
  for (const kind of ["sites", "cameras", "awards"] as const) {
    it(`${kind}: get, update, remove and restore refuse id 2^31`, async () => {
      const c = s.caller(s.users.admin)[kind];
      for (const call of [
        () => c.get({ id: BIG }),
        () => c.restore({ id: BIG }),
        () => c.remove({ id: BIG, version: 1, reason: "thử nghiệm" }),
        () => c.update({ id: BIG, version: 1 }),
        () => c.update({ id: 1, version: BIG }),
      ]) {
        const e = await refused(call);
        expect(issues(e)[0]?.message).toMatch(/không hợp lệ/);
      }
    });
  }

  it("siteId, modelTypeId, user ids and audit.list userId refuse 2^31", async () => {
    const admin = s.caller(s.users.admin);
    const camera = {
      areaCode: HAI_AN,
      installedOn: "2016-01-01",
      cameras: 1,
      recorders: 1,
      memoryCards: 0,
      costVnd: 1,
      fundingSource: "socialized" as const,
    };
    await refused(() => admin.cameras.create({ ...camera, siteId: BIG }));
    await refused(() =>
      admin.awards.create({
        year: 2018,
        issuer: "provincial_committee",
        form: "certificate",
        recipientKind: "collective",
        recipientName: "Tập thể",
        siteId: BIG,
      }),
    );
    await refused(() =>
      admin.sites.create({ modelTypeId: BIG, areaCode: HAI_AN, name: "Điểm", establishedOn: "2015-01-01" }),
    );
    await refused(() => admin.sites.list({ modelTypeId: BIG }));
    await refused(() => admin.modelTypes.update({ id: BIG, version: 1, name: "Tên" }));
    await refused(() => admin.users.update({ id: BIG, version: 1, displayName: "Tên" }));
    await refused(() => admin.users.disable({ id: BIG }));
    await refused(() => admin.users.resetPassword({ id: BIG, newPassword: "mat-khau-moi-dai" }));
    await refused(() => admin.audit.list({ userId: BIG }));
  });
});

describe("NUL and lone surrogates in text (issue 14, finding 5)", () => {
  it("notes, search and display names refuse a lone surrogate; display names a NUL", async () => {
    const admin = s.caller(s.users.admin);
    const site = { modelTypeId: await s.typeId("security-camera"), areaCode: HAI_AN, districtCode: HAI_LANG };
    for (const call of [
      () => admin.sites.create({ ...site, name: "Điểm", establishedOn: "2015-01-01", notes: LONE }),
      () => admin.sites.create({ ...site, name: LONE, establishedOn: "2015-01-01" }),
      () => admin.sites.list({ search: LONE }),
      () => admin.cameras.list({ search: LONE }),
      () => admin.awards.list({ search: `x\uDC00` }),
      () =>
        admin.users.create({ username: "nguoi-moi", displayName: LONE, password: "mat-khau-dai-du", role: "viewer" }),
      () =>
        admin.users.create({ username: "nguoi-moi", displayName: NUL, password: "mat-khau-dai-du", role: "viewer" }),
      () => admin.audit.history({ entity: "site", entityId: NUL }),
      () => admin.reports.preview({ title: LONE }),
    ]) {
      const e = await refused(call);
      expect(issues(e)[0]?.message).toBe("Có ký tự không hợp lệ");
    }
  });

  it("the login username refuses NUL and a lone surrogate before any lookup", async () => {
    const anon = createCaller(createContextInner({ db: s.t.db, dbKind: s.t.kind, user: null }));
    for (const username of [NUL, LONE]) {
      const e = await refused(() => anon.auth.login({ username, password: "whatever-password" }));
      expect(issues(e)[0]?.message).toBe("Có ký tự không hợp lệ");
    }
    // The clean-text rule holds for every string that enters, the password too (decision 033): a
    // character no keyboard types is refused before any lookup or hashing.
    const wrong = await anon.auth.login({ username: "no-such-user", password: LONE }).catch((e: unknown) => e);
    expect((wrong as TRPCError).code).toBe("BAD_REQUEST");
  });
});

describe("bad input over HTTP: a short answer and a short log (issue 14, finding 5)", () => {
  it("20 logins with a NUL in the username: 400 without a stack, one short log line each", async () => {
    const lines: string[] = [];
    const app = await buildApp({
      db: s.t.db,
      dbKind: s.t.kind,
      logger: createLogger({ write: (line: string) => void lines.push(line) }, "info"),
    });
    try {
      for (let i = 0; i < 20; i++) {
        const res = await app.inject({
          method: "POST",
          url: "/api/trpc/auth.login",
          headers: { "x-qt-client": "web", "content-type": "application/json" },
          payload: JSON.stringify({ username: `admin${NUL}`, password: "whatever-password" }),
        });
        expect(res.statusCode).toBe(400);
        expect(res.json().error.message).toBe("Có ký tự không hợp lệ");
        expect(res.body).not.toMatch(/stack|\bat \S+ \(|SELECT|prisma/i);
      }
    } finally {
      await app.close();
    }
    expect(lines.length).toBeLessThanOrEqual(20);
    for (const line of lines) {
      expect(line.length).toBeLessThan(300);
      expect(line).not.toContain("stack");
    }
  });

  it("logs at most a bounded number of stack traces a minute, then one line counting the rest", () => {
    const lines: string[] = [];
    const log = createLogger({ write: (line: string) => void lines.push(line) }, "info");
    for (let i = 0; i < 200; i++) logFailure(log, new Error(`failure ${i}`), { path: "x" }, "procedure failed");
    expect(lines.length).toBeLessThanOrEqual(MAX_FAILURE_LOGS_PER_MINUTE);
    const err = new Error("twice");
    const before = lines.length;
    logFailure(log, err, {}, "a");
    logFailure(log, err, {}, "b");
    expect(lines.length - before).toBeLessThanOrEqual(1);
  });
});
