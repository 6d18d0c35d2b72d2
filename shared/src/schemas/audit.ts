import { z } from "zod";
import { keyed } from "../messages/index.ts";
import { ZId, ZText } from "./common.ts";

const ZEntity = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/, keyed("v.entity"));
const ZEntityId = ZText.min(1, keyed("v.badId")).max(64, keyed("v.badId"));

export const ZAuditListInput = z.strictObject({
  page: z.number().int(keyed("v.page")).min(1, keyed("v.page")).max(100_000, keyed("v.pageMax")).default(1),
  pageSize: z.number().int().min(1).max(200, keyed("v.pageSizeMax")).default(50),
  entity: ZEntity.optional(),
  entityId: ZEntityId.optional(),
  userId: ZId.optional(),
});
export type TAuditListInput = z.infer<typeof ZAuditListInput>;

export const ZAuditHistoryInput = z.strictObject({ entity: ZEntity, entityId: ZEntityId });
export type TAuditHistoryInput = z.infer<typeof ZAuditHistoryInput>;

/** One field an audit entry changed (server/services/audit-log.ts `changesOf`). */
export const ZFieldChange = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
export type TFieldChange = z.infer<typeof ZFieldChange>;

export const ZAuditRow = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.number().int().nullable(),
  username: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  /** The fields the entry changed, bookkeeping left out: what a history shows. */
  changes: z.array(ZFieldChange),
  /**
   * Names of what the entry names only by code or id (district codes of an account or an export,
   * "user:<id>" of an account): resolved by the server so the client can write them out.
   */
  names: z.record(z.string(), z.string()),
});
export type TAuditRow = z.infer<typeof ZAuditRow>;

export const ZAuditPage = z.object({ total: z.number().int(), rows: z.array(ZAuditRow) });
export type TAuditPage = z.infer<typeof ZAuditPage>;
