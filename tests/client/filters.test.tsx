import { formatNumber, formatPercent } from "@qt/shared/format";
import { fireEvent, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Route, Routes, useLocation } from "../../client/router.tsx";
import OverviewRoute from "../../client/routes/overview.tsx";
import { countAreas } from "../fixtures/territory.ts";
import { fileDatabase } from "../support/file-db.ts";
import { renderApp } from "./render-app.tsx";

const { t, user } = fileDatabase({ from: "reference", role: "viewer", dashboard: true });

function Url() {
  return <output aria-label="url">{useLocation().search}</output>;
}

function renderOverview(path: string) {
  return renderApp(
    <>
      <Routes>
        <Route path="/" element={<OverviewRoute />} />
      </Routes>
      <Url />
    </>,
    { db: t.db, user: user(), path },
  );
}

const coverage = () => screen.findByRole("article", { name: "Phủ camera an ninh" });

/**
 * Today's communes of the whole province, counted from the units (not from the dashboard): over
 * every year (a period ending today) the headline counts them (decision 027).
 */
const wholeProvinceAreas = () => countAreas(t.db, { catalog: "two_level" });
const share = (covered: number, total: number) =>
  `${covered}/${formatNumber(total)} xã (${formatPercent(covered, total)})`;

describe("dashboard filters", () => {
  it("reads the filter from the URL, shows it as chips, and removing a chip widens the figures", async () => {
    // The fixture lies on former Quảng Trị (126 areas).
    renderOverview("/?province=45&from=2010&district=461");
    // 19333 (Đông Hà) got cameras in 2015: Phường Đông Hà took it over, 1 of Đông Hà's 2 wards of today.
    expect(await coverage()).toHaveTextContent("1/2 xã (50,0%)");
    expect(screen.getByRole("button", { name: "Bỏ lọc: Từ năm 2010" })).toBeInTheDocument();
    fireEvent.click(await screen.findByRole("button", { name: "Bỏ lọc: Thành phố Đông Hà (cũ)" }));
    await screen.findByText("2/37 xã (5,4%)");
    expect(screen.getByRole("status", { name: "url" })).toHaveTextContent("?province=45&from=2010");
    expect(screen.getByLabelText("Huyện, thị xã, thành phố")).toHaveValue("");
    fireEvent.click(await screen.findByRole("button", { name: "Bỏ lọc: Quảng Trị cũ" }));
    await screen.findByText(share(2, await wholeProvinceAreas()));
  });

  it("changing a select updates the URL and every figure on the page", async () => {
    renderOverview("/?province=45");
    expect(await coverage()).toHaveTextContent("2/37 xã (5,4%)");
    expect(screen.getByRole("article", { name: "Điểm mô hình" })).toHaveTextContent("8");
    fireEvent.change(screen.getByLabelText("Đến năm"), { target: { value: "2016" } });
    await screen.findByText("1/126 xã (0,8%)");
    expect(screen.getByRole("article", { name: "Điểm mô hình" })).toHaveTextContent("5");
    expect(screen.getByRole("status", { name: "url" })).toHaveTextContent("?province=45&to=2016");
    fireEvent.change(screen.getByLabelText("Nhóm mô hình"), { target: { value: "clan" } });
    await screen.findByRole("button", { name: "Bỏ lọc: Dòng họ" });
    // The overview's map asks for its figures too: on a busy machine the cards may take over a second.
    await expect
      .poll(() => screen.queryByRole("article", { name: "Điểm mô hình" })?.textContent, { timeout: 15_000 })
      .toContain("3");
    expect(screen.getByText("Nhóm và loại mô hình chỉ áp dụng cho số điểm mô hình.")).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Bỏ tất cả bộ lọc" }));
    // Every filter gone, the territory too: the whole province of today.
    await screen.findByText(share(2, await wholeProvinceAreas()));
    expect(screen.queryByRole("button", { name: /Bỏ lọc/ })).toBeNull();
  });

  it("opens on the whole province of today; territory, view and the review preset live in the URL", async () => {
    renderOverview("/");
    expect(await coverage()).toHaveTextContent(share(2, await wholeProvinceAreas()));
    expect(screen.getByLabelText("Địa bàn")).toHaveValue("");
    expect(
      screen.getByText("Địa bàn: toàn tỉnh Quảng Trị · mọi năm · theo đơn vị hành chính tại thời điểm ghi nhận"),
    ).toBeInTheDocument();
    const districtOptions = () =>
      Array.from((screen.getByLabelText("Huyện, thị xã, thành phố") as HTMLSelectElement).options, (o) => o.text);
    expect(districtOptions()).toContain("Thành phố Đồng Hới (cũ)");
    expect(districtOptions()).toContain("Thành phố Đông Hà (cũ)");
    // Former Quảng Bình: only its 8 districts can be chosen.
    fireEvent.change(screen.getByLabelText("Địa bàn"), { target: { value: "44" } });
    await screen.findByText(share(0, await countAreas(t.db, { catalog: "two_level", province: "44" })));
    expect(screen.getByRole("status", { name: "url" })).toHaveTextContent("?province=44");
    expect(districtOptions()).toHaveLength(1 + 8);
    expect(districtOptions()).not.toContain("Thành phố Đông Hà (cũ)");
    fireEvent.click(screen.getByRole("radio", { name: "Xã, phường, đặc khu hiện nay" }));
    await expect.poll(() => screen.getByRole("status", { name: "url" }).textContent).toBe("?province=44&view=current");
    expect(
      await screen.findByText("Địa bàn: Quảng Bình cũ · mọi năm · theo xã, phường, đặc khu hiện nay"),
    ).toBeInTheDocument();
    // One click: the scope of the 2023 review conference.
    const preset = screen.getByRole("button", { name: "Hội nghị tổng kết 15 năm (31/01/2023)" });
    expect(preset).toHaveAttribute("aria-pressed", "false");
    fireEvent.click(preset);
    await expect
      .poll(() => screen.getByRole("status", { name: "url" }).textContent)
      .toBe("?province=45&from=2007&to=2022");
    expect(preset).toHaveAttribute("aria-pressed", "true");
    await screen.findByText("1/126 xã (0,8%)");
    expect(
      screen.getByText("Địa bàn: Quảng Trị cũ · 2007–2022 · theo đơn vị hành chính tại thời điểm ghi nhận"),
    ).toBeInTheDocument();
  });

  it("shows the server's Vietnamese message for a year out of range in the URL", async () => {
    renderOverview("/?from=1980");
    expect(await screen.findByRole("alert")).toHaveTextContent("Năm phải từ 1990");
  });
});
