/**
 * The province a copy of the product serves, chosen at install (decision 044): one of today's 34,
 * with the old provinces merged into it on 01/07/2025. Screens and documents name it through these
 * functions only, so no text carries a province's name of its own.
 */
import type { Locale } from "./format.ts";

/** The id of the data element that carries the installed province in the page (server/http/shell.ts). */
export const PROVINCE_ELEMENT_ID = "qt-province";

/** The two kinds of province, as the national lists write them. */
export const PROVINCE_KINDS = ["Tỉnh", "Thành phố"] as const;
export type ProvinceKind = (typeof PROVINCE_KINDS)[number];

/** `PROVINCE=all`: the national install of the ministry's movement office (decision 050). */
export const NATIONAL_CODE = "all";

/** The national install's issuing body, under "BỘ CÔNG AN" (decision 050). */
export const NATIONAL_AGENCY = "CỤC XÂY DỰNG PHONG TRÀO BẢO VỆ AN NINH TỔ QUỐC";

export type InstalledProvince = {
  /** Today's GSO code, e.g. "44". */
  code: string;
  /** "Tỉnh Quảng Trị", "Thành phố Hà Nội". */
  name: string;
  /** "Quang Tri Province", "Hanoi City". */
  nameEn: string;
  type: ProvinceKind;
  /** The old provinces (list until 30/06/2025) merged into it, with their names ("Tỉnh Quảng Bình"). */
  former: { code: string; name: string }[];
  /** The national install (code "all"): every province of today, every old province in `former`. */
  national?: boolean;
  /** On the national install: today's 34 provinces (names from the national lists), in code order. */
  provinces?: NationalProvince[];
};

/** A province of today as the national install lists it (decision 050). */
export type NationalProvince = { code: string; name: string; nameEn: string; type: ProvinceKind; former: string[] };

type Named = Pick<InstalledProvince, "name" | "type"> & { national?: boolean | undefined };

/** "Tỉnh Quảng Trị" → "Quảng Trị"; "Thành phố Hà Nội" → "Hà Nội". */
export function bareProvinceName(name: string): string {
  return name.replace(/^(Tỉnh|Thành phố)\s+/u, "");
}

/** "CÔNG AN TỈNH QUẢNG TRỊ" / "CÔNG AN THÀNH PHỐ HÀ NỘI": the agency heading documents (under "BỘ CÔNG AN"). */
export function policeHeading(p: Named): string {
  if (p.national) return NATIONAL_AGENCY;
  return `CÔNG AN ${p.type} ${bareProvinceName(p.name)}`.toLocaleUpperCase("vi");
}

/** "Công an tỉnh Quảng Trị" / "Quảng Trị Provincial Police"; "Hà Nội City Police". */
export function policeName(p: Named, locale: Locale = "vi"): string {
  if (p.national) {
    return locale === "en"
      ? "Department for Building the Movement to Protect National Security"
      : "Cục Xây dựng phong trào bảo vệ an ninh Tổ quốc";
  }
  const bare = bareProvinceName(p.name);
  if (locale === "en") return `${bare} ${p.type === "Tỉnh" ? "Provincial" : "City"} Police`;
  return `Công an ${p.type.toLocaleLowerCase("vi")} ${bare}`;
}

/** "toàn tỉnh Quảng Trị" / "the whole of Quảng Trị province"; "toàn thành phố Hà Nội" / "the whole of Hà Nội city". */
export function wholeProvinceName(p: Named, locale: Locale = "vi"): string {
  if (p.national) return locale === "en" ? "the whole country" : "toàn quốc";
  const bare = bareProvinceName(p.name);
  if (locale === "en") return `the whole of ${bare} ${p.type === "Tỉnh" ? "province" : "city"}`;
  return `toàn ${p.type.toLocaleLowerCase("vi")} ${bare}`;
}

/** "tỉnh Quảng Trị" / "Quảng Trị province", "thành phố Hà Nội" / "Hà Nội city": the province in a sentence. */
export function provincePlace(p: Named): { place: { vi: string; en: string } } {
  if (p.national) return { place: { vi: "cả nước", en: "the country" } };
  const bare = bareProvinceName(p.name);
  return {
    place: {
      vi: `${p.type.toLocaleLowerCase("vi")} ${bare}`,
      en: `${bare} ${p.type === "Tỉnh" ? "province" : "city"}`,
    },
  };
}

/** "Quảng Bình cũ" / "former Quảng Bình": the land of an old province, by its name in the old list. */
export function formerProvinceName(name: string, locale: Locale = "vi"): string {
  const bare = bareProvinceName(name);
  return locale === "vi" ? `${bare} cũ` : `former ${bare}`;
}

/** "Quảng Bình cũ" / "Former Quảng Bình": an old province as a choice, a chip or a heading. */
export function formerProvinceLabel(name: string, locale: Locale = "vi"): string {
  const text = formerProvinceName(name, locale);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The page title: "Mô hình phong trào toàn dân bảo vệ an ninh Tổ quốc – Quảng Trị". */
export function pageTitle(p: Pick<InstalledProvince, "name">): string {
  return `Mô hình phong trào toàn dân bảo vệ an ninh Tổ quốc – ${bareProvinceName(p.name)}`;
}

/** The name of an old province of the installed one, by code (the code itself when not one of them). */
export function formerNameOf(p: Pick<InstalledProvince, "former">, code: string, locale: Locale = "vi"): string {
  const found = p.former.find((f) => f.code === code);
  return found ? formerProvinceName(found.name, locale) : code;
}

/** A province of today's name in the chosen language: "Quảng Trị" / "Quang Tri" (the lists' English name, bare). */
export function provinceChoiceName(p: Pick<NationalProvince, "name" | "nameEn">, locale: Locale = "vi"): string {
  return locale === "en" ? p.nameEn.replace(/\s+(Province|City)$/u, "") : bareProvinceName(p.name);
}
