import { LOCALE_HEADER, type Locale } from "@qt/shared/format";
import { isMessageKey, message } from "@qt/shared/messages/index";
import { createContext } from "react";
import { plainMessage } from "../../errors.ts";
import { CLIENT_HEADER } from "../../trpc.ts";

/** Bytes sent so far; `total` 0 while unknown. */
export type UploadProgress = { loaded: number; total: number };

export type UploadRequest = {
  kind: string;
  /** The upload's name for GET /api/imports/progress?upload=…, while the server reads the rows. */
  progressId: string;
  file: File;
  locale: Locale;
  onProgress: (p: UploadProgress) => void;
};

/** Sends a spreadsheet to `POST /api/imports`; resolves with the server's JSON, rejects with a message. */
export type Uploader = (req: UploadRequest) => Promise<unknown>;

/** A refused upload, with the message to show in the chosen language. */
export class UploadError extends Error {}

/** The message of a refusal body `{ error: { message, messageKey, params } }` (or tRPC's `{ message }`). */
export function refusalMessage(body: unknown, status: number, locale: Locale): string {
  const b = (body ?? {}) as {
    error?: { message?: string; messageKey?: string; params?: Record<string, string> };
    message?: string;
  };
  const key = b.error?.messageKey;
  if (isMessageKey(key)) return message(key, b.error?.params ?? {}, locale);
  const text = b.error?.message ?? b.message;
  if (text) return plainMessage(text, locale);
  return message(status === 0 ? "network.unreachable" : "network.badResponse", {}, locale);
}

/**
 * The browser's upload: XMLHttpRequest rather than fetch, because only XHR reports how much of the
 * body has gone out (the progress bar of a 20 MB file). Same headers as every tRPC call: the CSRF
 * guard refuses a POST without `x-qt-client`, and the language header picks the messages' language.
 */
export const xhrUpload: Uploader = ({ kind, progressId, file, locale, onProgress }) =>
  new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/imports");
    for (const [k, v] of Object.entries(CLIENT_HEADER)) xhr.setRequestHeader(k, v);
    xhr.setRequestHeader(LOCALE_HEADER, locale);
    xhr.upload.onprogress = (e) => onProgress({ loaded: e.loaded, total: e.lengthComputable ? e.total : 0 });
    xhr.onerror = () => reject(new UploadError(message("network.unreachable", {}, locale)));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // A proxy's HTML error page: said as a bad answer below.
      }
      if (xhr.status >= 200 && xhr.status < 300 && body !== null) resolve(body);
      else reject(new UploadError(refusalMessage(body, xhr.status, locale)));
    };
    const form = new FormData();
    // The kind first: the server reads the fields in order and can refuse a wrong kind before the file.
    form.append("kind", kind);
    form.append("progressId", progressId);
    form.append("file", file, file.name);
    xhr.send(form);
  });

/** The uploader the screen uses: XHR in the browser; a test may send through the real server's inject. */
export const UploaderContext = createContext<Uploader>(xhrUpload);
