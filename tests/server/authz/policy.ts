/**
 * Who may call each procedure of the app router: the authorization matrix test
 * (tests/server/authz-matrix.test.ts, issue 3) enumerates the router itself and fails for any
 * procedure missing here. Whoever adds a procedure adds its line.
 *
 * access: "public" (anyone) | "viewer" (anyone logged in) | "editor" (editors and admins) |
 *         "province" (admins and editors without a district or commune scope) |
 *         "approver" (approvers and admins) | "admin" (admins only).
 * scoped: true when a district or commune editor may only act on records of their own district or
 *         commune (a commune of today and the old areas it took over).
 * The valid call each cell makes is in ./samples.ts, under the same path.
 */

export type Access = "public" | "viewer" | "editor" | "province" | "approver" | "admin";
export type PolicyEntry = { access: Access; scoped?: boolean };

export const POLICY: Record<string, PolicyEntry> = {
  "auth.login": { access: "public" },
  "auth.logout": { access: "viewer" },
  "auth.me": { access: "viewer" },
  "auth.changePassword": { access: "viewer" },
  "auth.sessions": { access: "viewer" },
  "auth.endSession": { access: "viewer" },
  "auth.totp.begin": { access: "viewer" },
  "auth.totp.confirm": { access: "viewer" },
  "users.list": { access: "admin" },
  "users.create": { access: "admin" },
  "users.update": { access: "admin" },
  "users.disable": { access: "admin" },
  "users.resetPassword": { access: "admin" },
  "users.resetTotp": { access: "admin" },
  "audit.list": { access: "admin" },
  "audit.history": { access: "viewer" },
  "audit.alerts": { access: "admin" },
  "audit.acknowledgeAlert": { access: "admin" },
  "personalData.anonymise": { access: "admin" },
  "dashboard.summary": { access: "viewer" },
  "sites.list": { access: "viewer" },
  "sites.get": { access: "viewer" },
  "sites.create": { access: "editor", scoped: true },
  "sites.update": { access: "editor", scoped: true },
  "sites.remove": { access: "editor", scoped: true },
  "sites.restore": { access: "admin" },
  "cameras.list": { access: "viewer" },
  "cameras.get": { access: "viewer" },
  "cameras.create": { access: "editor", scoped: true },
  "cameras.update": { access: "editor", scoped: true },
  "cameras.remove": { access: "editor", scoped: true },
  "cameras.restore": { access: "admin" },
  "awards.list": { access: "viewer" },
  "awards.get": { access: "viewer" },
  "awards.create": { access: "editor", scoped: true },
  "awards.update": { access: "editor", scoped: true },
  "awards.remove": { access: "editor", scoped: true },
  "awards.restore": { access: "admin" },
  "modelTypes.list": { access: "viewer" },
  "modelTypes.create": { access: "admin" },
  "modelTypes.update": { access: "admin" },
  "targets.set": { access: "admin" },
  "targets.list": { access: "viewer" },
  // Divided old communes (decision 055): the move is the record lifecycle's, scope and lock included.
  "divided.list": { access: "editor" },
  "divided.move": { access: "editor" },
  // The signed exchange of approved figures (decision 052).
  "exchange.publicKey": { access: "admin" },
  "exchange.registerKey": { access: "admin" },
  "exchange.keys": { access: "admin" },
  "exchange.packages": { access: "admin" },
  "exchange.sources": { access: "viewer" },
  "targets.remove": { access: "admin" },
  "units.tree": { access: "viewer" },
  "units.province": { access: "viewer" },
  "units.provinces": { access: "viewer" },
  "dashboard.yearly": { access: "viewer" },
  "dashboard.areas": { access: "viewer" },
  "dashboard.cameras": { access: "viewer" },
  "dashboard.modelType": { access: "viewer" },
  "dashboard.communities": { access: "viewer" },
  "dashboard.awards": { access: "viewer" },
  "dashboard.options": { access: "viewer" },
  "dashboard.approval": { access: "viewer" },
  "approvals.status": { access: "viewer" },
  "approvals.submit": { access: "editor", scoped: true },
  "approvals.requestReopen": { access: "editor", scoped: true },
  "approvals.approve": { access: "approver" },
  "approvals.return": { access: "approver" },
  "approvals.reopen": { access: "admin" },
  "demo.status": { access: "admin" },
  "demo.dismissNotice": { access: "admin" },
  "demo.removeAll": { access: "admin" },
  "maps.boundaries": { access: "viewer" },
  "maps.measures": { access: "viewer" },
  "maps.layers": { access: "viewer" },
  "maps.removeCommunes": { access: "admin" },
  "reports.preview": { access: "viewer" },
  "reports.drafts.list": { access: "viewer" },
  "reports.drafts.get": { access: "viewer" },
  "reports.drafts.create": { access: "province" },
  "reports.drafts.update": { access: "province" },
  "reports.drafts.remove": { access: "province" },
  // Imports: editors and admins; the scope is checked row by row at commit (tests/server/imports.test.ts).
  "imports.get": { access: "editor" },
  "imports.rows": { access: "editor" },
  "imports.remap": { access: "editor" },
  "imports.accept": { access: "editor" },
  "imports.commit": { access: "editor" },
  "imports.undo": { access: "editor" },
  "imports.list": { access: "editor" },
  "imports.createModelType": { access: "admin" },
};

/**
 * Who may call each plain HTTP route ("METHOD url" as Fastify registers it): the matrix test reads
 * the routes from the app (server/http/app.ts `plainRoutes`), so a route added without a line here
 * fails, as does a route whose guard declares another access. Scope is checked by the services.
 */
export const PLAIN_POLICY: Record<string, Exclude<Access, "public">> = {
  "GET /api/reports/:file": "viewer",
  "POST /api/maps/communes/:list": "admin",
  // Approvers check figures, they do not enter them: refused at the upload as by imports.* (issue 23).
  "POST /api/imports": "editor",
  "GET /api/imports/progress": "editor",
  "GET /api/imports/:batchId/errors.xlsx": "editor",
  "GET /api/imports/template.xlsx": "viewer",
  "GET /api/targets/template.xlsx": "admin",
  "POST /api/targets/import": "admin",
  "GET /api/exchange/package": "admin",
  "POST /api/exchange/packages": "admin",
};
