import type { Locale } from "@qt/shared/format";
import {
  hasLanguage,
  loadLanguage,
  type MessageKey,
  type MessageParams,
  message,
  onMessagesAdded,
} from "@qt/shared/messages/index";
import { modelTypeName } from "@qt/shared/model-type-names";
import { type VocabularyKind, type VocabularyValue, label as vocabularyLabel } from "@qt/shared/vocabulary";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";

const STORAGE_KEY = "qt.locale";
export type I18n = {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  /** A message of the one catalogue (shared/src/messages) in the current language. */
  t: (key: MessageKey, params?: MessageParams) => string;
  /** A domain word (an enum value's label) in the current language: label("religion", "hoahao"). */
  label: <K extends VocabularyKind>(kind: K, value: VocabularyValue<K>) => string;
  /** A model type's name in the current language (English names: shared/src/model-type-names.ts). */
  modelType: (type: { code: string; name: string }) => string;
};

const I18nContext = createContext<I18n | null>(null);

/**
 * The language on screen, for code outside React: the tRPC link names it to the server in a
 * header, and error messages are written in it (client/errors.ts). Follows the provider.
 */
let active: Locale = "vi";
export const activeLocale = (): Locale => active;

/** The language chosen on this browser (Vietnamese unless English was chosen). */
export function storedLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "vi";
  } catch {
    return "vi";
  }
}

export function I18nProvider({ children, locale: fixed }: { children: ReactNode; locale?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(fixed ?? storedLocale);
  active = locale;
  // A language given before its chunk came (main.tsx loads the stored one before the first render):
  // draw again once it is here; until then the catalogue speaks Vietnamese.
  // Words that came later (a language, the words of the screens beyond the first, a feature's) draw
  // again every message: one asked before its part came was an empty text (decision 054).
  const [words, loaded] = useState(0);
  useEffect(() => onMessagesAdded(() => loaded((n) => n + 1)), []);
  useEffect(() => {
    if (!hasLanguage(locale)) void loadLanguage(locale);
  }, [locale]);
  const setLocale = useCallback((next: Locale) => {
    // The choice is kept at once, so a page opened before the language's chunk came speaks it too.
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode: the choice lasts for this visit only.
    }
    const show = () => {
      active = next;
      setLocaleState(next);
      document.documentElement.lang = next;
    };
    // English is a chunk of its own (issue 27): the screen changes language once it has come.
    if (hasLanguage(next)) show();
    else void loadLanguage(next).then(show);
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: words: a new t when messages came
  const t = useCallback((key: MessageKey, params?: MessageParams) => message(key, params, locale), [locale, words]);
  const label = useCallback(
    <K extends VocabularyKind>(kind: K, value: VocabularyValue<K>) => vocabularyLabel(kind, value, locale),
    [locale],
  );
  const modelType = useCallback((type: { code: string; name: string }) => modelTypeName(type, locale), [locale]);
  const value = useMemo(() => ({ locale, setLocale, t, label, modelType }), [locale, setLocale, t, label, modelType]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error("useI18n outside I18nProvider");
  return ctx;
}
