import type { SessionUser } from "../../../server/context.ts";
import type { Db } from "../../../server/db.ts";
import type { createCaller } from "../../../server/routers/_app.ts";

/**
 * What a policy entry's `input` builder gets to make a valid sample input (tests/server/
 * authz-matrix.test.ts). Every sample record lies in `district`: the "district editor in scope"
 * edits that district, the "out of scope" one another district.
 */
export type AuthzFixtures = {
  db: Db;
  /** The in-scope district (GSO 466). */
  district: { id: number; code: string };
  /** A commune-level area of that district. */
  area: { id: number; code: string; name: string };
  /** The commune of today that took `area` over (a unit of approval in the district's scope). */
  areaCommune: { code: string };
  /** An administrator, and a caller as them, for setting up the records a sample acts on. */
  admin: SessionUser;
  asAdmin: ReturnType<typeof createCaller>;
  /** The password every persona has (for auth.changePassword). */
  personaPassword: string;
  /** An account that can log in with this password (for auth.login). */
  login: { username: string; password: string };
  /** A fresh viewer account for user-management samples. */
  newUser: () => Promise<{ id: number; version: number }>;
  /** A short unique suffix for names that must be unique. */
  unique: () => string;
};
