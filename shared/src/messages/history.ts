/** How the history and the audit log name records and describe exports (shared/src/history.ts). */
export const HISTORY_MESSAGES = {
  "history.site": { vi: "Điểm {name} tại {area}", en: "Site {name} in {area}" },
  "history.camera": { vi: "Camera tại {area}, lắp {date}", en: "Cameras in {area}, installed {date}" },
  "history.award": { vi: "Khen thưởng {year}: {form} cho {recipient}", en: "Award {year}: {form} to {recipient}" },
  "history.modelType": { vi: "Loại mô hình {name}", en: "Model type {name}" },
  "history.user": { vi: "Tài khoản {name}", en: "Account {name}" },
  "history.report": { vi: "Báo cáo {format}", en: "{format} report" },
  "history.table": { vi: "Bảng {table} (CSV)", en: "{table} table (CSV)" },
  "history.approval": { vi: "Số liệu năm {year} của {unit}", en: "The {year} figures of {unit}" },
  "history.other": { vi: "{entity} số {id}", en: "{entity} no. {id}" },
  "history.exportReport": {
    vi: "Xuất báo cáo {format}, {scope}, {years}",
    en: "Exported the {format} report, {scope}, {years}",
  },
  "history.exportTable": {
    vi: "Xuất bảng {table} (CSV), {scope}, {years}",
    en: "Exported the {table} table (CSV), {scope}, {years}",
  },
  "history.viaCli": { vi: "từ dòng lệnh", en: "from the command line" },
  "history.province": { vi: "toàn tỉnh", en: "whole province" },
  "history.yes": { vi: "Có", en: "Yes" },
  "history.no": { vi: "Không", en: "No" },
} as const;
