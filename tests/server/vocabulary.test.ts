import { describe, expect, it } from "vitest";
import { UNIT_LISTS } from "../../shared/src/coverage.ts";
import {
  AUDIT_ACTIONS,
  AUDIT_ENTITIES,
  AWARD_FORMS,
  AWARD_ISSUERS,
  FUNDING_SOURCES,
  MODEL_CATEGORIES,
  RECIPIENT_KINDS,
  RECORD_FIELDS,
  RELIGIONS,
  ROLES,
  SITE_STATUSES,
} from "../../shared/src/domain.ts";
import { APPROVAL_STATES, APPROVAL_UNIT_KINDS } from "../../shared/src/schemas/approvals.ts";
import { DASHBOARD_VIEWS } from "../../shared/src/schemas/dashboard.ts";
import { REPORT_FORMATS, REPORT_TABLES } from "../../shared/src/schemas/reports.ts";
import { choices, isValue, label, VOCABULARY, type VocabularyKind } from "../../shared/src/vocabulary.ts";

const ENUMS: Record<VocabularyKind, readonly string[]> = {
  category: MODEL_CATEGORIES,
  religion: RELIGIONS,
  status: SITE_STATUSES,
  funding: FUNDING_SOURCES,
  issuer: AWARD_ISSUERS,
  awardForm: AWARD_FORMS,
  recipientKind: RECIPIENT_KINDS,
  role: ROLES,
  auditAction: AUDIT_ACTIONS,
  approvalState: APPROVAL_STATES,
  approvalUnitKind: APPROVAL_UNIT_KINDS,
  view: DASHBOARD_VIEWS,
  unitList: UNIT_LISTS,
  reportFormat: REPORT_FORMATS,
  reportTable: REPORT_TABLES,
  entity: AUDIT_ENTITIES,
  field: RECORD_FIELDS,
};
const kinds = Object.keys(ENUMS) as VocabularyKind[];

describe("the one vocabulary of domain words", () => {
  it("has a Vietnamese and an English word for every value of every enum, in the enum's order", () => {
    expect(Object.keys(VOCABULARY).sort()).toEqual([...kinds].sort());
    for (const kind of kinds) {
      expect(choices(kind).map((c) => c.value)).toEqual([...ENUMS[kind]]);
      for (const { value } of choices(kind)) {
        expect(label(kind, value, "vi").trim()).not.toBe("");
        expect(label(kind, value, "en").trim()).not.toBe("");
      }
    }
  });

  it("gives one word per value, in modern orthography (hóa, Hòa), distinct within a kind", () => {
    expect(label("funding", "socialized")).toBe("Xã hội hóa");
    expect(label("religion", "hoahao")).toBe("Phật giáo Hòa Hảo");
    expect(choices("religion", "en").find((c) => c.value === "hoahao")?.label).toBe("Hòa Hảo Buddhism");
    for (const kind of kinds) {
      for (const locale of ["vi", "en"] as const) {
        const words = choices(kind, locale).map((c) => c.label);
        // Old-style tone placement on a final "oa"/"oe"/"uy" (hoá, Hoà, thuý; not Đoàn) is the drift ended here.
        if (locale === "vi")
          for (const w of words) expect(w.normalize("NFC")).not.toMatch(/(o[àáảãạ]|o[èéẻẽẹ]|u[ỳýỷỹỵ])(?!\p{L})/u);
        expect(new Set(words).size).toBe(words.length);
      }
    }
  });

  it("tells a known value from an unknown string", () => {
    expect(isValue("auditAction", "export")).toBe(true);
    expect(isValue("auditAction", "toString")).toBe(false);
    expect(isValue("role", "root")).toBe(false);
  });
});
