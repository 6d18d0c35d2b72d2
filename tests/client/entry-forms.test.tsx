import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import RecordsCamerasRoute from "../../client/routes/records-cameras.tsx";
import RecordsSitesRoute from "../../client/routes/records-sites.tsx";
import type { SessionUser } from "../../server/context.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { asUser as as, renderApp } from "./render-app.tsx";

let t: TestDb;
let admin: SessionUser;
let other: SessionUser;
beforeAll(async () => {
  t = await createTestDb("reference");
  admin = await makeUser(t.db, { role: "admin" });
  other = await makeUser(t.db, { role: "editor" });
}, 60_000);
afterAll(() => t.close());

/** The date picker (input type=date) as the browser fills it: yyyy-mm-dd. */
const pickDate = (field: HTMLElement, iso: string) => fireEvent.change(field, { target: { value: iso } });

async function fillCamera(user: ReturnType<typeof userEvent.setup>) {
  const form = await screen.findByRole("form", { name: "Thêm bản ghi" });
  const f = within(form);
  // A date before 01/07/2025: the old list, district first.
  pickDate(f.getByLabelText("Ngày lắp đặt"), "2019-05-01");
  await waitFor(() => expect(f.getByRole("option", { name: "Huyện Hải Lăng" })).toBeInTheDocument());
  await user.selectOptions(f.getByLabelText("Huyện, thị xã, thành phố"), "Huyện Hải Lăng");
  await user.selectOptions(f.getByLabelText("Địa bàn cấp xã"), "Xã Hải An");
  await typeEquipment(user, f, ["12", "1", "2", "350000000", "Kết hợp"]);
  expect(f.getByLabelText("Kinh phí (đồng)")).toHaveValue("350.000.000");
  return f;
}

/** Cameras, recorders, memory cards, cost and funding source, typed as a user would. */
async function typeEquipment(
  user: ReturnType<typeof userEvent.setup>,
  f: ReturnType<typeof within>,
  [cameras, recorders, cards, cost, funding]: [string, string, string, string, string],
) {
  await user.type(f.getByLabelText("Số mắt camera"), cameras);
  await user.type(f.getByLabelText("Số đầu thu"), recorders);
  await user.type(f.getByLabelText("Số thẻ nhớ"), cards);
  await user.type(f.getByLabelText("Kinh phí (đồng)"), cost);
  await user.selectOptions(f.getByLabelText("Nguồn kinh phí"), funding);
}

describe("camera installation form", () => {
  it("shows the shared schema's Vietnamese messages by field, then saves and lists the record", async () => {
    const user = userEvent.setup();
    renderApp(as(admin, <RecordsCamerasRoute />), { db: t.db, user: admin, path: "/records/cameras" });
    expect(await screen.findByText("0 bản ghi")).toBeInTheDocument();
    expect(screen.getByText("Không có bản ghi nào khớp bộ lọc.")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Thêm mới" }));
    const form = within(await screen.findByRole("form", { name: "Thêm bản ghi" }));
    await user.click(form.getByRole("button", { name: "Lưu" }));
    // Today's date (the default): one list of today's communes, no district asked.
    expect(form.getByLabelText("Xã, phường, đặc khu")).toHaveAccessibleDescription("Vui lòng chọn địa bàn");
    expect(form.getByLabelText("Số mắt camera")).toHaveAccessibleDescription("Số mắt camera phải là số");
    expect(form.getByLabelText("Ngày lắp đặt")).toHaveAttribute("placeholder", "dd/mm/yyyy");

    await fillCamera(user);
    await user.click(form.getByRole("button", { name: "Lưu" }));
    expect(await screen.findByRole("status")).toHaveTextContent("Đã lưu.");
    expect(await screen.findByText("1 bản ghi")).toBeInTheDocument();
    const row = screen.getByRole("row", { name: /Xã Hải An, Huyện Hải Lăng/ });
    expect(row).toHaveTextContent("01/05/2019");
    expect(row).toHaveTextContent("350.000.000 đồng");
    expect(await t.db.cameraInstallation.count()).toBe(1);
  });

  it("after 01/07/2025 offers the former districts and today's communes, and saves there", async () => {
    const user = userEvent.setup();
    renderApp(as(admin, <RecordsCamerasRoute />), { db: t.db, user: admin, path: "/records/cameras?edit=new" });
    const form = within(await screen.findByRole("form", { name: "Thêm bản ghi" }));
    pickDate(form.getByLabelText("Ngày lắp đặt"), "2019-05-01");
    await waitFor(() => expect(form.getByRole("option", { name: "Huyện Hải Lăng" })).toBeInTheDocument());
    await user.selectOptions(form.getByLabelText("Huyện, thị xã, thành phố"), "Huyện Hải Lăng");
    await user.selectOptions(form.getByLabelText("Địa bàn cấp xã"), "Xã Hải An");
    // A date after the reform swaps the lists for one of today's communes (no district asked); the
    // commune that no longer exists stays chosen, and the form says why it does not fit the date.
    pickDate(form.getByLabelText("Ngày lắp đặt"), "2026-03-10");
    await waitFor(() => expect(form.queryByLabelText("Huyện, thị xã, thành phố")).not.toBeInTheDocument());
    const commune = form.getByLabelText("Xã, phường, đặc khu");
    expect(commune).toHaveValue("19684");
    expect(commune).toHaveAccessibleDescription(
      "Xã Hải An không có trong danh sách đơn vị hành chính ngày 10/03/2026: hãy chọn địa bàn khác.",
    );
    await user.selectOptions(form.getByLabelText("Xã, phường, đặc khu"), "Xã Hải Lăng");
    await typeEquipment(user, form, ["4", "1", "1", "60000000", "Xã hội hóa"]);
    await user.click(form.getByRole("button", { name: "Lưu" }));
    expect(await screen.findByRole("status")).toHaveTextContent("Đã lưu.");
    const saved = await t.db.cameraInstallation.findFirstOrThrow({
      where: { installedOn: new Date("2026-03-10") },
      select: { area: { select: { name: true, catalog: true } } },
    });
    expect(saved.area).toEqual({ name: "Xã Hải Lăng", catalog: "two_level" });
  });

  it("keeps the chosen district and commune while the date is impossible or in the future, and says so", async () => {
    const user = userEvent.setup();
    renderApp(as(admin, <RecordsCamerasRoute />), { db: t.db, user: admin, path: "/records/cameras?edit=new" });
    const form = within(await screen.findByRole("form", { name: "Thêm bản ghi" }));
    pickDate(form.getByLabelText("Ngày lắp đặt"), "2019-05-01");
    await waitFor(() => expect(form.getByRole("option", { name: "Huyện Hải Lăng" })).toBeInTheDocument());
    await user.selectOptions(form.getByLabelText("Huyện, thị xã, thành phố"), "Huyện Hải Lăng");
    await user.selectOptions(form.getByLabelText("Địa bàn cấp xã"), "Xã Hải An");
    // The date picker cannot hold an impossible date; a future one can be typed.
    for (const date of ["2999-01-01"]) {
      pickDate(form.getByLabelText("Ngày lắp đặt"), date);
      const commune = form.getByLabelText("Địa bàn cấp xã");
      expect(commune).toHaveAccessibleDescription(
        "Ngày chưa hợp lệ: vẫn giữ địa bàn đã chọn, danh sách địa bàn chưa đổi theo ngày.",
      );
      expect(form.getByLabelText("Huyện, thị xã, thành phố")).toHaveValue("470");
      expect(commune).toHaveValue("19684");
    }
  });

  it("asks before discarding unsaved input", async () => {
    const user = userEvent.setup();
    renderApp(as(admin, <RecordsCamerasRoute />), { db: t.db, user: admin, path: "/records/cameras?edit=new" });
    const form = within(await screen.findByRole("form", { name: "Thêm bản ghi" }));
    await user.type(form.getByLabelText("Số mắt camera"), "5");
    await user.click(form.getByRole("button", { name: "Hủy" }));
    expect(form.getByRole("alertdialog", { name: "Có thay đổi chưa lưu. Bỏ các thay đổi này?" })).toBeInTheDocument();
    await user.click(form.getByRole("button", { name: "Tiếp tục sửa" }));
    expect(form.getByLabelText("Số mắt camera")).toHaveValue("5");
    await user.click(form.getByRole("button", { name: "Hủy" }));
    await user.click(form.getByRole("button", { name: "Bỏ thay đổi" }));
    expect(screen.queryByRole("form", { name: "Thêm bản ghi" })).not.toBeInTheDocument();
  });
});

describe("site form", () => {
  it("shows religion only for religious models, clan households only for clan models", async () => {
    const user = userEvent.setup();
    renderApp(as(admin, <RecordsSitesRoute />), { db: t.db, user: admin, path: "/records/sites?edit=new" });
    const form = within(await screen.findByRole("form", { name: "Thêm bản ghi" }));
    const type = form.getByLabelText("Loại mô hình");
    await waitFor(() => expect(within(type).getAllByRole("option").length).toBeGreaterThan(30));
    expect(form.queryByLabelText("Tôn giáo")).not.toBeInTheDocument();
    await user.selectOptions(type, "Dòng họ không có tội phạm và tệ nạn xã hội");
    expect(form.getByLabelText("Số hộ")).toBeInTheDocument();
    expect(form.queryByLabelText("Tôn giáo")).not.toBeInTheDocument();
    const religious = within(type)
      .getAllByRole("option")
      .find((o) => /tôn giáo|tín ngưỡng|giáo xứ|chùa/i.test(o.textContent ?? ""));
    const chosen = await t.db.modelType.findUniqueOrThrow({
      where: { id: Number((religious as HTMLOptionElement).value) },
      select: { category: true },
    });
    expect(chosen.category).toBe("religious");
    await user.selectOptions(type, religious as HTMLElement);
    expect(form.getByLabelText("Tôn giáo")).toBeInTheDocument();
    expect(form.queryByLabelText("Số hộ")).not.toBeInTheDocument();
  });

  it("on a colleague's concurrent change shows what changed and re-applies the user's edit", async () => {
    const typeId = (await t.db.modelType.findUniqueOrThrow({ where: { code: "clan-no-crime" } })).id;
    const { createCaller } = await import("../../server/routers/_app.ts");
    const { createContextInner } = await import("../../server/context.ts");
    const caller = (u: SessionUser) => createCaller(createContextInner({ db: t.db, user: u }));
    const site = await caller(admin).sites.create({
      modelTypeId: typeId,
      areaCode: "19684",
      name: "Dòng họ Lê",
      establishedOn: "2015-03-10",
      households: 40,
    });
    const user = userEvent.setup();
    renderApp(as(admin, <RecordsSitesRoute />), { db: t.db, user: admin, path: `/records/sites?edit=${site.id}` });
    const form = within(await screen.findByRole("form", { name: "Sửa bản ghi" }));
    await waitFor(() => expect(form.getByLabelText("Số hộ")).toBeInTheDocument());
    // Meanwhile a colleague renames the site.
    await caller(other).sites.update({ id: site.id, version: 1, name: "Dòng họ Lê Văn" });
    await user.clear(form.getByLabelText("Số hộ"));
    await user.type(form.getByLabelText("Số hộ"), "45");
    await user.click(form.getByRole("button", { name: "Lưu" }));
    const conflict = await form.findByRole("region", { name: "Người khác vừa thay đổi bản ghi này" });
    expect(conflict).toHaveTextContent("Tên điểm mô hình: Dòng họ Lê → Dòng họ Lê Văn");
    expect(form.getByRole("alert")).toHaveTextContent("Bản ghi vừa được người khác thay đổi");
    await user.click(within(conflict).getByRole("button", { name: "Áp dụng lại sửa đổi của tôi lên bản mới" }));
    expect(form.getByLabelText("Tên điểm mô hình")).toHaveValue("Dòng họ Lê Văn");
    expect(form.getByLabelText("Số hộ")).toHaveValue("45");
    fireEvent.submit(form.getByRole("button", { name: "Lưu" }).closest("form") as HTMLFormElement);
    expect(await screen.findByText("Đã lưu.")).toBeInTheDocument();
    const saved = await t.db.site.findUniqueOrThrow({ where: { id: site.id } });
    expect(saved).toMatchObject({ name: "Dòng họ Lê Văn", households: 45, version: 3 });
  });
});
