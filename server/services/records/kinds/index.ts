import type { ImportKind } from "@qt/shared/schemas/imports";
import { awardModule } from "./award.ts";
import { cameraModule } from "./camera.ts";
import { siteModule } from "./site.ts";

/**
 * The record kinds, by the name the import, the reports and the routers give them. Each is one
 * module (site.ts, camera.ts, award.ts: decision 037): a fourth kind is a fourth module, listed here.
 */
export const RECORD_KINDS = {
  sites: siteModule,
  cameras: cameraModule,
  awards: awardModule,
} as const satisfies Record<ImportKind, object>;
