import type { Role } from "@qt/shared/domain";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContextInner, type SessionUser } from "../../server/context.ts";
import { buildApp, plainRoutes } from "../../server/http/app.ts";
import { appRouter, createCaller } from "../../server/routers/_app.ts";
import { hashPassword } from "../../server/services/accounts/passwords.ts";
import { createSession, resolveSession } from "../../server/services/accounts/sessions.ts";
import { createUser } from "../../server/services/accounts/users.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import type { AuthzFixtures } from "./authz/fixtures.ts";
import { type Access, PLAIN_POLICY, POLICY } from "./authz/policy.ts";
import { SAMPLES } from "./authz/samples.ts";

/**
 * Every procedure of the app router × every kind of caller. The procedures are read from the
 * router itself, so a procedure added without a line in tests/server/authz/policy.ts (who may call
 * it) and in tests/server/authz/samples.ts (a valid call) fails here. Callers are resolved from a
 * real session token, as an HTTP request is. An allowed call must reach the procedure and succeed
 * (or get the one domain error its sample lists); a mutation then wrote its audit entry, and a
 * refused one wrote none.
 */
const PROCEDURES = Object.keys(appRouter._def.procedures).sort();

type Persona =
  | "anonymous"
  | "disabled"
  | "viewer"
  | "approver"
  | "editorOutOfScope"
  | "communeEditorOutOfScope"
  | "editorInScope"
  | "communeEditorInScope"
  | "provinceEditor"
  | "provincialViewer"
  | "provincialApprover"
  | "provincialEditor"
  | "provincialAdmin"
  | "admin";
// Refusals first: a record an allowed caller removes must not turn a refusal into NOT_FOUND.
const PERSONAS: Persona[] = [
  "anonymous",
  "disabled",
  "viewer",
  "approver",
  "provincialViewer",
  "provincialApprover",
  "editorOutOfScope",
  "communeEditorOutOfScope",
  "editorInScope",
  "communeEditorInScope",
  "provinceEditor",
  "provincialEditor",
  "provincialAdmin",
  "admin",
];
/**
 * Each signed-in persona's role. The provincial personas (decision 051) are scoped to the
 * installed province, 44: on an install of one province they may do what the national ones do.
 */
const ROLE: Record<Exclude<Persona, "anonymous" | "disabled">, Role> = {
  viewer: "viewer",
  approver: "approver",
  provincialViewer: "viewer",
  provincialApprover: "approver",
  editorOutOfScope: "editor",
  communeEditorOutOfScope: "editor",
  editorInScope: "editor",
  communeEditorInScope: "editor",
  provinceEditor: "editor",
  provincialEditor: "editor",
  provincialAdmin: "admin",
  admin: "admin",
};
/** Who speaks for the whole province's office: admins and editors without a district or commune. */
const WHOLE_PROVINCE: Persona[] = ["admin", "provinceEditor", "provincialEditor", "provincialAdmin"];
/** The roles each access lets in (approvers read everything and approve, but write no record). */
const ROLES_OF: Record<Exclude<Access, "public">, Role[]> = {
  viewer: ["viewer", "approver", "editor", "admin"],
  editor: ["editor", "admin"],
  province: ["editor", "admin"],
  approver: ["approver", "admin"],
  admin: ["admin"],
};
const isMutation = (path: string) =>
  (appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)[path]?._def.type === "mutation";

function expected(path: string, persona: Persona): "allowed" | "UNAUTHORIZED" | "FORBIDDEN" {
  const policy = POLICY[path];
  if (!policy) throw new Error(`no policy for ${path}`);
  if (policy.access === "public") return "allowed";
  if (persona === "anonymous" || persona === "disabled") return "UNAUTHORIZED";
  const role = ROLE[persona];
  if (!ROLES_OF[policy.access].includes(role)) return "FORBIDDEN";
  if (policy.scoped && (persona === "editorOutOfScope" || persona === "communeEditorOutOfScope")) return "FORBIDDEN";
  // The province's office only: a district or commune editor is refused whatever the scope.
  if (policy.access === "province" && !WHOLE_PROVINCE.includes(persona)) {
    return "FORBIDDEN";
  }
  return "allowed";
}

let t: TestDb;
let fx: AuthzFixtures;
let app: Awaited<ReturnType<typeof buildApp>>;
const users = {} as Record<Exclude<Persona, "anonymous">, SessionUser>;
let n = 0;

beforeAll(async () => {
  t = await createTestDb("reference");
  const district = await t.db.adminUnit.findUniqueOrThrow({
    where: { catalog_code: { catalog: "three_level", code: "466" } },
    select: { id: true, code: true },
  });
  const area = await t.db.adminUnit.findFirstOrThrow({
    where: { parentId: district.id, level: "commune" },
    select: { id: true, code: true, name: true, successor: { select: { code: true } } },
    orderBy: { code: "asc" },
  });
  // Commune editors (decision 021): the sample area's commune of today is in scope, Phường Đồng Hới not.
  const areaCommune = area.successor?.code;
  if (!areaCommune) throw new Error(`the sample area ${area.code} has no commune of today`);
  users.admin = await makeUser(t.db, { role: "admin" });
  users.viewer = await makeUser(t.db, { role: "viewer" });
  users.approver = await makeUser(t.db, { role: "approver" });
  users.editorInScope = await makeUser(t.db, { role: "editor", districtCode: "466" });
  users.editorOutOfScope = await makeUser(t.db, { role: "editor", districtCode: "464" });
  users.communeEditorInScope = await makeUser(t.db, { role: "editor", communeCode: areaCommune });
  users.communeEditorOutOfScope = await makeUser(t.db, { role: "editor", communeCode: "18880" });
  users.provinceEditor = await makeUser(t.db, { role: "editor" });
  users.provincialViewer = await makeUser(t.db, { role: "viewer", provinceCode: "44" });
  users.provincialApprover = await makeUser(t.db, { role: "approver", provinceCode: "44" });
  users.provincialEditor = await makeUser(t.db, { role: "editor", provinceCode: "44" });
  users.provincialAdmin = await makeUser(t.db, { role: "admin", provinceCode: "44" });
  users.disabled = await makeUser(t.db, { role: "admin", disabled: true });
  // One real hash for every persona, so that auth.changePassword can succeed for each of them.
  const personaPassword = "Persona-passw0rd";
  await t.db.user.updateMany({
    where: { id: { in: Object.values(users).map((u) => u.id) } },
    data: { passwordHash: await hashPassword(personaPassword) },
  });
  const login = { username: "matrix-login", password: "Matrix-passw0rd" };
  await createUser(t.db, { ...login, displayName: "Matrix", role: "viewer" }, null);
  fx = {
    db: t.db,
    district,
    area,
    areaCommune: { code: areaCommune },
    admin: users.admin,
    asAdmin: createCaller(createContextInner({ db: t.db, dbKind: t.kind, user: users.admin })),
    login,
    personaPassword,
    unique: () => `${Date.now().toString(36)}${(n++).toString(36)}`,
    newUser: async () => {
      const u = await makeUser(t.db, { role: "viewer" });
      return { id: u.id, version: 1 };
    },
  };
  app = await buildApp({ db: t.db, dbKind: t.kind });
}, 120_000);
afterAll(async () => {
  await app?.close();
  await t.close();
});

/** A caller as an HTTP request with this persona's session cookie would get. */
async function callerFor(persona: Persona) {
  let token: string | undefined;
  if (persona !== "anonymous")
    token = (await createSession(t.db, users[persona].id, { ip: "10.9.9.9", userAgent: "" })).token;
  const user = await resolveSession(t.db, token);
  return createCaller(
    createContextInner({ db: t.db, dbKind: t.kind, user, meta: { ip: "10.9.9.9", sessionToken: token } }),
  );
}

/** Calls the procedure with its sample input: "ok", or the error's code and message. */
async function call(path: string, persona: Persona): Promise<{ got: string; message?: string; audits: number }> {
  const input = await SAMPLES[path]?.input?.(fx);
  const caller = await callerFor(persona);
  // biome-ignore lint/suspicious/noExplicitAny: walks the caller by the procedure's dotted path.
  const fn = path.split(".").reduce<any>((node, key) => node[key], caller) as (i: unknown) => Promise<unknown>;
  const before = await t.db.auditEntry.count();
  try {
    await fn(input);
    return { got: "ok", audits: (await t.db.auditEntry.count()) - before };
  } catch (err) {
    if (!(err instanceof TRPCError)) throw err;
    return { got: err.code, message: err.message, audits: (await t.db.auditEntry.count()) - before };
  }
}

describe("authorization matrix", () => {
  it("every procedure of the router has a policy and a sample call, and every policy and sample a procedure", () => {
    expect(PROCEDURES.length).toBeGreaterThan(10);
    expect(PROCEDURES.filter((p) => !POLICY[p] || !SAMPLES[p])).toEqual([]);
    expect(Object.keys(POLICY).filter((p) => !PROCEDURES.includes(p))).toEqual([]);
    expect(Object.keys(SAMPLES).filter((p) => !PROCEDURES.includes(p))).toEqual([]);
  });

  it("only login (and health, outside tRPC) is public", () => {
    expect(PROCEDURES.filter((p) => POLICY[p]?.access === "public")).toEqual(["auth.login"]);
  });

  describe.each(PROCEDURES.filter((p) => POLICY[p]))("%s", (path) => {
    it.each(PERSONAS)("as %s", async (persona) => {
      const want = expected(path, persona);
      const sample = SAMPLES[path] ?? {};
      const { got, message, audits } = await call(path, persona);
      if (want !== "allowed") {
        expect({ got, audits }, `${path} as ${persona}`).toEqual({ got: want, audits: 0 });
        return;
      }
      const fails = sample.fails;
      expect({ got, message }, `${path} as ${persona}`).toEqual(
        fails ? { got: fails.code, message: fails.message } : { got: "ok", message: undefined },
      );
      expect(audits, `${path} as ${persona}: audit entries`).toBe(
        sample.auditsFor?.[persona] ?? sample.audits ?? (isMutation(path) ? 1 : 0),
      );
    });
  });
});

/**
 * A plain route's sample request: the route's URL with its parameters filled, a small body for a
 * POST. Each is a request an allowed caller gets a known answer to: a report and a template sent
 * (200), a map file that is not a boundary file (400), an upload in a content type the route
 * does not take (415, Fastify's own refusal), no such progress or batch (404).
 */
function plainRequest(method: string, url: string) {
  const filled = url.replace(":file", "sites.csv").replace(":list", "two_level").replace(":batchId", "2000000000");
  const query = filled.includes("/maps/")
    ? "?fileName=a.json&attribution=abc"
    : filled.endsWith("template.xlsx")
      ? "?kind=sites"
      : "";
  return { method: method as "GET" | "POST", url: `${filled}${query}`, payload: method === "POST" ? "{}" : undefined };
}

/**
 * The status each persona gets from each plain route's sample request, written out (issue 24):
 * 401 for no session, 403 for a role the route's access does not let in, otherwise the route's
 * own answer. Columns in PERSONAS order:
 * anonymous, disabled, viewer, approver, provincialViewer, provincialApprover, editorOutOfScope,
 * communeEditorOutOfScope, editorInScope, communeEditorInScope, provinceEditor, provincialEditor,
 * provincialAdmin, admin.
 */
const PLAIN_STATUS: Record<string, number[]> = {
  "GET /api/reports/:file": [401, 401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  "POST /api/maps/communes/:list": [401, 401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 400, 400],
  "POST /api/imports": [401, 401, 403, 403, 403, 403, 415, 415, 415, 415, 415, 415, 415, 415],
  "GET /api/imports/progress": [401, 401, 403, 403, 403, 403, 404, 404, 404, 404, 404, 404, 404, 404],
  "GET /api/imports/:batchId/errors.xlsx": [401, 401, 403, 403, 403, 403, 404, 404, 404, 404, 404, 404, 404, 404],
  "GET /api/imports/template.xlsx": [401, 401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  "GET /api/targets/template.xlsx": [401, 401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200, 200],
  "POST /api/targets/import": [401, 401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 415, 415],
  // No period asked (the sample has no query): an admin's request is refused as a bad period.
  "GET /api/exchange/package": [401, 401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 400, 400],
  "POST /api/exchange/packages": [401, 401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 415, 415],
};

describe("authorization matrix of the plain routes (issues 23 and 24)", () => {
  it("every plain route declares a guard with the access of its policy line, and every line a route", () => {
    const routes = plainRoutes(app).map((r) => [`${r.method} ${r.url}`, r.access]);
    expect(routes.length).toBeGreaterThanOrEqual(6);
    expect(Object.fromEntries(routes)).toEqual(PLAIN_POLICY);
    expect(Object.keys(PLAIN_STATUS).sort()).toEqual(Object.keys(PLAIN_POLICY).sort());
  });

  it.each(Object.keys(PLAIN_POLICY))("%s: each persona gets the status written for it", async (route) => {
    const [method, url] = route.split(" ") as [string, string];
    const access = PLAIN_POLICY[route] as Exclude<Access, "public">;
    const got: Record<string, number> = {};
    const want: Record<string, number> = {};
    const refusals: Record<string, number | "allowed"> = {};
    for (const [i, persona] of PERSONAS.entries()) {
      const token =
        persona === "anonymous"
          ? undefined
          : (await createSession(t.db, users[persona].id, { ip: "10.9.9.9", userAgent: "" })).token;
      const res = await app.inject({
        ...plainRequest(method, url),
        headers: {
          "x-qt-client": "web",
          "content-type": "application/octet-stream",
          cookie: `qt_session=${token ?? ""}`,
        },
      });
      got[persona] = res.statusCode;
      want[persona] = PLAIN_STATUS[route]?.[i] ?? 0;
      // The written table agrees with the policy line: refused exactly as the procedures refuse.
      refusals[persona] =
        persona === "anonymous" || persona === "disabled"
          ? 401
          : !ROLES_OF[access].includes(ROLE[persona]) || (access === "province" && !WHOLE_PROVINCE.includes(persona))
            ? 403
            : "allowed";
    }
    expect(got).toEqual(want);
    const written = Object.fromEntries(
      Object.entries(want).map(([p, status]) => [p, status === 401 || status === 403 ? status : "allowed"]),
    );
    expect(written).toEqual(refusals);
  });
});
