import { accountsVi } from "./accounts.ts";
import { approvalsVi } from "./approvals.ts";
import { dashboardScreensVi } from "./dashboard-screens.ts";
import { entryVi } from "./entry.ts";
import { exchangeVi } from "./exchange.ts";
import { fieldLabels } from "./field-labels.ts";
import { historyVi } from "./history.ts";
import { importChecksVi } from "./import-checks.ts";
import { importsVi } from "./imports.ts";
import { mapUploadVi } from "./map-upload.ts";
import { reportsVi } from "./reports.ts";
import { validationVi } from "./validation.ts";

/**
 * The Vietnamese words of every screen but the first (decision 054): a chunk of its own on the
 * client, fetched with any other screen's chunk (`loadAllMessages`) or when a message of it is
 * asked before it came; the server, the documents and the tests add it at start (all.ts).
 */
export const viRest = {
  ...approvalsVi,
  ...entryVi,
  ...reportsVi,
  ...importsVi,
  ...validationVi,
  ...historyVi,
  ...mapUploadVi,
  ...importChecksVi,
  ...exchangeVi,
  ...fieldLabels("vi"),
  ...accountsVi,
  ...dashboardScreensVi,
};
