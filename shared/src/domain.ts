/** Domain enums shared by server, client and seed. Values match the database enums. */

export const MODEL_CATEGORIES = [
  "clan",
  "camera",
  "religious",
  "school",
  "enterprise",
  "residential",
  "border_sea",
  "ethnic_minority",
  "mass_organization",
  "online",
  "other",
] as const;
export type ModelCategory = (typeof MODEL_CATEGORIES)[number];

export const RELIGIONS = ["buddhism", "catholicism", "protestantism", "caodaism", "hoahao", "other"] as const;
export type Religion = (typeof RELIGIONS)[number];

export const SITE_STATUSES = ["active", "suspended", "dissolved"] as const;
export type SiteStatus = (typeof SITE_STATUSES)[number];

export const FUNDING_SOURCES = ["state_budget", "socialized", "mixed"] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

export const AWARD_ISSUERS = [
  "provincial_committee",
  "ministry",
  "department_v05",
  "provincial_police",
  "other",
] as const;
export type AwardIssuer = (typeof AWARD_ISSUERS)[number];

export const AWARD_FORMS = ["emulation_flag", "certificate_of_merit", "certificate"] as const;
export type AwardForm = (typeof AWARD_FORMS)[number];

export const RECIPIENT_KINDS = ["collective", "individual"] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

/** `approver`: leaders of the movement office, who read everything and approve unit-years (decision 025). */
export const ROLES = ["admin", "editor", "viewer", "approver"] as const;
export type Role = (typeof ROLES)[number];

/** What the audit log records someone did. */
export const AUDIT_ACTIONS = [
  "create",
  "update",
  "remove",
  "restore",
  "login",
  "login_alert",
  "logout",
  "export",
  "disable",
  "reset_password",
  "change_password",
  // Approval of a unit-year (decision 025).
  "submit",
  "approve",
  "return",
  "reopen",
  // An editor asks an admin to reopen a locked unit-year (issue 22).
  "request_reopen",
  // A response or file that carried citizens' names (issue 29, item 5).
  "read_names",
  // The daily check found the audit log's hash chain broken (decision 034).
  "audit_alert",
  // Second factor enrolled by its owner, or reset by an admin (issue 29).
  "enrol_totp",
  "reset_totp",
  // A person's name replaced across records by an admin (issue 29, item 5).
  "anonymise",
  // An admin saw an audit-chain alert's banner and closed it.
  "acknowledge_alert",
  // The signed exchange of approved figures (decision 052).
  "register_key",
  "receive_package",
  "refuse_package",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The years the source article reviews (tổng kết 15 năm 2007–2022). */

export const REVIEW_PERIOD = { fromYear: 2007, toYear: 2022 } as const;
/** Oldest year a record may carry. */
export const MIN_YEAR = 1990;

/**
 * Lower-case text without Vietnamese diacritics, for search: "Hải Lăng" → "hai lang",
 * "Dòng họ" → "dong ho". Đ/đ is not a combining mark, so it is mapped by hand.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** The search column of a record: its own texts and the names of its area and district, folded. */
export function searchTextOf(parts: (string | null | undefined)[]): string {
  return foldVietnamese(parts.filter(Boolean).join(" "));
}

/** The record types the audit trail names (its `entity` column). */
export const AUDIT_ENTITIES = [
  "site",
  "camera_installation",
  "award",
  "model_type",
  "user",
  "report",
  "report_draft",
  "demo_data",
  "approval",
  "map_layer",
  "import_batch",
  "target",
  "exchange_key",
  "exchange_package",
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

/** Every field a record, an account or an audit entry names, as forms and the history label them. */
export const RECORD_FIELDS = [
  "id",
  "isDemo",
  "deletedAt",
  "deleteReason",
  "districtCode",
  "districtName",
  "areaCode",
  "areaName",
  "modelTypeId",
  "modelTypeCode",
  "modelTypeName",
  "category",
  "name",
  "host",
  "establishedOn",
  "status",
  "statusChangedOn",
  "religion",
  "households",
  "members",
  "notes",
  "installedOn",
  "cameras",
  "recorders",
  "memoryCards",
  "costVnd",
  "fundingSource",
  "siteId",
  "year",
  "issuer",
  "form",
  "recipientKind",
  "recipientName",
  "decisionNumber",
  "description",
  "siteCount",
  "username",
  "displayName",
  "role",
  "disabledAt",
  "sessionsRevoked",
  "sessionId",
  "ip",
  "failures",
  "windowMinutes",
  "lastIp",
  // Commune scope of an account (decision 021).
  "communeCode",
  // Counts in the audit entry of "remove all demo records" (decision 023).
  "sites",
  "installations",
  "awards",
  "modelTypes",
  // A report draft (decision 019).
  "fromYear",
  "toYear",
  "supervisingBody",
  "issuingBody",
  "signerTitle",
  "signerName",
  "assessment",
  "shortcomings",
  "lessons",
  "directions",
  "proposals",
  // An approval of a unit-year (decision 025).
  "unitCode",
  "unitName",
  "state",
  "note",
  "reason",
  "approvedOnly",
  // Commune boundaries loaded for a map (decision 026).
  "list",
  "fileName",
  "attribution",
  "missing",
  "units",
  "loadedAt",
  "loadedBy",
] as const;
export type RecordField = (typeof RECORD_FIELDS)[number];

/**
 * Enums the vocabulary names and the schemas validate (defined here, not in the schemas, so that
 * the vocabulary and the message catalogue do not import the schemas, which import the catalogue).
 */
export const APPROVAL_STATES = ["draft", "submitted", "approved"] as const;
export type ApprovalState = (typeof APPROVAL_STATES)[number];
export const APPROVAL_UNIT_KINDS = ["district", "commune"] as const;
export type ApprovalUnitKind = (typeof APPROVAL_UNIT_KINDS)[number];
export const DASHBOARD_VIEWS = ["historical", "current"] as const;
export type DashboardView = (typeof DASHBOARD_VIEWS)[number];
export const REPORT_TABLES = ["sites", "cameras", "awards", "areas", "districts", "provinces"] as const;
export type ReportTable = (typeof REPORT_TABLES)[number];
export const REPORT_FORMATS = ["docx", "xlsx", "pdf"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
