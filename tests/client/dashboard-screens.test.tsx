import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { Route, Routes } from "../../client/router.tsx";
import AwardsRoute from "../../client/routes/awards.tsx";
import CamerasRoute from "../../client/routes/cameras.tsx";
import CommunitiesRoute from "../../client/routes/communities.tsx";
import DistrictRoute from "../../client/routes/district.tsx";
import ModelTypeRoute from "../../client/routes/model-type.tsx";
import { fileDatabase } from "../support/file-db.ts";
import { renderApp } from "./render-app.tsx";

const { t, user } = fileDatabase({ from: "reference", role: "viewer", dashboard: true });
afterEach(() => localStorage.clear());

const render = (path: string) =>
  renderApp(
    <Routes>
      <Route path="/district/:code" element={<DistrictRoute />} />
      <Route path="/model-type/:code" element={<ModelTypeRoute />} />
      <Route path="/cameras" element={<CamerasRoute />} />
      <Route path="/communities" element={<CommunitiesRoute />} />
      <Route path="/awards" element={<AwardsRoute />} />
    </Routes>,
    { db: t.db, user: user(), path },
  );

const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole("row")
    .slice(1)
    .map((r) => Array.from((r as HTMLTableRowElement).cells, (c) => c.textContent));

describe("dashboard screens", () => {
  it("district: its commune-level areas with sites per category and cameras ✓/✗", async () => {
    render("/district/461");
    expect(await screen.findByRole("heading", { name: "Thành phố Đông Hà (cũ)", level: 2 })).toBeInTheDocument();
    const table = await screen.findByRole("table", { name: "Địa bàn cấp xã" });
    const rows = rowsOf(table);
    // Its 9 areas, then the 2 wards of 01/07/2025 on its land (Phường Đông Hà took over Phường 1).
    // By the units of the record's date each is ticked by its own installations only (issue 22).
    expect(rows).toHaveLength(9 + 2);
    expect(rows.slice(9).map((r) => [r[0], r[5]])).toEqual([
      ["Phường Đông Hà (từ 01/07/2025)", "✗ chưa"],
      ["Phường Nam Đông Hà (từ 01/07/2025)", "✗ chưa"],
    ]);
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["Xã, phường, thị trấn", "Số điểm", "Dòng họ", "Camera an ninh", "Tôn giáo", "Có camera", "Mắt camera"]);
    expect(rows.find((r) => r[0] === "Phường 1")).toEqual(["Phường 1", "2", "1", "1", "0", "✓ có", "15"]);
    expect(rows.find((r) => r[0] === "Phường Đông Giang")).toEqual([
      "Phường Đông Giang",
      "2",
      "1",
      "0",
      "1",
      "✗ chưa",
      "0",
    ]);
    // Over every year: Đông Hà's 2 wards of today lead, its 9 old areas second (decision 027).
    expect(screen.getByRole("article", { name: "Phủ camera an ninh" })).toHaveTextContent(
      "1/2 xã (50,0%)theo 2 xã, phường, đặc khu hiện nayTheo địa bàn cấp xã trước 01/07/2025: 1/9 (11,1%)",
    );
  });

  it("district: the commune filter offers today's communes on its land and narrows the figures to one", async () => {
    const user = userEvent.setup();
    render("/district/461");
    const select = await screen.findByRole("combobox", { name: "Xã, phường, đặc khu (hiện nay)" });
    await waitFor(() =>
      expect(
        within(select)
          .getAllByRole("option")
          .map((o) => o.textContent),
      ).toEqual(["Tất cả", "Phường Nam Đông Hà", "Phường Đông Hà"]),
    );
    await user.selectOptions(select, "Phường Đông Hà");
    // Phường 1's 15 cameras count in Phường Đông Hà, which took it over: 1/1, named (not "theo 1 xã, …").
    await waitFor(() =>
      expect(screen.getByRole("article", { name: "Phủ camera an ninh" })).toHaveTextContent(
        /1\/1 xã \(100,0%\)theo Phường Đông HàTheo địa bàn/,
      ),
    );
    const table = await screen.findByRole("table", { name: "Địa bàn cấp xã" });
    await waitFor(() => expect(rowsOf(table).map((r) => r[0])).not.toContain("Phường Nam Đông Hà (từ 01/07/2025)"));
    expect(rowsOf(table).find((r) => r[0] === "Phường 1")?.[6]).toBe("15");
  });

  it("district: an unknown code shows the server's message", async () => {
    render("/district/999");
    expect((await screen.findAllByRole("alert"))[0]).toHaveTextContent(
      "Không tìm thấy huyện, thị xã, thành phố có mã 999",
    );
  });

  it("model type: per district and the list of sites with dd/mm/yyyy dates", async () => {
    render("/model-type/clan-no-crime");
    expect(
      await screen.findByRole("heading", { name: "Dòng họ không có tội phạm và tệ nạn xã hội", level: 2 }),
    ).toBeInTheDocument();
    expect(rowsOf(screen.getByRole("table", { name: "Số điểm theo huyện" }))).toEqual([
      ["Thành phố Đông Hà (cũ)", "2", "2"],
    ]);
    const sites = rowsOf(screen.getByRole("table", { name: "Danh sách điểm mô hình (2)" }));
    expect(sites.map((r) => [r[0], r[3], r[4]])).toEqual([
      ["Họ Lê", "01/03/2007", "Đang hoạt động"],
      ["Họ Nguyễn", "01/06/2010", "Đang hoạt động"],
    ]);
  });

  it("cameras by today's communes: each lists the cameras of the areas it took over", async () => {
    render("/cameras?province=45&view=current");
    const current = await screen.findByRole("table", {
      name: "Xã, phường, đặc khu từ 01/07/2025 đã có camera (2)",
    });
    // Phường 1's 15 cameras now count in Phường Đông Hà, Cồn Cỏ's 3 in Đặc khu Cồn Cỏ.
    expect(rowsOf(current)).toEqual([
      ["Phường Đông Hà, Thành phố Đông Hà (cũ)", "15", "01/05/2015"],
      ["Đặc khu Cồn Cỏ, Huyện Cồn Cỏ (cũ)", "3", "01/03/2024"],
    ]);
    expect(screen.queryByRole("table", { name: /^Địa bàn đã có camera/ })).toBeNull();
    expect(screen.getByRole("radio", { name: "Xã, phường, đặc khu hiện nay" })).toBeChecked();
  });

  it("cameras: equipment and money per district, funding sources, covered and uncovered areas", async () => {
    // The fixture's old province: 126 areas, 37 communes of today. Over every year the headline is
    // over today's communes (decision 027): Đông Hà's 2 wards, one of which took over Phường 1.
    render("/cameras?province=45");
    const byDistrict = await screen.findByRole("table", { name: "Thiết bị và kinh phí theo huyện" });
    expect(rowsOf(byDistrict).find((r) => r[0] === "Thành phố Đông Hà (cũ)")).toEqual([
      "Thành phố Đông Hà (cũ)",
      "1/2 (50,0%)",
      "15",
      "1",
      "3",
      "600 triệu đồng",
    ]);
    expect(within(byDistrict).getByText("600 triệu đồng")).toHaveAttribute("title", "600.000.000 đồng");
    expect(rowsOf(screen.getByRole("table", { name: "Nguồn kinh phí" })).map((r) => r[0])).toEqual([
      "Ngân sách nhà nước",
      "Xã hội hóa",
      "Kết hợp",
    ]);
    const card = screen.getByRole("article", { name: "Phủ camera an ninh" });
    expect(card).toHaveTextContent("2/37 xã (5,4%)theo 37 xã, phường, đặc khu hiện nay");
    expect(card).toHaveTextContent("Theo địa bàn cấp xã trước 01/07/2025: 2/126 (1,6%)");
    expect(rowsOf(screen.getByRole("table", { name: "Địa bàn đã có camera (2)" }))).toEqual([
      ["Phường 1, Thành phố Đông Hà (cũ)", "15", "01/05/2015"],
      ["Huyện Cồn Cỏ, Huyện Cồn Cỏ (cũ)", "3", "01/03/2024"],
    ]);
    expect(screen.getByRole("table", { name: "Địa bàn chưa có camera (124)" })).toBeInTheDocument();
    // By the units of the record's date, today's communes have no installation of their own: none
    // is listed as covered with 0 cameras (issue 22).
    const current = screen.getByRole("table", { name: "Xã, phường, đặc khu từ 01/07/2025 đã có camera (0)" });
    expect(rowsOf(current)).toEqual([]);
    expect(
      screen.getByRole("table", { name: "Xã, phường, đặc khu từ 01/07/2025 chưa có camera (37)" }),
    ).toBeInTheDocument();
  });

  it("clans and religious communities", async () => {
    render("/communities");
    expect(await screen.findByRole("article", { name: "Mô hình dòng họ" })).toHaveTextContent("3");
    expect(screen.getByRole("article", { name: "Mô hình trong tôn giáo" })).toHaveTextContent("3");
    expect(screen.getByRole("figure", { name: "Mô hình trong tôn giáo, theo tôn giáo" })).toBeInTheDocument();
  });

  it("awards, in English when the user chose English", async () => {
    localStorage.setItem("qt.locale", "en");
    render("/awards");
    expect(await screen.findByRole("article", { name: "Awards in total" })).toHaveTextContent("4");
    expect(screen.getByRole("article", { name: "Collectives" })).toHaveTextContent("2");
    const table = screen.getByRole("table", { name: "By issuer and form" });
    expect(rowsOf(table)[0]).toEqual(["Provincial People's Committee", "Certificate of merit", "1", "1", "2"]);
    expect(screen.getByRole("figure", { name: "Awards per year" })).toBeInTheDocument();
  });
});
