import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import RecordsCamerasRoute from "../../client/routes/records-cameras.tsx";
import { createContextInner } from "../../server/context.ts";
import { createCaller } from "../../server/routers/_app.ts";
import { HAI_AN } from "../fixtures/units.ts";
import { fileDatabase } from "../support/file-db.ts";
import { asUser as as, renderApp } from "./render-app.tsx";

const { t, user: admin } = fileDatabase({ from: "reference", role: "admin" });
afterEach(() => localStorage.clear());

describe("entry forms in English", () => {
  it("shows the shared schema's messages in English when English is chosen", async () => {
    localStorage.setItem("qt.locale", "en");
    const user = userEvent.setup();
    renderApp(as(admin(), <RecordsCamerasRoute />), { db: t.db, user: admin(), path: "/records/cameras?edit=new" });
    const form = within(await screen.findByRole("form", { name: "New record" }));
    await form.findByLabelText("Commune, ward or special zone");
    await user.click(form.getByRole("button", { name: "Save" }));
    // Today's date by default: one list of today's communes, named without the abolished level.
    expect(form.getByLabelText("Commune, ward or special zone")).toHaveAccessibleDescription("Please choose an area");
    expect(form.getByLabelText("Cameras")).toHaveAccessibleDescription("Number of cameras must be a number");
  });

  it("the date field follows the product's language, not the browser's: typed and picked on a calendar", async () => {
    localStorage.setItem("qt.locale", "en");
    const user = userEvent.setup();
    const view = renderApp(as(admin(), <RecordsCamerasRoute />), {
      db: t.db,
      user: admin(),
      path: "/records/cameras?edit=new",
    });
    let form = within(await screen.findByRole("form", { name: "New record" }));
    const date = form.getByLabelText("Installed on");
    expect(date).toHaveAttribute("type", "text");
    expect(date).toHaveAttribute("inputmode", "numeric");
    expect(date).toHaveAttribute("placeholder", "yyyy-mm-dd");
    await user.clear(date);
    await user.type(date, "2019-05-01");
    await user.click(form.getByRole("button", { name: "Calendar" }));
    const calendar = within(form.getByRole("group", { name: "May 2019" }));
    await user.click(calendar.getByRole("button", { name: "Tuesday, 7 May 2019" }));
    expect(date).toHaveValue("2019-05-07");
    view.unmount();

    localStorage.setItem("qt.locale", "vi");
    renderApp(as(admin(), <RecordsCamerasRoute />), { db: t.db, user: admin(), path: "/records/cameras?edit=new" });
    form = within(await screen.findByRole("form", { name: "Thêm bản ghi" }));
    const ngay = form.getByLabelText("Ngày lắp đặt");
    expect(ngay).toHaveAttribute("placeholder", "dd/mm/yyyy");
    await user.clear(ngay);
    await user.type(ngay, "01/05/2019");
    await user.click(form.getByRole("button", { name: "Lịch" }));
    const lich = within(form.getByRole("group", { name: "tháng 5 năm 2019" }));
    await user.click(lich.getByRole("button", { name: "Thứ Ba, 7 tháng 5, 2019" }));
    expect(ngay).toHaveValue("07/05/2019");
    // The form read the typed date: the former district is offered for a 2019 installation.
    expect(await form.findByRole("option", { name: "Huyện Hải Lăng" })).toBeInTheDocument();
  });

  it("saving a record unchanged says so, and writes nothing", async () => {
    const created = await createCaller(createContextInner({ db: t.db, user: admin() })).cameras.create({
      areaCode: HAI_AN,
      installedOn: "2021-03-01",
      cameras: 4,
      recorders: 1,
      memoryCards: 1,
      costVnd: 20_000_000,
      fundingSource: "socialized",
    });
    const audit = await t.db.auditEntry.count();
    const user = userEvent.setup();
    renderApp(as(admin(), <RecordsCamerasRoute />), {
      db: t.db,
      user: admin(),
      path: `/records/cameras?edit=${created.id}`,
    });
    const form = within(await screen.findByRole("form", { name: "Sửa bản ghi" }));
    expect(await form.findByDisplayValue("20.000.000")).toBeInTheDocument();
    await user.click(form.getByRole("button", { name: "Lưu" }));
    expect(await screen.findByText("Không có thay đổi.")).toBeInTheDocument();
    expect(await t.db.auditEntry.count()).toBe(audit);
    expect((await t.db.cameraInstallation.findUniqueOrThrow({ where: { id: created.id } })).version).toBe(1);
  });
});
