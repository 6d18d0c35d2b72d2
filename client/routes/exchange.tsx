import { formatDate, LOCALE_HEADER } from "@qt/shared/format";
import type { TPackageReceipt } from "@qt/shared/schemas/exchange";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ColumnHeads, ScrollTable } from "../components/ColumnHeads.tsx";
import { ErrorState, Loading } from "../components/QueryState.tsx";
import { errorMessage } from "../errors.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { useProvince } from "../province.ts";
import { CLIENT_HEADER, useTRPC } from "../trpc.ts";

/**
 * "Trao đổi số liệu" (decision 052): on a province's install, its public key and the signed
 * package of a period's approved figures; on the national install, the provinces' keys, the
 * upload of a package and the packages received.
 */
export default function ExchangeRoute() {
  const { t } = useI18n();
  const province = useProvince();
  return (
    <main className="page">
      <h1>{t("exchange.title")}</h1>
      <p>{t("exchange.intro")}</p>
      {province?.national ? (
        <>
          <RegisterKey />
          <Upload />
          <Packages />
        </>
      ) : (
        <>
          <PublicKey />
          <Download />
        </>
      )}
    </main>
  );
}

function PublicKey() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const key = useQuery(trpc.exchange.publicKey.queryOptions());
  const [copied, setCopied] = useState(false);
  if (key.isPending) return <Loading />;
  if (key.isError) return <ErrorState message={errorMessage(key.error)} />;
  return (
    <section>
      <h2>{t("exchange.publicKey.heading")}</h2>
      <p>{t("exchange.publicKey.hint")}</p>
      <textarea
        readOnly
        rows={4}
        cols={64}
        style={{ width: "100%", maxWidth: "40em", fontFamily: "monospace" }}
        value={key.data.publicKey}
        aria-label={t("exchange.publicKey.heading")}
      />
      <p>
        {t("exchange.fingerprint")}: <code>{key.data.fingerprint}</code>
      </p>
      <button
        type="button"
        onClick={() => void navigator.clipboard?.writeText(key.data.publicKey).then(() => setCopied(true))}
      >
        {t("exchange.copy")}
      </button>
      {copied && <p role="status">{t("exchange.copied")}</p>}
    </section>
  );
}

function Download() {
  const { t, locale } = useI18n();
  const [from, setFrom] = useState(2007);
  const [to, setTo] = useState(2022);
  const href = `/api/exchange/package?fromYear=${from}&toYear=${to}&lang=${locale}`;
  return (
    <section>
      <h2>{t("exchange.package.heading")}</h2>
      <p>{t("exchange.package.hint")}</p>
      <label>
        {t("exchange.fromYear")} <input type="number" value={from} onChange={(e) => setFrom(Number(e.target.value))} />
      </label>{" "}
      <label>
        {t("exchange.toYear")} <input type="number" value={to} onChange={(e) => setTo(Number(e.target.value))} />
      </label>{" "}
      <a className="button" href={href} download>
        {t("exchange.package.download")}
      </a>
    </section>
  );
}

function RegisterKey() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useQuery(trpc.exchange.keys.queryOptions());
  const [done, setDone] = useState("");
  const register = useMutation(
    trpc.exchange.registerKey.mutationOptions({
      onSuccess: (k) => {
        setDone(t("exchange.keys.registered", { province: k.provinceName }));
        void queryClient.invalidateQueries(trpc.exchange.keys.pathFilter());
      },
    }),
  );
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setDone("");
    register.mutate({ provinceCode: String(data.get("provinceCode")), publicKey: String(data.get("publicKey")) });
  };
  return (
    <section>
      <h2>{t("exchange.keys.heading")}</h2>
      <form onSubmit={submit}>
        <label>
          {t("exchange.keys.province")} <input name="provinceCode" inputMode="numeric" maxLength={2} required />
        </label>
        <label>
          {t("exchange.keys.key")} <textarea name="publicKey" rows={4} required />
        </label>
        <button type="submit" disabled={register.isPending}>
          {t("exchange.keys.register")}
        </button>
      </form>
      {register.isError && <p role="alert">{errorMessage(register.error)}</p>}
      {done && <p role="status">{done}</p>}
      {keys.data && keys.data.length === 0 && <p>{t("exchange.keys.none")}</p>}
      {keys.data && keys.data.length > 0 && (
        <table>
          <ColumnHeads
            keys={["exchange.keys.province", "exchange.fingerprint", "exchange.keys.at", "exchange.keys.by"]}
          />
          <tbody>
            {keys.data.map((k) => (
              <tr key={k.provinceCode}>
                <td>
                  {k.provinceName} ({k.provinceCode})
                </td>
                <td>
                  <code>{k.fingerprint}</code>
                </td>
                <td>{formatDate(k.registeredAt.slice(0, 10))}</td>
                <td>{k.registeredBy}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Upload() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [said, setSaid] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const file = new FormData(e.currentTarget).get("file");
    if (!(file instanceof File) || file.size === 0) return setSaid({ ok: false, text: t("exchange.noFile") });
    const body = new FormData();
    body.set("file", file);
    setBusy(true);
    try {
      const res = await fetch("/api/exchange/packages", {
        method: "POST",
        headers: { ...CLIENT_HEADER, [LOCALE_HEADER]: locale },
        body,
        credentials: "same-origin",
      });
      const json = (await res.json().catch(() => null)) as
        | (TPackageReceipt & { error?: undefined })
        | { error: { message: string } }
        | null;
      if (!res.ok || !json || json.error) {
        setSaid({ ok: false, text: json?.error?.message ?? res.statusText });
        return;
      }
      const r = json as TPackageReceipt;
      setSaid({
        ok: true,
        text: t("exchange.upload.done", {
          id: r.id,
          province: r.provinceCode,
          from: String(r.fromYear),
          to: String(r.toYear),
          sites: r.records.sites,
          cameras: r.records.cameras,
          awards: r.records.awards,
        }),
      });
      void queryClient.invalidateQueries(trpc.exchange.pathFilter());
    } finally {
      setBusy(false);
    }
  };
  return (
    <section>
      <h2>{t("exchange.upload.heading")}</h2>
      <form onSubmit={(e) => void submit(e)}>
        <label>
          {t("exchange.upload.file")} <input type="file" name="file" accept=".gz,application/gzip" />
        </label>
        <button type="submit" disabled={busy}>
          {t("exchange.upload.submit")}
        </button>
      </form>
      {said && <p role={said.ok ? "status" : "alert"}>{said.text}</p>}
    </section>
  );
}

function Packages() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const list = useQuery(trpc.exchange.packages.queryOptions());
  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorState message={errorMessage(list.error)} />;
  return (
    <section>
      <h2>{t("exchange.packages.heading")}</h2>
      {list.data.length === 0 ? (
        <p>{t("exchange.packages.none")}</p>
      ) : (
        <ScrollTable
          heads={[
            "exchange.packages.id",
            "exchange.keys.province",
            "exchange.packages.period",
            "exchange.packages.approvedUntil",
            "exchange.packages.importedAt",
            "exchange.packages.importedBy",
            "exchange.packages.records",
            "exchange.packages.replaced",
          ]}
        >
          {list.data.map((p) => (
            <tr key={p.id}>
              <td>{p.id}</td>
              <td>{p.provinceName}</td>
              <td>
                {p.fromYear}–{p.toYear}
              </td>
              <td>{p.approvedUntil ? formatDate(p.approvedUntil.slice(0, 10)) : ""}</td>
              <td>{formatDate(p.importedAt.slice(0, 10))}</td>
              <td>{p.importedBy}</td>
              <td>
                {p.sites} / {p.cameras} / {p.awards}
              </td>
              <td>
                {p.replacedById !== null
                  ? t("exchange.packages.replacedBy", { id: p.replacedById })
                  : p.replaced.map((r) => t("exchange.packages.replaces", { id: r.id, records: r.records })).join("; ")}
              </td>
            </tr>
          ))}
        </ScrollTable>
      )}
    </section>
  );
}
