import { searchTextOf } from "@qt/shared/domain";
import {
  type TCamera,
  ZCamera,
  ZCameraCreateInput,
  ZCameraListInput,
  ZCameraPage,
  ZCameraSaved,
  ZCameraUpdateInput,
} from "@qt/shared/schemas/cameras";
import type { z } from "zod";
import type { Prisma } from "../../../generated/prisma/client.ts";
import { yearOf } from "../../approvals/lock.ts";
import {
  collector,
  parseChoice,
  parseCount,
  parseDate,
  parseText,
  place,
  type ReadRow,
  samePath,
  schemaIssues,
} from "../../imports/row-reader.ts";
import { areaFields, resolveArea } from "../areas.ts";
import { dayKey, distinct } from "../duplicates.ts";
import { columns, dateOf, dateYears, isoOf, metaFields } from "../fields.ts";
import {
  type AreaRef,
  type DuplicateRule,
  type FieldColumn,
  type FieldOf,
  type RecordKind,
  recordSelect,
  writableFields,
} from "../kind.ts";
import { recordService } from "../lifecycle.ts";
import { checkLinkedSite, linkChanged, linkedSiteFields, linkedSiteSelect } from "../links.ts";

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

/** The words an installation is found by (the folded `searchText` column), for every writer. */
export const cameraSearchText = (c: { notes?: string }, area: AreaRef) =>
  searchTextOf([c.notes, area.name, area.districtName]);

/** Same area, same installation date: probably the same batch entered twice. */
const cameraDuplicate: DuplicateRule<CameraTypes> = {
  select: columns("areaId", "installedOn"),
  near: (rows) => ({ areaId: { in: distinct(rows.map((r) => r.areaId)) } }),
  key: (c) => `${c.areaId}|${dayKey(c.installedOn)}`,
  warning: "record.duplicateCamera",
};

/** A row of an import file as the installation form's input (decision 024). */
const readCameraRow: ReadRow = (r) => {
  const { issues, take } = collector();
  const date = take("installedOn", parseDate(r.cell("installedOn")));
  const area = place(r, date?.iso ?? null, take);
  const input = {
    areaCode: area?.code,
    installedOn: date?.iso,
    cameras: take("cameras", parseCount(r.cell("cameras"))) ?? undefined,
    recorders: take("recorders", parseCount(r.cell("recorders"))) ?? 0,
    memoryCards: take("memoryCards", parseCount(r.cell("memoryCards"))) ?? 0,
    costVnd: take("costVnd", parseCount(r.cell("costVnd"))) ?? 0,
    fundingSource: take("fundingSource", parseChoice("funding", r.cell("fundingSource"))) ?? undefined,
    notes: take("notes", parseText(r.cell("notes"))) ?? "",
  };
  const yearOnly = !!date?.yearOnly;
  if (issues.length > 0) return { input: null, area, yearOnly, issues };
  const parsed = ZCameraCreateInput.safeParse(input);
  if (!parsed.success) return { input: null, area, yearOnly, issues: schemaIssues(parsed.error, samePath) };
  return { input: parsed.data, area, yearOnly, issues: [] };
};

/** An installation row written outside the forms (demo data, test fixtures), with the same search text. */
export function installationRow(
  area: AreaRef,
  data: Omit<Prisma.CameraInstallationUncheckedCreateInput, "areaId" | "searchText">,
): Prisma.CameraInstallationCreateManyInput {
  return { ...data, areaId: area.id, searchText: cameraSearchText(data, area) };
}

export const cameraKind: RecordKind<CameraTypes> = {
  entity: "camera_installation",
  what: "noun.cameraInstallation",
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
  duplicate: cameraDuplicate,
  data: ({ areaCode, ...v }, area) => ({
    ...v,
    areaId: area.id,
    installedOn: dateOf(v.installedOn),
    costVnd: BigInt(v.costVnd),
    searchText: cameraSearchText(v, area),
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

/** What the import reads of an installation row. */
export const cameraImport = { kind: cameraKind, readRow: readCameraRow };

/** What the record router (routers/records.ts) is built from: the procedures' schemas and services. */
export const cameraProcedures = {
  schemas: {
    item: ZCamera,
    page: ZCameraPage,
    saved: ZCameraSaved,
    list: ZCameraListInput,
    create: ZCameraCreateInput,
    update: ZCameraUpdateInput,
  },
  service: cameras,
};

/** The columns of the camera installations list in reports' Excel and CSV (reports/tables.ts), in order. */
export const CAMERA_REPORT_COLUMNS: readonly FieldColumn[] = [
  { field: "id", width: 9, type: "id" },
  { field: "areaCode", width: 24, type: "text" },
  { field: "districtCode", width: 22, type: "text" },
  { field: "installedOn", width: 14, type: "date" },
  { field: "cameras", width: 11, type: "int", sum: true },
  { field: "recorders", width: 10, type: "int", sum: true },
  { field: "memoryCards", width: 10, type: "int", sum: true },
  { field: "costVnd", width: 18, type: "money", sum: true },
  { field: "fundingSource", width: 20, type: "text" },
  { field: "notes", width: 30, type: "text" },
];
