import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import AuditRoute from "../../client/routes/audit.tsx";
import { writeAudit } from "../../server/services/audit/write.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { renderApp } from "./render-app.tsx";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb("reference");
}, 60_000);
afterAll(() => t.close());

describe("audit log screen (admins)", () => {
  it("lists every change newest first, with the record, and filters by record type", async () => {
    const admin = await makeUser(t.db, { role: "admin" });
    await writeAudit(t.db, { user: admin, action: "create", entity: "site", entityId: 5, after: { name: "A" } });
    await writeAudit(t.db, { user: admin, action: "disable", entity: "user", entityId: 9, after: { role: "viewer" } });
    const user = userEvent.setup();
    renderApp(<AuditRoute />, { db: t.db, user: admin });
    expect(await screen.findByText("2 mục")).toBeInTheDocument();
    const rows = within(screen.getByRole("table")).getAllByRole("row");
    expect(rows[1]).toHaveTextContent("Khóa tài khoản");
    expect(rows[1]).toHaveTextContent("Tài khoản số 9");
    expect(rows[2]).toHaveTextContent("Điểm mô hình số 5");
    await user.selectOptions(screen.getByLabelText("Loại bản ghi"), "Điểm mô hình");
    expect(await screen.findByText("1 mục")).toBeInTheDocument();
    expect(within(screen.getByRole("table")).getAllByRole("row")).toHaveLength(2);
  });

  it("is refused to anyone but an admin", async () => {
    const editor = await makeUser(t.db, { role: "editor" });
    renderApp(<AuditRoute />, { db: t.db, user: editor });
    expect(await screen.findByRole("alert")).toHaveTextContent("Chức năng này chỉ dành cho quản trị viên.");
  });
});
