import { fileURLToPath } from "node:url";

// Reports are documents filed in Vietnamese (Nghị định 30/2020/NĐ-CP), whatever the reader's UI
// language, so their texts live here rather than in the client's i18n dictionary; the domain words
// (religions, funding sources, …) are the shared vocabulary's (@qt/shared/vocabulary).

export const SECTION_TITLES = {
  summary: "Kết quả chung",
  modelTypes: "Các mô hình được xây dựng, nhân rộng",
  cameras: "Mô hình “Camera an ninh phòng chống tội phạm”",
  communities: "Mô hình trong dòng họ và cộng đồng tôn giáo",
  awards: "Công tác khen thưởng",
  annex: "Số liệu theo địa bàn cấp xã",
} as const;

/**
 * How a document says which commune-level units its figures are counted by (the screens' view
 * words are the product's: "tại thời điểm ghi nhận" is not an administrative phrase).
 */
export const DOCUMENT_VIEW_WORDS = {
  historical: "số liệu theo đơn vị hành chính cấp xã của từng thời kỳ",
  current: "số liệu theo xã, phường, đặc khu hiện nay",
} as const;

/** Printed under a narrative section's heading while no draft holds its text (decision 019). */
export const NARRATIVE_PLACEHOLDER = "(nội dung do đơn vị soạn)";

/** Printed once above the subject line (decision 019: the title does not repeat it). */
export const DOCUMENT_KIND = "BÁO CÁO";
/** Nghị định 30/2020/NĐ-CP, Phụ lục I: an annex is headed "Phụ lục", then its subject in capitals. */
export const ANNEX_TITLE = "Phụ lục";

export const NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
export const NATIONAL_MOTTO = "Độc lập - Tự do - Hạnh phúc";

/** Liberation Serif 2 (SIL OFL, metric-compatible with Times New Roman), shipped in server/assets/fonts. */
const fontPath = (file: string) => fileURLToPath(new URL(`../../assets/fonts/${file}`, import.meta.url));
export const FONT_FILES = {
  normal: fontPath("LiberationSerif-Regular.ttf"),
  bold: fontPath("LiberationSerif-Bold.ttf"),
  italics: fontPath("LiberationSerif-Italic.ttf"),
  bolditalics: fontPath("LiberationSerif-BoldItalic.ttf"),
};
