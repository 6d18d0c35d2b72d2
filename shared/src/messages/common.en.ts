import type { commonVi } from "./common.ts";

export const commonEn: Record<keyof typeof commonVi, string> = {
  "app.title": "Movement models: all people protect national security",
  "app.language": "Language",
  "nav.label": "Screens",
  "nav.overview": "Overview",
  "state.loading": "Loading figures…",
  "state.empty": "No figures for this filter yet.",
  "state.error": "Could not load the figures: {message}",
  "state.retry": "Retry",
  "date.placeholder": "yyyy-mm-dd",
  "date.calendar": "Calendar",
  "date.previousMonth": "Previous month",
  "date.nextMonth": "Next month",
};
