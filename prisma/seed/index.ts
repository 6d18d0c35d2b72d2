import type { Db } from "../../server/db.ts";
import { seedDemo } from "./demo.ts";
import { seedReference } from "./reference.ts";

/** Reference data always; demo records when asked. Idempotent: seeding twice changes nothing. */
export async function seed(db: Db, opts: { demo: boolean }): Promise<{ demoLoaded: boolean }> {
  await seedReference(db);
  const demo = opts.demo ? await seedDemo(db) : { loaded: false };
  return { demoLoaded: demo.loaded };
}
