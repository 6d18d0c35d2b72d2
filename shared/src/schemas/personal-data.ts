import { z } from "zod";
import { zName } from "./common.ts";

/** personalData.anonymise (admins): a person's name, as written on the award records. */
export const ZAnonymiseInput = z.strictObject({
  name: zName("noun.recipientName"),
});
export type TAnonymiseInput = z.infer<typeof ZAnonymiseInput>;

/** What was done: how many records now carry the pseudonym in place of the name (counts unchanged). */
export const ZAnonymised = z.object({ records: z.number().int(), pseudonym: z.string() });
export type TAnonymised = z.infer<typeof ZAnonymised>;

/** audit.alerts (admins): audit-chain breaks found by the daily check and not yet closed by this admin. */
export const ZAuditAlert = z.object({
  /** The alert's own audit entry. */
  id: z.number().int(),
  at: z.string(),
  /** The first entry whose content or link does not match. */
  brokenAt: z.string(),
  reason: z.enum(["content", "link"]),
});
export type TAuditAlert = z.infer<typeof ZAuditAlert>;
