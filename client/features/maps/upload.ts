import { LOCALE_HEADER, type Locale } from "@qt/shared/format";
import type { CommuneList, TMapUploadResult } from "@qt/shared/schemas/maps";
import { CLIENT_HEADER } from "../../trpc.ts";

export type UploadForm = { list: CommuneList; file: File; attribution: string; missing: string };

/**
 * Sends a boundary file as it is (no JSON wrapping: a 20 MB file would double in a tRPC body) to
 * the upload route; the route answers the layer stored or the refusal's reasons, in `locale`.
 */
export async function uploadBoundaries(form: UploadForm, locale: Locale): Promise<TMapUploadResult> {
  const query = new URLSearchParams({ fileName: form.file.name, attribution: form.attribution, lang: locale });
  if (form.missing.trim()) query.set("missing", form.missing.trim());
  const res = await fetch(`/api/maps/communes/${form.list}?${query}`, {
    method: "POST",
    headers: { ...CLIENT_HEADER, [LOCALE_HEADER]: locale, "content-type": "application/octet-stream" },
    body: form.file,
    credentials: "same-origin",
  });
  const body = (await res.json().catch(() => null)) as TMapUploadResult | null;
  // A refusal before the file was looked at (sign-in, role) names no problems of the file.
  if (body && typeof body === "object" && "ok" in body) {
    if (body.ok) return body;
    const {
      problems = [],
      more = 0,
      ...said
    } = body.error as Partial<typeof body.error> & { code: string; message: string };
    return { ok: false, error: { ...said, problems, more } };
  }
  return { ok: false, error: { code: String(res.status), message: res.statusText, problems: [], more: 0 } };
}
