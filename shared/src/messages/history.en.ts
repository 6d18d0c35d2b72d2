import type { historyVi } from "./history.ts";

export const historyEn: Record<keyof typeof historyVi, string> = {
  "history.site": "Site {name} in {area}",
  "history.camera": "Cameras in {area}, installed {date}",
  "history.award": "Award {year}: {form} to {recipient}",
  "history.modelType": "Model type {name}",
  "history.user": "Account {name}",
  "history.report": "{format} report",
  "history.table": "{table} table (CSV)",
  "history.approval": "The {year} figures of {unit}",
  "history.other": "{entity} no. {id}",
  "history.exportReport": "Exported the {format} report, {scope}, {years}",
  "history.exportTable": "Exported the {table} table (CSV), {scope}, {years}",
  "history.viaCli": "from the command line",
  "history.province": "whole province",
  "history.yes": "Yes",
  "history.no": "No",
};
