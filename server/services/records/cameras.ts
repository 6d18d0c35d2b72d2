import { searchTextOf } from "@qt/shared/domain";
import { type TCamera, type ZCameraListInput, ZCameraUpdateInput } from "@qt/shared/schemas/cameras";
import type { TWarning } from "@qt/shared/schemas/common";
import type { z } from "zod";
import type { Db } from "../../db.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { yearOf } from "../approvals/lock.ts";
import { type Area, areaFields, resolveArea } from "./areas.ts";
import { columns, dateOf, dateYears, isoOf, metaFields } from "./fields.ts";
import { type FieldOf, type RecordKind, recordSelect, writableFields } from "./kind.ts";
import { recordService } from "./lifecycle.ts";
import { checkLinkedSite, linkChanged, linkedSiteFields, linkedSiteSelect } from "./links.ts";

const cameraSelect = recordSelect({
  ...columns("installedOn", "cameras", "recorders", "memoryCards", "costVnd", "fundingSource", "notes"),
  ...linkedSiteSelect,
}) satisfies Prisma.CameraInstallationSelect;

type CameraTypes = {
  row: Prisma.CameraInstallationGetPayload<{ select: typeof cameraSelect }>;
  api: TCamera;
  field: FieldOf<typeof ZCameraUpdateInput.shape>;
  list: z.output<typeof ZCameraListInput>;
  table: "cameraInstallation";
};

/** Same area, same installation date: probably the same batch entered twice. */
async function duplicateWarnings(db: Db, v: { installedOn: string }, area: Area, selfId?: number) {
  const same = await db.cameraInstallation.findMany({
    where: {
      areaId: area.id,
      installedOn: dateOf(v.installedOn),
      deletedAt: null,
      ...(selfId ? { id: { not: selfId } } : {}),
    },
    select: { id: true },
  });
  if (same.length === 0) return [];
  const message = "Có thể trùng: địa bàn này đã có đợt lắp đặt camera cùng ngày.";
  return [{ code: "duplicate", message, ids: same.map((s) => s.id) } satisfies TWarning];
}

export const cameraKind: RecordKind<CameraTypes> = {
  entity: "camera_installation",
  what: "đợt lắp đặt camera",
  table: "cameraInstallation",
  select: cameraSelect,
  toApi: (r) => ({
    ...metaFields(r),
    ...areaFields(r.area),
    installedOn: isoOf(r.installedOn),
    cameras: r.cameras,
    recorders: r.recorders,
    memoryCards: r.memoryCards,
    // Capped at 100 billion by the schema: exact as a JS number.
    costVnd: Number(r.costVnd),
    fundingSource: r.fundingSource,
    ...linkedSiteFields(r.siteId, r.site),
    notes: r.notes,
  }),
  fields: writableFields(ZCameraUpdateInput.shape),
  area: (db, v, o) => resolveArea(db, v.areaCode, { districtCode: o.districtCode, on: v.installedOn }),
  check: async (db, v, area, _, change) => {
    if (linkChanged(v, change?.before ?? null)) await checkLinkedSite(db, v.siteId, area);
  },
  year: (v) => yearOf(v.installedOn),
  duplicates: duplicateWarnings,
  data: ({ areaCode, ...v }, area) => ({
    ...v,
    areaId: area.id,
    installedOn: dateOf(v.installedOn),
    costVnd: BigInt(v.costVnd),
    searchText: searchTextOf([v.notes, area.name, area.districtName]),
  }),
  filters: (input) => [{ fundingSource: input.fundingSource, installedOn: dateYears(input) }],
  sort: {
    installedOn: (dir) => ({ installedOn: dir }),
    cameras: (dir) => ({ cameras: dir }),
    costVnd: (dir) => ({ costVnd: dir }),
    area: (dir) => ({ area: { name: dir } }),
    updatedAt: (dir) => ({ updatedAt: dir }),
  },
};

export const cameras = recordService(cameraKind);
