import { useCallback, useRef, useState } from "react";

/** The performance measure the map's draw time is read from (scripts/bench-client.mjs prints it). */
export const MAP_DRAW_MEASURE = "qt-map-draw";

/**
 * Measures the map's draw time: from the later of its data's arrival (both queries) and the map's
 * mount (cached data arrives "before" it) to the first painted frame after the SVG is committed.
 * One measure per arrival of data, so a redraw at a new width is not counted as a new one.
 */
export function useDrawTiming(...dataUpdatedAt: number[]) {
  const [mounted] = useState(() => performance.now());
  const measured = useRef("");
  const arrival = Math.max(...dataUpdatedAt);
  return useCallback(() => {
    const key = String(arrival);
    if (arrival === 0 || measured.current === key || typeof performance.measure !== "function") return;
    measured.current = key;
    const start = Math.max(mounted, arrival - performance.timeOrigin);
    // The timeout runs after the frame is painted; requestAnimationFrame alone runs before paint.
    const record = () => {
      try {
        performance.measure(MAP_DRAW_MEASURE, { start, end: performance.now() });
      } catch {
        // A browser without User Timing level 3 options: the map works, the figure is not recorded.
      }
    };
    requestAnimationFrame(() => setTimeout(record));
  }, [arrival, mounted]);
}
