/**
 * Messages the server sends with an error (docs/decisions/020): keys are stable, the client
 * renders them in the user's language. Placeholders are written {name}; a capitalised
 * placeholder ({What}) capitalises its value.
 */
export const errorsVi = {
  "system.error": "Lỗi hệ thống, vui lòng thử lại sau.",
  "system.concurrentSave": "Một người khác vừa lưu cùng dữ liệu này. Vui lòng tải lại rồi thử lại.",
  "system.invalid": "Dữ liệu không hợp lệ",
  "network.unreachable": "Không kết nối được máy chủ. Hãy kiểm tra mạng rồi thử lại.",
  "network.badResponse": "Máy chủ trả lời không đúng dạng (có thể đang khởi động lại). Hãy thử lại sau ít phút.",
  "request.badCharacter":
    "Yêu cầu có ký tự không hợp lệ (ký tự điều khiển hoặc mã hóa hỏng) trong tên tệp hoặc một tham số; hãy sửa rồi thử lại.",
  "request.tooLarge": "Yêu cầu quá lớn.",
  "auth.loginRequired": "Vui lòng đăng nhập.",
  "auth.badCredentials": "Tên đăng nhập hoặc mật khẩu không đúng.",
  "auth.throttled": "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {minutes} phút.",
  "auth.wrongPassword": "Mật khẩu hiện tại không đúng.",
  "auth.samePassword": "Mật khẩu mới phải khác mật khẩu hiện tại.",
  "auth.sessionNotFound": "Không có phiên đăng nhập này của bạn (có thể đã kết thúc).",
  "auth.mustChangePassword": "Mật khẩu này do quản trị viên đặt: hãy đổi mật khẩu trước khi làm việc.",
  "auth.codeRequired": "Tài khoản có xác thực hai lớp: nhập mã 6 số trên ứng dụng xác thực (hoặc một mã khôi phục).",
  "auth.badCode": "Mã xác thực không đúng, đã dùng hoặc đã hết hạn.",
  "auth.totpAlreadyOn": "Tài khoản đã có xác thực hai lớp. Muốn đổi thiết bị, nhờ quản trị viên đặt lại.",
  "auth.totpNotBegun": "Chưa bắt đầu đăng ký xác thực hai lớp: hãy tạo mã QR trước.",
  "auth.mustEnrolTotp": "Vai trò của bạn bắt buộc xác thực hai lớp: hãy đăng ký trước khi làm việc.",
  "auth.csrf": "Yêu cầu bị từ chối vì không đến từ ứng dụng (chống giả mạo yêu cầu liên trang).",
  "role.viewerReadOnly": "Tài khoản của bạn chỉ được xem, không được sửa dữ liệu.",
  "role.approverReadOnly": "Tài khoản lãnh đạo phê duyệt chỉ xem và phê duyệt số liệu, không sửa dữ liệu.",
  "role.approverOnly": "Chỉ lãnh đạo phê duyệt và quản trị viên được phê duyệt hoặc trả lại số liệu.",
  "role.adminOnly": "Chức năng này chỉ dành cho quản trị viên.",
  "scope.ownDistrict": "Bạn chỉ được cập nhật dữ liệu của huyện, thị xã, thành phố mình phụ trách.",
  "scope.ownCommune":
    "Bạn chỉ được cập nhật dữ liệu của {commune} và của các địa bàn trước 01/07/2025 nay thuộc {commune}.",
  "scope.provinceAward": "Khen thưởng cấp tỉnh chỉ do cán bộ cấp tỉnh cập nhật.",
  "scope.deletedAdminOnly": "Chỉ quản trị viên được xem bản ghi đã xóa.",
  "record.notFound": "Không tìm thấy {what} (có thể đã bị xóa).",
  "record.conflict": "Bản ghi vừa được người khác thay đổi. Hãy xem lại thay đổi của họ rồi nhập lại sửa đổi của bạn.",
  "record.notDeleted": "Bản ghi này chưa bị xóa, không cần khôi phục.",
  "record.duplicateSite": "Có thể trùng: địa bàn này đã có điểm cùng loại mô hình và cùng tên.",
  "record.duplicateCamera": "Có thể trùng: địa bàn này đã có đợt lắp đặt camera cùng ngày.",
  "record.duplicateAward": "Có thể trùng: đã có khen thưởng cùng năm, cùng hình thức cho người nhận này.",
  "area.codeNotFound": "Không tìm thấy địa bàn có mã {code}",
  "area.communeLevel": "Vui lòng chọn địa bàn cấp xã (xã, phường, thị trấn)",
  "area.reorganised2025": "Từ 01/07/2025 địa bàn này đã được sắp xếp lại: hãy chọn xã, phường, đặc khu hiện nay",
  "area.currentBeforeReform":
    "Đây là xã, phường, đặc khu từ 01/07/2025: trước ngày đó hãy chọn xã, phường, thị trấn của huyện cũ",
  "area.notOnDate": "Địa bàn không còn hoặc chưa tồn tại vào ngày của bản ghi",
  "area.notInYear": "Địa bàn không tồn tại trong năm của bản ghi",
  "area.noDistrict": "Địa bàn không thuộc huyện nào",
  "area.notInDistrict": "Xã, phường, thị trấn không thuộc huyện đã chọn",
  "territory.outside": "{districts} không thuộc địa bàn {province} cũ.",
  "territory.notMerged": "Tỉnh cũ mã {code} không thuộc địa bàn {place}; chọn một trong: {codes}.",
  "userScope.both": "Chỉ chọn một phạm vi: một huyện cũ hoặc một xã, phường, đặc khu hiện nay, không chọn cả hai",
  "userScope.oldListOnly":
    "Mã {code} không phải là xã, phường, đặc khu hiện nay (chỉ có trong danh sách trước 01/07/2025).",
  "userScope.noCommune": "Không có xã, phường, đặc khu hiện nay với mã {code}.",
  "userScope.noDistrict": "Không có huyện, thị xã, thành phố với mã này.",
  "audit.alertNotFound": "Không có cảnh báo nhật ký này.",
  "demo.dependents":
    "Không thể xóa dữ liệu minh họa: có bản ghi thật gắn với bản ghi minh họa ({awards} khen thưởng, {installations} lần lắp đặt camera gắn với điểm minh họa; {sites} điểm thuộc loại mô hình minh họa). Bỏ liên kết hoặc chuyển các bản ghi đó trước.",
  "draft.stale":
    "Bản nháp vừa được người khác lưu (phiên bản {version}). Mở lại bản nháp để xem thay đổi của họ rồi sửa tiếp; nội dung bạn đang soạn chưa được lưu.",
  "draft.otherScope": "Bản nháp “{name}” được viết cho phạm vi hoặc giai đoạn khác với báo cáo đang chọn.",
  "draft.changedSincePreview": "Bản nháp “{name}” đã được sửa sau khi xem trước. Bấm “Xem trước” lại rồi tải về.",
  "report.loginRequired": "Vui lòng đăng nhập để tải báo cáo.",
  "report.noSuchReport": "Không có báo cáo này.",
  "report.badParams": "Tham số báo cáo không hợp lệ.",
  "report.badSeparator":
    "Dấu phân cách CSV không hợp lệ: chọn sep=comma (dấu phẩy) hoặc sep=semicolon (dấu chấm phẩy).",
  "draft.duplicateName": "Đã có bản nháp cùng tên cho phạm vi và giai đoạn này",
  "draft.provinceOnly": "Chỉ quản trị viên và cán bộ cấp tỉnh được soạn, sửa bản nháp báo cáo.",
  "commune.notCurrent": "Không có xã, phường, đặc khu hiện nay (từ 01/07/2025) với mã {code}.",
  "district.notFound": "Không tìm thấy huyện, thị xã, thành phố có mã {codes}.",
  "district.noSuchCode": "Không có huyện, thị xã, thành phố với mã này.",
  "modelType.notFoundCode": "Không tìm thấy loại mô hình có mã {code}.",
  "modelType.missing": "Loại mô hình không tồn tại",
  "modelType.codeTaken": "Mã loại mô hình đã tồn tại",
  "modelType.religiousLocked": "Loại mô hình đã có điểm, không đổi được sang/ra khỏi nhóm tôn giáo",
  "modelType.categoryApproved":
    "Không đổi được nhóm của loại mô hình này: điểm mô hình thuộc loại này nằm trong {count} năm số liệu đã gửi duyệt hoặc đã phê duyệt (như số liệu năm {year} của {unit}), đổi nhóm sẽ làm thay đổi số liệu đã duyệt — đề nghị mở lại hoặc trả lại các năm đó trước.",
  "site.linksElsewhere":
    "Điểm mô hình đang gắn với {cameras} đợt lắp đặt camera và {awards} khen thưởng ở địa bàn hiện tại; hãy bỏ liên kết hoặc chuyển các bản ghi đó trước khi đổi địa bàn",
  "link.siteMissing": "Điểm mô hình không tồn tại",
  "link.siteRemoved": "Điểm mô hình đã bị xóa, không gắn được",
  "link.siteElsewhere": "Điểm mô hình không thuộc địa bàn đã chọn",
  "award.provinceNoSite": "Khen thưởng cấp tỉnh không gắn với điểm mô hình; hãy chọn xã, phường, thị trấn",
  "lock.approved":
    "Số liệu năm {year} của {unit} đã được phê duyệt ngày {date} — đề nghị quản trị viên mở lại trước khi sửa.",
  "lock.submitted":
    "Số liệu năm {year} của {unit} đã được gửi duyệt ngày {date} và đang chờ phê duyệt — đề nghị lãnh đạo phê duyệt trả lại trước khi sửa.",
  "lock.busy":
    "Số liệu của đơn vị và năm này đang được ghi (có thể một lần nhập đang chạy) — vui lòng thử lại sau ít phút.",
  "approval.unitNotFound":
    "Không có đơn vị mã {code}: chọn một huyện cũ (mã 3 chữ số) hoặc một xã, phường, đặc khu hiện nay (mã 5 chữ số).",
  "approval.districtYears": "{unit} chỉ có số liệu phê duyệt theo huyện cũ cho các năm 2007–2025.",
  "approval.communeYears": "{unit} chỉ có số liệu phê duyệt cho các năm từ 2025 đến {max}.",
  "approval.alreadySubmitted": "Số liệu năm {year} của {unit} đã được gửi duyệt và đang chờ phê duyệt.",
  "approval.alreadyApproved": "Số liệu năm {year} của {unit} đã được phê duyệt; chỉ quản trị viên mở lại được.",
  "approval.notSubmitted":
    "Số liệu năm {year} của {unit} chưa được gửi duyệt: chỉ phê duyệt hoặc trả lại số liệu đang chờ phê duyệt.",
  "approval.notApproved": "Số liệu năm {year} của {unit} chưa được phê duyệt: chỉ mở lại số liệu đã phê duyệt.",
  "approval.notLocked":
    "Số liệu năm {year} của {unit} chưa gửi duyệt hay phê duyệt: sửa trực tiếp được, không cần đề nghị mở lại.",
  "approval.conflict": "Số liệu năm {year} của {unit} vừa được người khác xử lý. Hãy tải lại để xem trạng thái mới.",
  "user.notFound": "Không tìm thấy tài khoản.",
  "user.usernameTaken": "Tên đăng nhập đã có người dùng.",
  "user.conflict": "Tài khoản vừa được người khác sửa. Vui lòng tải lại.",
  "user.keepOwnAdmin": "Không thể tự bỏ quyền quản trị của chính mình.",
  "user.keepOwnAccess": "Không thể tự khóa tài khoản của chính mình.",
  // Targets (chỉ tiêu, decision 048).
  "target.unitNotFound": "Không tìm thấy đơn vị {code}.",
  "target.modelTypeNotFound": "Không tìm thấy loại mô hình {code}.",
  "target.outOfScope": "Chỉ được đặt chỉ tiêu trong địa bàn của tài khoản.",
  // Records of divided old communes (decision 055).
  "divided.notDivided":
    "Bản ghi này không thuộc một xã cũ bị chia tách ngày 01/07/2025: xã, phường hiện nay của nó đã rõ, không cần chọn.",
  "divided.notSuccessor": "{code} không phải xã, phường kế thừa {area}; chỉ chọn một trong: {successors}.",
  // Province scopes (decision 051).
  "userScope.noProvince": "Mã tỉnh, thành phố {code} không thuộc hệ thống này. Các mã hợp lệ: {codes}.",
  "userScope.outsideProvince": "Phạm vi huyện cũ hoặc xã phải nằm trong {province}.",
  "user.otherProvince": "Bạn chỉ được quản lý tài khoản của {province}.",
  "scope.ownProvince": "Bạn chỉ được xem và cập nhật dữ liệu của {province}.",
  "scope.otherProvinceFigures":
    "Tài khoản của {province} chỉ xem được số liệu của {province}, không xem được số liệu của tỉnh, thành phố mã {code}.",
  // The national install (decision 050).
  "province.unknown": "Không có tỉnh, thành phố mã {code}; chọn một trong: {codes}.",
  "province.notInstalled": "Bản cài đặt này phục vụ {place}: không xem được số liệu của tỉnh, thành phố mã {code}.",
  "province.outside": "{units} không thuộc {place}.",
  "target.notFound": "Không có chỉ tiêu này (có thể đã được xóa).",
  // Targets from the Excel template (decision 056).
  "targetImport.rows": "Tệp có {count} dòng lỗi; chưa ghi chỉ tiêu nào. Sửa các dòng dưới đây rồi tải lên lại.",
  "targetImport.noHeader": "Không tìm thấy dòng tiêu đề của mẫu chỉ tiêu (Năm, Chỉ tiêu, Giá trị). Hãy dùng tệp mẫu.",
  "targetImport.empty": "Tệp không có dòng chỉ tiêu nào.",
  "targetImport.tooMany": "Tệp có quá {max} dòng chỉ tiêu.",
  "targetImport.year": "Năm phải là số nguyên từ 2000 đến 2100.",
  "targetImport.measure": "Chỉ tiêu không hợp lệ: chọn một mục của danh sách trong mẫu.",
  "targetImport.duplicate": "Trùng với dòng {row} (cùng năm, chỉ tiêu, đơn vị và loại mô hình).",
} as const;
