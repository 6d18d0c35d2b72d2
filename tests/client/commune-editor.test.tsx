import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccountMenu } from "../../client/features/auth/AccountMenu.tsx";
import RecordsCamerasRoute from "../../client/routes/records-cameras.tsx";
import { createContextInner, type SessionUser } from "../../server/context.ts";
import { createCaller } from "../../server/routers/_app.ts";
import { meOf } from "../../server/services/accounts/account.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { asUser as as, renderApp } from "./render-app.tsx";

/**
 * A commune editor of Xã Gio Linh (19495) on the record screens (decision 021): the form offers
 * only what they may write on the record's date, the list offers edit/remove only on the records
 * of their commune and of the old areas it took over, and the list filter keeps today's commune
 * and the old area that shares its code apart.
 */

let t: TestDb;
let admin: SessionUser;
let gioLinh: SessionUser;
beforeAll(async () => {
  t = await createTestDb("reference");
  admin = await makeUser(t.db, { role: "admin" });
  gioLinh = await makeUser(t.db, { role: "editor", communeCode: "19495" });
  const caller = createCaller(createContextInner({ db: t.db, user: admin }));
  const cam = { cameras: 2, recorders: 1, memoryCards: 1, costVnd: 5_000_000, fundingSource: "mixed" as const };
  // Thị trấn Gio Linh (then) and Xã Gio Linh (now) share 19495; Xã Gio Sơn (19537) is in the same
  // former district but went to Xã Cồn Tiên; Xã Hải An (19684) is in Hải Lăng.
  for (const [areaCode, installedOn] of [
    ["19495", "2020-02-01"],
    ["19495", "2026-01-10"],
    ["19537", "2019-05-01"],
    ["19684", "2020-03-01"],
  ] as const) {
    await caller.cameras.create({ ...cam, areaCode, installedOn });
  }
}, 60_000);
afterAll(() => t.close());

const options = (select: HTMLElement) =>
  within(select)
    .getAllByRole("option")
    .map((o) => o.textContent);

describe("a commune editor's record screens", () => {
  it("offers edit and remove on the records of their commune and its old areas only", async () => {
    // The list opens on their commune (issue 22); widened to the province, other rows are read-only.
    renderApp(as(gioLinh, <RecordsCamerasRoute />), { db: t.db, user: gioLinh, path: "/records/cameras?communeCode=" });
    const now = await screen.findByRole("row", { name: /Xã Gio Linh, Huyện Gio Linh/ });
    const then = screen.getByRole("row", { name: /Thị trấn Gio Linh, Huyện Gio Linh/ });
    for (const row of [now, then]) {
      expect(within(row).getByRole("button", { name: "Sửa" })).toBeInTheDocument();
      expect(within(row).getByRole("button", { name: "Xóa" })).toBeInTheDocument();
    }
    for (const name of [/Xã Gio Sơn/, /Xã Hải An/]) {
      const row = screen.getByRole("row", { name });
      expect(within(row).queryByRole("button", { name: "Sửa" })).not.toBeInTheDocument();
      expect(within(row).queryByRole("button", { name: "Xóa" })).not.toBeInTheDocument();
    }
  });

  it("the form offers their commune after 01/07/2025, the old areas it took over before", async () => {
    const user = userEvent.setup();
    renderApp(as(gioLinh, <RecordsCamerasRoute />), { db: t.db, user: gioLinh, path: "/records/cameras?edit=new" });
    const form = within(await screen.findByRole("form", { name: "Thêm bản ghi" }));
    // Today (the default date): their commune, chosen already, and no abolished district asked.
    const commune = await form.findByLabelText("Xã, phường, đặc khu");
    await waitFor(() => expect(options(commune)).toEqual(["— Chọn —", "Xã Gio Linh"]));
    expect(commune).toHaveValue("19495");
    expect(form.queryByLabelText("Huyện, thị xã, thành phố")).not.toBeInTheDocument();

    fireEvent.change(form.getByLabelText("Ngày lắp đặt"), { target: { value: "2020-06-01" } });
    const area = await form.findByLabelText("Địa bàn cấp xã");
    const district = form.getByLabelText("Huyện, thị xã, thành phố");
    await waitFor(() => expect(district).toHaveValue("466"));
    await user.selectOptions(area, "Thị trấn Gio Linh");
    await waitFor(() => expect(options(area)).toContain("Thị trấn Gio Linh"));
    expect(options(area)).toEqual(expect.arrayContaining(["Xã Gio Châu", "Xã Gio Quang", "Xã Gio Mỹ"]));
    expect(options(area)).not.toContain("Xã Gio Sơn");
    expect(options(district)).toEqual(["— Chọn —", "Huyện Gio Linh"]);
  });
});

describe("the list filter by area", () => {
  it("groups today's communes and the old areas, and keeps 19495 of each list apart", async () => {
    const user = userEvent.setup();
    renderApp(as(admin, <RecordsCamerasRoute />), { db: t.db, user: admin, path: "/records/cameras" });
    expect(await screen.findByText("4 bản ghi")).toBeInTheDocument();
    const filters = within(screen.getByRole("form", { name: "Tìm kiếm" }));
    // Without a district: today's communes of the whole province, grouped by former district.
    const anywhere = filters.getByLabelText("Địa bàn cấp xã");
    const mine = await within(anywhere).findByRole("option", { name: "Xã Gio Linh (huyện Gio Linh cũ)" });
    expect(mine.closest("optgroup")?.label).toBe("Xã, phường, đặc khu hiện nay — Huyện Gio Linh (cũ)");
    expect(within(anywhere).getAllByRole("option")).toHaveLength(1 + 78);
    await user.selectOptions(anywhere, mine);
    expect(await screen.findByText("2 bản ghi")).toBeInTheDocument();
    const district = filters.getByLabelText("Huyện cũ");
    await waitFor(() => expect(within(district).getByRole("option", { name: "Huyện Gio Linh (cũ)" })).toBeVisible());
    await user.selectOptions(district, "Huyện Gio Linh (cũ)");
    const area = filters.getByLabelText("Địa bàn cấp xã");
    const today = within(area).getByRole("option", { name: "Xã Gio Linh (huyện Gio Linh cũ)" });
    expect(today.closest("optgroup")?.label).toBe("Xã, phường, đặc khu hiện nay");
    const old = within(area).getByRole("option", { name: "Thị trấn Gio Linh" });
    expect(old.closest("optgroup")?.label).toBe("Địa bàn trước 01/07/2025");

    // Today's commune: its own records and those of the old areas it took over.
    await user.selectOptions(area, today);
    expect(await screen.findByText("2 bản ghi")).toBeInTheDocument();
    expect(screen.getByRole("row", { name: /Thị trấn Gio Linh/ })).toBeInTheDocument();
    // The old area of the same code: its records only.
    await user.selectOptions(area, old);
    expect(await screen.findByText("1 bản ghi")).toBeInTheDocument();
    expect(screen.queryByRole("row", { name: /Xã Gio Linh, Huyện/ })).not.toBeInTheDocument();
  });
});

describe("the account menu", () => {
  it("names the scope (not a code) and the role once", async () => {
    const district = await makeUser(t.db, { role: "editor", districtCode: "466" });
    const menus = [
      [gioLinh, `${gioLinh.displayName} · Cán bộ nhập liệu · Xã Gio Linh (huyện Gio Linh cũ)`],
      [district, `${district.displayName} · Cán bộ nhập liệu · Huyện Gio Linh (cũ)`],
      [{ ...admin, displayName: "Quản trị viên" }, "Quản trị viên"],
    ] as const;
    for (const [u, text] of menus) {
      const view = renderApp(<AccountMenu me={meOf(u)} />, { db: t.db, user: u });
      expect(within(screen.getByRole("navigation", { name: "Tài khoản" })).getByText(text)).toBeInTheDocument();
      view.unmount();
    }
  });
});
