import type { Locale } from "@qt/shared/format";
import { message } from "@qt/shared/messages/index";
import { type CommuneList, MAP_PROBLEMS_SHOWN, type TMapUploadResult } from "@qt/shared/schemas/maps";
import type { SessionUser } from "../../context.ts";
import type { Db } from "../../db.ts";
import { expectedUnits } from "./expected-units.ts";
import { saveLayer } from "./layers.ts";
import { simplifyForScreen } from "./simplify.ts";
import { checkBoundaryFile } from "./upload.ts";

/**
 * An admin's commune-level boundary file for one list: checked whole, then simplified and stored
 * (replacing the list's earlier file), or refused with its first problems named and the rest
 * counted, in the caller's language; nothing is stored on refusal.
 */
export async function loadCommuneBoundaries(
  db: Db,
  user: SessionUser,
  input: { list: CommuneList; text: string; fileName: string; attribution: string; missing: string[] },
  locale: Locale,
): Promise<TMapUploadResult> {
  const expected = await expectedUnits(db, input.list);
  const checked = checkBoundaryFile(input.text, expected, input.missing);
  if (!checked.ok) {
    const { problems } = checked;
    return {
      ok: false,
      error: {
        code: "BAD_REQUEST",
        message: message("map.refused", { count: problems.length }, locale),
        problems: problems.slice(0, MAP_PROBLEMS_SHOWN).map((p) => message(p.key, p.params, locale)),
        more: Math.max(0, problems.length - MAP_PROBLEMS_SHOWN),
      },
    };
  }
  const layer = await saveLayer(db, user, {
    list: input.list,
    fileName: input.fileName,
    attribution: input.attribution,
    missing: [...new Set(input.missing)],
    features: simplifyForScreen(checked.features),
  });
  return { ok: true, layer };
}
