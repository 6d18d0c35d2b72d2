import { describe, expect, it } from "vitest";
import { fileDatabase } from "../support/file-db.ts";
import { expectedFigures } from "./helpers/figures.ts";

const { t, caller } = fileDatabase({ from: "demo", role: "viewer" });

// The dashboard names one district (districtCode); filter.ts turns it into the filter's list
// (filterInputOf). Expected figures are counted in SQL (helpers/figures.ts), never by a procedure.
describe("one district on a dashboard screen", () => {
  it("dashboard.cameras for Gio Linh (466) totals its own installations only", async () => {
    const period = { fromYear: 2007, toYear: 2022 } as const;
    const c = await caller().dashboard.cameras({ ...period, districtCode: "466" });
    const own = await expectedFigures(t.db, { from: 2007, to: 2022, districts: ["466"] });
    const all = await expectedFigures(t.db, { from: 2007, to: 2022 });
    expect(own.cameras.cameras).toBeLessThan(all.cameras.cameras);
    expect(c.totals).toMatchObject({
      cameras: own.cameras.cameras,
      recorders: own.cameras.recorders,
      memoryCards: own.cameras.memoryCards,
    });
  });
});
