import { type TReportOptions, ZReportOptions } from "@qt/shared/schemas/reports";
import { skipToken, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { ErrorState, Loading } from "../components/QueryState.tsx";
import { DownloadLinks } from "../features/reports/DownloadLinks.tsx";
import { initialReportForm, type ReportFormState, toReportOptions } from "../features/reports/formState.ts";
import { ReportForm } from "../features/reports/ReportForm.tsx";
import { ReportPreview } from "../features/reports/ReportPreview.tsx";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { useTRPC } from "../trpc.ts";

/** Report builder: options, an in-page preview of the report model, and the downloads. */
export default function ReportsRoute() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [form, setForm] = useState<ReportFormState>(() => initialReportForm());
  const [previewed, setPreviewed] = useState<TReportOptions | null>(null);
  const districts = useQuery({ ...trpc.dashboard.options.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
  // The same schema the server applies: a wrong field is caught before anything is sent.
  const parsed = useMemo(() => ZReportOptions.safeParse(toReportOptions(form)), [form]);
  const options = parsed.success ? parsed.data : null;
  const preview = useQuery(trpc.reports.preview.queryOptions(previewed ?? skipToken));
  return (
    <main className="reports-screen">
      <h2>{t("reports.heading")}</h2>
      <p>{t("reports.intro")}</p>
      <div className="reports-layout">
        <div>
          <ReportForm
            value={form}
            onChange={(patch) => setForm((f) => ({ ...f, ...patch }))}
            districts={districts.data?.districts ?? []}
            error={parsed.success ? null : (parsed.error.issues[0]?.message ?? null)}
            onPreview={() => setPreviewed(options)}
          />
          <DownloadLinks options={options} />
        </div>
        <section aria-label={t("reports.preview.heading")}>
          <h3>{t("reports.preview.heading")}</h3>
          {previewed === null ? (
            <p>{t("reports.preview.empty")}</p>
          ) : preview.isPending ? (
            <Loading />
          ) : preview.isError ? (
            <ErrorState message={preview.error.message} onRetry={() => preview.refetch()} />
          ) : (
            <ReportPreview model={preview.data} />
          )}
        </section>
      </div>
    </main>
  );
}
