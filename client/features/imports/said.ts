import type { Locale } from "@qt/shared/format";
import { isMessageKey, message } from "@qt/shared/messages/index";

type Said = { message: string; key: string; params: Record<string, string | number> };

/**
 * A message the server wrote for a row or a record, in the language on screen now: rendered again
 * from its catalogue key (the user may switch language after the preview), else as sent.
 */
export const saidIn = (s: Said, locale: Locale): string =>
  isMessageKey(s.key) ? message(s.key, s.params, locale) : s.message;
