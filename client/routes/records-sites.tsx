import { formatDate } from "@qt/shared/format";
import type { TSite } from "@qt/shared/schemas/sites";
import { unitNameIn } from "@qt/shared/unit-names";
import { choices } from "@qt/shared/vocabulary";
import { useQuery } from "@tanstack/react-query";
import { SITE_FORM } from "../features/entry/configs.ts";
import { type Column, ListScreen } from "../features/entry/ListScreen.tsx";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { useTRPC, useTRPCClient } from "../trpc.ts";

/** Staff entry: model sites (điểm mô hình). */
export default function RecordsSitesRoute() {
  const { label, locale, modelType } = useI18n();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const types = useQuery(trpc.modelTypes.list.queryOptions(undefined, { staleTime: 300_000 }));
  const columns: Column<TSite>[] = [
    { label: "entry.field.name", sort: "name", render: (r) => String(r.name) },
    {
      label: "entry.field.modelTypeId",
      sort: "modelType",
      render: (r) => modelType({ code: r.modelTypeCode, name: r.modelTypeName }),
    },
    {
      label: "entry.field.areaCode",
      sort: "area",
      render: (r) => `${r.areaName}, ${unitNameIn(r.districtName, locale)}`,
    },
    {
      label: "entry.field.establishedOn",
      sort: "establishedOn",
      render: (r) => formatDate(String(r.establishedOn), locale),
    },
    { label: "entry.field.status", render: (r) => label("status", r.status) },
  ];
  return (
    <ListScreen
      title="entry.sites.title"
      config={SITE_FORM}
      columns={columns}
      filters={[
        {
          name: "modelTypeId",
          label: "entry.field.modelTypeId",
          options: (types.data?.items ?? []).map((m) => ({ value: String(m.id), label: modelType(m) })),
        },
        {
          name: "category",
          label: "entry.field.category",
          options: choices("category", locale),
        },
        {
          name: "status",
          label: "entry.field.status",
          options: choices("status", locale),
        },
      ]}
      procs={trpc.sites}
      client={client.sites}
    />
  );
}
