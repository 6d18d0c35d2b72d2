import { formatNumber } from "@qt/shared/format";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ReportsRoute from "../../client/routes/reports.tsx";
import { createContextInner, type SessionUser } from "../../server/context.ts";
import { createCaller } from "../../server/routers/_app.ts";
import { dashboardSummary } from "../../server/services/dashboard/summary.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { asUser as as, renderApp } from "./render-app.tsx";

let t: TestDb;
let viewer: SessionUser;
let admin: SessionUser;
beforeAll(async () => {
  t = await createTestDb("demo");
  viewer = await makeUser(t.db, { role: "viewer" });
  admin = await makeUser(t.db, { role: "admin" });
}, 120_000);
afterAll(() => t.close());

const open = (u: SessionUser) => renderApp(as(u, <ReportsRoute />), { db: t.db, user: u, path: "/reports" });

describe("report builder", () => {
  it("previews the printed document of one district and links downloads of exactly that document", async () => {
    const user = userEvent.setup();
    open(viewer);
    await user.click(await screen.findByRole("checkbox", { name: "Huyện Hải Lăng (cũ)" }));
    await user.click(screen.getByRole("checkbox", { name: "Phụ lục theo địa bàn cấp xã" }));
    await user.type(screen.getByLabelText("Họ tên người ký"), "Nguyễn Văn A");
    expect(screen.queryByRole("link", { name: "Tải Word (.docx)" })).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Xem trước" }));

    const preview = await screen.findByRole("article", { name: "Bản xem trước" }, { timeout: 10_000 });
    const s = await dashboardSummary(t.db, { fromYear: 2007, toYear: 2022, districtCode: "470" });
    expect(
      within(preview).getByText(
        "(Địa bàn: Huyện Hải Lăng (cũ); giai đoạn 2007–2022; số liệu theo đơn vị hành chính cấp xã của từng thời kỳ)",
      ),
    ).toBeInTheDocument();
    expect(within(preview).getByText("BỘ CÔNG AN")).toBeInTheDocument();
    expect(within(preview).getByText(/nhân rộng .* mô hình với/)).toHaveTextContent(
      `${formatNumber(s.modelTypeCount)} mô hình với ${formatNumber(s.siteCount)} điểm`,
    );
    // The totals row and the charts the Word file carries.
    expect(
      within(preview)
        .getAllByRole("row")
        .some((r) => r.textContent?.startsWith("Tổng cộng")),
    ).toBe(true);
    // Two charts and the coverage map (decision 026), as in the Word file.
    const images = within(preview).getAllByRole("img");
    expect(images).toHaveLength(3);
    expect(images.filter((i) => /^Bản đồ 1/.test(i.getAttribute("alt") ?? ""))).toHaveLength(1);
    expect(within(preview).getByText("Nguyễn Văn A")).toBeInTheDocument();
    expect(within(preview).queryByRole("region", { name: "Phụ lục" })).not.toBeInTheDocument();

    const word = screen.getByRole("link", { name: "Tải Word (.docx)" });
    const url = new URL(word.getAttribute("href") ?? "", "http://x");
    expect(url.pathname).toBe("/api/reports/summary.docx");
    expect(url.searchParams.getAll("districtCodes")).toEqual(["470"]);
    expect(url.searchParams.getAll("sections")).not.toContain("annex");
    expect(url.searchParams.get("signerName")).toBe("Nguyễn Văn A");
    expect(screen.getByRole("link", { name: "CSV: Điểm mô hình" }).getAttribute("href")).toMatch(
      /^\/api\/reports\/sites\.csv\?/,
    );
    // Changed after the preview: the downloads stay the previewed document and say so.
    await user.type(screen.getByLabelText("Họ tên người ký"), "nh");
    expect(screen.getByText(/Tùy chọn đã đổi sau khi xem trước/)).toBeInTheDocument();
    expect(
      new URL(screen.getByRole("link", { name: "Tải PDF" }).getAttribute("href") ?? "", "http://x").searchParams.get(
        "signerName",
      ),
    ).toBe("Nguyễn Văn A");
  });

  it("offers the CSV separator: semicolon puts sep=semicolon on every CSV link, never on Word or PDF", async () => {
    const user = userEvent.setup();
    open(viewer);
    await user.click(await screen.findByRole("button", { name: "Xem trước" }));
    await screen.findByRole("article", { name: "Bản xem trước" }, { timeout: 10_000 });
    const group = screen.getByRole("group", { name: "Dấu phân cách của tệp CSV" });
    const csvLinks = () => screen.getAllByRole("link", { name: /^CSV: / });
    const sepOf = (a: HTMLElement) => new URL(a.getAttribute("href") ?? "", "http://x").searchParams.get("sep");
    expect(within(group).getByRole("radio", { name: /^Dấu phẩy/ })).toBeChecked();
    expect(csvLinks()).toHaveLength(5);
    expect(csvLinks().map(sepOf)).toEqual([null, null, null, null, null]);
    await user.click(within(group).getByRole("radio", { name: "Dấu chấm phẩy (;): Excel cài đặt vùng Việt Nam" }));
    expect(csvLinks().map(sepOf)).toEqual(["semicolon", "semicolon", "semicolon", "semicolon", "semicolon"]);
    expect(sepOf(screen.getByRole("link", { name: "Tải Word (.docx)" }))).toBeNull();
    expect(sepOf(screen.getByRole("link", { name: "Tải PDF" }))).toBeNull();
    await user.click(within(group).getByRole("radio", { name: /^Dấu phẩy/ }));
    expect(csvLinks().map(sepOf)).toEqual([null, null, null, null, null]);
  });

  it("explains a wrong period and cannot preview until it is fixed", async () => {
    const user = userEvent.setup();
    open(viewer);
    await user.selectOptions(screen.getByLabelText("Từ năm"), "2020");
    await user.selectOptions(screen.getByLabelText("Đến năm"), "2010");
    expect(screen.getByRole("alert")).toHaveTextContent("Năm bắt đầu phải nhỏ hơn hoặc bằng năm kết thúc");
    expect(screen.getByRole("button", { name: "Xem trước" })).toBeDisabled();
    await user.selectOptions(screen.getByLabelText("Đến năm"), "2022");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Xem trước" })).toBeEnabled();
  });

  it("lets an admin write a named draft, save it, and preview it in the report", async () => {
    const user = userEvent.setup();
    open(admin);
    await user.click(await screen.findByRole("checkbox", { name: "Huyện Gio Linh (cũ)" }));
    await user.type(screen.getByLabelText("Tên bản nháp"), "Tổng kết Gio Linh");
    await user.type(screen.getByLabelText("Đánh giá chung"), "Phong trào được triển khai sâu rộng.");
    // Unsaved text is not in the preview: it must be saved first.
    expect(screen.getByRole("alert")).toHaveTextContent("Lưu bản nháp");
    expect(screen.getByRole("button", { name: "Xem trước" })).toBeDisabled();
    await user.click(screen.getByRole("button", { name: "Lưu bản nháp" }));
    expect(await screen.findByRole("status")).toHaveTextContent("Đã lưu bản nháp (phiên bản 1).");
    const saved = await t.db.reportDraft.findFirstOrThrow({ where: { name: "Tổng kết Gio Linh" } });
    expect(saved).toMatchObject({ scopeKey: "466", assessment: "Phong trào được triển khai sâu rộng." });

    await user.click(screen.getByRole("button", { name: "Xem trước" }));
    const preview = await screen.findByRole("article", { name: "Bản xem trước" }, { timeout: 10_000 });
    await waitFor(() => expect(within(preview).getByText("VI. ĐÁNH GIÁ CHUNG")).toBeInTheDocument());
    expect(within(preview).getByText("Phong trào được triển khai sâu rộng.")).toBeInTheDocument();
    const word = new URL(screen.getByRole("link", { name: "Tải Word (.docx)" }).getAttribute("href") ?? "", "http://x");
    expect(word.searchParams.get("draftId")).toBe(String(saved.id));
    expect(word.searchParams.get("draftVersion")).toBe("1");
  });

  it("shows a leader the drafts read-only, with the heading they were saved with", async () => {
    await createCaller(createContextInner({ db: t.db, user: admin })).reports.drafts.create({
      name: "Bản nháp Vĩnh Linh",
      districtCodes: ["464"],
      signerName: "Lê Văn C",
      narrative: { lessons: "Dựa vào dân." },
    });
    const user = userEvent.setup();
    open(viewer);
    await user.click(await screen.findByRole("checkbox", { name: "Huyện Vĩnh Linh (cũ)" }));
    const pick = screen.getByLabelText("Bản nháp của phạm vi và giai đoạn này");
    await waitFor(() => expect(within(pick).getByRole("option", { name: "Bản nháp Vĩnh Linh" })).toBeInTheDocument());
    await user.selectOptions(pick, "Bản nháp Vĩnh Linh");
    await waitFor(() => expect(screen.getByLabelText("Bài học kinh nghiệm")).toHaveValue("Dựa vào dân."));
    expect(screen.getByLabelText("Họ tên người ký")).toHaveValue("Lê Văn C");
    expect(screen.getByLabelText("Bài học kinh nghiệm")).toHaveAttribute("readonly");
    expect(screen.getByLabelText("Đánh giá chung")).toHaveAttribute("readonly");
    expect(screen.queryByRole("button", { name: "Lưu bản nháp" })).not.toBeInTheDocument();
  });
});
