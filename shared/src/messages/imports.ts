/** What the spreadsheet import says about a file, a column or a row (decision 024). */
export const IMPORT_MESSAGES = {
  "import.notImplemented": { vi: "Chức năng này đang được xây dựng.", en: "This function is being built." },
  "import.tooLarge": {
    vi: "Tệp quá lớn: tối đa {mb} MB.",
    en: "The file is too large: at most {mb} MB.",
  },
  "import.noFile": {
    vi: "Vui lòng chọn tệp Excel (.xlsx) hoặc CSV.",
    en: "Please choose an Excel (.xlsx) or CSV file.",
  },
  "import.badKind": {
    vi: "Vui lòng chọn loại dữ liệu: điểm mô hình, camera hoặc khen thưởng.",
    en: "Please choose what the file holds: sites, cameras or awards.",
  },
  "import.notSpreadsheet": {
    vi: "Tệp không phải bảng tính Excel (.xlsx) hoặc CSV.",
    en: "The file is not an Excel (.xlsx) or CSV spreadsheet.",
  },
  "import.badCharacter": {
    vi: "Ô {cell} (dòng {row}) có ký tự không hợp lệ (ký tự điều khiển hoặc mã hóa hỏng): hãy sửa ô này rồi tải lên lại.",
    en: "Cell {cell} (row {row}) has an invalid character (a control character or broken encoding): correct it and upload again.",
  },
  "import.oldExcel": {
    vi: "Tệp Excel cũ (.xls) hoặc tệp có mật khẩu: hãy mở trong Excel, bỏ mật khẩu và lưu dạng .xlsx.",
    en: "An old Excel file (.xls) or a password-protected file: open it in Excel, remove the password and save it as .xlsx.",
  },
  "import.encrypted": {
    vi: "Tệp được bảo vệ bằng mật khẩu: hãy bỏ mật khẩu rồi tải lên lại.",
    en: "The file is password-protected: remove the password and upload it again.",
  },
  "import.zipBomb": {
    vi: "Tệp giải nén ra quá lớn so với dữ liệu thật (có thể là tệp độc hại): không đọc.",
    en: "The file unpacks to far more than real data would (it may be malicious): not read.",
  },
  "import.damaged": { vi: "Tệp bị hỏng, không đọc được.", en: "The file is damaged and cannot be read." },
  "import.noSheet": { vi: "Tệp không có trang tính nào có dữ liệu.", en: "The file has no sheet with data." },
  "import.noHeader": {
    vi: 'Không tìm thấy dòng tiêu đề (ví dụ: "Tên mô hình", "Xã, phường, thị trấn", "Năm thành lập") trong 30 dòng đầu.',
    en: 'No header row found (e.g. "Tên mô hình", "Xã, phường, thị trấn", "Năm thành lập") in the first 30 rows.',
  },
  "import.tooManyRows": {
    vi: "Tệp có quá nhiều dòng: tối đa {max} dòng mỗi lần nhập.",
    en: "The file has too many rows: at most {max} rows per import.",
  },
  "import.tooManyColumns": {
    vi: "Ô {cell} nằm ngoài giới hạn {max} cột (đến cột {last}): hãy xóa dữ liệu ở các cột thừa rồi tải lên lại.",
    en: "Cell {cell} is beyond the limit of {max} columns (up to column {last}): delete the data in the extra columns and upload again.",
  },
  "import.tooManyCells": {
    vi: "Tệp có quá nhiều ô có dữ liệu: tối đa {max} ô mỗi lần nhập.",
    en: "The file has too many cells with data: at most {max} cells per import.",
  },
  "import.tooMuchText": {
    vi: "Tệp có quá nhiều chữ: tối đa {max} ký tự mỗi lần nhập.",
    en: "The file holds too much text: at most {max} characters per import.",
  },
  "import.tooManyStrings": {
    vi: "Bảng chuỗi dùng chung của tệp quá lớn: tối đa {max} chuỗi.",
    en: "The file's shared-string table is too large: at most {max} strings.",
  },
  "import.cellTooLong": {
    vi: "Tệp có ô dài quá {max} ký tự (giới hạn của Excel).",
    en: "The file has a cell longer than {max} characters (Excel's own limit).",
  },
  "import.tooSlow": {
    vi: "Đọc tệp quá {seconds} giây nên đã dừng: hãy chia tệp thành nhiều tệp nhỏ hơn.",
    en: "Reading the file took more than {seconds} seconds and was stopped: split it into smaller files.",
  },
  "import.batchNotFound": { vi: "Không tìm thấy lần nhập này.", en: "This import was not found." },
  "import.notYours": {
    vi: "Bạn chỉ được thao tác trên lần nhập của chính mình.",
    en: "You may only act on your own imports.",
  },
  "import.alreadyCommitted": {
    vi: "Lần nhập này đã được ghi vào cơ sở dữ liệu, không ghi lại lần nữa.",
    en: "This import has already been written, it is not written twice.",
  },
  "import.badProgressId": {
    vi: "Mã theo dõi tiến độ không hợp lệ.",
    en: "The progress id is not valid.",
  },
  "import.noProgress": {
    vi: "Không có lần nhập nào đang chạy với mã này.",
    en: "No import is running under this id.",
  },
  "import.noModelTypeForKind": {
    vi: "Chỉ danh sách mô hình mới có loại mô hình.",
    en: "Only a list of sites has model types.",
  },
  "import.notCommitted": {
    vi: "Lần nhập này chưa được ghi nên không có gì để hoàn tác.",
    en: "This import has not been written, so there is nothing to undo.",
  },
  "import.alreadyUndone": { vi: "Lần nhập này đã được hoàn tác.", en: "This import has already been undone." },
  "import.hasErrors": {
    vi: "Còn {count} dòng lỗi: hãy sửa, hoặc chọn chỉ nhập các dòng hợp lệ.",
    en: "{count} rows are in error: fix them, or choose to import only the valid rows.",
  },
  "import.notASuggestion": {
    vi: "'{to}' không phải tên được gợi ý cho '{value}' ở cột {column}.",
    en: "'{to}' is not a name suggested for '{value}' in column {column}.",
  },
  "import.mappingLength": {
    vi: "Cách ghép cột không khớp với số cột của tệp.",
    en: "The column mapping does not match the file's columns.",
  },
  "import.mappingTwice": {
    vi: 'Trường "{field}" được ghép với hai cột.',
    en: 'The field "{field}" is mapped to two columns.',
  },
  "import.fieldNotForKind": {
    vi: 'Trường "{field}" không thuộc loại dữ liệu này.',
    en: 'The field "{field}" does not belong to this kind of data.',
  },
  "import.missingColumn": {
    vi: 'Chưa có cột cho "{field}": hãy chọn cột ở bước ghép cột.',
    en: 'No column for "{field}": choose one in the mapping step.',
  },
  "import.required": { vi: "Dòng {row}: thiếu {field}.", en: "Row {row}: {field} is missing." },
  "import.formulaNoValue": {
    vi: "Dòng {row}: ô {cell} là công thức chưa có giá trị (hãy mở tệp trong Excel và lưu lại).",
    en: "Row {row}: cell {cell} is a formula without a value (open the file in Excel and save it again).",
  },
  "import.badDate": {
    vi: 'Dòng {row}: "{value}" không phải ngày (dd/mm/yyyy hoặc năm).',
    en: 'Row {row}: "{value}" is not a date (dd/mm/yyyy or a year).',
  },
  "import.dateRange": {
    vi: "Dòng {row}: ngày {value} nằm ngoài khoảng cho phép.",
    en: "Row {row}: the date {value} is out of the allowed range.",
  },
  "import.badNumber": {
    vi: 'Dòng {row}: "{value}" không phải số nguyên không âm.',
    en: 'Row {row}: "{value}" is not a whole number of zero or more.',
  },
  "import.numberTooLarge": {
    vi: "Dòng {row}: {value} lớn hơn mức cho phép ({max}).",
    en: "Row {row}: {value} is larger than allowed ({max}).",
  },
  "import.badYear": {
    vi: 'Dòng {row}: "{value}" không phải năm hợp lệ.',
    en: 'Row {row}: "{value}" is not a valid year.',
  },
  "import.textTooLong": {
    vi: "Dòng {row}: nội dung dài quá {max} ký tự.",
    en: "Row {row}: the text is longer than {max} characters.",
  },
  "import.badChoice": {
    vi: 'Dòng {row}: "{value}" không phải giá trị hợp lệ (có thể là: {choices}).',
    en: 'Row {row}: "{value}" is not a valid value (possible: {choices}).',
  },
  "import.areaNotFound": {
    vi: "Dòng {row}: không tìm thấy xã '{value}'",
    en: "Row {row}: no commune '{value}' found",
  },
  "import.areaNotFoundIn": {
    vi: "Dòng {row}: không tìm thấy xã '{value}' ở {district}",
    en: "Row {row}: no commune '{value}' found in {district}",
  },
  "import.areaAmbiguous": {
    vi: "Dòng {row}: có nhiều đơn vị tên '{value}' ({choices}): hãy ghi huyện.",
    en: "Row {row}: several units are called '{value}' ({choices}): give the district.",
  },
  "import.districtNotFound": {
    vi: "Dòng {row}: không tìm thấy huyện '{value}'",
    en: "Row {row}: no district '{value}' found",
  },
  "import.areaNotOnDate": {
    vi: "Dòng {row}: '{value}' không còn (hoặc chưa có) vào ngày {date}",
    en: "Row {row}: '{value}' did not exist on {date}",
  },
  "import.modelTypeNotFound": {
    vi: "Dòng {row}: không có loại mô hình '{value}'",
    en: "Row {row}: no model type '{value}'",
  },
  "import.didYouMean": { vi: " — có phải '{names}'?", en: " — did you mean '{names}'?" },
  "import.outOfScope": {
    vi: "Dòng {row}: ngoài địa bàn bạn phụ trách.",
    en: "Row {row}: outside the area you are responsible for.",
  },
  "import.duplicateInDb": {
    vi: "Dòng {row}: đã có bản ghi này (số {id}), không nhập lại.",
    en: "Row {row}: this record already exists (no. {id}), not imported again.",
  },
  "import.duplicateInFile": {
    vi: "Dòng {row}: trùng với dòng {first} của tệp.",
    en: "Row {row}: repeats row {first} of the file.",
  },
  "import.yearOnly": {
    vi: "Dòng {row}: chỉ có năm, ghi ngày 01/01/{year}.",
    en: "Row {row}: only a year, dated 01/01/{year}.",
  },
  "import.rowRule": { vi: "Dòng {row}: {detail}", en: "Row {row}: {detail}" },
  "import.keptEdited": {
    vi: "Đã được sửa sau khi nhập, giữ lại.",
    en: "Edited after the import, kept.",
  },
  "import.keptRemoved": { vi: "Đã bị xóa trước đó.", en: "Already removed before." },
  "import.keptLinked": {
    vi: "Đang có camera hoặc khen thưởng gắn với điểm này, giữ lại.",
    en: "Cameras or awards are linked to this site, kept.",
  },
  "import.schemaKind": { vi: "Loại dữ liệu nhập không hợp lệ", en: "Invalid kind of import" },
  "import.schemaField": { vi: "Trường dữ liệu không hợp lệ", en: "Invalid field" },
  "import.schemaColumns": { vi: "Quá nhiều cột", en: "Too many columns" },
  "import.schemaReason": {
    vi: "Lý do hoàn tác cần ít nhất 3 ký tự",
    en: "The reason for the undo needs at least 3 characters",
  },
  "import.errorColumn": { vi: "Lỗi", en: "Error" },
} as const;
