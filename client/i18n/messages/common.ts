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
} as const;

export const commonEn: Record<keyof typeof commonVi, string> = {
  "app.title": "Movement models: all people protect national security",
  "app.language": "Language",
  "nav.label": "Screens",
  "nav.overview": "Overview",
  "state.loading": "Loading figures…",
  "state.empty": "No figures for this filter yet.",
  "state.error": "Could not load the figures: {message}",
  "state.retry": "Retry",
};
