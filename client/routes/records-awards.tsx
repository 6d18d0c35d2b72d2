import type { TAward } from "@qt/shared/schemas/awards";
import { unitNameIn } from "@qt/shared/unit-names";
import { choices } from "@qt/shared/vocabulary";
import { AWARD_FORM } from "../features/entry/configs.ts";
import { type Column, ListScreen } from "../features/entry/ListScreen.tsx";
import { siteLabel } from "../features/entry/SitePicker.tsx";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { useTRPC, useTRPCClient } from "../trpc.ts";

/** Staff entry: awards (khen thưởng). */
export default function RecordsAwardsRoute() {
  const { t, label, locale } = useI18n();
  const trpc = useTRPC();
  const client = useTRPCClient();
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
  return (
    <ListScreen
      title="entry.awards.title"
      config={AWARD_FORM}
      columns={columns}
      filters={[
        {
          name: "issuer",
          label: "entry.field.issuer",
          options: choices("issuer", locale),
        },
      ]}
      procs={trpc.awards}
      client={client.awards}
    />
  );
}
