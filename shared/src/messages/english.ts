import { accountsEn } from "./accounts.en.ts";
import { approvalsEn } from "./approvals.en.ts";
import { authEn } from "./auth.en.ts";
import { commonEn } from "./common.en.ts";
import { dashboardEn } from "./dashboard.en.ts";
import { dashboardScreensEn } from "./dashboard-screens.en.ts";
import { demoEn } from "./demo.en.ts";
import { entryEn } from "./entry.en.ts";
import { errorsEn } from "./errors.en.ts";
import { exchangeEn } from "./exchange.en.ts";
import { fieldLabels } from "./field-labels.ts";
import { historyEn } from "./history.en.ts";
import { importChecksEn } from "./import-checks.en.ts";
import { importsEn } from "./imports.en.ts";
import { layoutEn } from "./layout.en.ts";
import { mapUploadEn } from "./map-upload.en.ts";
import { reportsEn } from "./reports.en.ts";
import { rolesEn } from "./roles.en.ts";
import { validationEn } from "./validation.en.ts";
import type { CatalogueKey } from "./vietnamese.ts";

/**
 * The English catalogue: every key of the Vietnamese one (a missing or extra key is a compile
 * error). Its own chunk on the client (issue 27: each language's messages load on their own),
 * fetched and added by `loadLanguage("en")`; the server adds it at start (server/errors.ts).
 */
export const en: Record<CatalogueKey, string> = {
  ...commonEn,
  ...authEn,
  ...approvalsEn,
  ...dashboardEn,
  ...entryEn,
  ...reportsEn,
  ...layoutEn,
  ...demoEn,
  ...importsEn,
  ...rolesEn,
  ...errorsEn,
  ...validationEn,
  ...historyEn,
  ...mapUploadEn,
  ...importChecksEn,
  ...exchangeEn,
  ...fieldLabels("en"),
  ...accountsEn,
  ...dashboardScreensEn,
};
