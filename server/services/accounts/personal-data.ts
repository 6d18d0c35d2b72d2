import type { SessionUser } from "../../context.ts";
import type { Db } from "../../db.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { writeAudit } from "../audit/write.ts";
import { currentCommuneOfArea, districtOfArea } from "../units/area-sql.ts";

/**
 * Citizens' names (award recipients) are personal data (Decree 13/2023; issue 29, item 5): a
 * district or commune account reads and exports them only for records of its own scope — the same
 * place rule as its writes (write-scope.ts) — and sees every other unit's records with the name withheld
 * (null in the API, "—" in files, with a flag), so counts stay whole. Admins and province-wide
 * accounts (viewers, approvers, province editors) read every name. Every response that carries
 * names is audited: who, what scope, how many names (docs/security/personal-data.md).
 */
export type NameRule =
  | { kind: "all" }
  | { kind: "district"; id: number; code: string }
  | { kind: "commune"; id: number; code: string };

/** The caller's rule; a CLI export (no user) is the operator's, who has the files anyway. */
export function nameRule(user: SessionUser | null): NameRule {
  if (!user || user.role === "admin" || user.scope.kind === "province") return { kind: "all" };
  if (user.scope.kind === "district" && user.districtId !== null)
    return { kind: "district", id: user.districtId, code: user.scope.code };
  if (user.scope.kind === "commune" && user.communeId !== null)
    return { kind: "commune", id: user.communeId, code: user.scope.code };
  // A scoped account whose unit is unknown reads no names.
  return { kind: "commune", id: -1, code: "" };
}

/** A record's place as the API shapes carry it (areaFields). */
type Place = { districtCode: string | null; currentCommuneCode: string | null };

export function mayReadName(rule: NameRule, place: Place): boolean {
  if (rule.kind === "all") return true;
  return rule.kind === "district" ? place.districtCode === rule.code : place.currentCommuneCode === rule.code;
}

/** The award as this reader may see it: the recipient's name withheld outside their scope. */
export function concealAward<T extends Place & { recipientName: string | null }>(
  rule: NameRule,
  award: T,
): T & { nameHidden?: true } {
  return mayReadName(rule, award) ? award : { ...award, recipientName: null, nameHidden: true };
}

/** SQL: whether the record in area `a` (joined as `a`, possibly null) is in the rule's scope. */
export function nameVisibleSql(rule: NameRule): Prisma.Sql {
  if (rule.kind === "all") return Prisma.sql`TRUE`;
  const place = rule.kind === "district" ? districtOfArea : currentCommuneOfArea;
  return Prisma.sql`(a.id IS NOT NULL AND ${place} IS NOT DISTINCT FROM ${rule.id}::int)`;
}

export const scopeLabel = (rule: NameRule) => (rule.kind === "all" ? "province" : `${rule.kind} ${rule.code}`);

/** Who read whose names is about people: such entries are the admins' (audit-log.ts). */
export const NAMES_AUDIT_ENTITY = "personal_data";

/** The audit entry of a response or file that carries names: who, what, in which scope, how many. */
export async function auditNames(
  db: Db,
  user: { id: number; username: string } | null,
  what: { entityId: string; rule: NameRule; names: number; hidden: number; via: string },
): Promise<void> {
  if (what.names === 0) return;
  await writeAudit(db, {
    user,
    action: "read_names",
    entity: NAMES_AUDIT_ENTITY,
    entityId: what.entityId,
    after: { scope: scopeLabel(what.rule), names: what.names, hidden: what.hidden, via: what.via },
  });
}
