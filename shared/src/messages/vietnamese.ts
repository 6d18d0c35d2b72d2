import { approvalsVi } from "./approvals.ts";
import { authVi } from "./auth.ts";
import { commonVi } from "./common.ts";
import { dashboardVi } from "./dashboard.ts";
import { demoVi } from "./demo.ts";
import { entryVi } from "./entry.ts";
import { errorsVi } from "./errors.ts";
import { exchangeVi } from "./exchange.ts";
import { fieldLabels } from "./field-labels.ts";
import { historyVi } from "./history.ts";
import { importChecksVi } from "./import-checks.ts";
import { importsVi } from "./imports.ts";
import { layoutVi } from "./layout.ts";
import { mapUploadVi } from "./map-upload.ts";
import { reportsVi } from "./reports.ts";
import { rolesVi } from "./roles.ts";
import { validationVi } from "./validation.ts";

/**
 * The Vietnamese catalogue, the product's first language: bundled with the first screen. Its keys
 * are the catalogue's (every other language is typed to have exactly them).
 */
export const vi = {
  ...commonVi,
  ...authVi,
  ...approvalsVi,
  ...dashboardVi,
  ...entryVi,
  ...reportsVi,
  ...layoutVi,
  ...demoVi,
  ...importsVi,
  ...rolesVi,
  ...errorsVi,
  ...validationVi,
  ...historyVi,
  ...mapUploadVi,
  ...importChecksVi,
  ...exchangeVi,
  ...fieldLabels("vi"),
};

/** The keys every language must have (english.ts is typed `Record<CatalogueKey, string>`). */
export type CatalogueKey = keyof typeof vi;
