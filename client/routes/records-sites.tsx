import { formatDate } from "@qt/shared/format";
import type { TSite } from "@qt/shared/schemas/sites";
import { unitNameIn } from "@qt/shared/unit-names";
import { choices } from "@qt/shared/vocabulary";
import { useQuery } from "@tanstack/react-query";
import { SITE_FORM } from "../features/entry/configs.ts";
import { type Column, ListScreen } from "../features/entry/ListScreen.tsx";
import { choiceFilter, useRecordApi } from "../features/entry/record-api.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { useTRPC } from "../trpc.ts";

/** Staff entry: model sites (điểm mô hình). */
export default function RecordsSitesRoute() {
  const { label, locale, modelType } = useI18n();
  const trpc = useTRPC();
  const api = useRecordApi("sites");
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
  const filters = [
    {
      name: "modelTypeId",
      label: "entry.field.modelTypeId" as const,
      options: (types.data?.items ?? []).map((m) => ({ value: String(m.id), label: modelType(m) })),
    },
    choiceFilter("category", "entry.field.category", "category", locale),
    choiceFilter("status", "entry.field.status", "status", locale),
  ];
  return <ListScreen title="entry.sites.title" config={SITE_FORM} columns={columns} filters={filters} {...api} />;
}
