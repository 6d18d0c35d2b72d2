import { afterAll, beforeAll } from "vitest";
import type { SessionUser } from "../../server/context.ts";
import { createContextInner } from "../../server/context.ts";
import { createCaller } from "../../server/routers/_app.ts";
import { seedDashboardFixture } from "../fixtures/dashboard.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type Template, type TestDb } from "./db.ts";

/**
 * The database of one test file, made before its tests and closed after them: a copy of a prepared
 * one (`from`), the dashboard fixture on it when asked, and one user of `role`. `t` reads the
 * database once made; `user()` is that user; `caller(user)` calls the procedures as a user (the
 * file's by default).
 */
export function fileDatabase(opts: {
  from: Template;
  role: Parameters<typeof makeUser>[1]["role"];
  dashboard?: boolean;
}) {
  let made: { t: TestDb; user: SessionUser } | undefined;
  const get = () => {
    if (!made) throw new Error("the file's database is made in beforeAll");
    return made;
  };
  beforeAll(
    async () => {
      const t = await createTestDb(opts.from);
      if (opts.dashboard) await seedDashboardFixture(t.db);
      made = { t, user: await makeUser(t.db, { role: opts.role }) };
    },
    opts.from === "demo" ? 120_000 : 60_000,
  );
  afterAll(() => made?.t.close());
  const t: TestDb = {
    get db() {
      return get().t.db;
    },
    get kind() {
      return get().t.kind;
    },
    close: () => get().t.close(),
  };
  const user = () => get().user;
  const caller = (as: SessionUser | null = user()) =>
    createCaller(createContextInner({ db: t.db, dbKind: t.kind, user: as }));
  return { t, user, caller };
}
