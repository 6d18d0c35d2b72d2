import { formatDate, formatNumber, type Locale } from "../format.ts";
import type { mapsVi } from "./maps.ts";
import type { CatalogueKey } from "./vietnamese.ts";
import { viFirst } from "./vietnamese-first.ts";

/**
 * The one message catalogue (docs/decisions/042): every sentence the user reads — screens, server
 * errors, schema messages, history, documents — one file per domain: `xx.ts` holds the Vietnamese
 * object (`xxVi`, `as const`), `xx.en.ts` the English one typed to have exactly its keys (`xxEn`).
 * Placeholders are written {name}; a capitalised placeholder ({Label}) capitalises its value. Keys
 * are prefixed by domain so the files never collide. Vietnamese is here; English is a chunk of its
 * own (english.ts), loaded when English is chosen (`loadLanguage`); the server adds it at start.
 * On the client the Vietnamese words come in two parts (decision 054): the first screen's
 * (vietnamese-first.ts) with the page, the rest (vietnamese-rest.ts) with the other screens'
 * chunks; the server, the command-line tools and the tests add everything at start (all.ts).
 */
export type { CatalogueKey };

/**
 * The keys of messages that load with their feature's chunk (addMessages), not with the first
 * screen: the map's (issue 16: the map is not in the first screen's JavaScript, its words neither).
 */
type LazyKey = keyof typeof mapsVi;
export type MessageKey = CatalogueKey | LazyKey;

/**
 * A parameter: a text, a number (written in the language's digits, except in a placeholder named
 * for a year or a code, see AS_GIVEN), or another message (a field's name: `{ key: "noun.site" }`).
 */
/** A text, a number, another message, or a text in each language (a province's name in a sentence). */
export type MessageParam = string | number | { key: MessageKey } | { vi: string; en: string };
export type MessageParams = Record<string, MessageParam>;
export type KeyedMessage = { key: MessageKey; params: MessageParams };

const catalogue: Record<Locale, Record<string, string>> = { vi: { ...viFirst }, en: {} };
const listeners = new Set<() => void>();

/** Messages joining the catalogue: a language's chunk, or a lazily loaded feature's words. */
export function addMessages(locale: Locale, part: Record<string, string>) {
  Object.assign(catalogue[locale], part);
  for (const listener of listeners) listener();
}

/** Called whenever messages join (the screens draw again: a message asked before its part came). */
export function onMessagesAdded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether the Vietnamese words beyond the first screen's are here (always on the server). */
let restHere = false;
export function addRestOfVietnamese(part: Record<string, string>) {
  restHere = true;
  addMessages("vi", part);
}

let restLoading: Promise<void> | null = null;
/** Fetches the Vietnamese words of the screens other than the first (a chunk of their own), once. */
export function loadAllMessages(): Promise<void> {
  if (restHere) return Promise.resolve();
  restLoading ??= import("./vietnamese-rest.ts").then(
    ({ viRest }) => addRestOfVietnamese(viRest),
    () => {
      restLoading = null; // offline: the next message asked tries again
    },
  );
  return restLoading;
}

/** Whether a language's messages are here (Vietnamese always; English once its chunk came). */
export const hasLanguage = (locale: Locale) => locale === "vi" || Object.hasOwn(catalogue.en, "app.title");

/** Loads a language's messages (English: its own chunk, fetched once). */
export async function loadLanguage(locale: Locale): Promise<void> {
  if (hasLanguage(locale)) return;
  const { en } = await import("./english.ts");
  addMessages(locale, en);
}

/** A key's shape ("dashboard.card.sites", "v.tooLong"): dotted words, no space. */
const KEY_SHAPE = /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9_-]+)+$/;

/**
 * Whether a key built at run time (e.g. from a field name the server sends) has a message. Before
 * the rest of the Vietnamese words came, a key of their shape counts (its message follows them).
 */
export const isMessageKey = (key: unknown): key is MessageKey =>
  typeof key === "string" && (Object.hasOwn(catalogue.vi, key) || (!restHere && KEY_SHAPE.test(key)));

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const uncapitalize = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * A text parameter as an English reader needs it: the server writes dates and unit names the
 * Vietnamese way; "07/12/2026" reads as 12 July, so "7 Dec 2026"; a former district's "(cũ)"
 * becomes "(former)", as formerUnitName writes it in English.
 */
function englishParam(value: string): string {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value);
  if (m) return formatDate(`${m[3]}-${m[2]}-${m[1]}`, "en");
  return value.endsWith(" (cũ)") ? `${value.slice(0, -" (cũ)".length)} (former)` : value;
}

/**
 * Placeholders whose number is a year or a code, printed as given: "2022", never "2.022" or
 * "2,022". Any other number is written in the language's digits (1.131 / 1,131).
 */
const AS_GIVEN = new Set(["year", "years", "from", "to", "fromYear", "toYear", "code", "id", "version"]);

function paramText(name: string, value: MessageParam, locale: Locale): string {
  if (typeof value === "number") return AS_GIVEN.has(name) ? String(value) : formatNumber(value, locale);
  if (typeof value === "object") return "key" in value ? message(value.key, {}, locale) : value[locale];
  return locale === "en" ? englishParam(value) : value;
}

/**
 * A message in a language (Vietnamese by default): the one renderer of the server, the documents
 * and the screens (the provider's `t`). A number parameter is written in the language's digits,
 * except a year or a code (AS_GIVEN). A language whose chunk has not come yet speaks Vietnamese. A
 * message whose part has not come yet (the rest of the Vietnamese words, a lazy feature's) is an
 * empty text, never its key: the part is fetched and the screens draw again when it came
 * (`onMessagesAdded`).
 */
export function message(key: MessageKey, params: MessageParams = {}, locale: Locale = "vi"): string {
  const text = catalogue[locale][key] ?? catalogue.vi[key];
  if (text === undefined) {
    if (!restHere) void loadAllMessages();
    return "";
  }
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const lower = uncapitalize(name);
    const value = params[name] ?? params[lower];
    if (value === undefined) return whole;
    const said = paramText(lower, value, locale);
    return name === uncapitalize(name) ? said : capitalize(said);
  });
}

/**
 * A message as one string, for where only a string fits (a zod schema's message): the key, then
 * its parameters as JSON when it has any (`v.tooLong{"label":{"key":"noun.siteName"},"max":200}`).
 * Whoever shows it reads it back with `readKeyed`: the key is read, never guessed from the words.
 */
export function keyed(key: MessageKey, params: MessageParams = {}): string {
  return Object.keys(params).length === 0 ? key : `${key}${JSON.stringify(params)}`;
}

/** The key and parameters of a `keyed` string; null for any other text. */
export function readKeyed(text: string): KeyedMessage | null {
  const brace = text.indexOf("{");
  const key = brace < 0 ? text : text.slice(0, brace);
  if (!isMessageKey(key)) return null;
  if (brace < 0) return { key, params: {} };
  try {
    const params: unknown = JSON.parse(text.slice(brace));
    return params !== null && typeof params === "object" ? { key, params: params as MessageParams } : null;
  } catch {
    return null;
  }
}

/** What a `keyed` string says in a language; any other text (a server's plain message) as it is. */
export function messageOf(text: string, locale: Locale = "vi"): string {
  const k = readKeyed(text);
  return k ? message(k.key, k.params, locale) : text;
}
