import { useEffect, useState } from "react";

export type ServerProgress = { phase: string; processed: number; total: number | null };

/**
 * How far the server is with a long upload or commit (GET /api/imports/progress?upload=… or
 * ?batch=…), asked twice a second while `query` is set: the rows it has read, checked or written.
 * Unknown (not started yet, or a server without it) leaves the bar indeterminate.
 */
export function useServerProgress(query: string | null): ServerProgress | null {
  const [progress, setProgress] = useState<ServerProgress | null>(null);
  useEffect(() => {
    setProgress(null);
    if (!query) return;
    let stop = false;
    const ask = async () => {
      try {
        const res = await fetch(`/api/imports/progress?${query}`, { headers: { "x-qt-client": "web" } });
        if (!stop && res.ok) setProgress((await res.json()) as ServerProgress);
      } catch {
        // No answer this time: the bar waits for the next.
      }
    };
    const timer = setInterval(ask, 500);
    return () => {
      stop = true;
      clearInterval(timer);
    };
  }, [query]);
  return progress;
}

/** The bar's fraction, when the server knows the total. */
export const fractionOf = (p: ServerProgress | null) => (p?.total ? Math.min(1, p.processed / p.total) : undefined);
