import type { Locale } from "./format.ts";

/**
 * English names of the seeded model types (prisma/seed/model-types.ts), by code: the glosses of
 * shared/reference/model-names.json, the first four and two more written here. A model type an
 * admin adds later has its Vietnamese name only, which English screens show as it is (a proper
 * name, like a commune's).
 */
export const MODEL_TYPE_NAMES_EN: Readonly<Record<string, string>> = {
  "clan-no-crime": "Clan free of crime and social evils",
  "security-camera": "Security cameras for crime prevention",
  "clan-security": "Clans taking part in security and order",
  "religious-community": "Religious followers protecting national security",
  "residential-no-crime": "Residential area free of crime and social evils",
  "residential-no-drug-users": "Residential area with no drug addicts",
  "residential-safe": "Residential area safe in security and order",
  "outdoor-property-club": "Club for protecting property left outdoors",
  "residential-drug-free": "Residential area clean of drugs",
  "shock-team-rescue": "Self-managed shock team for security, order and rescue",
  "home-fire-extinguisher": "My house has a fire extinguisher",
  "boat-self-management": "Self-management group for safe boats at sea",
  "border-marker-self-management": "Self-management of the border line and markers in border villages",
  "village-twinning": "Twinning of facing villages across the Vietnam–Laos border",
  "village-no-alcohol-tobacco": "Village free of alcohol and tobacco",
  "school-three-no": "'3 no's and traffic-safe school gate",
  "security-keychain": "Security keychain with police hotline numbers",
  "safe-for-women-children": "Villages and urban quarters safe for women and children",
  "women-members-law-abiding": "Families of Women's Union members with no law violations",
  "street-group-self-management": "Urban residential group self-managing security and order",
  "neighbour-group": "Inter-household self-management group",
  "residential-no-drugs": "Drug-free residential area",
  "residential-self-management": "Residential area self-managing security and order",
  "street-group-charity": "Residential group ensuring order and living in charity",
  "law-club": "Law club",
  "five-help-one": "Five people help one",
  "help-juvenile-offenders": "Joining hands to help juvenile offenders",
  "veterans-educate-youth": "Veterans' Association educates youth to obey the law",
  "safe-village": "Safe village",
  "five-safe": "'5 safeties' in security and order",
  "safe-school": "School safe in security and order",
  "people-security-team": "People's security team",
  "safe-household": "Safe household, peaceful hamlet",
  "zalo-peace": "Zalo – connecting for peace",
  "border-info-link": "Border-area security information link",
  "clan-self-managed": "Self-managing clan",
  "parish-security": "Secure parishes and sub-parishes",
};

/** A model type's name in the reader's language: the English name where there is one. */
export function modelTypeName(type: { code: string; name: string }, locale: Locale): string {
  return (locale === "en" && MODEL_TYPE_NAMES_EN[type.code]) || type.name;
}
