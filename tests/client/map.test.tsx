import { MAP_COLOURS } from "@qt/shared/map/scale";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { LazyMap } from "../../client/features/maps/LazyMap.tsx";
import { Route, Routes } from "../../client/router.tsx";
import ConferenceRoute from "../../client/routes/conference.tsx";
import MapBoundariesRoute from "../../client/routes/map-boundaries.tsx";
import type { SessionUser } from "../../server/context.ts";
import { loadCommuneBoundaries } from "../../server/services/maps/load.ts";
import { seedDashboardFixture } from "../fixtures/dashboard.ts";
import { communeFile } from "../fixtures/maps.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { asUser, renderApp } from "./render-app.tsx";

let t: TestDb;
let viewer: SessionUser;
let admin: SessionUser;
beforeAll(async () => {
  t = await createTestDb("reference");
  await seedDashboardFixture(t.db);
  viewer = await makeUser(t.db, { role: "viewer" });
  admin = await makeUser(t.db, { role: "admin" });
}, 60_000);
afterAll(() => t.close());

/** The map of former Quảng Trị's districts, as the overview draws it for that territory. */
const renderMap = () =>
  renderApp(<LazyMap filter={{ formerProvinceCode: "45", toYear: 2024 }} />, { db: t.db, user: viewer });

const mapFigure = () => screen.findByRole("figure", { name: "Bản đồ: Phủ camera an ninh" }, { timeout: 10_000 });

describe("choropleth map", () => {
  it("shades former Quảng Trị's 10 districts with the dashboard's coverage, a legend and the attribution", async () => {
    renderMap();
    const figure = await mapFigure();
    const units = await within(figure).findAllByRole("link");
    expect(units).toHaveLength(10);
    // The fixture's figures (dashboard-screens: Đông Hà 1/9 covered), exact in the name and the tooltip.
    const dongHa = within(figure).getByRole("link", { name: /^Thành phố Đông Hà \(cũ\): 1\/9 \(11,1%\)/ });
    expect(dongHa).toHaveAttribute("data-code", "461");
    expect(within(figure).getByRole("link", { name: /^Huyện Gio Linh \(cũ\): 0\/\d+ \(0,0%\)/ })).toBeInTheDocument();
    const legend = within(figure).getByRole("list", { name: "Bản đồ: Phủ camera an ninh" });
    expect(
      within(legend)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["0%–20%", "20%–40%", "40%–60%", "60%–80%", "80%–100%"]);
    expect(figure).toHaveTextContent(/geoBoundaries\.org \(Runfola et al\. 2020\).*CC BY 3\.0 IGO/);
    // Shaded by the shared scale: Đông Hà (11,1%) in the lightest class, Cồn Cỏ (1/1) in the darkest.
    expect(dongHa).toHaveAttribute("fill", MAP_COLOURS[0]);
    expect(within(figure).getByRole("link", { name: /^Huyện Cồn Cỏ \(cũ\): 1\/1 \(100,0%\)/ })).toHaveAttribute(
      "fill",
      MAP_COLOURS[4],
    );
  });

  it("the data table toggle shows the same figures; the attribution stays", async () => {
    const user = userEvent.setup();
    renderMap();
    const figure = await mapFigure();
    await within(figure).findAllByRole("link");
    await user.click(within(figure).getByRole("button", { name: "Xem bảng số liệu" }));
    const table = within(figure).getByRole("table", { name: "Bảng số liệu: Bản đồ: Phủ camera an ninh" });
    const rows = within(table)
      .getAllByRole("row")
      .slice(1)
      .map((r) => Array.from((r as HTMLTableRowElement).cells, (c) => c.textContent));
    expect(rows).toHaveLength(10);
    expect(rows).toContainEqual(["Thành phố Đông Hà (cũ)", "1/9 (11,1%)"]);
    expect(figure).toHaveTextContent("CC BY 3.0 IGO");
  });

  it("a tooltip on focus, Enter and a click open the district; the measure changes the shading", async () => {
    const user = userEvent.setup();
    const seen: string[] = [];
    renderApp(
      <Routes>
        <Route
          path="/"
          element={<LazyMap filter={{ formerProvinceCode: "45", toYear: 2024 }} onDistrict={(c) => seen.push(c)} />}
        />
      </Routes>,
      { db: t.db, user: viewer, path: "/" },
    );
    const figure = await mapFigure();
    const camLo = await within(figure).findByRole("link", { name: /^Huyện Cam Lộ \(cũ\)/ });
    camLo.focus();
    expect(await within(figure).findByRole("tooltip")).toHaveTextContent(
      "Huyện Cam Lộ (cũ)0/8 (0,0%) địa bàn cấp xã trước 01/07/2025 có camera",
    );
    await user.keyboard("{Enter}");
    await user.click(within(figure).getByRole("link", { name: /^Huyện Gio Linh/ }));
    expect(seen).toEqual(["468", "466"]);

    await user.selectOptions(screen.getByLabelText("Chỉ tiêu"), "sites");
    const sites = await screen.findByRole("figure", { name: "Bản đồ: Điểm mô hình" });
    // Đông Hà's sites in the fixture: 2 in Phường 1, 2 in Đông Giang (as the district screen counts).
    expect(
      await within(sites).findByRole("link", { name: "Thành phố Đông Hà (cũ): 4 điểm mô hình" }),
    ).toBeInTheDocument();

    // The sites of one model type: the clans without crime, 2 in Đông Hà (Họ Lê, Họ Nguyễn).
    await user.selectOptions(screen.getByLabelText("Chỉ tiêu"), "typeSites");
    await user.selectOptions(await screen.findByLabelText("Tô theo loại"), "clan-no-crime");
    const typed = await screen.findByRole("figure", { name: "Bản đồ: Điểm của một loại mô hình" });
    expect(
      await within(typed).findByRole("link", { name: "Thành phố Đông Hà (cũ): 2 điểm mô hình" }),
    ).toBeInTheDocument();
  });

  it("the commune level without loaded boundaries: a clear note and the table", async () => {
    renderApp(
      <Routes>
        <Route
          path="/"
          element={
            <LazyMap
              filter={{ formerProvinceCode: "45", districtCode: "461", toYear: 2024 }}
              initial={{ level: "commune" }}
            />
          }
        />
      </Routes>,
      { db: t.db, user: viewer, path: "/" },
    );
    expect(await screen.findByRole("note")).toHaveTextContent("Chưa có ranh giới hành chính cấp xã");
    const table = await screen.findByRole("table", { name: "Bảng số liệu: Bản đồ: Phủ camera an ninh" });
    expect(within(table).getAllByRole("row").length).toBeGreaterThan(9);
    expect(screen.queryByRole("button", { name: "Xem bảng số liệu" })).toBeNull();
  });

  it("conference mode has a map slide", async () => {
    renderApp(
      <Routes>
        <Route path="/conference" element={<ConferenceRoute />} />
      </Routes>,
      { db: t.db, user: viewer, path: "/conference?province=45&slides=map" },
    );
    const figure = await mapFigure();
    expect(await within(figure).findAllByRole("link")).toHaveLength(10);
    expect(figure).toHaveClass("chart-large");
  });

  it("the admin screen lists both lists of units as not loaded and refuses an empty form", async () => {
    const user = userEvent.setup();
    renderApp(asUser(admin, <MapBoundariesRoute />), { db: t.db, user: admin, path: "/admin/map-boundaries" });
    const list = await screen.findByRole("list");
    await waitFor(() => expect(within(list).getAllByRole("listitem")).toHaveLength(2));
    expect(list).toHaveTextContent("Địa bàn cấp xã 2020–2025 (trước 01/07/2025): Chưa tải");
    await user.click(screen.getByRole("button", { name: "Tải lên" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Vui lòng chọn tệp ranh giới");
  });

  it("with commune boundaries loaded the commune map appears; the admin removes them", async () => {
    const user = userEvent.setup();
    const text = JSON.stringify(await communeFile(t.db, "three_level"));
    const loaded = await loadCommuneBoundaries(
      t.db,
      admin,
      { list: "three_level", text, fileName: "o-vuong.geojson", attribution: "Ô vuông thử nghiệm", missing: [] },
      "vi",
    );
    expect(loaded.ok).toBe(true);
    const communes = renderApp(
      <LazyMap
        filter={{ formerProvinceCode: "45", districtCode: "461", toYear: 2024 }}
        initial={{ level: "commune" }}
      />,
      { db: t.db, user: viewer },
    );
    const figure = await mapFigure();
    // Đông Hà's 9 areas of 2020–2025, each a link named by whether it has cameras (Phường 1 has).
    await waitFor(() => expect(within(figure).getAllByRole("link")).toHaveLength(9));
    expect(within(figure).getByRole("link", { name: "Phường 1: Có camera an ninh" })).toBeInTheDocument();
    expect(within(figure).getByRole("link", { name: "Phường Đông Giang: Chưa có camera" })).toBeInTheDocument();
    expect(figure).toHaveTextContent("Ô vuông thử nghiệm");
    expect(screen.queryByRole("note")).toBeNull();
    communes.unmount();

    renderApp(asUser(admin, <MapBoundariesRoute />), { db: t.db, user: admin });
    const list = await screen.findByRole("list");
    await waitFor(() => expect(list).toHaveTextContent("o-vuong.geojson"));
    const confirm = vi.spyOn(window, "confirm").mockReturnValue(true);
    await user.click(screen.getByRole("button", { name: "Gỡ ranh giới" }));
    expect(await screen.findByRole("status")).toHaveTextContent("Đã gỡ ranh giới.");
    await waitFor(() => expect(list).toHaveTextContent("Địa bàn cấp xã 2020–2025 (trước 01/07/2025): Chưa tải"));
    confirm.mockRestore();
  });
});
