import { formatDate, formatNumber } from "@qt/shared/format";
import type { MessageKey } from "@qt/shared/messages/index";
import type { TDividedRecord } from "@qt/shared/schemas/divided";
import { IMPORT_KINDS, type ImportKind } from "@qt/shared/schemas/imports";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { ScrollTable } from "../components/ColumnHeads.tsx";
import { Pager } from "../components/Pager.tsx";
import { Empty, QueryView } from "../components/QueryState.tsx";
import { useUrlState } from "../components/useUrlState.ts";
import { readError } from "../errors.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { useTRPC } from "../trpc.ts";

const PAGE_SIZE = 20;

/** The table's column headings, in order. */
const HEADS: MessageKey[] = [
  "divided.col.record",
  "divided.col.old",
  "divided.col.successors",
  "divided.col.current",
  "divided.col.move",
];

/**
 * Records of old communes divided between several communes of today (decision 055): which one each
 * counts in now (the rule's or the one an editor chose), with a choice per row to move it. Filters
 * (kind, old district) and the page are kept in the URL.
 */
export default function DividedRoute() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const kindId = useId();
  const districtId = useId();
  const { params, update } = useUrlState();
  const kindParam = params.get("kind");
  const kind = IMPORT_KINDS.includes(kindParam as ImportKind) ? (kindParam as ImportKind) : undefined;
  const districtCode = params.get("district") || undefined;
  const page = Math.max(1, Number(params.get("page")) || 1);
  const options = useQuery({ ...trpc.dashboard.options.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
  const list = useQuery({
    ...trpc.divided.list.queryOptions({ kind, districtCode, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const [notice, setNotice] = useState("");
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const announce = (message: string) => {
    setNotice(message);
    requestAnimationFrame(() => noticeRef.current?.focus());
  };
  return (
    <main className="divided-screen">
      <h2>{t("divided.heading")}</h2>
      <p>{t("divided.intro")}</p>
      <div className="divided-filters">
        <label htmlFor={kindId}>{t("divided.kind")}</label>{" "}
        <select
          id={kindId}
          value={kind ?? ""}
          onChange={(e) => update({ kind: e.target.value || undefined, page: undefined })}
        >
          <option value="">{t("divided.allKinds")}</option>
          {IMPORT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`divided.kind.${k}`)}
            </option>
          ))}
        </select>{" "}
        <label htmlFor={districtId}>{t("divided.district")}</label>{" "}
        <select
          id={districtId}
          value={districtCode ?? ""}
          onChange={(e) => update({ district: e.target.value || undefined, page: undefined })}
        >
          <option value="">{t("divided.allDistricts")}</option>
          {(options.data?.districts ?? []).map((d) => (
            <option key={d.code} value={d.code}>
              {d.name}
            </option>
          ))}
        </select>
      </div>
      <p role="status" ref={noticeRef} tabIndex={-1}>
        {notice}
      </p>
      <QueryView q={list}>
        {(data) =>
          data.total === 0 ? (
            <Empty>{t("divided.empty")}</Empty>
          ) : (
            <>
              <p>{t("divided.total", { count: formatNumber(data.total) })}</p>
              <ScrollTable heads={HEADS} className="entry-table divided-table" label={t("divided.table.label")}>
                {data.items.map((r) => (
                  <DividedRow key={`${r.kind}-${r.id}`} record={r} onDone={announce} />
                ))}
              </ScrollTable>
              <Pager
                page={page}
                pageSize={PAGE_SIZE}
                total={data.total}
                onPage={(p) => update({ page: p > 1 ? String(p) : undefined })}
              />
            </>
          )
        }
      </QueryView>
    </main>
  );
}

/** "Điểm mô hình · Nhà văn hoá thôn 3 · 12/03/2021", as a row and its messages name the record. */
function useRecordName() {
  const { t, locale } = useI18n();
  return (r: TDividedRecord) => {
    const what = r.kind === "cameras" ? t("divided.cameras", { count: formatNumber(Number(r.label)) }) : r.label;
    const when = r.kind === "awards" ? r.when : formatDate(r.when, locale);
    return `${t(`divided.kind.${r.kind}`)} · ${what} · ${when}`;
  };
}

/** One record: its old commune, the successors, where it counts now, and the choice to move it. */
function DividedRow({ record: r, onDone }: { record: TDividedRecord; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const name = useRecordName()(r);
  const [choice, setChoice] = useState(r.current?.code ?? "");
  const [error, setError] = useState("");
  const move = useMutation(
    trpc.divided.move.mutationOptions({
      onSuccess: async (_data, vars) => {
        setError("");
        const to = vars.communeCode ? r.successors.find((s) => s.code === vars.communeCode) : r.rule;
        onDone(
          vars.communeCode
            ? t("divided.moved", { record: name, commune: to?.name ?? "" })
            : t("divided.undone", { record: name, commune: to?.name ?? "" }),
        );
        // Where a record counts changes every figure of the current view.
        await Promise.all([
          queryClient.invalidateQueries(trpc.divided.pathFilter()),
          queryClient.invalidateQueries(trpc.dashboard.pathFilter()),
        ]);
      },
      onError: (err) => setError(readError(err).message),
    }),
  );
  const send = (communeCode: string | null) => move.mutate({ kind: r.kind, id: r.id, version: r.version, communeCode });
  return (
    <tr>
      <td>
        {name}
        {r.isDemo && <small> ({t("demo.panel.heading")})</small>}
      </td>
      <td data-label={t("divided.col.old")}>
        {r.area.name} ({r.area.code}), {r.district.name}
      </td>
      <td data-label={t("divided.col.successors")}>{r.successors.map((s) => s.name).join(", ")}</td>
      <td data-label={t("divided.col.current")}>
        {r.current?.name ?? "—"} <small>({t(r.chosen ? "divided.byChoice" : "divided.byRule")})</small>
      </td>
      <td className="row-actions-cell">
        <select
          aria-label={t("divided.choose", { record: name })}
          value={choice}
          onChange={(e) => setChoice(e.target.value)}
        >
          {r.successors.map((s) => (
            <option key={s.code} value={s.code}>
              {s.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={move.isPending || choice === (r.chosen ? r.current?.code : "")}
          onClick={() => send(choice)}
        >
          {t("divided.move")}
        </button>
        {r.chosen && (
          <button type="button" disabled={move.isPending} onClick={() => send(null)}>
            {t("divided.undo")}
          </button>
        )}
        {error && (
          <span role="alert" className="field-error">
            {error}
          </span>
        )}
      </td>
    </tr>
  );
}
