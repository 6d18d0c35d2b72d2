import type { ModelCategory } from "@qt/shared/domain";

export type ModelTypeSeed = { code: string; name: string; category: ModelCategory; description: string };

/**
 * The model-type catalogue loaded by the seed. The first four are the models the 2023 conference
 * article names, with the stable codes other tools rely on; the rest are real model names seen in
 * public reports from Quảng Trị and former Quảng Bình (merged into Quảng Trị in 2025), typos
 * corrected ("đông thị" → "đô thị", "Khu dâu cư" → "Khu dân cư").
 */
export const MODEL_TYPES: ModelTypeSeed[] = [
  {
    code: "clan-no-crime",
    name: "Dòng họ không có tội phạm và tệ nạn xã hội",
    category: "clan",
    description: "Nêu tại hội nghị tổng kết 15 năm (31/01/2023): 113 điểm ở 4 huyện.",
  },
  {
    code: "security-camera",
    name: "Camera an ninh phòng chống tội phạm",
    category: "camera",
    description:
      "Nêu tại hội nghị tổng kết 15 năm (31/01/2023): 73/126 địa bàn cấp xã thuộc 8 huyện, thị xã, thành phố.",
  },
  {
    code: "clan-security",
    name: "Dòng họ tham gia bảo đảm an ninh, trật tự",
    category: "clan",
    description: "Nêu tại hội nghị tổng kết 15 năm (31/01/2023): 175 dòng họ.",
  },
  {
    code: "religious-community",
    name: "Đồng bào tôn giáo tham gia bảo vệ an ninh Tổ quốc",
    category: "religious",
    description: "Nêu tại hội nghị tổng kết 15 năm (31/01/2023): 34 mô hình trong Phật giáo, 8 trong Công giáo.",
  },
  {
    code: "residential-no-crime",
    name: "Khu dân cư không có tội phạm và tệ nạn xã hội",
    category: "residential",
    description: "Huyện Hải Lăng.",
  },
  {
    code: "residential-no-drug-users",
    name: "Khu dân cư không có người nghiện ma túy",
    category: "residential",
    description: "Huyện Hải Lăng.",
  },
  {
    code: "residential-safe",
    name: "Khu dân cư an toàn về an ninh trật tự",
    category: "residential",
    description: "Thôn Lam Thủy, xã Hải Vĩnh, huyện Hải Lăng.",
  },
  {
    code: "outdoor-property-club",
    name: "Câu lạc bộ bảo vệ tài sản ngoài trời",
    category: "other",
    description: "Thị trấn Cửa Việt, huyện Gio Linh.",
  },
  {
    code: "residential-drug-free",
    name: "Khu dân cư trong sạch về ma túy",
    category: "residential",
    description: "Xã Cam Hiếu, huyện Cam Lộ.",
  },
  {
    code: "shock-team-rescue",
    name: "Tổ xung kích tự quản bảo đảm ANTT và cứu nạn, cứu hộ",
    category: "residential",
    description: "Xã Cam Hiếu, huyện Cam Lộ.",
  },
  {
    code: "home-fire-extinguisher",
    name: "Nhà tôi có bình chữa cháy",
    category: "other",
    description: "Xã Cam Hiếu, huyện Cam Lộ.",
  },
  {
    code: "boat-self-management",
    name: "Tổ tự quản tàu thuyền an toàn trên biển",
    category: "border_sea",
    description: "Trung Giang, Gio Hải, Cửa Việt (huyện Gio Linh).",
  },
  {
    code: "border-marker-self-management",
    name: "Quần chúng tham gia tự quản đường biên, cột mốc, giữ gìn ANTT thôn, bản khu vực biên giới",
    category: "border_sea",
    description: "Huyện Hướng Hóa.",
  },
  { code: "village-twinning", name: 'Kết nghĩa "bản - bản"', category: "border_sea", description: "Huyện Hướng Hóa." },
  {
    code: "village-no-alcohol-tobacco",
    name: "Bản không có rượu bia, thuốc lá",
    category: "ethnic_minority",
    description: "Bản Cupua, xã Đakrông, huyện Đakrông.",
  },
  {
    code: "school-three-no",
    name: "3 không và cổng trường an toàn giao thông",
    category: "school",
    description: "Huyện Đakrông.",
  },
  {
    code: "security-keychain",
    name: "Móc khóa an ninh",
    category: "school",
    description: "Xã Vĩnh Thái, huyện Vĩnh Linh.",
  },
  {
    code: "safe-for-women-children",
    name: "Làng quê, khu phố an toàn cho phụ nữ, trẻ em",
    category: "mass_organization",
    description: "Hội Liên hiệp Phụ nữ tỉnh.",
  },
  {
    code: "women-members-law-abiding",
    name: "Gia đình hội viên phụ nữ không vi phạm pháp luật",
    category: "mass_organization",
    description: "Hội Liên hiệp Phụ nữ tỉnh.",
  },
  {
    code: "street-group-self-management",
    name: "Tổ dân phố tự quản về ANTT",
    category: "residential",
    description: "Quảng Bình (cũ).",
  },
  { code: "neighbour-group", name: "Tổ liên gia tự quản", category: "residential", description: "Quảng Bình (cũ)." },
  {
    code: "residential-no-drugs",
    name: "Khu dân cư không có ma túy",
    category: "residential",
    description: "Quảng Bình (cũ).",
  },
  {
    code: "residential-self-management",
    name: "Khu dân cư tự quản về ANTT",
    category: "residential",
    description: "Quảng Bình (cũ).",
  },
  {
    code: "street-group-charity",
    name: "Tổ dân phố bảo đảm ANTT, sống tình thương bác ái",
    category: "residential",
    description: "Quảng Bình (cũ).",
  },
  { code: "law-club", name: "Câu lạc bộ pháp luật", category: "other", description: "Quảng Bình (cũ)." },
  { code: "five-help-one", name: "5 giúp 1", category: "other", description: "Quảng Bình (cũ)." },
  {
    code: "help-juvenile-offenders",
    name: "Chung tay giúp đỡ người chưa thành niên vi phạm pháp luật",
    category: "mass_organization",
    description: "Quảng Bình (cũ).",
  },
  {
    code: "veterans-educate-youth",
    name: "Hội CCB giáo dục thanh thiếu niên chấp hành pháp luật",
    category: "mass_organization",
    description: "Quảng Bình (cũ).",
  },
  { code: "safe-village", name: "Thôn an toàn", category: "residential", description: "Quảng Bình (cũ)." },
  { code: "five-safe", name: "5 an toàn về an ninh trật tự", category: "residential", description: "Quảng Bình (cũ)." },
  {
    code: "safe-school",
    name: "Trường học an toàn về an ninh trật tự",
    category: "school",
    description: "Quảng Bình (cũ).",
  },
  {
    code: "people-security-team",
    name: "Tổ an ninh nhân dân",
    category: "residential",
    description: "Quảng Bình (cũ).",
  },
  {
    code: "safe-household",
    name: "Hộ an toàn, thôn xóm bình yên",
    category: "residential",
    description: "Quảng Bình (cũ).",
  },
  { code: "zalo-peace", name: "Zalo - Kết nối bình yên", category: "online", description: "Quảng Bình (cũ)." },
  {
    code: "border-info-link",
    name: "Kết nối thông tin an ninh trật tự vùng biên",
    category: "ethnic_minority",
    description: "Quảng Bình (cũ).",
  },
  { code: "clan-self-managed", name: "Dòng họ tự quản", category: "clan", description: "Quảng Bình (cũ)." },
  {
    code: "parish-security",
    name: "Xứ, họ đạo an ninh",
    category: "religious",
    description: "Huyện Quảng Trạch, Quảng Bình (cũ).",
  },
];
