/** App shell, navigation and the shared loading/empty/error states. */
export const commonVi = {
  "app.title": "Mô hình phong trào toàn dân bảo vệ an ninh Tổ quốc",
  "app.province": "Công an tỉnh Quảng Trị",
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

export const commonEn: Record<keyof typeof commonVi, string> = {
  "app.title": "Movement models: all people protect national security",
  "app.province": "Quảng Trị Provincial Police",
  "app.language": "Language",
  "nav.label": "Screens",
  "nav.overview": "Overview",
  "state.loading": "Loading figures…",
  "state.empty": "No figures for this filter yet.",
  "state.error": "Could not load the figures: {message}",
  "state.retry": "Retry",
  "date.placeholder": "yyyy-mm-dd",
  "date.calendar": "Calendar",
  "date.previousMonth": "Previous month",
  "date.nextMonth": "Next month",
};
