/** How the history and the audit log name records and describe exports (shared/src/history.ts). */
export const historyVi = {
  "history.site": "Điểm {name} tại {area}",
  "history.camera": "Camera tại {area}, lắp {date}",
  "history.award": "Khen thưởng {year}: {form} cho {recipient}",
  "history.modelType": "Loại mô hình {name}",
  "history.user": "Tài khoản {name}",
  "history.report": "Báo cáo {format}",
  "history.table": "Bảng {table} (CSV)",
  "history.approval": "Số liệu năm {year} của {unit}",
  "history.other": "{entity} số {id}",
  "history.exportReport": "Xuất báo cáo {format}, {scope}, {years}",
  "history.exportTable": "Xuất bảng {table} (CSV), {scope}, {years}",
  "history.viaCli": "từ dòng lệnh",
  "history.province": "toàn tỉnh",
  "history.yes": "Có",
  "history.no": "Không",
} as const;
