import type { CommuneList, TMapFeature, TMapLayer } from "@qt/shared/schemas/maps";
import type { SessionUser } from "../../context.ts";
import type { Db } from "../../db.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { writeAudit } from "../audit/write.ts";
import { expectedUnits } from "./expected-units.ts";

const ENTITY = "map_layer";

const layerSelect = {
  list: true,
  fileName: true,
  attribution: true,
  missing: true,
  loadedAt: true,
  loadedBy: true,
} satisfies Prisma.MapLayerSelect;

type Row = Prisma.MapLayerGetPayload<{ select: typeof layerSelect }> & { features?: unknown };

async function toLayer(db: Db, row: Row, units: number): Promise<TMapLayer> {
  const expected = await expectedUnits(db, row.list);
  const names = new Map(expected.map((u) => [u.code, u.name]));
  return {
    list: row.list,
    fileName: row.fileName,
    attribution: row.attribution,
    units,
    missing: row.missing.map((code) => ({ code, name: names.get(code) ?? code })),
    loadedAt: row.loadedAt.toISOString(),
    loadedBy: row.loadedBy,
  };
}

/** maps.layers: what is loaded, per list, with the units the file left out. */
export async function listLayers(db: Db): Promise<TMapLayer[]> {
  const rows = await db.mapLayer.findMany({
    select: { ...layerSelect, features: true },
    orderBy: { list: "asc" },
  });
  return Promise.all(rows.map((r) => toLayer(db, r, (r.features as unknown[]).length)));
}

/** The stored features of a list, or null when none are loaded. */
export async function layerFeatures(db: Db, list: CommuneList) {
  return db.mapLayer.findUnique({
    where: { list },
    select: { features: true, attribution: true, loadedAt: true },
  }) as Promise<{ features: TMapFeature[]; attribution: string; loadedAt: Date } | null>;
}

/** Stores a validated file's features for its list, replacing what was there; audited. */
export async function saveLayer(
  db: Db,
  user: SessionUser,
  data: { list: CommuneList; fileName: string; attribution: string; missing: string[]; features: TMapFeature[] },
): Promise<TMapLayer> {
  const row = await db.$transaction(async (tx) => {
    const before = await tx.mapLayer.findUnique({ where: { list: data.list }, select: layerSelect });
    const fields = { ...data, features: data.features as unknown as Prisma.InputJsonValue, loadedBy: user.username };
    const saved = await tx.mapLayer.upsert({
      where: { list: data.list },
      create: fields,
      update: { ...fields, loadedAt: new Date() },
      select: layerSelect,
    });
    // The audit keeps what identifies the file, not its coordinates.
    await writeAudit(tx, {
      user,
      action: before ? "update" : "create",
      entity: ENTITY,
      entityId: data.list,
      before,
      after: { ...saved, units: data.features.length },
    });
    return saved;
  });
  return toLayer(db, row, data.features.length);
}

/** maps.removeCommunes: the list's boundaries go; the commune level shows its note and table again. */
export async function removeLayer(db: Db, user: SessionUser, list: CommuneList): Promise<{ removed: boolean }> {
  return db.$transaction(async (tx) => {
    const before = await tx.mapLayer.findUnique({ where: { list }, select: layerSelect });
    if (!before) return { removed: false };
    await tx.mapLayer.delete({ where: { list } });
    await writeAudit(tx, { user, action: "remove", entity: ENTITY, entityId: list, before });
    return { removed: true };
  });
}
