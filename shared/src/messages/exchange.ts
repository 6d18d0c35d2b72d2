/** The signed exchange of approved figures (decision 052): screens and refusals. */
export const exchangeVi = {
  "exchange.provinceCode": "Mã tỉnh, thành phố không hợp lệ (hai chữ số, mã GSO của 34 tỉnh, thành phố)",
  "exchange.unknownProvince": "Không có tỉnh, thành phố mã {code}.",
  "exchange.keyInvalid":
    "Khóa công khai không hợp lệ: cần khóa Ed25519 dạng PEM (bắt đầu bằng “-----BEGIN PUBLIC KEY-----”), như màn hình “Trao đổi số liệu” của tỉnh hiển thị.",
  "exchange.nothingApproved": "Không có số liệu nào đã được phê duyệt trong giai đoạn {from}–{to}: không có gì để gửi.",
  "exchange.packageNothingApproved":
    "Gói số liệu không có năm số liệu nào đã được phê duyệt trong giai đoạn {from}–{to}: không nhận.",
  "exchange.noFile": "Hãy chọn tệp gói số liệu để tải lên.",
  "exchange.tooLarge": "Tệp gói số liệu quá lớn (tối đa {mb} MB).",
  "exchange.damaged": "Tệp không phải là gói số liệu hoặc đã bị hỏng, không đọc được. Đề nghị tỉnh gửi lại tệp.",
  "exchange.unsigned": "Gói số liệu không có chữ ký: không nhận.",
  "exchange.badSignature":
    "Chữ ký của gói số liệu không khớp với nội dung hoặc với khóa đã đăng ký của {province}: gói đã bị thay đổi sau khi ký hoặc không do tỉnh ký. Không nhận.",
  "exchange.noKey":
    "Chưa đăng ký khóa công khai của {province}: hãy đăng ký khóa (nhận qua đường công văn) trước khi nhận gói số liệu.",
  "exchange.otherKey": "Gói số liệu ghi là của {province} nhưng được ký bằng khóa của {signer}. Không nhận.",
  "exchange.newerFormat":
    "Gói số liệu được tạo bằng phiên bản mới hơn (định dạng {format}, phiên bản {version}; bản cài đặt này: {own}). Hãy nâng cấp phần mềm trước khi nhận.",
  "exchange.notThisInstall": "Bản cài đặt này phục vụ {installed}, không nhận gói số liệu của {province}.",
  "exchange.unknownUnits":
    "Gói số liệu nhắc đến đơn vị hành chính không có trong danh mục của bản cài đặt này: {codes}.",
  "exchange.unknownModelTypes": "Gói số liệu có loại mô hình không có trong danh mục của bản cài đặt này: {codes}.",
  "exchange.receivedLocked":
    "Bản ghi này nhận từ gói số liệu số {id} (số liệu đã phê duyệt của tỉnh): không sửa, xóa hay khôi phục được trên bản cài đặt này. Tỉnh sửa và gửi lại gói.",
  "exchange.hiddenRecipient": "(cá nhân — họ tên không gửi kèm)",
  "exchange.intro":
    "Số liệu đã phê duyệt được gửi lên Bộ bằng một tệp có chữ ký số (Ed25519) của bản cài đặt này, không phải nhập lại và không sửa được dọc đường.",
  "exchange.publicKey.heading": "Khóa công khai của bản cài đặt",
  "exchange.publicKey.hint":
    "Gửi khóa này cho Cục xây dựng phong trào bảo vệ an ninh Tổ quốc qua đường công văn; khi nhận, Cục đọc lại dấu vân tay để đối chiếu. Khóa bí mật không bao giờ rời máy chủ.",
  "exchange.fingerprint": "Dấu vân tay",
  "exchange.copy": "Sao chép khóa",
  "exchange.copied": "Đã sao chép khóa công khai.",
  "exchange.package.heading": "Tạo gói số liệu đã phê duyệt",
  "exchange.package.hint":
    "Gói chỉ chứa các năm số liệu đã được phê duyệt của từng đơn vị trong giai đoạn (không có bản nháp); họ tên cá nhân được khen thưởng không gửi kèm.",
  "exchange.fromYear": "Từ năm",
  "exchange.toYear": "Đến năm",
  "exchange.package.download": "Tải gói số liệu",
  "exchange.keys.heading": "Khóa công khai của các tỉnh, thành phố",
  "exchange.keys.province": "Tỉnh, thành phố",
  "exchange.keys.key": "Khóa công khai (PEM)",
  "exchange.keys.register": "Đăng ký khóa",
  "exchange.keys.registered": "Đã đăng ký khóa của {province}.",
  "exchange.keys.none": "Chưa đăng ký khóa nào.",
  "exchange.keys.at": "Đăng ký lúc",
  "exchange.keys.by": "Người đăng ký",
  "exchange.upload.heading": "Nhận gói số liệu",
  "exchange.upload.file": "Tệp gói số liệu",
  "exchange.upload.submit": "Nhận gói",
  "exchange.upload.done":
    "Đã nhận gói số {id}: {province}, {from}–{to}: {sites} điểm, {cameras} lượt lắp camera, {awards} khen thưởng.",
  "exchange.packages.heading": "Các gói số liệu đã nhận",
  "exchange.packages.none": "Chưa nhận gói nào.",
  "exchange.packages.id": "Gói số",
  "exchange.packages.period": "Giai đoạn",
  "exchange.packages.approvedUntil": "Phê duyệt đến ngày",
  "exchange.packages.importedAt": "Nhận lúc",
  "exchange.packages.importedBy": "Người nhận",
  "exchange.packages.records": "Điểm / lắp camera / khen thưởng",
  "exchange.packages.replaced": "Thay thế",
  "exchange.packages.replacedBy": "Đã được thay bằng gói số {id}",
  "exchange.packages.replaces": "gói số {id} ({records} bản ghi)",
  "exchange.source": "Nguồn: gói số liệu của {police}, duyệt ngày {date}",
  "exchange.sourceMany": "Nguồn: các gói số liệu đã nhận của các tỉnh, thành phố (phê duyệt đến ngày {date})",
  "exchange.sourcePackage": "Nguồn: gói số liệu số {id}, duyệt ngày {date}",
} as const;
