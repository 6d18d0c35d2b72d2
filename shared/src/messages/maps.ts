/**
 * Messages of the maps (docs/decisions/026): the upload's refusals name each problem by the
 * unit's code, so that whoever prepared the file can find it.
 */
export const MAP_MESSAGES = {
  /** Under every district map, screen or document (prisma/seed/data/geo/SOURCES.md asks for it). */
  "map.attributionDistricts": {
    vi: "Ranh giới hành chính: geoBoundaries.org (Runfola et al. 2020), nguồn OCHA ROAP / Chính phủ Việt Nam, CC BY 3.0 IGO.",
    en: "Administrative boundaries: geoBoundaries.org (Runfola et al. 2020), from OCHA ROAP / Government of Viet Nam, CC BY 3.0 IGO.",
  },
  "map.levelInvalid": {
    vi: "Cấp bản đồ không hợp lệ: chọn district hoặc commune",
    en: "Invalid map level: choose district or commune",
  },
  "map.listInvalid": {
    vi: "Danh mục đơn vị không hợp lệ: chọn three_level (trước 01/07/2025) hoặc two_level (từ 01/07/2025)",
    en: "Invalid list of units: choose three_level (before 01/07/2025) or two_level (from 01/07/2025)",
  },
  "map.measureInvalid": { vi: "Chỉ tiêu bản đồ không hợp lệ", en: "Invalid map measure" },
  "map.fileNameMissing": { vi: "Thiếu tên tệp", en: "The file name is missing" },
  "map.fileNameLong": { vi: "Tên tệp quá dài", en: "The file name is too long" },
  "map.attributionMissing": {
    vi: "Hãy ghi nguồn của ranh giới (hiện trên bản đồ)",
    en: "Give the source of the boundaries (shown on the map)",
  },
  "map.attributionLong": { vi: "Nguồn ranh giới tối đa 300 ký tự", en: "The source may have at most 300 characters" },
  "map.refused": {
    vi: "Tệp ranh giới bị từ chối ({count} lỗi); không có gì được lưu.",
    en: "The boundary file was refused ({count} problems); nothing was stored.",
  },
  "map.moreProblems": { vi: "… và {count} lỗi khác.", en: "… and {count} more problems." },
  "map.tooLarge": {
    vi: "Tệp ranh giới quá lớn: tối đa {mb} MB.",
    en: "The boundary file is too large: at most {mb} MB.",
  },
  "map.notJson": {
    vi: "Tệp không đọc được như JSON: không phải GeoJSON hay TopoJSON.",
    en: "The file cannot be read as JSON: it is neither GeoJSON nor TopoJSON.",
  },
  "map.notGeo": {
    vi: "Tệp không phải GeoJSON (FeatureCollection) hay TopoJSON (Topology).",
    en: "The file is neither GeoJSON (FeatureCollection) nor TopoJSON (Topology).",
  },
  "map.noCode": {
    vi: "Đối tượng thứ {index} không có mã đơn vị (thuộc tính code, ma hoặc gso_code).",
    en: "Feature {index} has no unit code (property code, ma or gso_code).",
  },
  "map.unknownCode": {
    vi: "Mã {code} không phải đơn vị của danh mục đã chọn.",
    en: "Code {code} is not a unit of the chosen list.",
  },
  "map.duplicateCode": { vi: "Mã {code} có nhiều hơn một ranh giới.", en: "Code {code} has more than one boundary." },
  "map.unitMissing": {
    vi: "Thiếu ranh giới của {name} ({code}); nếu cố ý, hãy ghi mã này vào danh sách đơn vị thiếu.",
    en: "No boundary for {name} ({code}); if on purpose, list this code as missing.",
  },
  "map.listedMissingPresent": {
    vi: "Mã {code} được ghi là thiếu nhưng có trong tệp.",
    en: "Code {code} is listed as missing but is in the file.",
  },
  "map.badGeometry": {
    vi: "Đơn vị {code}: hình học phải là Polygon hoặc MultiPolygon.",
    en: "Unit {code}: the geometry must be a Polygon or MultiPolygon.",
  },
  "map.projected": {
    vi: "Đơn vị {code}: tọa độ ({x}; {y}) không phải kinh độ, vĩ độ WGS84 — tệp có lẽ ở hệ tọa độ phẳng (VN-2000, UTM); hãy chuyển sang WGS84 (EPSG:4326).",
    en: "Unit {code}: coordinate ({x}; {y}) is not a WGS84 longitude/latitude — the file is probably in a projected system (VN-2000, UTM); convert it to WGS84 (EPSG:4326).",
  },
  "map.outsideProvince": {
    vi: "Đơn vị {code}: tọa độ ({x}; {y}) nằm ngoài tỉnh Quảng Trị.",
    en: "Unit {code}: coordinate ({x}; {y}) lies outside Quảng Trị province.",
  },
  "map.badRing": {
    vi: "Đơn vị {code}: vòng ranh giới không hợp lệ (cần ít nhất 4 điểm và khép kín).",
    en: "Unit {code}: invalid boundary ring (it needs at least 4 points and must be closed).",
  },
  "map.selfIntersection": {
    vi: "Đơn vị {code}: ranh giới tự cắt gần ({x}; {y}).",
    en: "Unit {code}: the boundary crosses itself near ({x}; {y}).",
  },
  "map.tooManyPoints": {
    vi: "Tệp có {count} điểm, quá giới hạn {max} điểm; hãy giản lược (simplify) ranh giới trước khi tải lên.",
    en: "The file has {count} points, more than the limit of {max}; simplify the boundaries before loading them.",
  },
  "map.ringTooLong": {
    vi: "Đối tượng thứ {index}: một vòng ranh giới có {count} điểm, quá giới hạn {max} điểm; hãy giản lược tệp.",
    en: "Feature {index}: a boundary ring has {count} points, more than the limit of {max}; simplify the file.",
  },
  "map.tooManyArcs": {
    vi: "Tệp TopoJSON có {count} cung, quá giới hạn {max} cung.",
    en: "The TopoJSON file has {count} arcs, more than the limit of {max}.",
  },
  "map.arcReused": {
    vi: "Tệp TopoJSON dùng cung số {arc} {count} lần (tối đa {max}): ranh giới không hợp lệ.",
    en: "The TopoJSON file uses arc {arc} {count} times (at most {max}): invalid boundaries.",
  },
  "map.badArc": {
    vi: "Tệp TopoJSON không hợp lệ: tham chiếu cung không có ({arc}) hoặc cấu trúc lồng quá sâu.",
    en: "Invalid TopoJSON file: a reference to a missing arc ({arc}) or structures nested too deep.",
  },
  "map.tooComplex": {
    vi: "Đơn vị {code}: ranh giới quá phức tạp để kiểm tra (nhiều cạnh dài sát nhau); hãy giản lược tệp.",
    en: "Unit {code}: the boundary is too intricate to check (many long edges close together); simplify the file.",
  },
  "map.layerNotLoaded": {
    vi: "Chưa nạp ranh giới cấp xã cho danh mục này.",
    en: "No commune-level boundaries are loaded for this list.",
  },
  "map.uploadParams": {
    vi: "Thiếu hoặc sai thông tin kèm tệp ranh giới.",
    en: "Missing or wrong details with the boundary file.",
  },
} as const;
