/** Demo data: the badge on figures that include demo records, the admins' notice and the removal. */
export const demoVi = {
  "demo.badge": "Có số liệu minh họa",
  "demo.badge.detail":
    "{count} bản ghi minh họa (điểm mô hình, lần lắp đặt camera và khen thưởng thuộc phạm vi đang xem; dữ liệu mẫu để dùng thử, không phải số liệu thực tế).",
  "demo.notice.title": "Cơ sở dữ liệu này có dữ liệu minh họa",
  "demo.notice.body":
    "Để dùng thử phần mềm, cơ sở dữ liệu đã được nạp sẵn {total} bản ghi minh họa (không phải số liệu thực tế): {sites} điểm mô hình, {installations} lần lắp đặt camera và {awards} khen thưởng. Mọi màn hình, trang trình chiếu và báo cáo có tính các bản ghi này đều ghi “Có số liệu minh họa” và số bản ghi minh họa thuộc phạm vi của nó (toàn tỉnh, mọi năm: {total}). Trước khi nhập số liệu thật, hãy xóa toàn bộ dữ liệu minh họa; việc xóa được ghi nhật ký và không nạp lại.",
  "demo.notice.dismiss": "Đã hiểu, ẩn thông báo",
  "demo.notice.close": "Đóng",
  "demo.remove.open": "Xóa toàn bộ dữ liệu minh họa…",
  "demo.remove.title": "Xóa toàn bộ dữ liệu minh họa?",
  "demo.remove.body":
    "Sẽ xóa hẳn {sites} điểm mô hình, {installations} lần lắp đặt camera, {awards} khen thưởng và {modelTypes} loại mô hình minh họa. Bản ghi thật không bị xóa. Không thể hoàn tác; dữ liệu minh họa sẽ không được nạp lại vào cơ sở dữ liệu này.",
  "demo.remove.blocked":
    "Chưa xóa được: {awards} khen thưởng và {installations} lần lắp đặt camera thật gắn với điểm minh họa, {sites} điểm thật thuộc loại mô hình minh họa. Bỏ liên kết các bản ghi đó trước.",
  "demo.remove.confirm": "Xóa dữ liệu minh họa",
  "demo.remove.cancel": "Hủy",
  "demo.remove.done":
    "Đã xóa {sites} điểm mô hình, {installations} lần lắp đặt camera và {awards} khen thưởng minh họa.",
  "demo.panel.heading": "Dữ liệu minh họa",
  "demo.panel.none": "Cơ sở dữ liệu không còn dữ liệu minh họa.",
} as const;

export const demoEn: Record<keyof typeof demoVi, string> = {
  "demo.badge": "Includes demo data",
  "demo.badge.detail":
    "{count} demo records (model sites, camera installations and awards in the scope shown; sample data for trying the product, not real figures).",
  "demo.notice.title": "This database holds demo data",
  "demo.notice.body":
    "To try the product, the database was loaded with {total} demo records (not real figures): {sites} model sites, {installations} camera installations and {awards} awards. Every screen, slide and report that counts them says “Includes demo data” and how many demo records lie in its scope (whole province, every year: {total}). Before entering real records, remove all demo data; the removal is audited and the demo data is never loaded again.",
  "demo.notice.dismiss": "Understood, hide this notice",
  "demo.notice.close": "Close",
  "demo.remove.open": "Remove all demo data…",
  "demo.remove.title": "Remove all demo data?",
  "demo.remove.body":
    "This permanently deletes {sites} model sites, {installations} camera installations, {awards} awards and {modelTypes} model types that are demo records. Real records are kept. It cannot be undone; demo data will not be loaded into this database again.",
  "demo.remove.blocked":
    "Cannot remove yet: {awards} real awards and {installations} real camera installations are linked to demo sites, {sites} real sites belong to demo model types. Unlink those records first.",
  "demo.remove.confirm": "Remove demo data",
  "demo.remove.cancel": "Cancel",
  "demo.remove.done": "Removed {sites} model sites, {installations} camera installations and {awards} awards (demo).",
  "demo.panel.heading": "Demo data",
  "demo.panel.none": "The database holds no demo data.",
};
