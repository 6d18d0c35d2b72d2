import type { Db } from "../../db.ts";
import type { Area } from "./areas.ts";
import { fieldError } from "./errors.ts";

/** The linked site of a camera installation or an award (its area is the record's own). */
export const linkedSiteSelect = {
  siteId: true,
  site: { select: { name: true, deletedAt: true, modelType: { select: { name: true } } } },
} as const;

type LinkedSiteRow = { name: string; deletedAt: Date | null; modelType: { name: string } } | null;

export function linkedSiteFields(siteId: number | null, site: LinkedSiteRow) {
  return {
    siteId,
    siteName: site?.name ?? null,
    siteModelTypeName: site?.modelType.name ?? null,
    siteRemoved: site?.deletedAt != null,
  };
}

/**
 * A site being linked to a record (or kept linked while the record moves to another area) must
 * exist, be live, and lie in the record's area.
 */
export async function checkLinkedSite(db: Db, siteId: number | null | undefined, area: Pick<Area, "id">) {
  if (!siteId) return;
  const site = await db.site.findUnique({ where: { id: siteId }, select: { areaId: true, deletedAt: true } });
  if (!site) throw fieldError("siteId", "link.siteMissing");
  if (site.deletedAt) throw fieldError("siteId", "link.siteRemoved");
  if (site.areaId !== area.id) throw fieldError("siteId", "link.siteElsewhere");
}

/**
 * An unchanged link in an unchanged area is not re-checked: a site removed after it was linked
 * does not block edits of the record's other fields (decision 007). `before` is null on create.
 */
export function linkChanged(
  values: { siteId?: number | null; areaCode: string | null },
  before: { siteId: number | null; areaCode: string | null } | null,
) {
  return !before || (values.siteId ?? null) !== before.siteId || values.areaCode !== before.areaCode;
}

type Link = { siteId?: number | null; areaCode: string | null };

/**
 * A kind's `check` of its linked site (`checkSite`: checkLinkedSite, or a kind's own rule around it),
 * run on create and when the link or the area changed (linkChanged).
 */
export function linkCheck<V extends Link, A>(
  checkSite: (db: Db, siteId: number | null | undefined, area: A) => Promise<void>,
) {
  return async (db: Db, values: V, area: A, _ctx: unknown, change: { before: Required<Link> } | null) => {
    if (linkChanged(values, change?.before ?? null)) await checkSite(db, values.siteId, area);
  };
}
