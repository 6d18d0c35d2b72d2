import type { Locale } from "@qt/shared/format";
import type { SessionUser } from "../../context.ts";
import type { Db } from "../../db.ts";
import { appError } from "../../errors.ts";

export async function undoBatch(
  _db: Db,
  _input: { batchId: number; reason: string },
  _u: SessionUser,
  _l: Locale,
): Promise<never> {
  throw appError("INTERNAL_SERVER_ERROR", "import.notImplemented");
}
