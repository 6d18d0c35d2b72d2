/**
 * Who may call each procedure of the app router: the authorization matrix test
 * (tests/server/authz-matrix.test.ts, issue 3) enumerates the router itself and fails for any
 * procedure missing here. Whoever adds a procedure adds its line.
 *
 * access: "public" (anyone) | "viewer" (anyone logged in) | "editor" (editors and admins) |
 *         "admin" (admins only).
 * scoped: true when a district editor may only act on records of their own district.
 * input: builds a valid sample input (called afresh for each call, so it may create the record
 *        it acts on, always in fx.district). Without it the call gets `undefined`; an allowed call
 *        that fails validation (BAD_REQUEST) still counts as having passed the authorization
 *        gate, but a scoped procedure needs a real input to prove the out-of-scope refusal.
 */
import type { AuthzFixtures } from "./fixtures.ts";
import * as samples from "./samples.ts";

export type Access = "public" | "viewer" | "editor" | "admin";
export type PolicyEntry = { access: Access; scoped?: boolean; input?: (fx: AuthzFixtures) => unknown };

export const POLICY: Record<string, PolicyEntry> = {
  "auth.login": { access: "public", input: (fx) => fx.login },
  "auth.logout": { access: "viewer" },
  "auth.me": { access: "viewer" },
  "auth.changePassword": {
    access: "viewer",
    input: () => ({ currentPassword: "not-the-password", newPassword: "Another-passw0rd" }),
  },
  "users.list": { access: "admin" },
  "users.create": {
    access: "admin",
    input: (fx) => ({ username: `u-${fx.unique()}`, displayName: "Mới", password: "Long-enough-1", role: "viewer" }),
  },
  "users.update": { access: "admin", input: async (fx) => ({ ...(await fx.newUser()), displayName: "Đổi tên" }) },
  "users.disable": { access: "admin", input: async (fx) => ({ id: (await fx.newUser()).id }) },
  "users.resetPassword": {
    access: "admin",
    input: async (fx) => ({ id: (await fx.newUser()).id, newPassword: "Reset-passw0rd" }),
  },
  "audit.list": { access: "admin", input: () => ({ page: 1, pageSize: 10 }) },
  "audit.history": { access: "viewer", input: samples.siteHistory },
  "dashboard.summary": { access: "viewer" },
  "sites.list": { access: "viewer" },
  "sites.get": { access: "viewer" },
  "sites.create": { access: "editor", scoped: true, input: samples.siteCreate },
  "sites.update": { access: "editor", scoped: true, input: samples.siteUpdate },
  "sites.remove": { access: "editor", scoped: true, input: samples.siteRemove },
  "sites.restore": { access: "admin" },
  "cameras.list": { access: "viewer" },
  "cameras.get": { access: "viewer" },
  "cameras.create": { access: "editor", scoped: true, input: samples.cameraCreate },
  "cameras.update": { access: "editor", scoped: true, input: samples.cameraUpdate },
  "cameras.remove": { access: "editor", scoped: true, input: samples.cameraRemove },
  "cameras.restore": { access: "admin" },
  "awards.list": { access: "viewer" },
  "awards.get": { access: "viewer" },
  "awards.create": { access: "editor", scoped: true, input: samples.awardCreate },
  "awards.update": { access: "editor", scoped: true, input: samples.awardUpdate },
  "awards.remove": { access: "editor", scoped: true, input: samples.awardRemove },
  "awards.restore": { access: "admin" },
  "modelTypes.list": { access: "viewer" },
  "modelTypes.create": { access: "admin" },
  "modelTypes.update": { access: "admin" },
  "units.tree": { access: "viewer" },
  "dashboard.yearly": { access: "viewer" },
  "dashboard.areas": { access: "viewer" },
  "dashboard.cameras": { access: "viewer" },
  "dashboard.modelType": { access: "viewer" },
  "dashboard.communities": { access: "viewer" },
  "dashboard.awards": { access: "viewer" },
  "dashboard.options": { access: "viewer" },
  "reports.preview": { access: "viewer", input: () => ({ sections: ["summary"] }) },
};
