import type { Locale } from "@qt/shared/format";
import { modelTypeName } from "@qt/shared/model-type-names";
import { type VocabularyKind, type VocabularyValue, label as vocabularyLabel } from "@qt/shared/vocabulary";
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import { en, type MessageKey, vi } from "./dictionary.ts";

const STORAGE_KEY = "qt.locale";
const dictionaries = { vi, en } as const;

export type I18n = {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
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

function initialLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "vi";
  } catch {
    return "vi";
  }
}

export function I18nProvider({ children, locale: fixed }: { children: ReactNode; locale?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(fixed ?? initialLocale);
  active = locale;
  const setLocale = useCallback((next: Locale) => {
    active = next;
    setLocaleState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode: the choice lasts for this visit only.
    }
    document.documentElement.lang = next;
  }, []);
  const t = useCallback(
    (key: MessageKey, params?: Record<string, string | number>) => {
      // A lazy feature's key before its chunk came (never shown: only its own components ask).
      const text: string = (dictionaries[locale] as Record<string, string>)[key] ?? key;
      return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m)) : text;
    },
    [locale],
  );
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
