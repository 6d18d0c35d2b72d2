import { formatDate, formatMoneyExact, formatNumber } from "@qt/shared/format";
import type { TCamera } from "@qt/shared/schemas/cameras";
import { unitNameIn } from "@qt/shared/unit-names";
import { choices } from "@qt/shared/vocabulary";
import { CAMERA_FORM } from "../features/entry/configs.ts";
import { type Column, ListScreen } from "../features/entry/ListScreen.tsx";
import { choiceFilter, useRecordApi } from "../features/entry/record-api.ts";
import { siteLabel } from "../features/entry/SitePicker.tsx";
import { useI18n } from "../i18n/I18nProvider.tsx";

/** Staff entry: camera installations (đợt lắp đặt camera an ninh). */
export default function RecordsCamerasRoute() {
  const { t, label, locale } = useI18n();
  const api = useRecordApi("cameras");
  const columns: Column<TCamera>[] = [
    {
      label: "entry.field.areaCode",
      sort: "area",
      render: (r) => `${r.areaName}, ${unitNameIn(r.districtName, locale)}`,
    },
    { label: "entry.field.siteId", render: (r) => siteLabel(r, t) },
    { label: "entry.field.installedOn", sort: "installedOn", render: (r) => formatDate(String(r.installedOn), locale) },
    { label: "entry.field.cameras", sort: "cameras", render: (r) => formatNumber(Number(r.cameras), locale) },
    { label: "entry.field.recorders", render: (r) => formatNumber(Number(r.recorders), locale) },
    { label: "entry.field.memoryCards", render: (r) => formatNumber(Number(r.memoryCards), locale) },
    { label: "entry.field.costVnd", sort: "costVnd", render: (r) => formatMoneyExact(Number(r.costVnd), locale) },
    { label: "entry.field.fundingSource", render: (r) => label("funding", r.fundingSource) },
  ];
  const filters = [choiceFilter("fundingSource", "entry.field.fundingSource", "funding", locale)];
  return <ListScreen title="entry.cameras.title" config={CAMERA_FORM} columns={columns} filters={filters} {...api} />;
}
