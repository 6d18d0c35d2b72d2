import type { AdapterChoice, DatabaseKind } from "./db/adapter.ts";
import { PrismaClient } from "./generated/prisma/client.ts";

export type Db = PrismaClient;
export type { DatabaseKind };

/** The one Prisma client of a process, built on the adapter chosen from the environment. */
export function createDb(adapter: Omit<AdapterChoice, "session">): Db {
  return new PrismaClient({ adapter: adapter.factory });
}
