import { NATIONAL_CODE } from "@qt/shared/province";
import type { Db } from "../../server/db.ts";
import { DEFAULT_PROVINCE } from "../../server/services/units/province.ts";
import { seedDemo, seedGeneratedDemo } from "./demo.ts";
import { seedNation, seedNationalReference } from "./national.ts";
import { seedReference } from "./reference.ts";

/**
 * Reference data always, for the installed province (decision 044: Quảng Trị's own richer lists for
 * the default, the national lists for any other); demo records when asked. Idempotent: seeding
 * twice changes nothing.
 */
export async function seed(db: Db, opts: { demo: boolean; province?: string }): Promise<{ demoLoaded: boolean }> {
  const province = opts.province ?? DEFAULT_PROVINCE;
  if (province === NATIONAL_CODE) {
    await seedNation(db);
    // Quảng Trị's demo only, on its own land, marked demo as everywhere (decision 050).
    const demo = opts.demo ? await seedDemo(db) : { loaded: false };
    return { demoLoaded: demo.loaded };
  }
  if (province !== DEFAULT_PROVINCE) {
    await seedNationalReference(db, province);
    return { demoLoaded: opts.demo ? await seedGeneratedDemo(db) : false };
  }
  await seedReference(db);
  const demo = opts.demo ? await seedDemo(db) : { loaded: false };
  return { demoLoaded: demo.loaded };
}
