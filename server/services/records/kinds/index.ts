import type { ImportKind } from "@qt/shared/schemas/imports";
import { awardImport } from "./award.ts";
import { cameraImport } from "./camera.ts";
import { siteImport } from "./site.ts";

/**
 * The record kinds, by the name the import, the reports and the routers give them. Each is one
 * module (site.ts, camera.ts, award.ts: decision 037): a fourth kind is a fourth module, listed here.
 */
export const RECORD_KINDS = {
  sites: siteImport,
  cameras: cameraImport,
  awards: awardImport,
} as const satisfies Record<ImportKind, object>;
