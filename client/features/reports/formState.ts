import { REVIEW_PERIOD } from "@qt/shared/domain";
import { bareProvinceName, type InstalledProvince, policeHeading } from "@qt/shared/province";
import { defaultRecipients } from "@qt/shared/report-words";
import { todayIso } from "@qt/shared/schemas/common";
import type { TReportDraft } from "@qt/shared/schemas/report-drafts";
import {
  DEFAULT_SUPERVISING_BODY,
  NARRATIVE_SECTIONS,
  REPORT_SECTIONS,
  type ReportKind,
  type ReportSection,
  type TNarrative,
  type TReportOptionsInput,
} from "@qt/shared/schemas/reports";

/** The builder's fields as the inputs hold them (recipients as one line each in a textarea). */
export type ReportFormState = {
  /** "" = the whole province of today. */
  formerProvinceCode: string;
  view: "historical" | "current";
  fromYear: number;
  toYear: number;
  /** The period by days ("" none: the years), set by a kind's preset (sơ kết 6 tháng). */
  from: string;
  to: string;
  /** "So với cùng kỳ": every figure against the same days a year earlier (decision 039). */
  compare: boolean;
  /** The report's kind (decision 056): each presets the period, the title and the comparison. */
  kind: ReportKind;
  /** A "chuyên đề" report's model type. */
  modelTypeCode: string;
  districtCodes: string[];
  /** Only records of approved unit-years (issue 13). */
  approvedOnly: boolean;
  sections: ReportSection[];
  title: string;
  supervisingBody: string;
  issuingBody: string;
  documentNumber: string;
  place: string;
  date: string;
  signerTitle: string;
  signerName: string;
  recipients: string;
};

/** The narrative being written, and the saved draft it was opened from (null: not saved yet). */
export type DraftState = {
  saved: TReportDraft | null;
  name: string;
  narrative: TNarrative;
};

export const emptyNarrative = (): TNarrative =>
  Object.fromEntries(NARRATIVE_SECTIONS.map((k) => [k, ""])) as TNarrative;
export const newDraft = (): DraftState => ({ saved: null, name: "", narrative: emptyNarrative() });
export const openedDraft = (d: TReportDraft): DraftState => ({ saved: d, name: d.name, narrative: d.narrative });

/** Text typed since the draft was opened or saved: the preview shows the saved text only. */
export function draftDirty(d: DraftState): boolean {
  if (!d.saved) return d.name.trim() !== "" || NARRATIVE_SECTIONS.some((k) => d.narrative[k].trim() !== "");
  const saved = d.saved;
  return d.name !== saved.name || NARRATIVE_SECTIONS.some((k) => d.narrative[k].trim() !== saved.narrative[k]);
}

export function initialReportForm(today = new Date(), province: InstalledProvince | null = null): ReportFormState {
  return {
    formerProvinceCode: "",
    view: "historical",
    fromYear: REVIEW_PERIOD.fromYear,
    toYear: REVIEW_PERIOD.toYear,
    from: "",
    to: "",
    compare: false,
    kind: "tong-ket",
    modelTypeCode: "",
    districtCodes: [],
    approvedOnly: false,
    sections: [...REPORT_SECTIONS],
    // Empty: the server's default subject, which names the chosen years.
    title: "",
    supervisingBody: DEFAULT_SUPERVISING_BODY,
    ...provinceHeading(province),
    documentNumber: "/BC-CAT",
    // Today in Vietnam, as the server dates a report that names no date.
    date: todayIso(today),
    // Empty: dotted lines in the document, for the office to fill by hand.
    signerTitle: "",
    signerName: "",
    recipients: recipientsOf(todayIso(today)),
  };
}

/**
 * The installed province's agency line and place name (decision 044), for fields still empty: the
 * page may learn the province after the form was made. Empty fields print the server's same default.
 */
export function provinceHeading(
  province: InstalledProvince | null,
  state?: Pick<ReportFormState, "issuingBody" | "place">,
) {
  return {
    issuingBody: state?.issuingBody || (province ? policeHeading(province) : ""),
    place: state?.place || (province ? bareProvinceName(province.name) : ""),
  };
}

const recipientsOf = (date: string) => defaultRecipients(date).join("\n");

/**
 * A new date of issue; recipients still at the default follow it (the police units of that day),
 * recipients the user typed stay as typed.
 */
export function dateChange(state: ReportFormState, date: string): Partial<ReportFormState> {
  const untouched = state.recipients === recipientsOf(state.date || todayIso());
  return untouched && date ? { date, recipients: recipientsOf(date) } : { date };
}

/**
 * A kind's preset (decision 056): sơ kết 6 tháng is the first half of `year`, tổng kết năm the
 * whole year, chuyên đề one model type over the period chosen; each turns the comparison on (the
 * server's default title names the kind). Tổng kết (the default) keeps the period and turns it off.
 */
export function kindPreset(kind: ReportKind, year: number, firstType = ""): Partial<ReportFormState> {
  if (kind === "so-ket-6-thang")
    return { kind, fromYear: year, toYear: year, from: `${year}-01-01`, to: `${year}-06-30`, compare: true };
  if (kind === "tong-ket-nam") return { kind, fromYear: year, toYear: year, from: "", to: "", compare: true };
  if (kind === "chuyen-de") return { kind, modelTypeCode: firstType, compare: true };
  return { kind, from: "", to: "", compare: false, modelTypeCode: "" };
}

/** The options the preview procedure and the download URLs take (the shared schema validates them). */
export function toReportOptions(state: ReportFormState, draft: DraftState): TReportOptionsInput {
  const { from, to, compare, modelTypeCode, fromYear, toYear, ...rest } = state;
  return {
    ...rest,
    // A period by days names no years (years and days together are refused).
    ...(from && to ? { from, to } : { fromYear, toYear }),
    ...(compare ? { compare: "same-period-last-year" as const } : {}),
    ...(state.kind === "chuyen-de" && modelTypeCode ? { modelTypeCode } : {}),
    formerProvinceCode: state.formerProvinceCode || undefined,
    issuingBody: state.issuingBody || undefined,
    date: state.date || undefined,
    recipients: state.recipients
      .split("\n")
      .map((r) => r.trim())
      .filter(Boolean),
    draftId: draft.saved?.id,
  };
}

/** The heading fields a draft saves, and restores when it is opened. */
export const headingOf = (f: ReportFormState) => ({
  supervisingBody: f.supervisingBody,
  issuingBody: f.issuingBody,
  signerTitle: f.signerTitle,
  signerName: f.signerName,
});
