import type { SessionUser } from "../../context.ts";
import type { Db } from "../../db.ts";
import { appError } from "../../errors.ts";

export async function commitBatch(
  _db: Db,
  _input: { batchId: number; skipErrors: boolean },
  _u: SessionUser,
): Promise<never> {
  throw appError("INTERNAL_SERVER_ERROR", "import.notImplemented");
}
