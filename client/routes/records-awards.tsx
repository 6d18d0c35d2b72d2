import type { TAward } from "@qt/shared/schemas/awards";
import { unitNameIn } from "@qt/shared/unit-names";
import { choices } from "@qt/shared/vocabulary";
import { AWARD_FORM } from "../features/entry/configs.ts";
import { type Column, ListScreen } from "../features/entry/ListScreen.tsx";
import { choiceFilter, useRecordApi } from "../features/entry/record-api.ts";
import { siteLabel } from "../features/entry/SitePicker.tsx";
import { useI18n } from "../i18n/I18nProvider.tsx";

/** Staff entry: awards (khen thưởng). */
export default function RecordsAwardsRoute() {
  const { t, label, locale } = useI18n();
  const api = useRecordApi("awards");
  const columns: Column<TAward>[] = [
    { label: "entry.field.year", sort: "year", render: (r) => String(r.year) },
    { label: "entry.field.recipientName", sort: "recipientName", render: (r) => r.recipientName ?? "—" },
    { label: "entry.field.issuer", sort: "issuer", render: (r) => label("issuer", r.issuer) },
    { label: "entry.field.form", render: (r) => label("awardForm", r.form) },
    {
      label: "entry.field.areaCode",
      render: (r) =>
        r.areaName ? `${r.areaName}, ${unitNameIn(r.districtName ?? "", locale)}` : t("entry.area.province"),
    },
    { label: "entry.field.siteId", render: (r) => siteLabel(r, t) },
  ];
  const filters = [choiceFilter("issuer", "entry.field.issuer", "issuer", locale)];
  return <ListScreen title="entry.awards.title" config={AWARD_FORM} columns={columns} filters={filters} {...api} />;
}
