import { fireEvent, screen } from "@testing-library/react";
import { Route, Routes, useLocation } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import OverviewRoute from "../../client/routes/overview.tsx";
import type { SessionUser } from "../../server/context.ts";
import { seedDashboardFixture } from "../fixtures/dashboard.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { renderApp } from "./render-app.tsx";

let t: TestDb;
let viewer: SessionUser;
beforeAll(async () => {
  t = await createTestDb("reference");
  await seedDashboardFixture(t.db);
  viewer = await makeUser(t.db, { role: "viewer" });
}, 60_000);
afterAll(() => t.close());

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
    { db: t.db, user: viewer, path },
  );
}

const coverage = () => screen.findByRole("article", { name: "Phủ camera an ninh" });

describe("dashboard filters", () => {
  it("reads the filter from the URL, shows it as chips, and removing a chip widens the figures", async () => {
    renderOverview("/?from=2010&district=461");
    // 19333 (Đông Hà) got cameras in 2015: 1 of Đông Hà's 9 areas.
    expect(await coverage()).toHaveTextContent("1/9 xã (11,1%)");
    expect(screen.getByRole("button", { name: "Bỏ lọc: Từ năm 2010" })).toBeInTheDocument();
    fireEvent.click(await screen.findByRole("button", { name: "Bỏ lọc: Thành phố Đông Hà" }));
    await screen.findByText("2/126 xã (1,6%)");
    expect(screen.getByRole("status", { name: "url" })).toHaveTextContent("?from=2010");
    expect(screen.getByLabelText("Huyện, thị xã, thành phố")).toHaveValue("");
  });

  it("changing a select updates the URL and every figure on the page", async () => {
    renderOverview("/");
    expect(await coverage()).toHaveTextContent("2/126 xã (1,6%)");
    expect(screen.getByRole("article", { name: "Điểm mô hình" })).toHaveTextContent("8");
    fireEvent.change(screen.getByLabelText("Đến năm"), { target: { value: "2016" } });
    await screen.findByText("1/126 xã (0,8%)");
    expect(screen.getByRole("article", { name: "Điểm mô hình" })).toHaveTextContent("5");
    expect(screen.getByRole("status", { name: "url" })).toHaveTextContent("?to=2016");
    fireEvent.change(screen.getByLabelText("Nhóm mô hình"), { target: { value: "clan" } });
    await screen.findByRole("button", { name: "Bỏ lọc: Dòng họ" });
    await expect.poll(() => screen.getByRole("article", { name: "Điểm mô hình" }).textContent).toContain("3");
    expect(screen.getByText("Nhóm và loại mô hình chỉ áp dụng cho số điểm mô hình.")).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Bỏ tất cả bộ lọc" }));
    await screen.findByText("2/126 xã (1,6%)");
    expect(screen.queryByRole("button", { name: /Bỏ lọc/ })).toBeNull();
  });

  it("shows the server's Vietnamese message for a year out of range in the URL", async () => {
    renderOverview("/?from=1980");
    expect(await screen.findByRole("alert")).toHaveTextContent("Năm phải từ 1990");
  });
});
