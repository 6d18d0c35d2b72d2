import { formatDate, formatNumber } from "@qt/shared/format";
import { COMMUNE_LISTS, type CommuneList, MAP_UPLOAD_MAX_BYTES, type TMapUploadResult } from "@qt/shared/schemas/maps";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ErrorState, Loading } from "../components/QueryState.tsx";
import { errorMessage } from "../errors.ts";
import { uploadBoundaries } from "../features/maps/upload.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
// The map's words come with this screen's chunk (shared/src/messages/index.ts, addMessages).
import "@qt/shared/messages/maps-loaded";
import { useTRPC } from "../trpc.ts";

type Refusal = Extract<TMapUploadResult, { ok: false }>["error"];

/** Admins load or remove the commune-level boundaries the map draws (one file per list of units). */
export default function MapBoundariesRoute() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const layers = useQuery(trpc.maps.layers.queryOptions());
  const [notice, setNotice] = useState("");
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);
  // Every map shows the new boundaries (or loses the removed ones) at once.
  const refresh = () => queryClient.invalidateQueries(trpc.maps.pathFilter());
  const remove = useMutation(
    trpc.maps.removeCommunes.mutationOptions({
      onSuccess: () => {
        setNotice(t("map.admin.removed"));
        void refresh();
      },
    }),
  );
  const listName = (list: CommuneList) => t(`map.admin.list.${list}`);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const file = data.get("file");
    setNotice("");
    setRefusal(null);
    if (!(file instanceof File) || file.size === 0) {
      setRefusal({ code: "BAD_REQUEST", message: t("map.admin.noFile"), problems: [], more: 0 });
      return;
    }
    if (file.size > MAP_UPLOAD_MAX_BYTES) {
      const mb = (n: number) => `${formatNumber(n / 1024 / 1024, locale)} MB`;
      const message = t("map.admin.tooBig", { size: mb(file.size), limit: mb(MAP_UPLOAD_MAX_BYTES) });
      setRefusal({ code: "PAYLOAD_TOO_LARGE", message, problems: [], more: 0 });
      return;
    }
    setBusy(true);
    try {
      const result = await uploadBoundaries(
        {
          list: data.get("list") === "two_level" ? "two_level" : "three_level",
          file,
          attribution: String(data.get("attribution") ?? ""),
          missing: String(data.get("missing") ?? ""),
        },
        locale,
      );
      if (result.ok) {
        setNotice(t("map.admin.done", { units: String(result.layer.units) }));
        void refresh();
      } else setRefusal(result.error);
    } catch (err) {
      setRefusal({ code: "", message: errorMessage(err), problems: [], more: 0 });
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="map-admin">
      <h2>{t("map.admin.heading")}</h2>
      <p>{t("map.admin.intro", { mb: String(MAP_UPLOAD_MAX_BYTES / 1024 / 1024) })}</p>
      {notice && <p role="status">{notice}</p>}
      {layers.isPending ? (
        <Loading />
      ) : layers.isError ? (
        <ErrorState message={layers.error.message} onRetry={() => layers.refetch()} />
      ) : (
        <ul className="map-layers">
          {COMMUNE_LISTS.map((list) => {
            const layer = layers.data.find((l) => l.list === list);
            return (
              <li key={list}>
                <strong>{listName(list)}</strong>:{" "}
                {layer ? (
                  <>
                    {t("map.admin.loaded", {
                      units: String(layer.units),
                      date: formatDate(layer.loadedAt, locale),
                      by: layer.loadedBy,
                    })}{" "}
                    ({layer.fileName}; {layer.attribution})
                    {layer.missing.length > 0 && (
                      <span className="muted">
                        {" "}
                        {t("map.admin.missing", {
                          count: String(layer.missing.length),
                          names: layer.missing.map((m) => `${m.name} (${m.code})`).join(", "),
                        })}
                      </span>
                    )}{" "}
                    <button
                      type="button"
                      disabled={remove.isPending}
                      onClick={() => {
                        setNotice("");
                        if (window.confirm(t("map.admin.removeConfirm", { list: listName(list) }))) {
                          remove.mutate({ list });
                        }
                      }}
                    >
                      {t("map.admin.remove")}
                    </button>
                  </>
                ) : (
                  <span className="muted">{t("map.admin.notLoaded")}</span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {remove.isError && (
        <p className="form-error" role="alert">
          {errorMessage(remove.error)}
        </p>
      )}
      <form className="user-form map-upload" onSubmit={submit}>
        <label className="map-field">
          {t("map.admin.list")}
          <select name="list" defaultValue="three_level">
            {COMMUNE_LISTS.map((list) => (
              <option key={list} value={list}>
                {listName(list)}
              </option>
            ))}
          </select>
        </label>
        <label className="map-field">
          {t("map.admin.file")}
          <input name="file" type="file" accept=".geojson,.json,.topojson,application/geo+json,application/json" />
        </label>
        <label className="map-field">
          {t("map.admin.attribution")}
          <input name="attribution" type="text" maxLength={300} />
        </label>
        <label className="map-field">
          {t("map.admin.missingCodes")}
          <input name="missing" type="text" inputMode="numeric" />
        </label>
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t("map.admin.uploading") : t("map.admin.upload")}
        </button>
      </form>
      {refusal && (
        <div className="form-error" role="alert">
          {/* The route's message already says the file was refused and that nothing was stored. */}
          <p>{refusal.message}</p>
          {refusal.problems.length > 0 && (
            <ul>
              {refusal.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
          {refusal.more > 0 && <p>{t("map.admin.more", { count: String(refusal.more) })}</p>}
        </div>
      )}
    </main>
  );
}
