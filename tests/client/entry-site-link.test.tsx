import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import RecordsAwardsRoute from "../../client/routes/records-awards.tsx";
import RecordsCamerasRoute from "../../client/routes/records-cameras.tsx";
import { createContextInner, type SessionUser } from "../../server/context.ts";
import { createCaller } from "../../server/routers/_app.ts";
import { HAI_AN, HAI_BA } from "../fixtures/units.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { asUser as as, renderApp } from "./render-app.tsx";

const CAMERA_TYPE = "Camera an ninh phòng chống tội phạm";
const CLAN_TYPE = "Dòng họ không có tội phạm và tệ nạn xã hội";

let t: TestDb;
let admin: SessionUser;
let cameraSite: { id: number; version: number };
let clanSite: { id: number; version: number };
const api = () => createCaller(createContextInner({ db: t.db, user: admin }));

beforeAll(async () => {
  t = await createTestDb("reference");
  admin = await makeUser(t.db, { role: "admin" });
  const typeId = async (code: string) => (await t.db.modelType.findUniqueOrThrow({ where: { code } })).id;
  const site = async (code: string, areaCode: string, name: string) =>
    api().sites.create({ modelTypeId: await typeId(code), areaCode, name, establishedOn: "2018-03-01" });
  cameraSite = await site("security-camera", HAI_AN, "Camera thôn Hải Lâm");
  clanSite = await site("clan-no-crime", HAI_AN, "Dòng họ Lê Văn");
  await site("security-camera", HAI_BA, "Camera thôn Mỹ Thủy");
}, 60_000);
afterAll(() => t.close());

type Form = ReturnType<typeof within>;

async function chooseArea(user: ReturnType<typeof userEvent.setup>, form: Form, area = "Xã Hải An") {
  // The camera form starts on today's date and today's communes: a 2019 installation picks its
  // former district and commune.
  const date = form.queryByLabelText("Ngày lắp đặt");
  if (date) fireEvent.change(date, { target: { value: "2019-05-01" } });
  await waitFor(() => expect(form.getByRole("option", { name: "Huyện Hải Lăng" })).toBeInTheDocument());
  await user.selectOptions(form.getByLabelText("Huyện, thị xã, thành phố"), "Huyện Hải Lăng");
  await user.selectOptions(form.getByLabelText("Địa bàn cấp xã"), area);
}

async function fillCamera(user: ReturnType<typeof userEvent.setup>, form: Form) {
  expect(form.getByLabelText("Ngày lắp đặt")).toHaveValue("2019-05-01");
  await user.type(form.getByLabelText("Số mắt camera"), "6");
  await user.type(form.getByLabelText("Số đầu thu"), "1");
  await user.type(form.getByLabelText("Số thẻ nhớ"), "1");
  await user.type(form.getByLabelText("Kinh phí (đồng)"), "50000000");
  await user.selectOptions(form.getByLabelText("Nguồn kinh phí"), "Xã hội hóa");
}

describe("site picker in the camera form", () => {
  it("waits for the area, searches its sites without accents (camera models first) and saves the link", async () => {
    const user = userEvent.setup();
    renderApp(as(admin, <RecordsCamerasRoute />), { db: t.db, user: admin, path: "/records/cameras?edit=new" });
    const form = within(await screen.findByRole("form", { name: "Thêm bản ghi" }));
    const picker = form.getByRole("combobox", { name: "Điểm mô hình" });
    expect(picker).toBeDisabled();
    expect(picker).toHaveAccessibleDescription("Chọn địa bàn cấp xã trước để gắn điểm mô hình.");

    await chooseArea(user, form);
    expect(picker).toBeEnabled();
    expect(picker).toHaveAccessibleDescription("Không bắt buộc; chỉ các điểm thuộc địa bàn cấp xã đã chọn.");

    // Opened without a word: every site of Hải An, camera models in their own group first.
    await user.click(picker);
    const list = await form.findByRole("listbox", { name: "Điểm mô hình trong địa bàn" });
    await waitFor(() => expect(within(list).getAllByRole("group")).toHaveLength(2));
    expect(
      within(list)
        .getAllByRole("group")
        .map((g) => g.getAttribute("aria-label")),
    ).toEqual(["Camera an ninh", "Mô hình khác"]);
    const options = within(list).getAllByRole("option");
    expect(options.map((o) => o.textContent)).toEqual([
      `Camera thôn Hải Lâm${CAMERA_TYPE} · Xã Hải An, Huyện Hải Lăng`,
      `Dòng họ Lê Văn${CLAN_TYPE} · Xã Hải An, Huyện Hải Lăng`,
    ]);
    expect(within(list).queryByText("Camera thôn Mỹ Thủy")).not.toBeInTheDocument();

    // An accent-free word narrows the list.
    await user.type(picker, "dong ho le");
    await waitFor(() => expect(within(list).getAllByRole("option")).toHaveLength(1));
    await user.click(within(list).getByRole("option", { name: /Dòng họ Lê Văn/ }));
    expect(form.queryByRole("listbox")).not.toBeInTheDocument();
    expect(picker).toHaveValue("Dòng họ Lê Văn");
    expect(picker).toHaveAccessibleDescription(`${CLAN_TYPE} · Xã Hải An`);

    await fillCamera(user, form);
    await user.click(form.getByRole("button", { name: "Lưu" }));
    expect(await screen.findByText("Đã lưu.")).toBeInTheDocument();
    const row = await screen.findByRole("row", { name: /Dòng họ Lê Văn/ });
    expect(row).toHaveTextContent("Xã Hải An, Huyện Hải Lăng");
    const saved = await t.db.cameraInstallation.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(saved.siteId).toBe(clanSite.id);
  });

  it("says when nothing matches, and picks with the keyboard", async () => {
    const user = userEvent.setup();
    renderApp(as(admin, <RecordsCamerasRoute />), { db: t.db, user: admin, path: "/records/cameras?edit=new" });
    const form = within(await screen.findByRole("form", { name: "Thêm bản ghi" }));
    await chooseArea(user, form);
    const picker = form.getByRole("combobox", { name: "Điểm mô hình" });
    await user.type(picker, "khong co diem nay");
    expect(await form.findByText("Không có điểm mô hình nào của địa bàn này khớp từ khóa.")).toBeInTheDocument();
    await user.clear(picker);
    await user.type(picker, "hai lam");
    const list = form.getByRole("listbox");
    await waitFor(() => expect(within(list).getAllByRole("option")).toHaveLength(1));
    await user.keyboard("{ArrowDown}{Enter}");
    expect(picker).toHaveValue("Camera thôn Hải Lâm");
    // Enter chose the site; it did not submit the form.
    expect(screen.queryByText("Đã lưu.")).not.toBeInTheDocument();
    await user.keyboard("{Escape}");
    expect(picker).toHaveValue("Camera thôn Hải Lâm");
  });

  it("another area unlinks the site", async () => {
    const user = userEvent.setup();
    renderApp(as(admin, <RecordsCamerasRoute />), { db: t.db, user: admin, path: "/records/cameras?edit=new" });
    const form = within(await screen.findByRole("form", { name: "Thêm bản ghi" }));
    await chooseArea(user, form);
    const picker = form.getByRole("combobox", { name: "Điểm mô hình" });
    await user.type(picker, "hai lam");
    await user.click(await form.findByRole("option", { name: /Camera thôn Hải Lâm/ }));
    expect(picker).toHaveValue("Camera thôn Hải Lâm");
    await user.selectOptions(form.getByLabelText("Địa bàn cấp xã"), "Xã Hải Ba");
    expect(picker).toHaveValue("");
    expect(form.queryByRole("button", { name: "Bỏ liên kết" })).not.toBeInTheDocument();
  });

  it("the edit form shows the linked site; Bỏ liên kết unlinks it", async () => {
    const cam = await api().cameras.create({
      areaCode: HAI_AN,
      installedOn: "2020-02-02",
      cameras: 3,
      recorders: 1,
      memoryCards: 1,
      costVnd: 1_000_000,
      fundingSource: "state_budget",
      siteId: cameraSite.id,
    });
    const user = userEvent.setup();
    renderApp(as(admin, <RecordsCamerasRoute />), { db: t.db, user: admin, path: `/records/cameras?edit=${cam.id}` });
    const form = within(await screen.findByRole("form", { name: "Sửa bản ghi" }));
    const picker = form.getByRole("combobox", { name: "Điểm mô hình" });
    await waitFor(() => expect(picker).toHaveValue("Camera thôn Hải Lâm"));
    expect(picker).toHaveAccessibleDescription(`${CAMERA_TYPE} · Xã Hải An`);
    await user.click(form.getByRole("button", { name: "Bỏ liên kết" }));
    expect(picker).toHaveValue("");
    await user.click(form.getByRole("button", { name: "Lưu" }));
    expect(await screen.findByText("Đã lưu.")).toBeInTheDocument();
    expect(await t.db.cameraInstallation.findUniqueOrThrow({ where: { id: cam.id } })).toMatchObject({
      siteId: null,
      version: 2,
    });
  });

  it("names the site a colleague linked meanwhile in the conflict list", async () => {
    const cam = await api().cameras.create({
      areaCode: HAI_AN,
      installedOn: "2021-03-03",
      cameras: 2,
      recorders: 1,
      memoryCards: 0,
      costVnd: 2_000_000,
      fundingSource: "state_budget",
    });
    const user = userEvent.setup();
    renderApp(as(admin, <RecordsCamerasRoute />), { db: t.db, user: admin, path: `/records/cameras?edit=${cam.id}` });
    const form = within(await screen.findByRole("form", { name: "Sửa bản ghi" }));
    await api().cameras.update({ id: cam.id, version: 1, siteId: cameraSite.id });
    await user.clear(form.getByLabelText("Số mắt camera"));
    await user.type(form.getByLabelText("Số mắt camera"), "5");
    await user.click(form.getByRole("button", { name: "Lưu" }));
    const conflict = await form.findByRole("region", { name: "Người khác vừa thay đổi bản ghi này" });
    expect(conflict).toHaveTextContent("Điểm mô hình: — → Camera thôn Hải Lâm");
    await user.click(within(conflict).getByRole("button", { name: "Áp dụng lại sửa đổi của tôi lên bản mới" }));
    expect(form.getByRole("combobox", { name: "Điểm mô hình" })).toHaveValue("Camera thôn Hải Lâm");
    expect(form.getByLabelText("Số mắt camera")).toHaveValue("5");
  });

  it("shows the server's refusal next to the picker: the site was removed meanwhile", async () => {
    const doomed = await api().sites.create({
      modelTypeId: (await t.db.modelType.findUniqueOrThrow({ where: { code: "security-camera" } })).id,
      areaCode: HAI_AN,
      name: "Camera chợ Hải An",
      establishedOn: "2018-03-01",
    });
    const user = userEvent.setup();
    renderApp(as(admin, <RecordsCamerasRoute />), { db: t.db, user: admin, path: "/records/cameras?edit=new" });
    const form = within(await screen.findByRole("form", { name: "Thêm bản ghi" }));
    await chooseArea(user, form);
    const picker = form.getByRole("combobox", { name: "Điểm mô hình" });
    await user.type(picker, "cho hai an");
    await user.click(await form.findByRole("option", { name: /Camera chợ Hải An/ }));
    await fillCamera(user, form);
    await api().sites.remove({ id: doomed.id, version: doomed.version, reason: "Nhập trùng" });
    const before = await t.db.cameraInstallation.count();
    await user.click(form.getByRole("button", { name: "Lưu" }));
    await waitFor(() =>
      expect(picker).toHaveAccessibleDescription(`${CAMERA_TYPE} · Xã Hải An Điểm mô hình đã bị xóa, không gắn được`),
    );
    expect(picker).toHaveAttribute("aria-invalid", "true");
    expect(await t.db.cameraInstallation.count()).toBe(before);
  });
});

describe("site picker in the award form", () => {
  it("is closed to province-level awards, then links a site of the chosen commune", async () => {
    const user = userEvent.setup();
    renderApp(as(admin, <RecordsAwardsRoute />), { db: t.db, user: admin, path: "/records/awards?edit=new" });
    const form = within(await screen.findByRole("form", { name: "Thêm bản ghi" }));
    const picker = form.getByRole("combobox", { name: "Điểm mô hình" });
    expect(picker).toBeDisabled();
    await chooseArea(user, form);
    await user.type(picker, "le van");
    // Awards prefer no category: one flat list.
    const list = await form.findByRole("listbox");
    await waitFor(() => expect(within(list).getAllByRole("option")).toHaveLength(1));
    expect(within(list).queryByRole("group", { name: "Camera an ninh" })).not.toBeInTheDocument();
    await user.click(within(list).getByRole("option", { name: /Dòng họ Lê Văn/ }));
    await user.type(form.getByLabelText("Năm"), "2021");
    await user.selectOptions(form.getByLabelText("Cấp khen thưởng"), "UBND tỉnh");
    await user.selectOptions(form.getByLabelText("Hình thức"), "Bằng khen");
    await user.selectOptions(form.getByLabelText("Tập thể / cá nhân"), "Tập thể");
    await user.type(form.getByLabelText("Tập thể / cá nhân được khen"), "Dòng họ Lê Văn thôn Hải Lâm");
    await user.click(form.getByRole("button", { name: "Lưu" }));
    expect(await screen.findByText("Đã lưu.")).toBeInTheDocument();
    const row = await screen.findByRole("row", { name: /Dòng họ Lê Văn thôn Hải Lâm/ });
    expect(
      within(row)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toContain("Dòng họ Lê Văn");
    expect(await t.db.award.findFirstOrThrow({ orderBy: { id: "desc" } })).toMatchObject({ siteId: clanSite.id });
  });

  it("marks a linked site removed since, in the list and in the edit form", async () => {
    const site = await api().sites.create({
      modelTypeId: (await t.db.modelType.findUniqueOrThrow({ where: { code: "clan-no-crime" } })).id,
      areaCode: HAI_BA,
      name: "Dòng họ Trần",
      establishedOn: "2016-01-01",
    });
    const award = await api().awards.create({
      year: 2020,
      issuer: "provincial_police",
      form: "certificate",
      recipientKind: "collective",
      recipientName: "Dòng họ Trần thôn Mỹ Thủy",
      areaCode: HAI_BA,
      siteId: site.id,
    });
    await api().sites.remove({ id: site.id, version: site.version, reason: "Giải thể" });
    renderApp(as(admin, <RecordsAwardsRoute />), { db: t.db, user: admin, path: `/records/awards?edit=${award.id}` });
    const row = await screen.findByRole("row", { name: /Dòng họ Trần thôn Mỹ Thủy/ });
    expect(row).toHaveTextContent("Dòng họ Trần (đã xóa)");
    const form = within(await screen.findByRole("form", { name: "Sửa bản ghi" }));
    const picker = form.getByRole("combobox", { name: "Điểm mô hình" });
    await waitFor(() => expect(picker).toHaveValue("Dòng họ Trần"));
    expect(picker).toHaveAccessibleDescription(`${CLAN_TYPE} · Xã Hải Ba · điểm này đã bị xóa`);
  });
});
