import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import RecordsSitesRoute from "../../client/routes/records-sites.tsx";
import { createContextInner, type SessionUser } from "../../server/context.ts";
import { createCaller } from "../../server/routers/_app.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { asUser as as, renderApp } from "./render-app.tsx";

let t: TestDb;
let admin: SessionUser;
beforeAll(async () => {
  t = await createTestDb("reference");
  admin = await makeUser(t.db, { role: "admin" });
  const caller = createCaller(createContextInner({ db: t.db, user: admin }));
  const clan = (await t.db.modelType.findUniqueOrThrow({ where: { code: "clan-no-crime" } })).id;
  const rows = [
    ["Họ Nguyễn Hữu", "19684", "2011-01-01"],
    ["Họ Lê Đình", "19687", "2012-01-01"],
    ["Họ Trần Văn", "19333", "2013-01-01"],
  ] as const;
  for (const [name, areaCode, establishedOn] of rows) {
    await caller.sites.create({ modelTypeId: clan, areaCode, name, establishedOn });
  }
}, 60_000);
afterAll(() => t.close());

describe("site list", () => {
  it("searches without accents, counts results and shows an empty state", async () => {
    const user = userEvent.setup();
    renderApp(as(admin, <RecordsSitesRoute />), { db: t.db, user: admin, path: "/records/sites" });
    expect(await screen.findByText("3 bản ghi")).toBeInTheDocument();
    await user.type(screen.getByRole("searchbox", { name: "Tìm kiếm" }), "hai lang");
    await user.click(screen.getByRole("button", { name: "Tìm" }));
    expect(await screen.findByText("2 bản ghi")).toBeInTheDocument();
    await user.clear(screen.getByRole("searchbox", { name: "Tìm kiếm" }));
    await user.type(screen.getByRole("searchbox", { name: "Tìm kiếm" }), "khong co dau nay");
    await user.click(screen.getByRole("button", { name: "Tìm" }));
    expect(await screen.findByText("Không có bản ghi nào khớp bộ lọc.")).toBeInTheDocument();
  });

  it("reads page, size and sort from the URL and pages through the results", async () => {
    const user = userEvent.setup();
    renderApp(as(admin, <RecordsSitesRoute />), {
      db: t.db,
      user: admin,
      path: "/records/sites?pageSize=2&sort=name&dir=asc",
    });
    expect(await screen.findByText("Trang 1/2")).toBeInTheDocument();
    const names = () =>
      screen
        .getAllByRole("row")
        .slice(1)
        .map((r) => within(r).getAllByRole("cell")[0]?.textContent);
    expect(names()).toEqual(["Họ Lê Đình", "Họ Nguyễn Hữu"]);
    expect(screen.getByRole("columnheader", { name: "Tên điểm mô hình" })).toHaveAttribute("aria-sort", "ascending");
    await user.click(screen.getByRole("button", { name: "Trang sau" }));
    expect(await screen.findByText("Trang 2/2")).toBeInTheDocument();
    await waitFor(() => expect(names()).toEqual(["Họ Trần Văn"]));
  });

  it("removes with a reason, shows removed rows to an admin, restores them, and shows the history", async () => {
    const user = userEvent.setup();
    renderApp(as(admin, <RecordsSitesRoute />), { db: t.db, user: admin, path: "/records/sites?search=tran+van" });
    const row = await screen.findByRole("row", { name: /Họ Trần Văn/ });
    await user.click(within(row).getByRole("button", { name: "Xóa" }));
    const form = within(row).getByRole("form", { name: "Xóa bản ghi" });
    await user.type(within(form).getByLabelText("Lý do xóa"), "x");
    await user.click(within(form).getByRole("button", { name: "Xác nhận xóa" }));
    expect(within(form).getByLabelText("Lý do xóa")).toHaveAccessibleDescription("Lý do xóa cần ít nhất 3 ký tự");
    await user.clear(within(form).getByLabelText("Lý do xóa"));
    await user.type(within(form).getByLabelText("Lý do xóa"), "không trùng");
    await user.click(within(form).getByRole("button", { name: "Xác nhận xóa" }));
    expect(await screen.findByText("0 bản ghi")).toBeInTheDocument();

    await user.click(screen.getByRole("checkbox", { name: "Hiện cả bản ghi đã xóa" }));
    const removed = await screen.findByRole("row", { name: /Họ Trần Văn/ });
    await user.click(within(removed).getByRole("button", { name: "Khôi phục" }));
    await waitFor(() =>
      expect(
        within(screen.getByRole("row", { name: /Họ Trần Văn/ })).getByRole("button", { name: "Sửa" }),
      ).toBeInTheDocument(),
    );
    await user.click(within(screen.getByRole("row", { name: /Họ Trần Văn/ })).getByRole("button", { name: "Lịch sử" }));
    const history = await screen.findByRole("region", { name: "Lịch sử thay đổi" });
    // The panel opens at once and fills when its query answers.
    await waitFor(() => expect(history).toHaveTextContent("Tạo mới"), { timeout: 5000 });
    for (const action of ["Xóa", "Khôi phục"]) expect(history).toHaveTextContent(action);
    expect(history).toHaveTextContent("Lý do xóa: — → không trùng");
    expect(history).toHaveTextContent(admin.username);
  });

  it("offers no write controls to a viewer; a district editor's new record starts in their district", async () => {
    const viewer = await makeUser(t.db, { role: "viewer" });
    const first = renderApp(as(viewer, <RecordsSitesRoute />), { db: t.db, user: viewer, path: "/records/sites" });
    expect(await screen.findByText("3 bản ghi")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Thêm mới" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Sửa" })).not.toBeInTheDocument();
    expect(screen.queryByRole("checkbox", { name: "Hiện cả bản ghi đã xóa" })).not.toBeInTheDocument();
    first.unmount();

    const editor = await makeUser(t.db, { role: "editor", districtCode: "470" });
    renderApp(as(editor, <RecordsSitesRoute />), { db: t.db, user: editor, path: "/records/sites?edit=new" });
    const form = within(await screen.findByRole("form", { name: "Thêm bản ghi" }));
    // Today's date (the default): one list of today's communes, no abolished district asked, and only
    // those that took over the editor's former district.
    const today = await waitFor(() => form.getByLabelText("Xã, phường, đặc khu"));
    expect(form.queryByLabelText("Huyện, thị xã, thành phố")).not.toBeInTheDocument();
    await waitFor(() => expect(within(today).getByRole("option", { name: "Xã Hải Lăng" })).toBeInTheDocument());
    expect(within(today).queryByRole("option", { name: /Đông Hà/ })).not.toBeInTheDocument();
    // A date before 01/07/2025: the old list, starting in their district.
    fireEvent.change(form.getByLabelText("Ngày thành lập"), { target: { value: "2019-05-01" } });
    await waitFor(() => expect(form.getByLabelText("Huyện, thị xã, thành phố")).toHaveValue("470"));
    expect(
      within(form.getByLabelText("Địa bàn cấp xã")).getByRole("option", { name: "Xã Hải An" }),
    ).toBeInTheDocument();
  });

  it("offers a district editor edit and remove on their district's rows only; the form marks required fields", async () => {
    const editor = await makeUser(t.db, { role: "editor", districtCode: "470" });
    const list = renderApp(as(editor, <RecordsSitesRoute />), { db: t.db, user: editor, path: "/records/sites" });
    const mine = await screen.findByRole("row", { name: /Họ Nguyễn Hữu/ });
    const theirs = screen.getByRole("row", { name: /Họ Trần Văn/ });
    expect(within(mine).getByRole("button", { name: "Sửa" })).toBeInTheDocument();
    expect(within(mine).getByRole("button", { name: "Xóa" })).toBeInTheDocument();
    expect(within(theirs).queryByRole("button", { name: "Sửa" })).not.toBeInTheDocument();
    expect(within(theirs).queryByRole("button", { name: "Xóa" })).not.toBeInTheDocument();
    expect(within(theirs).getByRole("button", { name: "Lịch sử" })).toBeInTheDocument();
    list.unmount();

    renderApp(as(editor, <RecordsSitesRoute />), { db: t.db, user: editor, path: "/records/sites?edit=new" });
    const form = within(await screen.findByRole("form", { name: "Thêm bản ghi" }));
    // Required as the shared schema says; a new site starts active.
    expect(form.getByLabelText("Tên điểm mô hình")).toHaveAttribute("aria-required", "true");
    expect(form.getByLabelText("Ghi chú")).not.toHaveAttribute("aria-required");
    expect(form.getByLabelText("Trạng thái")).toHaveValue("active");
  });

  it("shows the list schema's own message for a year range it refuses, and no count", async () => {
    renderApp(as(admin, <RecordsSitesRoute />), {
      db: t.db,
      user: admin,
      path: "/records/sites?fromYear=2015&toYear=2012",
    });
    expect(await screen.findByRole("alert")).toHaveTextContent("Năm bắt đầu phải nhỏ hơn hoặc bằng năm kết thúc");
    expect(screen.queryByText(/bản ghi$/)).not.toBeInTheDocument();
  });

  it("opens the edit form on the record as it is now, after a colleague's change since the last opening", async () => {
    const user = userEvent.setup();
    const caller = createCaller(createContextInner({ db: t.db, user: admin }));
    const site = (await caller.sites.list({ search: "le dinh" })).items[0];
    expect(site?.name).toBe("Họ Lê Đình");
    renderApp(as(admin, <RecordsSitesRoute />), { db: t.db, user: admin, path: `/records/sites?edit=${site?.id}` });
    const first = within(await screen.findByRole("form", { name: "Sửa bản ghi" }));
    expect(first.getByLabelText("Tên điểm mô hình")).toHaveValue("Họ Lê Đình");
    await user.click(first.getByRole("button", { name: "Hủy" }));
    expect(screen.queryByRole("form", { name: "Sửa bản ghi" })).not.toBeInTheDocument();

    await caller.sites.update({ id: site?.id ?? 0, version: site?.version ?? 0, name: "Họ Lê Đình Đông" });
    await user.click(
      within(await screen.findByRole("row", { name: /Họ Lê Đình/ })).getByRole("button", { name: "Sửa" }),
    );
    const again = within(await screen.findByRole("form", { name: "Sửa bản ghi" }));
    expect(again.getByLabelText("Tên điểm mô hình")).toHaveValue("Họ Lê Đình Đông");
  });
});
