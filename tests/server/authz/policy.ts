/**
 * Who may call each procedure of the app router: the authorization matrix test
 * (tests/server/authz-matrix.test.ts, issue 3) enumerates the router itself and fails for any
 * procedure missing here. Whoever adds a procedure adds its line.
 *
 * access: "public" (anyone) | "viewer" (anyone logged in) | "editor" (editors and admins) |
 *         "admin" (admins only).
 * scoped: true when a district editor may only act on records of their own district.
 */
export type Access = "public" | "viewer" | "editor" | "admin";
export type PolicyEntry = { access: Access; scoped?: boolean };

export const POLICY: Record<string, PolicyEntry> = {
  "dashboard.summary": { access: "viewer" },
  "dashboard.yearly": { access: "viewer" },
  "dashboard.areas": { access: "viewer" },
  "dashboard.cameras": { access: "viewer" },
  "dashboard.modelType": { access: "viewer" },
  "dashboard.communities": { access: "viewer" },
  "dashboard.awards": { access: "viewer" },
};
