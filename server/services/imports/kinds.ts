import type { ModelCategory } from "@qt/shared/domain";
import { foldVietnamese } from "@qt/shared/domain";
import { keyOf } from "@qt/shared/messages/index";
import { ZAwardCreateInput } from "@qt/shared/schemas/awards";
import { ZCameraCreateInput } from "@qt/shared/schemas/cameras";
import type { ImportField, ImportKind } from "@qt/shared/schemas/imports";
import { siteRuleIssues, ZSiteCreateInput } from "@qt/shared/schemas/sites";
import type { z } from "zod";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { Area } from "../records/areas.ts";
import type { TypeMatcher, UnitMatcher } from "./match.ts";
import type { Cell } from "./read.ts";
import { type CellIssue, type Parsed, parseChoice, parseCount, parseDate, parseText, parseYear } from "./values.ts";

type Tx = Prisma.TransactionClient;

/** A problem of a row, on a field's column (null: the whole row). */
export type FieldIssue = CellIssue & { field: ImportField | null };

/** What a row becomes: the kind's create input (as the forms send it), its resolved area, and its problems. */
export type Built = {
  input: Record<string, unknown> | null;
  area: Area | null;
  yearOnly: boolean;
  issues: FieldIssue[];
};

export type RowReader = {
  cell: (f: ImportField) => Cell;
  units: UnitMatcher;
  types: TypeMatcher | null;
};

/** Collects parsed values and issues of one row. */
function collector() {
  const issues: FieldIssue[] = [];
  const take = <T>(field: ImportField, p: Parsed<T> | null): T | null => {
    if (!p) return null;
    if (p.ok) return p.value;
    issues.push({ ...p.issue, field });
    return null;
  };
  return { issues, take };
}

/** The district and area of a row on its day; null area when none is written (an award may have none). */
function place(r: RowReader, on: string | null, take: ReturnType<typeof collector>["take"]) {
  const districtText = take("district", parseText(r.cell("district")));
  const district = districtText ? take("district", r.units.district(districtText)) : null;
  const areaText = take("area", parseText(r.cell("area")));
  if (!areaText || !on || (districtText && !district)) return null;
  return take("area", r.units.area(areaText, on, district));
}

/** The zod schema's issues, on the fields the file has columns for. */
function schemaIssues(error: z.ZodError, pathField: (p: string) => ImportField | null): FieldIssue[] {
  return error.issues.map((i) => ({ ...keyed(i.message), field: pathField(String(i.path[0] ?? "")) }));
}

/** A shared rule's Vietnamese text as its catalogue key (every schema text is in the catalogue). */
const keyed = (text: string): CellIssue => keyOf(text) ?? { key: "import.rowRule", params: { detail: text } };

const samePath = (p: string): ImportField | null => (p === "areaCode" ? "area" : (p as ImportField)) || null;

/**
 * Each kind's reading of a row into its create input, validated by the same shared schema as the
 * form (ZSiteCreateInput, …), and its duplicate key: the same rule the lifecycle warns about
 * (services/records/sites.ts duplicateWarnings…), here a refusal, since a file repeats itself exactly.
 */
export type KindSpec = {
  build: (r: RowReader) => Built;
  key: (input: Record<string, unknown>, area: Area | null) => string;
  /** The stored live records' keys, for the batch's areas or years. */
  existing: (tx: Tx, built: Built[]) => Promise<Map<string, number>>;
};

const fold = (s: unknown) => foldVietnamese(String(s ?? ""));

const sites: KindSpec = {
  build(r) {
    const { issues, take } = collector();
    const typeText = take("modelType", parseText(r.cell("modelType")));
    const type = typeText && r.types ? take("modelType", r.types.modelType(typeText)) : null;
    const date = take("establishedOn", parseDate(r.cell("establishedOn")));
    const area = place(r, date?.iso ?? null, take);
    const input = {
      modelTypeId: type?.id,
      areaCode: area?.code,
      name: take("name", parseText(r.cell("name"))) ?? undefined,
      host: take("host", parseText(r.cell("host"))) ?? "",
      establishedOn: date?.iso,
      religion: take("religion", parseChoice("religion", r.cell("religion"))),
      households: take("households", parseCount(r.cell("households"))),
      members: take("members", parseCount(r.cell("members"))),
      notes: take("notes", parseText(r.cell("notes"))) ?? "",
    };
    if (issues.length > 0) return { input: null, area, yearOnly: !!date?.yearOnly, issues };
    const parsed = ZSiteCreateInput.safeParse(input);
    if (!parsed.success) {
      const mapped = schemaIssues(parsed.error, (p) => (p === "modelTypeId" ? "modelType" : samePath(p)));
      return { input: null, area, yearOnly: !!date?.yearOnly, issues: mapped };
    }
    const rules = siteRuleIssues(parsed.data, type?.category as ModelCategory | undefined);
    if (rules.length > 0) {
      const mapped = rules.map((i) => ({ ...keyed(i.message), field: samePath(i.path) }));
      return { input: null, area, yearOnly: !!date?.yearOnly, issues: mapped };
    }
    return { input: parsed.data, area, yearOnly: !!date?.yearOnly, issues: [] };
  },
  key: (i, a) => `${i.modelTypeId}|${a?.id}|${fold(i.name)}`,
  async existing(tx, built) {
    const areaIds = [...new Set(built.flatMap((b) => (b.area ? [b.area.id] : [])))];
    const rows = await tx.site.findMany({
      where: { deletedAt: null, areaId: { in: areaIds } },
      select: { id: true, modelTypeId: true, areaId: true, name: true },
    });
    return new Map(rows.map((s) => [`${s.modelTypeId}|${s.areaId}|${fold(s.name)}`, s.id]));
  },
};

const cameras: KindSpec = {
  build(r) {
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
    if (issues.length > 0) return { input: null, area, yearOnly: !!date?.yearOnly, issues };
    const parsed = ZCameraCreateInput.safeParse(input);
    if (!parsed.success)
      return { input: null, area, yearOnly: !!date?.yearOnly, issues: schemaIssues(parsed.error, samePath) };
    return { input: parsed.data, area, yearOnly: !!date?.yearOnly, issues: [] };
  },
  key: (i, a) => `${a?.id}|${i.installedOn}`,
  async existing(tx, built) {
    const areaIds = [...new Set(built.flatMap((b) => (b.area ? [b.area.id] : [])))];
    const rows = await tx.cameraInstallation.findMany({
      where: { deletedAt: null, areaId: { in: areaIds } },
      select: { id: true, areaId: true, installedOn: true },
    });
    return new Map(rows.map((c) => [`${c.areaId}|${c.installedOn.toISOString().slice(0, 10)}`, c.id]));
  },
};

const awards: KindSpec = {
  build(r) {
    const { issues, take } = collector();
    const year = take("year", parseYear(r.cell("year")));
    const areaText = r.cell("area");
    // An award names its time by year: the units of the year's end (the later list), else its start.
    let area: Area | null = null;
    if (year && areaText !== null) {
      const probe = collector();
      area = place(r, `${year}-12-31`, probe.take);
      if (!area) area = place(r, `${year}-01-01`, take);
    } else if (year === null) {
      take("district", parseText(r.cell("district")));
    }
    const input = {
      year: year ?? undefined,
      issuer: take("issuer", parseChoice("issuer", r.cell("issuer"))) ?? undefined,
      form: take("form", parseChoice("awardForm", r.cell("form"))) ?? undefined,
      recipientKind: take("recipientKind", parseChoice("recipientKind", r.cell("recipientKind"))) ?? undefined,
      recipientName: take("recipientName", parseText(r.cell("recipientName"))) ?? undefined,
      areaCode: area?.code ?? null,
      decisionNumber: take("decisionNumber", parseText(r.cell("decisionNumber"))) ?? "",
      notes: take("notes", parseText(r.cell("notes"))) ?? "",
    };
    if (issues.length > 0) return { input: null, area, yearOnly: false, issues };
    const parsed = ZAwardCreateInput.safeParse(input);
    if (!parsed.success) return { input: null, area, yearOnly: false, issues: schemaIssues(parsed.error, samePath) };
    return { input: parsed.data, area, yearOnly: false, issues: [] };
  },
  key: (i) => `${i.year}|${i.issuer}|${i.form}|${fold(i.recipientName)}`,
  async existing(tx, built) {
    const years = [...new Set(built.flatMap((b) => (b.input ? [Number(b.input.year)] : [])))];
    const rows = await tx.award.findMany({
      where: { deletedAt: null, year: { in: years } },
      select: { id: true, year: true, issuer: true, form: true, recipientName: true },
    });
    return new Map(rows.map((a) => [`${a.year}|${a.issuer}|${a.form}|${fold(a.recipientName)}`, a.id]));
  },
};

export const KIND_SPECS: Record<ImportKind, KindSpec> = { sites, cameras, awards };
