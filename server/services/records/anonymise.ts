import { randomBytes } from "node:crypto";
import { foldVietnamese } from "@qt/shared/domain";
import type { TAnonymised } from "@qt/shared/schemas/personal-data";
import type { SessionUser } from "../../context.ts";
import type { Db } from "../../db.ts";
import { writeAudit } from "../audit/write.ts";

/**
 * Replaces a person's name on every award that names them, removed ones included (Decree 13/2023:
 * a person asks to be forgotten; issue 29 item 5). Every record stays, so every count stays; the
 * name becomes one pseudonym ("Ẩn danh 7K3QX2") on all of them, so the records still read as one
 * person's. Unit-year locks do not stop it: it changes no figure. Each record's history gets an
 * `anonymise` entry that does not carry the name (entries written before keep it: the log is
 * append-only, docs/security/personal-data.md). Matched exactly, ignoring case and spacing.
 */
export async function anonymiseName(db: Db, name: string, actor: SessionUser): Promise<TAnonymised> {
  const wanted = name.normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();
  const pseudonym = `Ẩn danh ${randomBytes(5).toString("hex").slice(0, 6).toUpperCase()}`;
  return db.$transaction(async (tx) => {
    const awards = await tx.$queryRaw<{ id: number }[]>`
      SELECT id FROM award
       WHERE lower(regexp_replace(btrim(normalize(recipient_name, NFC)), '\\s+', ' ', 'g')) = ${wanted}
       ORDER BY id`;
    const ids = awards.map((a) => a.id);
    if (ids.length === 0) return { records: 0, pseudonym };
    await tx.$executeRaw`
      UPDATE award
         SET recipient_name = ${pseudonym},
             search_text = replace(search_text, ${foldVietnamese(wanted)}, ${foldVietnamese(pseudonym)}),
             version = version + 1, updated_at = now(), updated_by_id = ${actor.id}
       WHERE id = ANY(${ids}::int[])`;
    for (const id of ids) {
      await writeAudit(tx, {
        user: actor,
        action: "anonymise",
        entity: "award",
        entityId: id,
        after: { recipientName: pseudonym },
      });
    }
    return { records: ids.length, pseudonym };
  });
}
