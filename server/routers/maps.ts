import { ZDemoFigure } from "@qt/shared/schemas/demo";
import {
  ZMapBoundaries,
  ZMapBoundariesInput,
  ZMapLayers,
  ZMapMeasures,
  ZMapMeasuresInput,
  ZMapRemoveInput,
} from "@qt/shared/schemas/maps";
import { z } from "zod";
import { mapBoundaries } from "../services/maps/boundaries.ts";
import { listLayers, removeLayer } from "../services/maps/layers.ts";
import { mapMeasures } from "../services/maps/measures.ts";
import { adminProcedure, figuresProcedure, router, viewerProcedure } from "../trpc.ts";

/**
 * The maps (docs/decisions/026). Commune-level boundaries are loaded through
 * POST /api/maps/communes/:list (server/http/maps.ts): a file larger than a tRPC call may carry.
 */
export const mapsRouter = router({
  /** A level's outlines in WGS84; the same until `version` changes; a provincial account's, its province's (decision 059). */
  boundaries: figuresProcedure
    .input(ZMapBoundariesInput)
    .output(ZMapBoundaries)
    .query(({ ctx, input }) => mapBoundaries(ctx.db, input)),
  /** The dashboard's figures per unit of the level, under the dashboard's filter. */
  measures: figuresProcedure
    .input(ZMapMeasuresInput)
    .output(ZMapMeasures.extend({ demo: ZDemoFigure }))
    .query(({ ctx, input }) => mapMeasures(ctx.db, input)),
  /** The commune-level boundaries loaded, per list (none: the commune level shows its table). */
  layers: viewerProcedure.output(ZMapLayers).query(({ ctx }) => listLayers(ctx.db)),
  removeCommunes: adminProcedure
    .input(ZMapRemoveInput)
    .output(z.object({ removed: z.boolean() }))
    .mutation(({ ctx, input }) => removeLayer(ctx.db, ctx.user, input.list)),
});
