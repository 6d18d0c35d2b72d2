import { screen, within } from "@testing-library/react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import OverviewRoute from "../../client/routes/overview.tsx";
import { installationRow, siteRow } from "../../prisma/seed/factories.ts";
import type { SessionUser } from "../../server/context.ts";
import { countAreas } from "../fixtures/territory.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { renderApp } from "./render-app.tsx";

let t: TestDb;
let viewer: SessionUser;
beforeAll(async () => {
  t = await createTestDb("reference");
  viewer = await makeUser(t.db, { role: "viewer" });
  // Covered: Phường 1 (Đông Hà), Xã Hải Phú (Hải Lăng), Xã Hải Lệ (TX Quảng Trị): 3/126; 40 cameras.
  const areas = await t.db.adminUnit.findMany({
    where: { catalog: "three_level", code: { in: ["19333", "19702", "19705"] } },
    include: { parent: true },
  });
  const camType = await t.db.modelType.findUniqueOrThrow({ where: { code: "security-camera" } });
  const ref = (code: string) => {
    const a = areas.find((x) => x.code === code);
    if (!a) throw new Error(code);
    return { id: a.id, name: a.name, districtName: a.parent?.name ?? "" };
  };
  await t.db.site.createMany({
    data: ["19333", "19702", "19705"].map((c) =>
      siteRow(ref(c), { modelTypeId: camType.id, name: `Camera ${c}`, establishedOn: new Date("2018-05-01") }),
    ),
  });
  await t.db.cameraInstallation.createMany({
    data: [
      installationRow(ref("19333"), {
        installedOn: new Date("2018-05-01"),
        cameras: 25,
        recorders: 1,
        memoryCards: 2,
        costVnd: 1_250_000_000n,
        fundingSource: "state_budget",
      }),
      installationRow(ref("19702"), {
        installedOn: new Date("2019-05-01"),
        cameras: 10,
        recorders: 1,
        memoryCards: 0,
        costVnd: 300_000_000n,
        fundingSource: "mixed",
      }),
      installationRow(ref("19705"), {
        installedOn: new Date("2020-05-01"),
        cameras: 5,
        recorders: 0,
        memoryCards: 1,
        costVnd: 150_000_000n,
        fundingSource: "socialized",
      }),
    ],
  });
}, 60_000);
afterAll(() => t.close());

describe("overview screen", () => {
  it("shows the headline figures from the database in vi-VN formats", async () => {
    // The fixture lies on former Quảng Trị: its 126 areas, the list in force at the end of 2024.
    renderApp(<OverviewRoute />, { db: t.db, user: viewer, path: "/?province=45&to=2024" });
    expect(screen.getByRole("status")).toHaveTextContent("Đang tải");
    const coverage = await screen.findByRole("article", { name: "Phủ camera an ninh" });
    expect(coverage).toHaveTextContent("3/126 xã (2,4%)theo 126 địa bàn cấp xã trước 01/07/2025");
    expect(screen.getByRole("article", { name: "Mắt camera" })).toHaveTextContent("40");
    expect(screen.getByRole("article", { name: "Kinh phí camera" })).toHaveTextContent("1,7 tỷ đồng");
    expect(screen.getByRole("article", { name: "Kinh phí camera" })).toHaveTextContent("1.700.000.000 đồng");
    const chart = await screen.findByRole(
      "figure",
      { name: "Tỷ lệ địa bàn cấp xã có camera an ninh, theo huyện" },
      { timeout: 15_000 },
    );
    expect(within(chart).getByText("Toàn tỉnh 2,4%")).toBeInTheDocument();
  });

  it("this year for today's whole province: the card is over today's communes and names them, never 0/0", async () => {
    // Counted from the units: today's communes, wards and special zone (78). The fixture has no
    // installation this year, so none is covered.
    const today = await countAreas(t.db, { catalog: "two_level" });
    expect(today).toBe(78);
    const year = new Date().getFullYear();
    renderApp(<OverviewRoute />, { db: t.db, user: viewer, path: `/?from=${year}&to=${year}` });
    const coverage = await screen.findByRole("article", { name: "Phủ camera an ninh" });
    expect(coverage).toHaveTextContent(`0/${today} xã (0,0%)theo ${today} xã, phường, đặc khu hiện nay`);
    expect(coverage).not.toHaveTextContent("0/0");
    // A period after 01/07/2025 has no second list.
    expect(coverage).not.toHaveTextContent("01/07/2025");
  });
});
