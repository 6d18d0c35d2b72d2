import type { demoVi } from "./demo.ts";

export const demoEn: Record<keyof typeof demoVi, string> = {
  "demo.badge": "Includes demo data",
  "demo.badge.detail":
    "{count} demo records (model sites, camera installations and awards in the scope shown; sample data for trying the product, not real figures).",
  "demo.notice.title": "This database holds demo data",
  "demo.notice.body":
    "To try the product, the database was loaded with {total} demo records (not real figures): {sites} model sites, {installations} camera installations and {awards} awards. Every screen, slide and report that counts them says “Includes demo data” and how many demo records lie in its scope (whole province, every year: {total}). Before entering real records, remove all demo data; the removal is audited and the demo data is never loaded again.",
  "demo.notice.dismiss": "Understood, hide this notice",
  "demo.notice.close": "Close",
  "demo.remove.open": "Remove all demo data…",
  "demo.remove.title": "Remove all demo data?",
  "demo.remove.body":
    "This permanently deletes {sites} model sites, {installations} camera installations, {awards} awards and {modelTypes} model types that are demo records. Real records are kept. It cannot be undone; demo data will not be loaded into this database again.",
  "demo.remove.blocked":
    "Cannot remove yet: {awards} real awards and {installations} real camera installations are linked to demo sites, {sites} real sites belong to demo model types. Unlink those records first.",
  "demo.remove.confirm": "Remove demo data",
  "demo.remove.cancel": "Cancel",
  "demo.remove.done": "Removed {sites} model sites, {installations} camera installations and {awards} awards (demo).",
  "demo.panel.heading": "Demo data",
  "demo.panel.none": "The database holds no demo data.",
};
