import { searchTextOf } from "@qt/shared/domain";
import {
  type TCamera,
  ZCamera,
  ZCameraCreateInput,
  ZCameraListInput,
  ZCameraUpdateInput,
} from "@qt/shared/schemas/cameras";
import type { z } from "zod";
import { Prisma } from "../../../generated/prisma/client.ts";
import { yearOf } from "../../approvals/lock.ts";
import { cameraWhere } from "../../dashboard/filter.ts";
import * as cells from "../../imports/row-reader.ts";
import { areaFields, resolveArea } from "../areas.ts";
import { dayKey, distinct } from "../duplicates.ts";
import { columns, dateOf, dateYears, isoOf, metaFields } from "../fields.ts";
import {
  type AreaRef,
  type DuplicateRule,
  type FieldOf,
  kindModule,
  type RecordKind,
  recordSelect,
  writableFields,
} from "../kind.ts";
import { recordService } from "../lifecycle.ts";
import { checkLinkedSite, linkCheck, linkedSiteFields, linkedSiteSelect } from "../links.ts";
import { placeColumns, type RecordReport, recordFrom } from "../report-list.ts";

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
const readCameraRow: cells.ReadRow = (r) => {
  const { issues, take } = cells.collector();
  const count = (field: "cameras" | "recorders" | "memoryCards" | "costVnd") =>
    take(field, cells.parseCount(r.cell(field)));
  const date = take("installedOn", cells.parseDate(r.cell("installedOn")));
  const area = cells.place(r, date?.iso ?? null, take);
  const input = {
    areaCode: area?.code,
    installedOn: date?.iso,
    cameras: count("cameras") ?? undefined,
    recorders: count("recorders") ?? 0,
    memoryCards: count("memoryCards") ?? 0,
    costVnd: count("costVnd") ?? 0,
    fundingSource: take("fundingSource", cells.parseChoice("funding", r.cell("fundingSource"))) ?? undefined,
    notes: take("notes", cells.parseText(r.cell("notes"))) ?? "",
  };
  return cells.validated(ZCameraCreateInput, input, { area, yearOnly: !!date?.yearOnly, issues });
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
    ...areaFields(r.area, r.currentUnit),
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
  check: linkCheck(checkLinkedSite),
  year: (v) => yearOf(v.installedOn),
  duplicate: cameraDuplicate,
  data: ({ areaCode, ...v }, area) =>
    installationRow(area, { ...v, installedOn: dateOf(v.installedOn), costVnd: BigInt(v.costVnd) }),
  filters: (input) => [{ fundingSource: input.fundingSource, installedOn: dateYears(input) }],
  sortPaths: { area: "area.name" },
};

export const cameras = recordService(cameraKind);

/** The camera installations list of reports' Excel and CSV (reports/tables.ts). */
export const cameraReport: RecordReport = {
  sheet: "Lắp đặt camera",
  alias: "ci",
  from: recordFrom(Prisma.sql`camera_installation ci`, "ci"),
  where: cameraWhere,
  columns: () => [
    { field: "id", width: 9, type: "id", sql: "ci.id" },
    ...placeColumns(24),
    { field: "installedOn", width: 14, type: "date", sql: "ci.installed_on" },
    { field: "cameras", width: 11, type: "int", sum: true, sql: "ci.cameras" },
    { field: "recorders", width: 10, type: "int", sum: true, sql: "ci.recorders" },
    { field: "memoryCards", width: 10, type: "int", sum: true, sql: "ci.memory_cards" },
    { field: "costVnd", width: 18, type: "money", sum: true, sql: "ci.cost_vnd" },
    { field: "fundingSource", width: 20, type: "text", sql: "ci.funding_source::text", words: "funding" },
    { field: "notes", width: 30, type: "text", sql: "ci.notes" },
  ],
};

/** The installation kind as the import, the reports and the record router read it. */
export const cameraModule = kindModule(cameraKind, {
  readRow: readCameraRow,
  report: cameraReport,
  service: cameras,
  schemas: [ZCamera, ZCameraListInput, ZCameraCreateInput, ZCameraUpdateInput],
});
