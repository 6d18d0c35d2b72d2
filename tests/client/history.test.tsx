import { screen, within } from "@testing-library/react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HistoryPanel } from "../../client/features/audit/HistoryPanel.tsx";
import { writeAudit } from "../../server/services/audit.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { renderApp } from "./render-app.tsx";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb("reference");
}, 60_000);
afterAll(() => t.close());

describe("record history panel", () => {
  it("lists who changed what, newest first, with the changed fields only", async () => {
    const editor = await makeUser(t.db, { role: "editor", districtCode: "464" });
    const viewer = await makeUser(t.db, { role: "viewer" });
    await writeAudit(t.db, {
      user: editor,
      action: "create",
      entity: "site",
      entityId: 77,
      after: { name: "Dòng họ Lê", households: 12 },
    });
    await writeAudit(t.db, {
      user: editor,
      action: "update",
      entity: "site",
      entityId: 77,
      before: { name: "Dòng họ Lê", households: 12, version: 1 },
      after: { name: "Dòng họ Lê", households: 15, version: 2 },
    });
    const labels: Record<string, string> = { households: "Số hộ" };
    renderApp(<HistoryPanel entity="site" entityId={77} fieldLabel={(f) => labels[f] ?? f} />, {
      db: t.db,
      user: viewer,
    });
    const panel = await screen.findByRole("region", { name: "Lịch sử thay đổi" });
    const rows = await within(panel).findAllByRole("row");
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent("Sửa");
    expect(rows[1]).toHaveTextContent(editor.username);
    expect(rows[1]).toHaveTextContent("Số hộ: 12 → 15");
    expect(rows[1]).not.toHaveTextContent("version");
    expect(rows[1]).not.toHaveTextContent("name:");
    expect(rows[2]).toHaveTextContent("Tạo mới");
  });

  it("says so when a record has no history, and refuses another user's account history to a viewer", async () => {
    const viewer = await makeUser(t.db, { role: "viewer" });
    renderApp(<HistoryPanel entity="site" entityId={999} />, { db: t.db, user: viewer });
    expect(await screen.findByText("Chưa có thay đổi nào được ghi lại.")).toBeInTheDocument();
    const admin = await makeUser(t.db, { role: "admin" });
    renderApp(<HistoryPanel entity="user" entityId={admin.id} />, { db: t.db, user: viewer });
    expect(await screen.findByRole("alert")).toHaveTextContent("Chức năng này chỉ dành cho quản trị viên.");
  });
});
