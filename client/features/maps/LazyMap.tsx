import { lazy, Suspense } from "react";
import { Loading } from "../../components/QueryState.tsx";
import type { MapPanelProps } from "./MapPanel.tsx";

// d3-geo and the map's code come in their own chunk, requested when a screen shows a map: never
// with the first screen's JavaScript (issue 16).
const MapPanel = lazy(() => import("./MapPanel.tsx"));

/** The dashboard's map, loaded on demand; every screen, slide and print shows it through this. */
export function LazyMap(props: MapPanelProps) {
  return (
    <section className="print-section map-section">
      <Suspense fallback={<Loading />}>
        <MapPanel {...props} />
      </Suspense>
    </section>
  );
}
