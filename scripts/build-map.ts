// Simplifies the district boundaries for the screen (docs/decisions/026):
//   pnpm maps:build
// reads prisma/seed/data/geo/*-2020-districts.geojson and writes server/assets/maps/districts-2020.json.
// tests/server/maps-boundaries.test.ts checks that the committed file is what this script writes.
import { writeFileSync } from "node:fs";
import { DISTRICTS_ASSET } from "../server/services/maps/boundaries.ts";
import { districtsFromSource } from "../server/services/maps/source.ts";

writeFileSync(
  DISTRICTS_ASSET,
  `${JSON.stringify({ type: "FeatureCollection", features: districtsFromSource(["45", "44"]) })}\n`,
);
console.log(`wrote ${DISTRICTS_ASSET}`);
