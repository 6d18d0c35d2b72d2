import type { Locale } from "@qt/shared/format";
import type { TImportRemapInput, TImportRowsInput } from "@qt/shared/schemas/imports";
import type { SessionUser } from "../../context.ts";
import type { Db } from "../../db.ts";
import { appError } from "../../errors.ts";

const todo = () => appError("INTERNAL_SERVER_ERROR", "import.notImplemented");

export async function getPreview(_db: Db, _batchId: number, _user: SessionUser, _locale: Locale): Promise<never> {
  throw todo();
}
export async function listRows(_db: Db, _input: TImportRowsInput, _user: SessionUser, _locale: Locale): Promise<never> {
  throw todo();
}
export async function remapBatch(_db: Db, _input: TImportRemapInput, _u: SessionUser, _l: Locale): Promise<never> {
  throw todo();
}
export async function listBatches(
  _db: Db,
  _input: { page: number; pageSize: number },
  _u: SessionUser,
): Promise<never> {
  throw todo();
}
