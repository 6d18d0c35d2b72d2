import { screen, within } from "@testing-library/react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HistoryPanel } from "../../client/features/audit/HistoryPanel.tsx";
import { siteRow } from "../../prisma/seed/factories.ts";
import { writeAudit } from "../../server/services/audit/write.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { renderApp } from "./render-app.tsx";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb("reference");
}, 60_000);
afterAll(() => t.close());

/** A site stored without going through the services, so it has no audit entries of its own. */
async function newSite(name: string) {
  const area = await t.db.adminUnit.findFirstOrThrow({ where: { level: "commune" }, select: { id: true, name: true } });
  const type = await t.db.modelType.findFirstOrThrow({ where: { category: "clan" }, select: { id: true } });
  const data = { modelTypeId: type.id, name, establishedOn: new Date("2015-03-10") };
  return t.db.site.create({ data: siteRow({ ...area, districtName: "" }, data), select: { id: true } });
}

describe("record history panel", () => {
  it("lists who changed what, newest first, with the changed fields only", async () => {
    const editor = await makeUser(t.db, { role: "editor", districtCode: "464" });
    const viewer = await makeUser(t.db, { role: "viewer" });
    const site = await newSite("Dòng họ Lê");
    await writeAudit(t.db, {
      user: editor,
      action: "create",
      entity: "site",
      entityId: site.id,
      after: { name: "Dòng họ Lê", households: 12 },
    });
    await writeAudit(t.db, {
      user: editor,
      action: "update",
      entity: "site",
      entityId: site.id,
      before: { name: "Dòng họ Lê", households: 12, version: 1 },
      after: { name: "Dòng họ Lê", households: 15, version: 2 },
    });
    renderApp(<HistoryPanel entity="site" entityId={site.id} />, {
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
    const site = await newSite("Dòng họ Trần");
    renderApp(<HistoryPanel entity="site" entityId={site.id} />, { db: t.db, user: viewer });
    expect(await screen.findByText("Chưa có thay đổi nào được ghi lại.")).toBeInTheDocument();
    const admin = await makeUser(t.db, { role: "admin" });
    renderApp(<HistoryPanel entity="user" entityId={admin.id} />, { db: t.db, user: viewer });
    expect(await screen.findByRole("alert")).toHaveTextContent("Chức năng này chỉ dành cho quản trị viên.");
  });
});
