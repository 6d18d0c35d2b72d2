import { authVi } from "./auth.ts";
import { commonVi } from "./common.ts";
import { dashboardVi } from "./dashboard.ts";
import { demoVi } from "./demo.ts";
import { errorsVi } from "./errors.ts";
import { layoutVi } from "./layout.ts";
import { rolesVi } from "./roles.ts";

/**
 * The Vietnamese words the first screen draws (issue 27, decision 054): the shell (header,
 * navigation, account menu, notices), the sign-in forms, the overview and the server's refusals
 * (also those of a network that has gone: `network.*`). Bundled with the page; every other
 * domain file is in vietnamese-rest.ts, a chunk that comes with the other screens.
 */
export const viFirst = {
  ...commonVi,
  ...authVi,
  ...dashboardVi,
  ...layoutVi,
  ...demoVi,
  ...rolesVi,
  ...errorsVi,
};
