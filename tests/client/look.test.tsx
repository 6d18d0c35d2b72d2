import { messageOf } from "@qt/shared/messages/index";
import { ZCameraCreateInput } from "@qt/shared/schemas/cameras";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Shell } from "../../client/App.tsx";
import RecordsCamerasRoute from "../../client/routes/records-cameras.tsx";
import type { SessionUser } from "../../server/context.ts";
import { createContextInner } from "../../server/context.ts";
import { createCaller } from "../../server/routers/_app.ts";
import { HAI_AN } from "../fixtures/units.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { asUser as as, renderApp } from "./render-app.tsx";

/** Issue 22, items 11–13: skip link, one button style, English dates, zod's messages from the catalogue. */
let t: TestDb;
let admin: SessionUser;
beforeAll(async () => {
  t = await createTestDb("reference");
  admin = await makeUser(t.db, { role: "admin" });
  await createCaller(createContextInner({ db: t.db, user: admin })).cameras.create({
    areaCode: HAI_AN,
    installedOn: "2021-03-07",
    cameras: 4,
    recorders: 1,
    memoryCards: 4,
    costVnd: 12_000_000,
    fundingSource: "state_budget",
  });
}, 60_000);
afterAll(() => t.close());
afterEach(() => localStorage.clear());

describe("keyboard: the skip link", () => {
  it("is the first Tab stop of a screen and leads to the screen's content", async () => {
    const user = userEvent.setup();
    renderApp(<Shell />, { db: t.db, user: admin, path: "/records/cameras" });
    await screen.findByRole("heading", { name: "Đợt lắp đặt camera an ninh", level: 2 });
    await user.tab();
    const skip = screen.getByRole("link", { name: "Bỏ qua đến nội dung" });
    expect(skip).toHaveFocus();
    const target = document.getElementById(skip.getAttribute("href")?.slice(1) ?? "");
    expect(target).not.toBeNull();
    expect(target).toHaveAttribute("tabindex", "-1");
    // The screen's heading is inside what it skips to; the navigation is not.
    expect(target).toContainElement(screen.getByRole("heading", { name: "Đợt lắp đặt camera an ninh", level: 2 }));
    expect(target).not.toContainElement(screen.getByRole("navigation", { name: "Các màn hình" }));
  });

  it("is named in English when English is chosen, on the sign-in page too", async () => {
    localStorage.setItem("qt.locale", "en");
    const user = userEvent.setup();
    renderApp(<Shell />, { db: t.db, session: {} });
    await screen.findByRole("button", { name: "Sign in" });
    await user.tab();
    expect(screen.getByRole("link", { name: "Skip to content" })).toHaveFocus();
    expect(document.getElementById("content")).toContainElement(screen.getByRole("button", { name: "Sign in" }));
  });
});

describe("one button style", () => {
  it("the sign-in button is the primary button, not the browser's grey one", async () => {
    renderApp(<Shell />, { db: t.db, session: {} });
    expect(await screen.findByRole("button", { name: "Đăng nhập" })).toHaveClass("primary");
  });

  it("a list's 'Thêm mới' and a form's 'Lưu' are primary, a removal's confirmation is danger", async () => {
    const user = userEvent.setup();
    renderApp(as(admin, <RecordsCamerasRoute />), { db: t.db, user: admin, path: "/records/cameras" });
    expect(await screen.findByRole("button", { name: "Thêm mới" })).toHaveClass("primary");
    await user.click(await screen.findByRole("button", { name: "Xóa" }));
    expect(await screen.findByRole("button", { name: "Xác nhận xóa" })).toHaveClass("danger");
    await user.click(screen.getByRole("button", { name: "Thêm mới" }));
    const form = within(await screen.findByRole("form", { name: "Thêm bản ghi" }));
    expect(form.getByRole("button", { name: "Lưu" })).toHaveClass("primary");
  });
});

describe("dates an English reader cannot misread", () => {
  it("lists 07/03/2021 in Vietnamese and '7 Mar 2021' in English (never 07/03/2021, which reads as 3 July)", async () => {
    const vi = renderApp(as(admin, <RecordsCamerasRoute />), { db: t.db, user: admin, path: "/records/cameras" });
    expect(await screen.findByRole("cell", { name: "07/03/2021" })).toBeInTheDocument();
    vi.unmount();
    localStorage.setItem("qt.locale", "en");
    renderApp(as(admin, <RecordsCamerasRoute />), { db: t.db, user: admin, path: "/records/cameras" });
    expect(await screen.findByRole("cell", { name: "7 Mar 2021" })).toBeInTheDocument();
    expect(screen.queryByText("07/03/2021")).toBeNull();
  });
});

describe("validation messages from the catalogue", () => {
  it("a strict schema's extra key and zod's other defaults read in the user's language, never zod's English", () => {
    const extra = ZCameraCreateInput.safeParse({ areaCode: HAI_AN, installedOn: "2021-03-07", cameras: 1, zz: 1 });
    const messages = extra.success ? [] : extra.error.issues.map((i) => i.message);
    expect(messages.map((m) => messageOf(m, "vi"))).toContain("Tham số không được hỗ trợ: zz");
    expect(messages.map((m) => messageOf(m, "en"))).toContain("Unsupported parameter: zz");
    const wrongType = ZCameraCreateInput.safeParse("not an object");
    const said = wrongType.success ? "" : (wrongType.error.issues[0]?.message ?? "");
    expect(messageOf(said, "vi")).toBe("Giá trị không đúng kiểu");
    expect(messageOf(said, "en")).toBe("The value is of the wrong type");
  });
});
