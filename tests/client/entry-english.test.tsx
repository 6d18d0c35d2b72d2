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
    // A date picker: the browser shows the date in the reader's own form, nothing to type wrong.
    expect(form.getByLabelText("Installed on")).toHaveAttribute("type", "date");
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
