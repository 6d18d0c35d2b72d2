import { messageOf } from "@qt/shared/messages/index";
import { reportInputOf, type TReportOptions, ZReportOptions } from "@qt/shared/schemas/reports";
import { skipToken, useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { ErrorState, Loading } from "../components/QueryState.tsx";
import { useCurrentUser } from "../features/auth/current-user.tsx";
import { DownloadLinks } from "../features/reports/DownloadLinks.tsx";
import { DraftPanel } from "../features/reports/DraftPanel.tsx";
import {
  type DraftState,
  draftDirty,
  headingOf,
  initialReportForm,
  newDraft,
  provinceHeading,
  type ReportFormState,
  toReportOptions,
} from "../features/reports/formState.ts";
import { ReportForm } from "../features/reports/ReportForm.tsx";
import { ReportPreview } from "../features/reports/ReportPreview.tsx";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { useProvince } from "../province.ts";
import { useTRPC } from "../trpc.ts";

/**
 * Report builder: options, the written parts (named drafts), a preview of the printed document and
 * the downloads of exactly that document.
 */
export default function ReportsRoute() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const me = useCurrentUser();
  const province = useProvince();
  const [form, setForm] = useState<ReportFormState>(() => initialReportForm(new Date(), province));
  useEffect(() => {
    if (province) setForm((f) => ({ ...f, ...provinceHeading(province, f) }));
  }, [province]);
  const [draft, setDraft] = useState<DraftState>(newDraft);
  const [previewed, setPreviewed] = useState<TReportOptions | null>(null);
  const districts = useQuery({ ...trpc.dashboard.options.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
  // The same schema the server applies: a wrong field is caught before anything is sent.
  const parsed = useMemo(() => ZReportOptions.safeParse(toReportOptions(form, draft)), [form, draft]);
  const options = parsed.success ? parsed.data : null;
  const preview = useQuery(trpc.reports.preview.queryOptions(previewed ? reportInputOf(previewed) : skipToken));
  const dirty = draftDirty(draft);
  const error = parsed.success
    ? dirty
      ? t("reports.draft.saveFirst")
      : null
    : messageOf(parsed.error.issues[0]?.message ?? "", locale) || null;
  const scope = { fromYear: form.fromYear, toYear: form.toYear, districtCodes: form.districtCodes };
  const changeForm = (patch: Partial<ReportFormState>) => {
    setForm((f) => ({ ...f, ...patch }));
    // A draft belongs to one scope and period: another choice starts from that choice's drafts.
    if ("fromYear" in patch || "toYear" in patch || "districtCodes" in patch) setDraft(newDraft());
  };
  const stale = previewed !== null && options !== null && JSON.stringify(options) !== JSON.stringify(previewed);
  return (
    <main className="reports-screen">
      <h2>{t("reports.heading")}</h2>
      <p>{t("reports.intro")}</p>
      <div className="reports-layout">
        <div>
          <ReportForm
            value={form}
            onChange={changeForm}
            districts={districts.data?.districts ?? []}
            modelTypes={districts.data?.modelTypes ?? []}
            error={error}
            onPreview={() => setPreviewed(options)}
          >
            <DraftPanel
              scope={scope}
              heading={headingOf(form)}
              value={draft}
              onChange={setDraft}
              onOpened={(heading) => setForm((f) => ({ ...f, ...heading }))}
              canSave={me.role === "admin" || (me.role === "editor" && me.districtCode === null)}
            />
          </ReportForm>
          {previewed && preview.isSuccess && (
            <DownloadLinks
              // Exactly the previewed document: its date and the draft's version are pinned.
              options={{ ...previewed, date: preview.data.meta.date, draftVersion: preview.data.meta.draft?.version }}
              stale={stale}
            />
          )}
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
            <ReportPreview doc={preview.data} />
          )}
        </section>
      </div>
    </main>
  );
}
