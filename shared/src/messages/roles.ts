/**
 * Each role's daily path (issue 22): first password, password rules, locks on records and the
 * request to reopen, the approver's confirmation, a commune officer's home, the scope of an account.
 */
export const rolesVi = {
  "auth.first.heading": "Đổi mật khẩu lần đầu",
  "auth.first.intro":
    "Chào {name}. Mật khẩu hiện tại do quản trị viên đặt: hãy đặt mật khẩu của riêng bạn trước khi làm việc.",
  "auth.rules.length": "Ít nhất {min} ký tự",
  "auth.rules.match": "Hai lần nhập mật khẩu mới giống nhau",
  "auth.rules.met": "đạt",
  "auth.rules.unmet": "chưa đạt",
  "entry.lock.approved": "số liệu năm {year} của {unit} đã phê duyệt ngày {date}",
  "entry.lock.submitted": "số liệu năm {year} của {unit} đang chờ phê duyệt (gửi ngày {date})",
  "entry.lock.badge": "Đã khóa",
  "entry.lock.request": "Đề nghị mở lại",
  "entry.lock.requestHeading": "Đề nghị quản trị viên mở lại số liệu năm {year} của {unit}",
  "entry.lock.reason": "Lý do cần sửa",
  "entry.lock.send": "Gửi đề nghị",
  "entry.lock.cancel": "Hủy",
  "entry.lock.sent": "Đã gửi đề nghị mở lại số liệu năm {year} của {unit} tới quản trị viên.",
  "entry.date.today": "Hôm nay",
  "entry.area.commune": "Xã, phường, đặc khu",
  "entry.area.formerFirst": "Ngày trước 01/07/2025: chọn huyện cũ rồi xã, phường, thị trấn của huyện đó.",
  "approvals.records.link": "{count} bản ghi",
  "approvals.records.linkLabel": "Xem {count} bản ghi năm {year} của {unit}",
  "approvals.confirm.figures":
    "Số liệu sẽ được phê duyệt: {sites} điểm mô hình, {installations} đợt lắp đặt ({cameras} camera), {awards} khen thưởng.",
  "approvals.confirm.unfinished":
    "Năm {year} chưa kết thúc: sau khi phê duyệt, {unit} không thể nhập thêm số liệu của những tháng còn lại (ví dụ camera lắp trong tháng 12) cho đến khi quản trị viên mở lại.",
  "approvals.reopenRequest": "Đề nghị mở lại ({who}, {date}): {reason}",
  "approvals.requests.heading": "Đề nghị mở lại đang chờ ({count})",
  "approvals.mine": "Số liệu của {unit}",
  "approvals.showAll": "Xem mọi đơn vị",
  "home.commune.heading": "{unit}",
  "home.commune.intro": "Trang làm việc của {unit}: số liệu, hồ sơ và phê duyệt của xã.",
  "home.commune.sites": "Điểm mô hình của xã",
  "home.commune.cameras": "Camera an ninh của xã",
  "home.commune.awards": "Khen thưởng của xã",
  "home.commune.approvals": "Phê duyệt số liệu của xã",
  "home.commune.add": "Nhập đợt lắp đặt camera mới",
  "home.commune.figures": "Số liệu dưới đây là của {unit}.",
  "home.commune.widen": "Toàn tỉnh",
  "users.scope.choose": "— Chọn phạm vi —",
  "users.scope.required": "Vui lòng chọn phạm vi của biên tập viên (toàn tỉnh, một huyện cũ hoặc một xã).",
  "users.scope.loading": "Đang tải danh sách xã, phường, đặc khu…",
} as const;
