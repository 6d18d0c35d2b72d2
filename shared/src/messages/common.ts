/** App shell, navigation and the shared loading/empty/error states. */
export const commonVi = {
  "app.title": "Mô hình phong trào toàn dân bảo vệ an ninh Tổ quốc",
  "app.language": "Ngôn ngữ",
  "nav.label": "Các màn hình",
  "nav.overview": "Tổng quan",
  "state.loading": "Đang tải số liệu…",
  "state.empty": "Chưa có số liệu cho bộ lọc này.",
  "state.error": "Không tải được số liệu: {message}",
  "state.retry": "Thử lại",
  "date.placeholder": "dd/mm/yyyy",
  "date.calendar": "Lịch",
  "date.previousMonth": "Tháng trước",
  "date.nextMonth": "Tháng sau",
} as const;
