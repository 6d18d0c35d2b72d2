import type { Locale } from "@qt/shared/format";
import type { ImportField, TImportAcceptInput, TImportPreview } from "@qt/shared/schemas/imports";
import type { SessionUser } from "../../context.ts";
import type { Db } from "../../db.ts";
import { appError } from "../../errors.ts";
import { writeAudit } from "../audit/write.ts";
import { ownBatch } from "./batch.ts";
import type { StoredIssue } from "./evaluate.ts";
import { remapBatch } from "./preview.ts";

/** The column index of a letter ("A" → 0, "AA" → 26), as letterOf writes it. */
const indexOfLetter = (letter: string) => [...letter].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/** The names an issue suggests, as match.ts joined them. */
const suggestionsOf = (i: StoredIssue) =>
  typeof i.params.suggestions === "string" ? i.params.suggestions.split("', '") : [];

/**
 * Accepts a name the preview suggests, in place (issue 22): every cell of the column that reads
 * the issue's value takes the suggested name, and every row is read again with the batch's mapping,
 * so the rows become ready (or show what is still wrong). Only the batch's owner (or an admin), only
 * in preview, and only a name the batch's own issues suggested for that value in that column:
 * this is not a cell editor. The change is audited with the rows it touched.
 */
export async function acceptSuggestion(
  db: Db,
  input: TImportAcceptInput,
  user: SessionUser,
  locale: Locale,
): Promise<TImportPreview> {
  const batch = await ownBatch(db, input.batchId, user);
  if (batch.status !== "preview") throw appError("conflict", "import.alreadyCommitted");
  const { column, value, to } = input;
  const refused = () => appError("invalid", "import.notASuggestion", { column, value, to });
  const index = indexOfLetter(column);
  if (index >= (batch.headers as string[]).length) throw refused();
  const suggested = await db.importRow.findMany({
    where: {
      batchId: batch.id,
      state: "error",
      issues: { array_contains: [{ column, params: { value } }] },
    },
    select: { issues: true },
    take: 1,
  });
  const offered = suggested.flatMap((r) =>
    (r.issues as StoredIssue[]).filter((i) => i.column === column && i.params.value === value).flatMap(suggestionsOf),
  );
  if (!offered.includes(to)) throw refused();
  await db.$transaction(async (tx) => {
    const still = await tx.importBatch.count({ where: { id: batch.id, status: "preview" } });
    if (still === 0) throw appError("conflict", "import.alreadyCommitted");
    const rows = await tx.$queryRaw<{ row: number }[]>`UPDATE import_row
      SET cells = jsonb_set(cells, ARRAY[${String(index)}], to_jsonb(${to}::text))
      WHERE batch_id = ${batch.id} AND btrim(cells ->> ${index}::int) = ${value}
      RETURNING "row"`;
    await writeAudit(tx, {
      user,
      action: "update",
      entity: "import_batch",
      entityId: batch.id,
      before: { fileName: batch.fileName, column, value, rows: rows.map((r) => r.row).sort((a, b) => a - b) },
      after: { fileName: batch.fileName, column, value: to },
    });
  });
  return remapBatch(db, { batchId: batch.id, mapping: batch.mapping as (ImportField | null)[] }, user, locale);
}
