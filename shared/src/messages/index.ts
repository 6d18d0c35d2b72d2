import { formatDate, formatNumber, type Locale } from "../format.ts";
import { ERROR_MESSAGES } from "./errors.ts";
import { HISTORY_MESSAGES } from "./history.ts";
import { IMPORT_MESSAGES } from "./imports.ts";
import { MAP_MESSAGES } from "./maps.ts";
import { NOUNS, VALIDATION_MESSAGES } from "./validation.ts";

/**
 * The one message catalogue of server errors, validation and history sentences, in Vietnamese
 * (the default) and English (docs/decisions/020). The server sends a key and parameters; either
 * side renders them with `message`.
 */
export const MESSAGES = {
  ...ERROR_MESSAGES,
  ...VALIDATION_MESSAGES,
  ...HISTORY_MESSAGES,
  ...MAP_MESSAGES,
  ...IMPORT_MESSAGES,
} as const;
export type MessageKey = keyof typeof MESSAGES;
export type MessageParams = Record<string, string | number>;
export type KeyedMessage = { key: MessageKey; params: MessageParams };

export const isMessageKey = (key: unknown): key is MessageKey =>
  typeof key === "string" && Object.hasOwn(MESSAGES, key);

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const uncapitalize = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * A parameter as an English reader needs it: "07/12/2026" reads as 12 July, so "7 Dec 2026"; a
 * former district's "(cũ)" becomes "(former)", as formerUnitName writes it in English.
 */
function englishParam(value: string): string {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value);
  if (m) return formatDate(`${m[3]}-${m[2]}-${m[1]}`, "en");
  return value.endsWith(" (cũ)") ? `${value.slice(0, -" (cũ)".length)} (former)` : value;
}

/**
 * A message in a language. A number parameter is written in the language's digits (1.131 / 1,131;
 * pass years as strings); a text parameter that is a field's Vietnamese name is translated.
 */
export function message(key: MessageKey, params: MessageParams = {}, locale: Locale = "vi"): string {
  return MESSAGES[key][locale].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[uncapitalize(name)];
    if (value === undefined) return whole;
    const text =
      typeof value === "number"
        ? formatNumber(value, locale)
        : locale === "en"
          ? (NOUNS[uncapitalize(value)] ?? englishParam(value))
          : value;
    return name === uncapitalize(name) ? text : capitalize(text);
  });
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Vietnamese texts without parameters, and the templates with parameters as patterns. */
const exact = new Map<string, MessageKey>();
const patterns: { key: MessageKey; names: string[]; re: RegExp }[] = [];
for (const key of Object.keys(MESSAGES) as MessageKey[]) {
  const vi: string = MESSAGES[key].vi;
  const names = [...vi.matchAll(/\{(\w+)\}/g)].map((m) => uncapitalize(m[1] ?? ""));
  if (names.length === 0) {
    if (!exact.has(vi)) exact.set(vi, key);
  } else {
    const source = vi
      .split(/\{\w+\}/)
      .map(escapeRegExp)
      .join("(.+?)");
    patterns.push({ key, names, re: new RegExp(`^${source}$`, "s") });
  }
}

/**
 * The key and parameters of a Vietnamese message written out in full (a zod schema's text, or an
 * error from a server that sent no key); null for a text the catalogue does not know.
 */
export function keyOf(text: string): KeyedMessage | null {
  const key = exact.get(text);
  if (key) return { key, params: {} };
  for (const p of patterns) {
    const m = p.re.exec(text);
    if (!m) continue;
    const params: MessageParams = {};
    p.names.forEach((name, i) => {
      const value = m[i + 1] ?? "";
      params[name] = NOUNS[uncapitalize(value)] !== undefined ? uncapitalize(value) : value;
    });
    return { key: p.key, params };
  }
  return null;
}

/** A Vietnamese message in the chosen language; an unknown text is returned as it is. */
export function translate(text: string, locale: Locale): string {
  if (locale === "vi") return text;
  const known = keyOf(text);
  return known ? message(known.key, known.params, locale) : text;
}
