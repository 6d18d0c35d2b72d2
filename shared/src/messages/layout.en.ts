import type { layoutVi } from "./layout.ts";

export const layoutEn: Record<keyof typeof layoutVi, string> = {
  "layout.skipToContent": "Skip to content",
  "layout.menu": "Menu",
  "layout.menu.close": "Close menu",
  "layout.nav.dashboards": "Dashboards",
  "layout.nav.records": "Data entry",
  "layout.nav.admin": "Administration",
  "layout.scope.province": "the whole province",
  "layout.scope.allYears": "all years",
  "layout.scope.since": "since {from}",
  "layout.scope.until": "until {to}",
  "layout.scope.category": "category {name}",
  "layout.scope.modelType": "model {name}",
  "layout.scope.line": "Scope: {place} · {years} · {view}",
  "layout.scope.cardsTitle": "Movement results in {place}, {years}",
  "layout.print.office": "DIVISION FOR THE ALL-PEOPLE NATIONAL SECURITY MOVEMENT",
  "layout.forbidden.title": "Access denied",
  "layout.forbidden.body": "Your account may not use this screen. Ask an administrator if you need this access.",
  "layout.forbidden.home": "Back to the overview",
  "layout.notFound.title": "Page not found",
  "layout.scope.cardsTitleNation": "Movement results across {place}, {years}",
};
