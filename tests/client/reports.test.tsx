import { formatNumber } from "@qt/shared/format";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ReportsRoute from "../../client/routes/reports.tsx";
import type { SessionUser } from "../../server/context.ts";
import { dashboardSummary } from "../../server/services/dashboard/summary.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { renderApp } from "./render-app.tsx";

let t: TestDb;
let viewer: SessionUser;
beforeAll(async () => {
  t = await createTestDb("demo");
  viewer = await makeUser(t.db, { role: "viewer" });
}, 120_000);
afterAll(() => t.close());

describe("report builder", () => {
  it("previews the report of one district with the dashboard's figures and links its downloads", async () => {
    const user = userEvent.setup();
    renderApp(<ReportsRoute />, { db: t.db, user: viewer, path: "/reports" });
    await user.click(await screen.findByRole("checkbox", { name: "Huyện Hải Lăng (cũ)" }));
    await user.click(screen.getByRole("checkbox", { name: "Phụ lục theo địa bàn cấp xã" }));
    await user.type(screen.getByLabelText("Họ tên người ký"), "Nguyễn Văn A");
    await user.click(screen.getByRole("button", { name: "Xem trước" }));

    const preview = await screen.findByRole("article", { name: "Bản xem trước" });
    const s = await dashboardSummary(t.db, { fromYear: 2007, toYear: 2022, districtCode: "470" });
    expect(
      within(preview).getByText(
        "Địa bàn: Huyện Hải Lăng (cũ) · 2007–2022 · theo đơn vị hành chính tại thời điểm ghi nhận",
      ),
    ).toBeInTheDocument();
    expect(
      within(preview).getByText(
        `${formatNumber(s.modelTypeCount)} mô hình, ${formatNumber(s.siteCount)} điểm, tại ${formatNumber(s.areasWithModels)} địa bàn cấp xã`,
      ),
    ).toBeInTheDocument();
    expect(within(preview).getByText("Nguyễn Văn A")).toBeInTheDocument();
    expect(within(preview).queryByRole("heading", { name: /Phụ lục/ })).not.toBeInTheDocument();

    const word = screen.getByRole("link", { name: "Tải Word (.docx)" });
    const url = new URL(word.getAttribute("href") ?? "", "http://x");
    expect(url.pathname).toBe("/api/reports/summary.docx");
    expect(url.searchParams.getAll("districtCodes")).toEqual(["470"]);
    expect(url.searchParams.getAll("sections")).not.toContain("annex");
    expect(url.searchParams.get("signerName")).toBe("Nguyễn Văn A");
    expect(screen.getByRole("link", { name: "CSV: Điểm mô hình" }).getAttribute("href")).toMatch(
      /^\/api\/reports\/sites\.csv\?/,
    );
  });

  it("explains a wrong period and offers no download until it is fixed", async () => {
    const user = userEvent.setup();
    renderApp(<ReportsRoute />, { db: t.db, user: viewer, path: "/reports" });
    await user.selectOptions(screen.getByLabelText("Từ năm"), "2020");
    await user.selectOptions(screen.getByLabelText("Đến năm"), "2010");
    expect(screen.getByRole("alert")).toHaveTextContent("Năm bắt đầu phải nhỏ hơn hoặc bằng năm kết thúc");
    expect(screen.getByRole("button", { name: "Xem trước" })).toBeDisabled();
    expect(screen.queryByRole("link", { name: "Tải PDF" })).not.toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText("Đến năm"), "2022");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Tải PDF" })).toBeInTheDocument();
  });
});
