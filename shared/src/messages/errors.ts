/**
 * Messages the server sends with an error (docs/decisions/020): keys are stable, the client
 * renders them in the user's language. Placeholders are written {name}; a capitalised
 * placeholder ({What}) capitalises its value.
 */
export const ERROR_MESSAGES = {
  "system.error": { vi: "Lỗi hệ thống, vui lòng thử lại sau.", en: "System error, please try again later." },
  "system.concurrentSave": {
    vi: "Một người khác vừa lưu cùng dữ liệu này. Vui lòng tải lại rồi thử lại.",
    en: "Someone else has just saved the same data. Please reload and try again.",
  },
  "system.invalid": { vi: "Dữ liệu không hợp lệ", en: "Invalid data" },
  "network.unreachable": {
    vi: "Không kết nối được máy chủ. Hãy kiểm tra mạng rồi thử lại.",
    en: "Cannot reach the server. Check the network and try again.",
  },
  "network.badResponse": {
    vi: "Máy chủ trả lời không đúng dạng (có thể đang khởi động lại). Hãy thử lại sau ít phút.",
    en: "The server sent an unexpected answer (it may be restarting). Try again in a few minutes.",
  },
  "request.badCharacter": {
    vi: "Yêu cầu có ký tự không hợp lệ (ký tự điều khiển hoặc mã hóa hỏng) trong tên tệp hoặc một tham số; hãy sửa rồi thử lại.",
    en: "The request has an invalid character (a control character or broken encoding) in a file name or a parameter; correct it and try again.",
  },
  "request.tooLarge": { vi: "Yêu cầu quá lớn.", en: "The request is too large." },
  "auth.loginRequired": { vi: "Vui lòng đăng nhập.", en: "Please sign in." },
  "auth.badCredentials": {
    vi: "Tên đăng nhập hoặc mật khẩu không đúng.",
    en: "Wrong username or password.",
  },
  "auth.throttled": {
    vi: "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {minutes} phút.",
    en: "Too many failed sign-ins. Please try again in {minutes} minutes.",
  },
  "auth.wrongPassword": { vi: "Mật khẩu hiện tại không đúng.", en: "The current password is wrong." },
  "auth.samePassword": {
    vi: "Mật khẩu mới phải khác mật khẩu hiện tại.",
    en: "The new password must differ from the current one.",
  },
  "auth.sessionNotFound": {
    vi: "Không có phiên đăng nhập này của bạn (có thể đã kết thúc).",
    en: "You have no such session (it may have ended already).",
  },
  "auth.mustChangePassword": {
    vi: "Mật khẩu này do quản trị viên đặt: hãy đổi mật khẩu trước khi làm việc.",
    en: "This password was set by an administrator: change it before you continue.",
  },
  "auth.codeRequired": {
    vi: "Tài khoản có xác thực hai lớp: nhập mã 6 số trên ứng dụng xác thực (hoặc một mã khôi phục).",
    en: "This account has two-step verification: enter the 6-digit code from the authenticator app (or a recovery code).",
  },
  "auth.badCode": {
    vi: "Mã xác thực không đúng, đã dùng hoặc đã hết hạn.",
    en: "The verification code is wrong, already used or expired.",
  },
  "auth.totpAlreadyOn": {
    vi: "Tài khoản đã có xác thực hai lớp. Muốn đổi thiết bị, nhờ quản trị viên đặt lại.",
    en: "Two-step verification is already on. To change device, ask an administrator to reset it.",
  },
  "auth.totpNotBegun": {
    vi: "Chưa bắt đầu đăng ký xác thực hai lớp: hãy tạo mã QR trước.",
    en: "Two-step enrolment has not begun: create the QR code first.",
  },
  "auth.mustEnrolTotp": {
    vi: "Vai trò của bạn bắt buộc xác thực hai lớp: hãy đăng ký trước khi làm việc.",
    en: "Your role requires two-step verification: enrol before you continue.",
  },
  "auth.csrf": {
    vi: "Yêu cầu bị từ chối vì không đến từ ứng dụng (chống giả mạo yêu cầu liên trang).",
    en: "Request refused: it did not come from the application (cross-site request forgery guard).",
  },
  "role.viewerReadOnly": {
    vi: "Tài khoản của bạn chỉ được xem, không được sửa dữ liệu.",
    en: "Your account may only view data, not change it.",
  },
  "role.approverReadOnly": {
    vi: "Tài khoản lãnh đạo phê duyệt chỉ xem và phê duyệt số liệu, không sửa dữ liệu.",
    en: "An approving leader's account views and approves figures; it does not change data.",
  },
  "role.approverOnly": {
    vi: "Chỉ lãnh đạo phê duyệt và quản trị viên được phê duyệt hoặc trả lại số liệu.",
    en: "Only approving leaders and administrators may approve or return figures.",
  },
  "role.adminOnly": {
    vi: "Chức năng này chỉ dành cho quản trị viên.",
    en: "Only administrators may use this function.",
  },
  "scope.ownDistrict": {
    vi: "Bạn chỉ được cập nhật dữ liệu của huyện, thị xã, thành phố mình phụ trách.",
    en: "You may only change data of the district you are responsible for.",
  },
  "scope.ownCommune": {
    vi: "Bạn chỉ được cập nhật dữ liệu của {commune} và của các địa bàn trước 01/07/2025 nay thuộc {commune}.",
    en: "You may only change data of {commune} and of the areas before 01/07/2025 that are now part of {commune}.",
  },
  "scope.provinceAward": {
    vi: "Khen thưởng cấp tỉnh chỉ do cán bộ cấp tỉnh cập nhật.",
    en: "Only province-level officers may change province-level awards.",
  },
  "scope.deletedAdminOnly": {
    vi: "Chỉ quản trị viên được xem bản ghi đã xóa.",
    en: "Only administrators may see removed records.",
  },
  "record.notFound": {
    vi: "Không tìm thấy {what} (có thể đã bị xóa).",
    en: "{What} not found (it may have been removed).",
  },
  "record.conflict": {
    vi: "Bản ghi vừa được người khác thay đổi. Hãy xem lại thay đổi của họ rồi nhập lại sửa đổi của bạn.",
    en: "Someone else has just changed this record. Review their change, then enter yours again.",
  },
  "record.notDeleted": {
    vi: "Bản ghi này chưa bị xóa, không cần khôi phục.",
    en: "This record has not been removed; there is nothing to restore.",
  },
  "record.duplicateSite": {
    vi: "Có thể trùng: địa bàn này đã có điểm cùng loại mô hình và cùng tên.",
    en: "Possible duplicate: this area already has a site of the same model type with the same name.",
  },
  "record.duplicateCamera": {
    vi: "Có thể trùng: địa bàn này đã có đợt lắp đặt camera cùng ngày.",
    en: "Possible duplicate: this area already has a camera installation on the same day.",
  },
  "record.duplicateAward": {
    vi: "Có thể trùng: đã có khen thưởng cùng năm, cùng hình thức cho người nhận này.",
    en: "Possible duplicate: this recipient already has an award of the same form in the same year.",
  },
  "area.codeNotFound": { vi: "Không tìm thấy địa bàn có mã {code}", en: "No area has the code {code}" },
  "area.communeLevel": {
    vi: "Vui lòng chọn địa bàn cấp xã (xã, phường, thị trấn)",
    en: "Please choose a commune-level area (commune, ward, township)",
  },
  "area.reorganised2025": {
    vi: "Từ 01/07/2025 địa bàn này đã được sắp xếp lại: hãy chọn xã, phường, đặc khu hiện nay",
    en: "This area was reorganised on 01/07/2025: choose today's commune, ward or special zone",
  },
  "area.currentBeforeReform": {
    vi: "Đây là xã, phường, đặc khu từ 01/07/2025: trước ngày đó hãy chọn xã, phường, thị trấn của huyện cũ",
    en: "This is a commune of 01/07/2025 onwards: before that date choose a commune of the former district",
  },
  "area.notOnDate": {
    vi: "Địa bàn không còn hoặc chưa tồn tại vào ngày của bản ghi",
    en: "The area did not exist on the record's date",
  },
  "area.notInYear": {
    vi: "Địa bàn không tồn tại trong năm của bản ghi",
    en: "The area did not exist in the record's year",
  },
  "area.noDistrict": { vi: "Địa bàn không thuộc huyện nào", en: "The area belongs to no district" },
  "area.notInDistrict": {
    vi: "Xã, phường, thị trấn không thuộc huyện đã chọn",
    en: "The commune is not in the chosen district",
  },
  "territory.outside45": {
    vi: "{districts} không thuộc địa bàn Quảng Trị cũ.",
    en: "{districts} is not on the land of former Quảng Trị.",
  },
  "territory.outside44": {
    vi: "{districts} không thuộc địa bàn Quảng Bình cũ.",
    en: "{districts} is not on the land of former Quảng Bình.",
  },
  "territory.notFound": {
    vi: "Không tìm thấy tỉnh cũ có mã {code}.",
    en: "No former province has the code {code}.",
  },
  "userScope.both": {
    vi: "Chỉ chọn một phạm vi: một huyện cũ hoặc một xã, phường, đặc khu hiện nay, không chọn cả hai",
    en: "Choose one scope: a former district or a commune of today, not both",
  },
  "userScope.oldListOnly": {
    vi: "Mã {code} không phải là xã, phường, đặc khu hiện nay (chỉ có trong danh sách trước 01/07/2025).",
    en: "Code {code} is not a commune of today (it is only in the list before 01/07/2025).",
  },
  "userScope.noCommune": {
    vi: "Không có xã, phường, đặc khu hiện nay với mã {code}.",
    en: "No commune of today has the code {code}.",
  },
  "userScope.noDistrict": {
    vi: "Không có huyện, thị xã, thành phố với mã này.",
    en: "No district has this code.",
  },
  "audit.alertNotFound": {
    vi: "Không có cảnh báo nhật ký này.",
    en: "There is no such audit-log alert.",
  },
  "demo.dependents": {
    vi: "Không thể xóa dữ liệu minh họa: có bản ghi thật gắn với bản ghi minh họa ({awards} khen thưởng, {installations} lần lắp đặt camera gắn với điểm minh họa; {sites} điểm thuộc loại mô hình minh họa). Bỏ liên kết hoặc chuyển các bản ghi đó trước.",
    en: "The demo data cannot be removed: real records depend on demo ones ({awards} awards, {installations} camera installations linked to demo sites; {sites} sites of a demo model type). Unlink or move those records first.",
  },
  "draft.stale": {
    vi: "Bản nháp vừa được người khác lưu (phiên bản {version}). Mở lại bản nháp để xem thay đổi của họ rồi sửa tiếp; nội dung bạn đang soạn chưa được lưu.",
    en: "Someone else has just saved this draft (version {version}). Reopen it to see their changes, then continue; your text has not been saved.",
  },
  "draft.otherScope": {
    vi: "Bản nháp “{name}” được viết cho phạm vi hoặc giai đoạn khác với báo cáo đang chọn.",
    en: "The draft “{name}” was written for another scope or period than the chosen report.",
  },
  "draft.changedSincePreview": {
    vi: "Bản nháp “{name}” đã được sửa sau khi xem trước. Bấm “Xem trước” lại rồi tải về.",
    en: "The draft “{name}” was changed after the preview. Press “Preview” again, then download.",
  },
  "report.loginRequired": {
    vi: "Vui lòng đăng nhập để tải báo cáo.",
    en: "Please sign in to download the report.",
  },
  "report.noSuchReport": { vi: "Không có báo cáo này.", en: "There is no such report." },
  "report.badParams": { vi: "Tham số báo cáo không hợp lệ.", en: "Invalid report parameters." },
  "report.badSeparator": {
    vi: "Dấu phân cách CSV không hợp lệ: chọn sep=comma (dấu phẩy) hoặc sep=semicolon (dấu chấm phẩy).",
    en: "Invalid CSV separator: choose sep=comma or sep=semicolon.",
  },
  "draft.duplicateName": {
    vi: "Đã có bản nháp cùng tên cho phạm vi và giai đoạn này",
    en: "A draft of that name already exists for this scope and period",
  },
  "draft.provinceOnly": {
    vi: "Chỉ quản trị viên và cán bộ cấp tỉnh được soạn, sửa bản nháp báo cáo.",
    en: "Only administrators and province officers may write or change report drafts.",
  },
  "commune.notCurrent": {
    vi: "Không có xã, phường, đặc khu hiện nay (từ 01/07/2025) với mã {code}.",
    en: "No commune of today's list (since 01/07/2025) has the code {code}.",
  },
  "district.notFound": {
    vi: "Không tìm thấy huyện, thị xã, thành phố có mã {codes}.",
    en: "No district has the code {codes}.",
  },
  "district.noSuchCode": {
    vi: "Không có huyện, thị xã, thành phố với mã này.",
    en: "There is no district with this code.",
  },
  "modelType.notFoundCode": {
    vi: "Không tìm thấy loại mô hình có mã {code}.",
    en: "No model type has the code {code}.",
  },
  "modelType.missing": { vi: "Loại mô hình không tồn tại", en: "The model type does not exist" },
  "modelType.codeTaken": { vi: "Mã loại mô hình đã tồn tại", en: "This model type code already exists" },
  "modelType.religiousLocked": {
    vi: "Loại mô hình đã có điểm, không đổi được sang/ra khỏi nhóm tôn giáo",
    en: "The model type has sites: it cannot move into or out of the religious group",
  },
  "modelType.categoryApproved": {
    vi: "Không đổi được nhóm của loại mô hình này: điểm mô hình thuộc loại này nằm trong {count} năm số liệu đã gửi duyệt hoặc đã phê duyệt (như số liệu năm {year} của {unit}), đổi nhóm sẽ làm thay đổi số liệu đã duyệt — đề nghị mở lại hoặc trả lại các năm đó trước.",
    en: "The category of this model type cannot be changed: its sites lie in {count} unit-years that are submitted or approved (such as the {year} figures of {unit}), and changing it would change approved figures — reopen or return those years first.",
  },
  "site.linksElsewhere": {
    vi: "Điểm mô hình đang gắn với {cameras} đợt lắp đặt camera và {awards} khen thưởng ở địa bàn hiện tại; hãy bỏ liên kết hoặc chuyển các bản ghi đó trước khi đổi địa bàn",
    en: "The site is linked to {cameras} camera installations and {awards} awards in its current area; unlink or move those records before changing the area",
  },
  "link.siteMissing": { vi: "Điểm mô hình không tồn tại", en: "The model site does not exist" },
  "link.siteRemoved": {
    vi: "Điểm mô hình đã bị xóa, không gắn được",
    en: "The model site has been removed and cannot be linked",
  },
  "link.siteElsewhere": {
    vi: "Điểm mô hình không thuộc địa bàn đã chọn",
    en: "The model site is not in the chosen area",
  },
  "award.provinceNoSite": {
    vi: "Khen thưởng cấp tỉnh không gắn với điểm mô hình; hãy chọn xã, phường, thị trấn",
    en: "A province-level award is not linked to a site; choose a commune first",
  },
  "lock.approved": {
    vi: "Số liệu năm {year} của {unit} đã được phê duyệt ngày {date} — đề nghị quản trị viên mở lại trước khi sửa.",
    en: "The {year} figures of {unit} were approved on {date} — ask an administrator to reopen them before changing them.",
  },
  "lock.submitted": {
    vi: "Số liệu năm {year} của {unit} đã được gửi duyệt ngày {date} và đang chờ phê duyệt — đề nghị lãnh đạo phê duyệt trả lại trước khi sửa.",
    en: "The {year} figures of {unit} were submitted on {date} and await approval — ask an approving leader to return them before changing them.",
  },
  "lock.busy": {
    vi: "Số liệu của đơn vị và năm này đang được ghi (có thể một lần nhập đang chạy) — vui lòng thử lại sau ít phút.",
    en: "The records of this unit and year are being written right now (an import may be running) — please try again in a few minutes.",
  },
  "approval.unitNotFound": {
    vi: "Không có đơn vị mã {code}: chọn một huyện cũ (mã 3 chữ số) hoặc một xã, phường, đặc khu hiện nay (mã 5 chữ số).",
    en: "There is no unit with code {code}: choose a former district (3-digit code) or a commune of today (5-digit code).",
  },
  "approval.districtYears": {
    vi: "{unit} chỉ có số liệu phê duyệt theo huyện cũ cho các năm 2007–2025.",
    en: "{unit} has figures to approve by former district for the years 2007–2025 only.",
  },
  "approval.communeYears": {
    vi: "{unit} chỉ có số liệu phê duyệt cho các năm từ 2025 đến {max}.",
    en: "{unit} has figures to approve for the years 2025 to {max} only.",
  },
  "approval.alreadySubmitted": {
    vi: "Số liệu năm {year} của {unit} đã được gửi duyệt và đang chờ phê duyệt.",
    en: "The {year} figures of {unit} have already been submitted and await approval.",
  },
  "approval.alreadyApproved": {
    vi: "Số liệu năm {year} của {unit} đã được phê duyệt; chỉ quản trị viên mở lại được.",
    en: "The {year} figures of {unit} are already approved; only an administrator can reopen them.",
  },
  "approval.notSubmitted": {
    vi: "Số liệu năm {year} của {unit} chưa được gửi duyệt: chỉ phê duyệt hoặc trả lại số liệu đang chờ phê duyệt.",
    en: "The {year} figures of {unit} have not been submitted: only figures awaiting approval can be approved or returned.",
  },
  "approval.notApproved": {
    vi: "Số liệu năm {year} của {unit} chưa được phê duyệt: chỉ mở lại số liệu đã phê duyệt.",
    en: "The {year} figures of {unit} are not approved: only approved figures can be reopened.",
  },
  "approval.notLocked": {
    vi: "Số liệu năm {year} của {unit} chưa gửi duyệt hay phê duyệt: sửa trực tiếp được, không cần đề nghị mở lại.",
    en: "The {year} figures of {unit} are neither submitted nor approved: they can be changed directly, no reopening needed.",
  },
  "approval.conflict": {
    vi: "Số liệu năm {year} của {unit} vừa được người khác xử lý. Hãy tải lại để xem trạng thái mới.",
    en: "Someone else has just acted on the {year} figures of {unit}. Reload to see their new state.",
  },
  "user.notFound": { vi: "Không tìm thấy tài khoản.", en: "Account not found." },
  // Targets (chỉ tiêu, decision 048).
  "target.unitNotFound": { vi: "Không tìm thấy đơn vị {code}.", en: "Unit {code} not found." },
  "target.modelTypeNotFound": { vi: "Không tìm thấy loại mô hình {code}.", en: "Model type {code} not found." },
  "target.outOfScope": {
    vi: "Chỉ được đặt chỉ tiêu trong địa bàn của tài khoản.",
    en: "Targets may be set only within your account's area.",
  },
  "user.usernameTaken": { vi: "Tên đăng nhập đã có người dùng.", en: "This username is already taken." },
  "user.conflict": {
    vi: "Tài khoản vừa được người khác sửa. Vui lòng tải lại.",
    en: "Someone else has just changed this account. Please reload.",
  },
  "user.keepOwnAdmin": {
    vi: "Không thể tự bỏ quyền quản trị của chính mình.",
    en: "You cannot remove your own administrator role.",
  },
  "user.keepOwnAccess": {
    vi: "Không thể tự khóa tài khoản của chính mình.",
    en: "You cannot disable your own account.",
  },
} as const;
