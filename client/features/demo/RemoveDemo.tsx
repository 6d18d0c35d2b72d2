import type { TDemoStatus } from "@qt/shared/schemas/demo";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { errorMessage } from "../../errors.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useTRPC } from "../../trpc.ts";

/**
 * The admin's "remove all demo records" button and its confirmation, which names what will go.
 * While real records depend on demo ones the server refuses; the counts are shown before asking.
 */
export function RemoveDemo({ status, onRemoved }: { status: TDemoStatus; onRemoved: (message: string) => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const titleId = useId();
  const [asking, setAsking] = useState(false);
  const remove = useMutation(
    trpc.demo.removeAll.mutationOptions({
      onSuccess: async (removed) => {
        setAsking(false);
        onRemoved(t("demo.remove.done", removed));
        // Every figure and list may have counted demo records.
        await Promise.all(
          [trpc.demo, trpc.dashboard, trpc.sites, trpc.cameras, trpc.awards, trpc.modelTypes, trpc.reports].map((r) =>
            queryClient.invalidateQueries(r.pathFilter()),
          ),
        );
      },
    }),
  );
  const d = status.dependents;
  const blocked = d.awards + d.installations + d.sites > 0;
  return (
    <div className="demo-remove">
      {blocked && <p className="demo-blocked">{t("demo.remove.blocked", d)}</p>}
      {!asking ? (
        <button type="button" className="danger" onClick={() => setAsking(true)} disabled={blocked}>
          {t("demo.remove.open")}
        </button>
      ) : (
        <div role="alertdialog" aria-modal="false" aria-labelledby={titleId} className="demo-confirm">
          <h4 id={titleId}>{t("demo.remove.title")}</h4>
          <p>{t("demo.remove.body", status.records)}</p>
          {remove.isError && <p role="alert">{errorMessage(remove.error)}</p>}
          <button type="button" className="danger" onClick={() => remove.mutate()} disabled={remove.isPending}>
            {t("demo.remove.confirm")}
          </button>{" "}
          <button type="button" onClick={() => setAsking(false)}>
            {t("demo.remove.cancel")}
          </button>
        </div>
      )}
    </div>
  );
}
