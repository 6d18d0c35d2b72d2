/**
 * Messages of the maps (docs/decisions/026): the upload's refusals name each problem by the
 * unit's code, so that whoever prepared the file can find it.
 */
export const mapUploadVi = {
  "map.levelInvalid": "Cấp bản đồ không hợp lệ: chọn district hoặc commune",
  "map.listInvalid": "Danh mục đơn vị không hợp lệ: chọn three_level (trước 01/07/2025) hoặc two_level (từ 01/07/2025)",
  "map.measureInvalid": "Chỉ tiêu bản đồ không hợp lệ",
  "map.fileNameMissing": "Thiếu tên tệp",
  "map.fileNameLong": "Tên tệp quá dài",
  "map.attributionMissing": "Hãy ghi nguồn của ranh giới (hiện trên bản đồ)",
  "map.attributionLong": "Nguồn ranh giới tối đa 300 ký tự",
  "map.refused": "Tệp ranh giới bị từ chối ({count} lỗi); không có gì được lưu.",
  "map.moreProblems": "… và {count} lỗi khác.",
  "map.tooLarge": "Tệp ranh giới quá lớn: tối đa {mb} MB.",
  "map.notJson": "Tệp không đọc được như JSON: không phải GeoJSON hay TopoJSON.",
  "map.notGeo": "Tệp không phải GeoJSON (FeatureCollection) hay TopoJSON (Topology).",
  "map.noCode": "Đối tượng thứ {index} không có mã đơn vị (thuộc tính code, ma hoặc gso_code).",
  "map.unknownCode": "Mã {code} không phải đơn vị của danh mục đã chọn.",
  "map.duplicateCode": "Mã {code} có nhiều hơn một ranh giới.",
  "map.unitMissing": "Thiếu ranh giới của {name} ({code}); nếu cố ý, hãy ghi mã này vào danh sách đơn vị thiếu.",
  "map.listedMissingPresent": "Mã {code} được ghi là thiếu nhưng có trong tệp.",
  "map.badGeometry": "Đơn vị {code}: hình học phải là Polygon hoặc MultiPolygon.",
  "map.projected":
    "Đơn vị {code}: tọa độ ({x}; {y}) không phải kinh độ, vĩ độ WGS84 — tệp có lẽ ở hệ tọa độ phẳng (VN-2000, UTM); hãy chuyển sang WGS84 (EPSG:4326).",
  "map.outsideProvince": "Đơn vị {code}: tọa độ ({x}; {y}) nằm ngoài {place}.",
  "map.badRing": "Đơn vị {code}: vòng ranh giới không hợp lệ (cần ít nhất 4 điểm và khép kín).",
  "map.selfIntersection": "Đơn vị {code}: ranh giới tự cắt gần ({x}; {y}).",
  "map.tooManyPoints":
    "Tệp có {count} điểm, quá giới hạn {max} điểm; hãy giản lược (simplify) ranh giới trước khi tải lên.",
  "map.ringTooLong":
    "Đối tượng thứ {index}: một vòng ranh giới có {count} điểm, quá giới hạn {max} điểm; hãy giản lược tệp.",
  "map.tooManyArcs": "Tệp TopoJSON có {count} cung, quá giới hạn {max} cung.",
  "map.arcReused": "Tệp TopoJSON dùng cung số {arc} {count} lần (tối đa {max}): ranh giới không hợp lệ.",
  "map.badArc": "Tệp TopoJSON không hợp lệ: tham chiếu cung không có ({arc}) hoặc cấu trúc lồng quá sâu.",
  "map.tooComplex": "Đơn vị {code}: ranh giới quá phức tạp để kiểm tra (nhiều cạnh dài sát nhau); hãy giản lược tệp.",
  "map.layerNotLoaded": "Chưa nạp ranh giới cấp xã cho danh mục này.",
  "map.uploadParams": "Thiếu hoặc sai thông tin kèm tệp ranh giới.",
} as const;
