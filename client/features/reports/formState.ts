import { isoOf } from "@qt/shared/dates";
import { REVIEW_PERIOD } from "@qt/shared/domain";
import {
  DEFAULT_ISSUING_BODY,
  DEFAULT_RECIPIENTS,
  DEFAULT_REPORT_TITLE,
  REPORT_SECTIONS,
  type ReportSection,
  type TReportOptionsInput,
} from "@qt/shared/schemas/reports";

/** The builder's fields as the inputs hold them (recipients as one line each in a textarea). */
export type ReportFormState = {
  /** "" = the whole province of today. */
  formerProvinceCode: "" | "45" | "44";
  view: "historical" | "current";
  fromYear: number;
  toYear: number;
  districtCodes: string[];
  sections: ReportSection[];
  title: string;
  issuingBody: string;
  documentNumber: string;
  place: string;
  date: string;
  signerTitle: string;
  signerName: string;
  recipients: string;
};

export function initialReportForm(today = new Date()): ReportFormState {
  return {
    formerProvinceCode: "",
    view: "historical",
    fromYear: REVIEW_PERIOD.fromYear,
    toYear: REVIEW_PERIOD.toYear,
    districtCodes: [],
    sections: [...REPORT_SECTIONS],
    title: DEFAULT_REPORT_TITLE,
    issuingBody: DEFAULT_ISSUING_BODY,
    documentNumber: "/BC-CAT",
    place: "Quảng Trị",
    date: isoOf(today),
    signerTitle: "GIÁM ĐỐC",
    signerName: "",
    recipients: DEFAULT_RECIPIENTS.join("\n"),
  };
}

/** The options the preview procedure and the download URLs take (the shared schema validates them). */
export function toReportOptions(state: ReportFormState): TReportOptionsInput {
  return {
    ...state,
    formerProvinceCode: state.formerProvinceCode || undefined,
    date: state.date || undefined,
    recipients: state.recipients
      .split("\n")
      .map((r) => r.trim())
      .filter(Boolean),
  };
}
