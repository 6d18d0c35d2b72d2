import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import ApprovalsRoute from "../../client/routes/approvals.tsx";
import RecordsCamerasRoute from "../../client/routes/records-cameras.tsx";
import { createContextInner, type SessionUser } from "../../server/context.ts";
import { createCaller } from "../../server/routers/_app.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { asUser as as, renderApp } from "./render-app.tsx";

/**
 * The approval screen of issue 13 on the real router and a real database: each role is offered
 * the transitions it may make on the unit-years it may act on, a refusal is shown in the form,
 * and a locked record's edit shows the server's message.
 */

const GIO_LINH = "19495";
const NAME = "Xã Gio Linh (huyện Gio Linh cũ)";
let t: TestDb;
let admin: SessionUser;
let approver: SessionUser;
let editor: SessionUser;
let cameraId: number;
const caller = (u: SessionUser) => createCaller(createContextInner({ db: t.db, user: u }));

beforeAll(async () => {
  t = await createTestDb("reference");
  admin = await makeUser(t.db, { role: "admin" });
  approver = await makeUser(t.db, { role: "approver" });
  editor = await makeUser(t.db, { role: "editor", communeCode: GIO_LINH });
  const created = await caller(editor).cameras.create({
    areaCode: GIO_LINH,
    installedOn: "2026-03-10",
    cameras: 4,
    recorders: 1,
    memoryCards: 1,
    costVnd: 20_000_000,
    fundingSource: "socialized",
  });
  cameraId = created.id;
}, 60_000);
afterAll(() => t.close());
afterEach(() => localStorage.clear());

const PATH = "/approvals?year=2026&kind=commune";
const row = async (name = NAME) => {
  const table = await screen.findByRole("table", { name: "Trạng thái phê duyệt theo đơn vị và năm" });
  const cell = await within(table).findByRole("rowheader", { name });
  return within(cell.closest("tr") as HTMLElement);
};
/** The screen's announcement after a transition (its live region is always there, empty at first). */
const announced = (text: string) =>
  waitFor(() => expect(screen.getAllByRole("status").map((s) => s.textContent)).toContain(text));
const state = async () => (await t.db.approval.findFirst({ where: { year: 2026, unit: { code: GIO_LINH } } }))?.state;

describe("the approval status screen", () => {
  it("a commune editor submits their commune's year with a note; other communes offer them nothing", async () => {
    const user = userEvent.setup();
    renderApp(as(editor, <ApprovalsRoute />), { db: t.db, user: editor, path: PATH });
    const mine = await row();
    expect(mine.getByText("Chưa gửi duyệt")).toBeInTheDocument();
    const other = await row("Xã Cồn Tiên (huyện Gio Linh cũ)");
    expect(other.queryByRole("button")).not.toBeInTheDocument();
    await user.click(mine.getByRole("button", { name: `Gửi duyệt ${NAME} 2026` }));
    const form = within(screen.getByRole("form", { name: `Gửi duyệt số liệu năm 2026 của ${NAME}` }));
    // Keyboard users land in the form.
    expect(form.getByLabelText("Ghi chú (không bắt buộc)")).toHaveFocus();
    await user.keyboard("Đã rà soát đủ 1 lần lắp đặt");
    await user.click(form.getByRole("button", { name: "Gửi duyệt" }));
    await announced(`Đã gửi duyệt số liệu năm 2026 của ${NAME}.`);
    await waitFor(async () => expect((await row()).getByText("Chờ phê duyệt")).toBeInTheDocument());
    expect((await row()).getByText("Đã rà soát đủ 1 lần lắp đặt")).toBeInTheDocument();
    expect(await state()).toBe("submitted");
  });
});
