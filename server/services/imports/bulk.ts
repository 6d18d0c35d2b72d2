import type { Prisma } from "../../generated/prisma/client.ts";

type Tx = Prisma.TransactionClient;

/** Which record each written row of a batch created, in one statement (decision 024). */
export async function insertLinks(tx: Tx, batchId: number, links: { row: number; recordId: number }[]) {
  const json = JSON.stringify(links);
  await tx.$executeRaw`INSERT INTO import_record (batch_id, "row", record_id)
    SELECT ${batchId}, v."row", v."recordId" FROM jsonb_to_recordset(${json}::jsonb) AS v("row" int, "recordId" int)`;
}
