import type { UnitList } from "./coverage.ts";
import type {
  ApprovalState,
  ApprovalUnitKind,
  AuditAction,
  AuditEntity,
  AwardForm,
  AwardIssuer,
  DashboardView,
  FundingSource,
  ModelCategory,
  RecipientKind,
  RecordField,
  Religion,
  ReportFormat,
  ReportTable,
  Role,
  SiteStatus,
} from "./domain.ts";
import type { Locale } from "./format.ts";

/**
 * Every domain word the user reads, in Vietnamese and English, written once: the screens (through
 * the i18n layer) and the documents (Word, PDF, Excel, CSV) read them here, so they cannot drift.
 * Modern orthography ("hóa", "Hòa"), as in the rest of the product. Keys are listed in the order of
 * the enums in domain.ts, which is the order `choices` offers them in. Choices: docs/decisions/010.
 */
type Label = { vi: string; en: string };
const words = <T extends string>(labels: Record<T, Label>) => labels;

export const VOCABULARY = {
  category: words<ModelCategory>({
    clan: { vi: "Dòng họ", en: "Clans" },
    camera: { vi: "Camera an ninh", en: "Security cameras" },
    religious: { vi: "Tôn giáo", en: "Religious communities" },
    school: { vi: "Trường học", en: "Schools" },
    enterprise: { vi: "Doanh nghiệp", en: "Enterprises" },
    residential: { vi: "Khu dân cư", en: "Residential areas" },
    border_sea: { vi: "Biên giới, biển đảo", en: "Border, sea and islands" },
    ethnic_minority: { vi: "Đồng bào dân tộc thiểu số", en: "Ethnic minorities" },
    mass_organization: { vi: "Đoàn thể", en: "Mass organisations" },
    online: { vi: "Trên không gian mạng", en: "Online" },
    other: { vi: "Khác", en: "Other" },
  }),
  religion: words<Religion>({
    buddhism: { vi: "Phật giáo", en: "Buddhism" },
    catholicism: { vi: "Công giáo", en: "Catholicism" },
    protestantism: { vi: "Tin Lành", en: "Protestantism" },
    caodaism: { vi: "Cao Đài", en: "Caodaism" },
    hoahao: { vi: "Phật giáo Hòa Hảo", en: "Hòa Hảo Buddhism" },
    other: { vi: "Tôn giáo khác", en: "Other religions" },
  }),
  status: words<SiteStatus>({
    active: { vi: "Đang hoạt động", en: "Active" },
    suspended: { vi: "Tạm dừng", en: "Suspended" },
    dissolved: { vi: "Đã giải thể", en: "Dissolved" },
  }),
  funding: words<FundingSource>({
    state_budget: { vi: "Ngân sách nhà nước", en: "State budget" },
    socialized: { vi: "Xã hội hóa", en: "Socialised (non-state)" },
    mixed: { vi: "Kết hợp", en: "Mixed" },
  }),
  issuer: words<AwardIssuer>({
    provincial_committee: { vi: "UBND tỉnh", en: "Provincial People's Committee" },
    ministry: { vi: "Bộ Công an", en: "Ministry of Public Security" },
    department_v05: { vi: "Cục V05", en: "Department V05" },
    provincial_police: { vi: "Giám đốc Công an tỉnh", en: "Provincial Police Director" },
    other: { vi: "Cấp khác", en: "Other issuers" },
  }),
  awardForm: words<AwardForm>({
    emulation_flag: { vi: "Cờ thi đua", en: "Emulation flag" },
    certificate_of_merit: { vi: "Bằng khen", en: "Certificate of merit" },
    certificate: { vi: "Giấy khen", en: "Certificate" },
  }),
  recipientKind: words<RecipientKind>({
    collective: { vi: "Tập thể", en: "Collectives" },
    individual: { vi: "Cá nhân", en: "Individuals" },
  }),
  /** How figures group records below the former districts (decision 022). */
  view: words<DashboardView>({
    historical: { vi: "theo đơn vị hành chính tại thời điểm ghi nhận", en: "by the units of the record's date" },
    current: { vi: "theo xã, phường, đặc khu hiện nay", en: "by today's communes" },
  }),
  /** The list a coverage figure counts (decision 027), after its total: "19/78 xã, phường, đặc khu hiện nay". */
  unitList: words<UnitList>({
    three_level: { vi: "địa bàn cấp xã trước 01/07/2025", en: "commune-level areas before 01/07/2025" },
    two_level: { vi: "xã, phường, đặc khu hiện nay", en: "communes, wards and special zone of today" },
  }),
  role: words<Role>({
    admin: { vi: "Quản trị viên", en: "Administrator" },
    editor: { vi: "Cán bộ nhập liệu", en: "Data-entry officer" },
    viewer: { vi: "Lãnh đạo (chỉ xem)", en: "Leader (read only)" },
    approver: { vi: "Lãnh đạo phê duyệt", en: "Approving leader" },
  }),
  /** The state of a unit-year's figures (decision 025); "returned" is a draft with a reason. */
  approvalState: words<ApprovalState>({
    draft: { vi: "Chưa gửi duyệt", en: "Not submitted" },
    submitted: { vi: "Chờ phê duyệt", en: "Awaiting approval" },
    approved: { vi: "Đã phê duyệt", en: "Approved" },
  }),
  approvalUnitKind: words<ApprovalUnitKind>({
    district: { vi: "Huyện cũ (số liệu đến 30/06/2025)", en: "Former district (data until 30/06/2025)" },
    commune: { vi: "Xã, phường, đặc khu hiện nay", en: "Commune of today" },
  }),
  auditAction: words<AuditAction>({
    create: { vi: "Tạo mới", en: "Created" },
    update: { vi: "Sửa", en: "Edited" },
    remove: { vi: "Xóa", en: "Deleted" },
    restore: { vi: "Khôi phục", en: "Restored" },
    login: { vi: "Đăng nhập", en: "Signed in" },
    login_alert: { vi: "Cảnh báo dò mật khẩu", en: "Password-guessing alert" },
    logout: { vi: "Đăng xuất", en: "Signed out" },
    export: { vi: "Xuất báo cáo", en: "Exported" },
    disable: { vi: "Khóa tài khoản", en: "Account disabled" },
    reset_password: { vi: "Đặt lại mật khẩu", en: "Password reset" },
    change_password: { vi: "Đổi mật khẩu", en: "Password changed" },
    submit: { vi: "Gửi duyệt", en: "Submitted" },
    approve: { vi: "Phê duyệt", en: "Approved" },
    return: { vi: "Trả lại", en: "Returned" },
    reopen: { vi: "Mở lại", en: "Reopened" },
    request_reopen: { vi: "Đề nghị mở lại", en: "Reopening requested" },
    read_names: { vi: "Xem tên người được khen", en: "Read recipients' names" },
    audit_alert: { vi: "Cảnh báo: nhật ký bị sửa", en: "Alert: audit log tampered" },
    enrol_totp: { vi: "Bật xác thực hai lớp", en: "Two-step verification on" },
    reset_totp: { vi: "Đặt lại xác thực hai lớp", en: "Two-step verification reset" },
    anonymise: { vi: "Ẩn danh tên người", en: "Name anonymised" },
    acknowledge_alert: { vi: "Đã xem cảnh báo", en: "Alert acknowledged" },
    register_key: { vi: "Đăng ký khóa công khai", en: "Public key registered" },
    receive_package: { vi: "Nhận gói số liệu", en: "Figures package received" },
    refuse_package: { vi: "Từ chối gói số liệu", en: "Figures package refused" },
  }),
  reportFormat: words<ReportFormat>({
    docx: { vi: "Word", en: "Word" },
    xlsx: { vi: "Excel", en: "Excel" },
    pdf: { vi: "PDF", en: "PDF" },
  }),
  reportTable: words<ReportTable>({
    sites: { vi: "Điểm mô hình", en: "Model sites" },
    cameras: { vi: "Lắp đặt camera", en: "Camera installations" },
    awards: { vi: "Khen thưởng", en: "Awards" },
    areas: { vi: "Địa bàn cấp xã", en: "Commune-level areas" },
    districts: { vi: "Huyện, thị xã, thành phố", en: "Districts" },
    provinces: { vi: "Tỉnh, thành phố", en: "Provinces" },
  }),
  /** The record types the audit trail names (its `entity` column). */
  entity: words<AuditEntity>({
    site: { vi: "Điểm mô hình", en: "Model site" },
    camera_installation: { vi: "Đợt lắp đặt camera", en: "Camera installation" },
    award: { vi: "Khen thưởng", en: "Award" },
    model_type: { vi: "Loại mô hình", en: "Model type" },
    user: { vi: "Tài khoản", en: "Account" },
    report: { vi: "Báo cáo", en: "Report" },
    report_draft: { vi: "Bản nháp báo cáo", en: "Report draft" },
    demo_data: { vi: "Số liệu minh họa", en: "Demo data" },
    approval: { vi: "Phê duyệt số liệu", en: "Data approval" },
    map_layer: { vi: "Ranh giới bản đồ cấp xã", en: "Commune-level map boundaries" },
    import_batch: { vi: "Lần nhập từ tệp", en: "Import from a file" },
    target: { vi: "Chỉ tiêu", en: "Target" },
    exchange_key: { vi: "Khóa công khai của tỉnh", en: "Province's public key" },
    exchange_package: { vi: "Gói số liệu", en: "Figures package" },
  }),
  /**
   * The fields of records, accounts and audit entries, as forms label them and the history names
   * them (the client's "entry.field.*" messages are these words).
   */
  field: words<RecordField>({
    id: { vi: "Mã", en: "Id" },
    isDemo: { vi: "Dữ liệu mẫu", en: "Demo data" },
    deletedAt: { vi: "Thời điểm xóa", en: "Removed at" },
    deleteReason: { vi: "Lý do xóa", en: "Reason for removal" },
    districtCode: { vi: "Huyện, thị xã, thành phố", en: "District" },
    districtName: { vi: "Tên huyện", en: "District name" },
    areaCode: { vi: "Địa bàn cấp xã", en: "Commune-level area" },
    areaName: { vi: "Tên xã", en: "Commune name" },
    modelTypeId: { vi: "Loại mô hình", en: "Model type" },
    modelTypeCode: { vi: "Mã loại mô hình", en: "Model type code" },
    modelTypeName: { vi: "Tên loại mô hình", en: "Model type name" },
    category: { vi: "Nhóm mô hình", en: "Model group" },
    name: { vi: "Tên điểm mô hình", en: "Site name" },
    host: { vi: "Đơn vị chủ trì / dòng họ", en: "Host unit / clan" },
    establishedOn: { vi: "Ngày thành lập", en: "Established on" },
    status: { vi: "Trạng thái", en: "Status" },
    statusChangedOn: { vi: "Ngày tạm dừng / giải thể", en: "Suspended / dissolved on" },
    religion: { vi: "Tôn giáo", en: "Religion" },
    households: { vi: "Số hộ", en: "Households" },
    members: { vi: "Số thành viên", en: "Members" },
    notes: { vi: "Ghi chú", en: "Notes" },
    installedOn: { vi: "Ngày lắp đặt", en: "Installed on" },
    cameras: { vi: "Số mắt camera", en: "Cameras" },
    recorders: { vi: "Số đầu thu", en: "Recorders" },
    memoryCards: { vi: "Số thẻ nhớ", en: "Memory cards" },
    costVnd: { vi: "Kinh phí (đồng)", en: "Cost (VND)" },
    fundingSource: { vi: "Nguồn kinh phí", en: "Funding source" },
    siteId: { vi: "Điểm mô hình", en: "Model site" },
    year: { vi: "Năm", en: "Year" },
    issuer: { vi: "Cấp khen thưởng", en: "Awarded by" },
    form: { vi: "Hình thức", en: "Form" },
    recipientKind: { vi: "Tập thể / cá nhân", en: "Collective / individual" },
    recipientName: { vi: "Tập thể / cá nhân được khen", en: "Recipient" },
    decisionNumber: { vi: "Số quyết định", en: "Decision number" },
    description: { vi: "Mô tả", en: "Description" },
    siteCount: { vi: "Số điểm", en: "Sites" },
    username: { vi: "Tên đăng nhập", en: "Username" },
    displayName: { vi: "Họ tên", en: "Full name" },
    role: { vi: "Vai trò", en: "Role" },
    disabledAt: { vi: "Thời điểm khóa", en: "Disabled at" },
    sessionsRevoked: { vi: "Số phiên bị kết thúc", en: "Sessions ended" },
    sessionId: { vi: "Phiên", en: "Session" },
    ip: { vi: "Địa chỉ IP", en: "IP address" },
    failures: { vi: "Số lần đăng nhập sai", en: "Failed sign-ins" },
    windowMinutes: { vi: "Trong (phút)", en: "Within (minutes)" },
    lastIp: { vi: "Địa chỉ IP cuối", en: "Last IP address" },
    communeCode: { vi: "Xã, phường, đặc khu hiện nay", en: "Commune of today" },
    sites: { vi: "Số điểm mô hình", en: "Model sites" },
    installations: { vi: "Số lần lắp đặt camera", en: "Camera installations" },
    awards: { vi: "Số khen thưởng", en: "Awards" },
    modelTypes: { vi: "Số loại mô hình", en: "Model types" },
    fromYear: { vi: "Từ năm", en: "From year" },
    toYear: { vi: "Đến năm", en: "To year" },
    supervisingBody: { vi: "Cơ quan chủ quản", en: "Supervising agency" },
    issuingBody: { vi: "Cơ quan ban hành", en: "Issuing agency" },
    signerTitle: { vi: "Chức vụ người ký", en: "Signer's title" },
    signerName: { vi: "Họ tên người ký", en: "Signer's name" },
    assessment: { vi: "Đánh giá chung", en: "General assessment" },
    shortcomings: { vi: "Tồn tại, hạn chế và nguyên nhân", en: "Shortcomings and causes" },
    lessons: { vi: "Bài học kinh nghiệm", en: "Lessons learnt" },
    directions: { vi: "Phương hướng, nhiệm vụ", en: "Directions and tasks" },
    proposals: { vi: "Đề xuất, kiến nghị", en: "Proposals" },
    unitCode: { vi: "Mã đơn vị", en: "Unit code" },
    unitName: { vi: "Đơn vị", en: "Unit" },
    state: { vi: "Trạng thái phê duyệt", en: "Approval state" },
    note: { vi: "Ghi chú khi gửi", en: "Note on submitting" },
    reason: { vi: "Lý do", en: "Reason" },
    approvedOnly: { vi: "Chỉ số liệu đã phê duyệt", en: "Approved figures only" },
    list: {
      vi: "Danh mục đơn vị (three_level: trước 01/07/2025; two_level: từ 01/07/2025)",
      en: "List of units (three_level: before 01/07/2025; two_level: from 01/07/2025)",
    },
    fileName: { vi: "Tên tệp", en: "File name" },
    attribution: { vi: "Nguồn ranh giới", en: "Source of the boundaries" },
    missing: { vi: "Đơn vị không có trong tệp", en: "Units left out of the file" },
    units: { vi: "Số đơn vị có ranh giới", en: "Units with a boundary" },
    loadedAt: { vi: "Thời điểm nạp", en: "Loaded at" },
    loadedBy: { vi: "Người nạp", en: "Loaded by" },
  }),
} as const;

export type VocabularyKind = keyof typeof VOCABULARY;
export type VocabularyValue<K extends VocabularyKind> = keyof (typeof VOCABULARY)[K] & string;

const entries = <K extends VocabularyKind>(kind: K) => VOCABULARY[kind] as Record<VocabularyValue<K>, Label>;

/** The word for an enum value: label("religion", "hoahao") → "Phật giáo Hòa Hảo". */
export function label<K extends VocabularyKind>(kind: K, value: VocabularyValue<K>, locale: Locale = "vi"): string {
  return entries(kind)[value][locale];
}

/** Whether a string from outside the types (an audit row, a URL) is a value of this kind. */
export function isValue<K extends VocabularyKind>(kind: K, value: string): value is VocabularyValue<K> {
  return Object.hasOwn(VOCABULARY[kind], value);
}

/** The values of a kind with their words, in the enum's order: the options of a select. */
export function choices<K extends VocabularyKind>(kind: K, locale: Locale = "vi") {
  return (Object.keys(VOCABULARY[kind]) as VocabularyValue<K>[]).map((value) => ({
    value,
    label: label(kind, value, locale),
  }));
}
