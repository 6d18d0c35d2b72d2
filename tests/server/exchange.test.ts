import { createHash, generateKeyPairSync, sign } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import { message } from "@qt/shared/messages/index";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "../../prisma/seed/index.ts";
import { createContextInner, type SessionUser } from "../../server/context.ts";
import { buildApp } from "../../server/http/app.ts";
import { createCaller } from "../../server/routers/_app.ts";
import { sessionFor } from "../fixtures/sessions.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { expectedFigures } from "./helpers/figures.ts";
import { multipart } from "./helpers/imports.ts";

/**
 * Issue 26 item 3 (decision 052): the Quảng Trị demo install sends its approved 2007–2022 up in a
 * signed package; a second, fresh Quảng Trị install receives it.
 */
type Install = { t: TestDb; app: Awaited<ReturnType<typeof buildApp>>; admin: SessionUser; cookie: string };
let sender: Install;
let receiver: Install;

async function install(template: "demo" | "reference"): Promise<Install> {
  const t = await createTestDb(template);
  const app = await buildApp({ db: t.db, dbKind: t.kind });
  const admin = await makeUser(t.db, { role: "admin" });
  return { t, app, admin, cookie: `qt_session=${await sessionFor(t.db, admin.id)}` };
}

beforeAll(async () => {
  [sender, receiver] = await Promise.all([install("demo"), install("reference")]);
}, 120_000);
afterAll(async () => {
  for (const i of [sender, receiver]) {
    await i.app.close();
    await i.t.close();
  }
});

const call = (i: Install, user: SessionUser = i.admin) =>
  createCaller(createContextInner({ db: i.t.db, dbKind: i.t.kind, user }));

async function download(from: number, to: number, lang?: string) {
  return sender.app.inject({
    method: "GET",
    url: `/api/exchange/package?fromYear=${from}&toYear=${to}${lang ? `&lang=${lang}` : ""}`,
    headers: { cookie: sender.cookie },
  });
}

async function upload(bytes: Buffer, headers: Record<string, string> = {}) {
  const body = multipart({}, { name: "goi.jsonl.gz", bytes });
  return receiver.app.inject({
    method: "POST",
    url: "/api/exchange/packages",
    payload: body.payload,
    headers: { "content-type": body.contentType, cookie: receiver.cookie, "x-qt-client": "1", ...headers },
  });
}

/** What a refused package must leave as it was. */
const written = async () => ({
  sites: await receiver.t.db.site.count(),
  cameras: await receiver.t.db.cameraInstallation.count(),
  awards: await receiver.t.db.award.count(),
  packages: await receiver.t.db.exchangePackage.count(),
});

const lines = (gz: Buffer) => gunzipSync(gz).toString("utf8").split("\n").filter(Boolean);
const pack = (ls: string[]) => gzipSync(Buffer.from(`${ls.join("\n")}\n`));

/** A package's lines signed again with another key (the signature over the SHA-256 of the body). */
function resign(ls: string[], key: ReturnType<typeof generateKeyPairSync>["privateKey"]) {
  const body = Buffer.from(`${ls.slice(0, -1).join("\n")}\n`);
  const value = sign(null, createHash("sha256").update(body).digest(), key).toString("base64");
  return pack([...ls.slice(0, -1), JSON.stringify({ signature: { algorithm: "Ed25519", value } })]);
}

let pkg: Buffer;

describe("exchange of approved figures between two Quảng Trị installs", () => {
  it("the sender's admin reads the public key (never the private one); a viewer may not", async () => {
    const k = await call(sender).exchange.publicKey();
    expect(k.provinceCode).toBe("44");
    expect(k.publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(JSON.stringify(k)).not.toMatch(/PRIVATE/);
    const viewer = await makeUser(sender.t.db, { role: "viewer" });
    await expect(call(sender, viewer).exchange.publicKey()).rejects.toMatchObject({ code: "FORBIDDEN" });
    // The key pair lives in the database, so every backup carries it.
    const [row] = await sender.t.db.$queryRaw<{ private: boolean }[]>`
      SELECT (value->>'privateKey') LIKE '-----BEGIN PRIVATE KEY-----%' AS private FROM app_setting WHERE key = 'exchange_key'`;
    expect(row?.private).toBe(true);
  });

  it("a period with nothing approved makes no package (400, in the user's language)", async () => {
    const res = await download(1995, 2000);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe(message("exchange.nothingApproved", { from: "1995", to: "2000" }));
    const en = await download(1995, 2000, "en");
    expect(en.json().error.message).toBe(message("exchange.nothingApproved", { from: "1995", to: "2000" }, "en"));
    expect((await download(2022, 2007)).statusCode).toBe(400);
  });

  it("the package holds the approved unit-years only, with their approvals, and no person's name", async () => {
    const res = await download(2007, 2022);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/gzip");
    pkg = res.rawPayload;
    const ls = lines(pkg);
    const header = JSON.parse(ls[0] as string);
    expect(header).toMatchObject({
      format: "qt-figures-exchange",
      formatVersion: 1,
      provinceCode: "44",
      fromYear: 2007,
      toYear: 2022,
    });
    expect(header.productVersion).toMatch(/^\d+\.\d+\.\d+/);
    const body = ls.slice(1, -1).map((l) => JSON.parse(l));
    // Counted by SQL on the sender: live records whose unit-year (decision 025) is approved.
    const [want] = await sender.t.db.$queryRaw<{ sites: number; cameras: number; approvals: number }[]>`
      WITH ap AS (SELECT * FROM approval WHERE state = 'approved' AND year BETWEEN 2007 AND 2022),
      unit AS (SELECT a.id, CASE WHEN a.catalog = 'two_level' THEN a.id WHEN a.former_district_id IS NOT NULL
                 THEN a.former_district_id WHEN a.level = 'district' THEN a.id ELSE a.parent_id END AS u FROM admin_unit a)
      SELECT (SELECT count(*)::int FROM site s JOIN unit ON unit.id = s.area_id JOIN ap ON ap.unit_id = unit.u
                AND ap.year = EXTRACT(YEAR FROM s.established_on) WHERE s.deleted_at IS NULL) AS sites,
             (SELECT count(*)::int FROM camera_installation c JOIN unit ON unit.id = c.area_id JOIN ap ON ap.unit_id = unit.u
                AND ap.year = EXTRACT(YEAR FROM c.installed_on) WHERE c.deleted_at IS NULL) AS cameras,
             (SELECT count(*)::int FROM ap) AS approvals`;
    const count = (t: string) => body.filter((l) => l.t === t).length;
    expect({ sites: count("site"), cameras: count("camera"), approvals: count("approval") }).toEqual(want);
    expect(body.at(-1)).toMatchObject({ t: "end", sites: want?.sites, cameras: want?.cameras });
    // The demo approved former Quảng Trị's 2007–2022 on 20/01/2023 (decision 025).
    expect(body.find((l) => l.t === "approval")).toMatchObject({
      year: 2007,
      approvedAt: expect.stringMatching(/^2023-01-20T/),
    });
    // Demo records keep their mark.
    expect(body.filter((l) => l.t === "site").every((l) => l.isDemo === true)).toBe(true);
    // No individual recipient's name leaves the install.
    const people = await sender.t.db.award.findMany({
      where: { recipientKind: "individual", year: { gte: 2007, lte: 2022 } },
      select: { recipientName: true },
    });
    const text = gunzipSync(pkg).toString("utf8");
    for (const p of people) expect(text).not.toContain(`"${p.recipientName}"`);
    expect(
      body.filter((l) => l.t === "award" && l.recipientKind === "individual").every((l) => l.recipientName === null),
    ).toBe(true);
  });

  it("refused before the province's key is registered: 400, nothing written, audited as a security event", async () => {
    const before = await written();
    const audits = await receiver.t.db.auditEntry.count({ where: { action: "refuse_package" } });
    const res = await upload(pkg);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe(message("exchange.noKey", { province: { vi: "Tỉnh Quảng Trị", en: "" } }));
    expect(await written()).toEqual(before);
    expect(await receiver.t.db.auditEntry.count({ where: { action: "refuse_package" } })).toBe(audits + 1);
  });

  it("registerKey is audited; a bad key is refused", async () => {
    await expect(
      call(receiver).exchange.registerKey({
        provinceCode: "44",
        publicKey: "-----BEGIN PUBLIC KEY-----\nabc\n-----END PUBLIC KEY-----",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: message("exchange.keyInvalid") });
    await expect(call(receiver).exchange.registerKey({ provinceCode: "99", publicKey: "x" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const { publicKey } = await call(sender).exchange.publicKey();
    const r = await call(receiver).exchange.registerKey({ provinceCode: "44", publicKey });
    expect(r).toMatchObject({ provinceCode: "44", replaced: false });
    const audit = await receiver.t.db.auditEntry.findFirst({
      where: { action: "register_key" },
      orderBy: { id: "desc" },
    });
    expect(audit).toMatchObject({ entity: "exchange_key", entityId: "44" });
    expect(JSON.stringify(audit?.after)).not.toMatch(/PUBLIC KEY|PRIVATE/);
  });

  it("a damaged, changed, unsigned, newer or other province's package is refused with nothing written", async () => {
    const before = await written();
    const flipped = Buffer.from(pkg);
    flipped[Math.floor(flipped.length / 2)] = (flipped[Math.floor(flipped.length / 2)] as number) ^ 0x01;
    const ls = lines(pkg);
    const i = ls.findIndex((l) => l.includes('"t":"camera"'));
    const changed = [...ls];
    changed[i] = (changed[i] as string).replace(/"cameras":(\d+)/, (_, n) => `"cameras":${Number(n) + 1}`);
    const header = JSON.parse(ls[0] as string);
    const newer = [JSON.stringify({ ...header, formatVersion: 2 }), ...ls.slice(1)];
    const other = generateKeyPairSync("ed25519");
    await call(receiver).exchange.registerKey({
      provinceCode: "01",
      publicKey: other.publicKey.export({ type: "spki", format: "pem" }).toString(),
    });
    const cases: [Buffer, string][] = [
      [flipped, "exchange.damaged"],
      [Buffer.from("not a package"), "exchange.damaged"],
      [pack(changed), "exchange.badSignature"],
      [pack(ls.slice(0, -1)), "exchange.unsigned"],
      [pack(newer), "exchange.newerFormat"],
      [resign(ls, other.privateKey), "exchange.otherKey"],
    ];
    for (const [bytes, key] of cases) {
      const res = await upload(bytes);
      expect(res.statusCode, key).toBe(400);
      expect(res.json().error.messageKey, key).toBe(key);
    }
    expect(await written()).toEqual(before);
    const security = await receiver.t.db.auditEntry.findMany({
      where: { action: "refuse_package" },
      select: { after: true },
    });
    const reasons = security.map((a) => (a.after as { reason: string }).reason);
    expect(reasons).toEqual(
      expect.arrayContaining(["exchange.badSignature", "exchange.unsigned", "exchange.otherKey"]),
    );
  });

  it("accepted once the key is registered; former Quảng Trị 2007–2022 reads 73/126 and 1.131 cameras there", async () => {
    const res = await upload(pkg);
    expect(res.statusCode).toBe(200);
    const receipt = res.json();
    expect(receipt).toMatchObject({ provinceCode: "44", fromYear: 2007, toYear: 2022, replaced: [] });
    const want = await expectedFigures(sender.t.db, { province: "45", from: 2007, to: 2022 });
    expect({ covered: want.coverage.covered, total: want.coverage.total, cameras: want.cameras.cameras }).toEqual({
      covered: 73,
      total: 126,
      cameras: 1131,
    });
    const s = await call(receiver).dashboard.summary({ formerProvinceCode: "45", fromYear: 2007, toYear: 2022 });
    expect(s.cameraCoverage.headline).toEqual({ list: "three_level", covered: 73, total: 126 });
    expect(s.cameras.cameras).toBe(1131);
    expect(s.siteCount).toBe(want.siteCount);
    expect(receipt.records.sites).toBe(want.siteCount);
    // Former Quảng Bình's (old code 44) 2007–2022 are not approved on the sender: nothing of them came.
    const qb = await call(receiver).dashboard.summary({ formerProvinceCode: "44", fromYear: 2007, toYear: 2022 });
    expect(qb.siteCount).toBe(0);
    expect((await expectedFigures(sender.t.db, { province: "44", from: 2007, to: 2022 })).siteCount).toBeGreaterThan(0);
    const audit = await receiver.t.db.auditEntry.findFirst({
      where: { action: "receive_package" },
      orderBy: { id: "desc" },
    });
    expect(audit).toMatchObject({ entity: "exchange_package", entityId: String(receipt.id) });
  });

  it("sent again: replaces, never doubles; the list says what replaced what", async () => {
    const first = (await call(receiver).exchange.packages())[0];
    const res = await upload(pkg);
    expect(res.statusCode).toBe(200);
    expect(res.json().replaced).toEqual([first?.id]);
    const s = await call(receiver).dashboard.summary({ formerProvinceCode: "45", fromYear: 2007, toYear: 2022 });
    expect(s.cameraCoverage.headline).toEqual({ list: "three_level", covered: 73, total: 126 });
    expect(s.cameras.cameras).toBe(1131);
    const [second, old] = await call(receiver).exchange.packages();
    expect(old).toMatchObject({ id: first?.id, replacedById: second?.id });
    expect(second?.replaced).toEqual([
      {
        id: first?.id,
        fromYear: 2007,
        toYear: 2022,
        records: (first?.sites ?? 0) + (first?.cameras ?? 0) + (first?.awards ?? 0),
      },
    ]);
    expect(await receiver.t.db.site.count()).toBe(second?.sites);
    expect(await call(receiver).exchange.sources({ provinceCode: "44" })).toEqual([
      expect.objectContaining({
        packageId: second?.id,
        provinceName: "Tỉnh Quảng Trị",
        approvedUntil: expect.stringMatching(/^2023-01-20T/),
      }),
    ]);
  });

  it("received records carry their source and are locked on the receiving install", async () => {
    const page = await call(receiver).sites.list({ page: 1, pageSize: 1 });
    const site = page.items[0];
    expect(site?.source).toMatchObject({ approvedAt: "2023-01-20T00:00:00.000Z" });
    const err = await call(receiver)
      .sites.update({ id: site?.id as number, version: site?.version as number, name: "Đổi tên" })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: "FORBIDDEN",
      message: message("exchange.receivedLocked", { id: site?.source?.packageId as number }),
    });
    await expect(
      call(receiver).sites.remove({ id: site?.id as number, version: site?.version as number, reason: "thử" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("the same package on a national install (PROVINCE=all)", () => {
  let nation: Install;
  beforeAll(async () => {
    const t = await createTestDb("migrated");
    await seed(t.db, { demo: false, province: "all" });
    const app = await buildApp({ db: t.db, dbKind: t.kind });
    const admin = await makeUser(t.db, { role: "admin" });
    nation = { t, app, admin, cookie: `qt_session=${await sessionFor(t.db, admin.id)}` };
  }, 300_000);
  afterAll(async () => {
    await nation.app.close();
    await nation.t.close();
  });

  const send = (bytes: Buffer) => {
    const body = multipart({}, { name: "goi.jsonl.gz", bytes });
    return nation.app.inject({
      method: "POST",
      url: "/api/exchange/packages",
      payload: body.payload,
      headers: { "content-type": body.contentType, cookie: nation.cookie, "x-qt-client": "1" },
    });
  };

  it("refused before the key and after one changed byte; accepted twice without doubling: 73/126, 1.131 cameras", async () => {
    const refusedFirst = await send(pkg);
    expect(refusedFirst.json().error.messageKey).toBe("exchange.noKey");
    const { publicKey } = await call(sender).exchange.publicKey();
    await call(nation).exchange.registerKey({ provinceCode: "44", publicKey });
    const ls = lines(pkg);
    const i = ls.findIndex((l) => l.includes('"t":"site"'));
    const changed = [...ls];
    changed[i] = (changed[i] as string).replace('"isDemo":true', '"isDemo":false');
    expect((await send(pack(changed))).json().error.messageKey).toBe("exchange.badSignature");
    expect(await nation.t.db.site.count()).toBe(0);
    for (const _ of [1, 2]) expect((await send(pkg)).statusCode).toBe(200);
    const want = await expectedFigures(sender.t.db, { province: "45", from: 2007, to: 2022 });
    const s = await call(nation).dashboard.summary({ formerProvinceCode: "45", fromYear: 2007, toYear: 2022 });
    expect(s.cameraCoverage.headline).toEqual({ list: "three_level", covered: 73, total: 126 });
    expect({ cameras: s.cameras.cameras, sites: s.siteCount }).toEqual({ cameras: 1131, sites: want.siteCount });
    // The issue's words: today's province 44 and its old province 45 give the same figures.
    const byProvince = await call(nation).dashboard.summary({
      provinceCode: "44",
      formerProvinceCode: "45",
      fromYear: 2007,
      toYear: 2022,
    });
    expect(byProvince.cameraCoverage.headline).toEqual({ list: "three_level", covered: 73, total: 126 });
    expect(byProvince.cameras.cameras).toBe(1131);
    // A province that sent nothing (Hà Nội, old province 01; today's 01) has no site.
    const hanoi = await call(nation).dashboard.summary({ formerProvinceCode: "01", fromYear: 2007, toYear: 2022 });
    expect(hanoi.siteCount).toBe(0);
    expect((await call(nation).dashboard.summary({ provinceCode: "01" })).siteCount).toBe(0);
  }, 120_000);
});
