// Polygons of the 2020 layer whose district was merged into another or renamed before 30/06/2025
// (or is spelt otherwise in the list), keyed by "<old province code>:<source name without diacritics>"
// → the district of the list in force until then. A district split since 2020 (Huế's two quận of
// 2025) cannot be drawn from one polygon: it is left out and reported.
const to = (code: string, note: string) => ({ code, note });

export const RENAMED_SINCE_2020: Record<string, { code: string; note: string }> = {
  "04:phuchoa": to("049", "merged into Quảng Hòa (2020)"),
  "04:quanguyen": to("049", "merged into Quảng Hòa (2020)"),
  "04:thongnong": to("045", "merged into Hà Quảng (2020)"),
  "04:tralinh": to("047", "merged into Trùng Khánh (2020)"),
  "17:kyson": to("148", "merged into Hòa Bình city (2020)"),
  "22:hoanhbo": to("193", "merged into Hạ Long (2019)"),
  "24:yendung": to("213", "merged into Bắc Giang city (2025)"),
  "36:myloc": to("356", "merged into Nam Định city (2025)"),
  "37:ninhbinh": to("374", "merged into Hoa Lư city (2025)"),
  "38:dongson": to("380", "merged into Thanh Hóa city (2024)"),
  "38:tinhgia": to("407", "renamed Nghi Sơn (2020)"),
  "40:cualo": to("412", "merged into Vinh (2025)"),
  "42:locha": to("445", "merged into Thạch Hà (2025)"),
  "46:namdong": to("482", "merged into Phú Lộc (2025)"),
  "49:nongson": to("509", "merged into Quế Sơn (2025)"),
  "51:taytra": to("525", "merged into Trà Bồng (2020)"),
  "60:phuquy": to("602", "spelt Phú Quí in the list"),
  "68:cattien": to("682", "merged into Đạ Huoai (2025)"),
  "68:dateh": to("682", "merged into Đạ Huoai (2025)"),
  "77:datdo": to("753", "merged into Long Đất (2025)"),
  "77:longdien": to("753", "merged into Long Đất (2025)"),
  "77:tanthanh": to("754", "renamed Phú Mỹ (2018)"),
  "79:quan2": to("769", "merged into Thủ Đức city (2021)"),
  "79:quan9": to("769", "merged into Thủ Đức city (2021)"),
};
