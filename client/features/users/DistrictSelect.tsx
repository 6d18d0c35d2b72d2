import { useQuery } from "@tanstack/react-query";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useTRPC } from "../../trpc.ts";

/** The district scope of an editor: a district of the province, or the whole province (""). */
export function DistrictSelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string;
  onChange: (code: string) => void;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const tree = useQuery(trpc.units.tree.queryOptions(undefined, { staleTime: Number.POSITIVE_INFINITY }));
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t("auth.scope.province")}</option>
      {(tree.data ?? []).map((d) => (
        <option key={d.code} value={d.code}>
          {d.name} ({d.code})
        </option>
      ))}
    </select>
  );
}
