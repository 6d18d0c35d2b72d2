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
