/** The app's frame: navigation groups, the scope line of slides and prints, the print heading. */
export const layoutVi = {
  "layout.skipToContent": "Bỏ qua đến nội dung",
  "layout.menu": "Menu",
  "layout.menu.close": "Đóng menu",
  "layout.nav.dashboards": "Bảng số liệu",
  "layout.nav.records": "Nhập liệu",
  "layout.nav.admin": "Quản trị",
  "layout.scope.province": "toàn địa bàn",
  "layout.scope.allYears": "mọi năm",
  "layout.scope.since": "từ năm {from}",
  "layout.scope.until": "đến năm {to}",
  "layout.scope.category": "nhóm {name}",
  "layout.scope.modelType": "mô hình {name}",
  "layout.scope.line": "Địa bàn: {place} · {years} · {view}",
  "layout.scope.cardsTitle": "Kết quả phong trào tại {place}, {years}",
  "layout.print.office": "PHÒNG XÂY DỰNG PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC",
  "layout.forbidden.title": "Không có quyền truy cập",
  "layout.forbidden.body":
    "Tài khoản của bạn không được dùng trang này. Hãy liên hệ quản trị viên nếu bạn cần quyền này.",
  "layout.forbidden.home": "Về trang tổng quan",
  "layout.notFound.title": "Không tìm thấy trang",
  "layout.scope.cardsTitleNation": "Kết quả phong trào trên {place}, {years}",
} as const;
