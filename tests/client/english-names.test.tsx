import { screen, within } from "@testing-library/react";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { LazyMap } from "../../client/features/maps/LazyMap.tsx";
import RecordsSitesRoute from "../../client/routes/records-sites.tsx";
import type { SessionUser } from "../../server/context.ts";
import { createContextInner } from "../../server/context.ts";
import { createCaller } from "../../server/routers/_app.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { asUser as as, renderApp } from "./render-app.tsx";

let t: TestDb;
let admin: SessionUser;
beforeAll(async () => {
  t = await createTestDb("reference");
  admin = await makeUser(t.db, { role: "admin" });
  const clan = await t.db.modelType.findUniqueOrThrow({ where: { code: "clan-no-crime" } });
  // Xã Gio Linh, a commune of today (two_level), on the land of former Huyện Gio Linh.
  await createCaller(createContextInner({ db: t.db, user: admin })).sites.create({
    modelTypeId: clan.id,
    areaCode: "19495",
    name: "Dòng họ Trần",
    establishedOn: "2025-09-01",
  });
}, 60_000);
afterAll(() => t.close());
afterEach(() => localStorage.clear());

describe("English screens name things in English", () => {
  it("the site list: the model type's English name, the abolished district as (former)", async () => {
    localStorage.setItem("qt.locale", "en");
    renderApp(as(admin, <RecordsSitesRoute />), { db: t.db, user: admin, path: "/records/sites" });
    const row = (await screen.findByRole("cell", { name: "Dòng họ Trần" })).closest("tr") as HTMLTableRowElement;
    const cells = Array.from(row.cells, (c) => c.textContent);
    expect(cells).toContain("Clan free of crime and social evils");
    expect(cells).toContain("Xã Gio Linh, Huyện Gio Linh (former)");
    expect(row).not.toHaveTextContent("(cũ)");
  });

  it("the district map credits its source in English", async () => {
    localStorage.setItem("qt.locale", "en");
    renderApp(<LazyMap filter={{ formerProvinceCode: "45", toYear: 2024 }} />, { db: t.db, user: admin });
    const figure = await screen.findByRole("figure", { name: /^Map: / }, { timeout: 10_000 });
    await within(figure).findAllByRole("link");
    expect(figure).toHaveTextContent(
      "Administrative boundaries: geoBoundaries.org (Runfola et al. 2020), from OCHA ROAP / Government of Viet Nam, CC BY 3.0 IGO.",
    );
    expect(figure).not.toHaveTextContent("Ranh giới hành chính");
  });
});
