import type { Role } from "@qt/shared/domain";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContextInner, type SessionUser } from "../../server/context.ts";
import { appRouter, createCaller } from "../../server/routers/_app.ts";
import { createSession, resolveSession } from "../../server/services/sessions.ts";
import { createUser } from "../../server/services/users.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import type { AuthzFixtures } from "./authz/fixtures.ts";
import { type Access, POLICY } from "./authz/policy.ts";

/**
 * Every procedure of the app router × every kind of caller. The procedures are read from the
 * router itself, so a procedure added without a line in tests/server/authz/policy.ts fails here.
 * Callers are resolved from a real session token, as an HTTP request is.
 */
const PROCEDURES = Object.keys(appRouter._def.procedures).sort();

type Persona = "anonymous" | "disabled" | "viewer" | "editorOutOfScope" | "editorInScope" | "provinceEditor" | "admin";
// Refusals first: a record an allowed caller removes must not turn a refusal into NOT_FOUND.
const PERSONAS: Persona[] = [
  "anonymous",
  "disabled",
  "viewer",
  "editorOutOfScope",
  "editorInScope",
  "provinceEditor",
  "admin",
];
const RANK: Record<Role, number> = { viewer: 1, editor: 2, admin: 3 };
const NEEDS: Record<Access, number> = { public: 0, viewer: 1, editor: 2, admin: 3 };
/** Errors an authorised call may still get from its input: it passed the authorization gate. */
const PASSED_GATE = new Set(["BAD_REQUEST", "NOT_FOUND", "CONFLICT"]);

function expected(path: string, persona: Persona): "allowed" | "UNAUTHORIZED" | "FORBIDDEN" {
  const policy = POLICY[path];
  if (!policy) throw new Error(`no policy for ${path}`);
  if (policy.access === "public") return "allowed";
  if (persona === "anonymous" || persona === "disabled") return "UNAUTHORIZED";
  const role: Role = persona === "viewer" ? "viewer" : persona === "admin" ? "admin" : "editor";
  if (RANK[role] < NEEDS[policy.access]) return "FORBIDDEN";
  if (policy.scoped && persona === "editorOutOfScope") return "FORBIDDEN";
  return "allowed";
}

let t: TestDb;
let fx: AuthzFixtures;
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
    select: { id: true, code: true, name: true },
    orderBy: { code: "asc" },
  });
  users.admin = await makeUser(t.db, { role: "admin" });
  users.viewer = await makeUser(t.db, { role: "viewer" });
  users.editorInScope = await makeUser(t.db, { role: "editor", districtCode: "466" });
  users.editorOutOfScope = await makeUser(t.db, { role: "editor", districtCode: "464" });
  users.provinceEditor = await makeUser(t.db, { role: "editor" });
  users.disabled = await makeUser(t.db, { role: "admin", disabled: true });
  const login = { username: "matrix-login", password: "Matrix-passw0rd" };
  await createUser(t.db, { ...login, displayName: "Matrix", role: "viewer" }, null);
  fx = {
    db: t.db,
    district,
    area,
    admin: users.admin,
    asAdmin: createCaller(createContextInner({ db: t.db, dbKind: t.kind, user: users.admin })),
    login,
    unique: () => `${Date.now().toString(36)}${(n++).toString(36)}`,
    newUser: async () => {
      const u = await makeUser(t.db, { role: "viewer" });
      return { id: u.id, version: 1 };
    },
  };
}, 120_000);
afterAll(() => t.close());

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

async function call(path: string, persona: Persona): Promise<string> {
  const input = await POLICY[path]?.input?.(fx);
  const caller = await callerFor(persona);
  // biome-ignore lint/suspicious/noExplicitAny: walks the caller by the procedure's dotted path.
  const fn = path.split(".").reduce<any>((node, key) => node[key], caller) as (i: unknown) => Promise<unknown>;
  try {
    await fn(input);
    return "ok";
  } catch (err) {
    if (err instanceof TRPCError) return err.code;
    throw err;
  }
}

describe("authorization matrix", () => {
  it("every procedure of the router has a policy, and every policy a procedure", () => {
    expect(PROCEDURES.length).toBeGreaterThan(10);
    expect(PROCEDURES.filter((p) => !POLICY[p])).toEqual([]);
    expect(Object.keys(POLICY).filter((p) => !PROCEDURES.includes(p))).toEqual([]);
  });

  it("only login (and health, outside tRPC) is public", () => {
    expect(PROCEDURES.filter((p) => POLICY[p]?.access === "public")).toEqual(["auth.login"]);
  });

  describe.each(PROCEDURES.filter((p) => POLICY[p]))("%s", (path) => {
    it.each(PERSONAS)("as %s", async (persona) => {
      const want = expected(path, persona);
      const got = await call(path, persona);
      if (want === "allowed") {
        expect(got === "ok" || PASSED_GATE.has(got), `${path} as ${persona}: allowed, got ${got}`).toBe(true);
      } else {
        expect(got, `${path} as ${persona}`).toBe(want);
      }
    });
  });
});
