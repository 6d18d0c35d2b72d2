import { screen, within } from "@testing-library/react";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import AuditRoute from "../../client/routes/audit.tsx";
import { createContextInner } from "../../server/context.ts";
import { createCaller } from "../../server/routers/_app.ts";
import { createUser } from "../../server/services/accounts/users.ts";
import { writeAudit } from "../../server/services/audit/write.ts";
import { HAI_AN, HAI_BA } from "../fixtures/units.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { renderApp } from "./render-app.tsx";

let t: TestDb;
let admin: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  t = await createTestDb("reference");
  admin = await makeUser(t.db, { role: "admin" });
  // Real writes through the services: a camera installation entered, then corrected.
  const api = createCaller(createContextInner({ db: t.db, dbKind: t.kind, user: admin })).cameras;
  const created = await api.create({
    areaCode: HAI_AN,
    installedOn: "2022-10-10",
    cameras: 8,
    recorders: 1,
    memoryCards: 2,
    costVnd: 48_500_000,
    fundingSource: "state_budget",
  });
  await api.update({ id: created.id, version: 1, areaCode: HAI_BA, costVnd: 50_000_000, fundingSource: "mixed" });
  // A district officer's account: its snapshot names the district by code only.
  await createUser(
    t.db,
    {
      username: "gl.nhaplieu",
      displayName: "Lê Văn B",
      password: "Mat-khau-dai-123",
      role: "editor",
      districtCode: "466",
    },
    admin,
  );
  // A Word report of Gio Linh (466), 2007–2022, as the download route audits it.
  const options = { fromYear: 2007, toYear: 2022, districtCodes: ["466"], sections: ["summary"], via: "http" };
  await writeAudit(t.db, { user: admin, action: "export", entity: "report", entityId: "summary.docx", after: options });
}, 60_000);
afterAll(() => t.close());
afterEach(() => localStorage.clear());

const rowWith = async (text: string) => {
  const table = await screen.findByRole("table");
  const row = within(table)
    .getAllByRole("row")
    .find((r) => r.textContent?.includes(text));
  if (!row) throw new Error(`no row with ${text}`);
  return row;
};

describe("history and audit log in plain words", () => {
  it("Vietnamese: records named by what they are, labels from the vocabulary, formatted values, exports in a sentence", async () => {
    renderApp(<AuditRoute />, { db: t.db, user: admin });
    const edit = await rowWith("Sửa");
    expect(edit).toHaveTextContent("Camera tại Xã Hải Ba, lắp 10/10/2022");
    expect(edit).toHaveTextContent("Kinh phí (đồng): 48.500.000 đồng → 50.000.000 đồng");
    expect(edit).toHaveTextContent("Nguồn kinh phí: Ngân sách nhà nước → Kết hợp");
    expect(edit).toHaveTextContent("Địa bàn cấp xã: Xã Hải An → Xã Hải Ba");
    // No database words: no field names, no codes, no bookkeeping, no derived names.
    for (const raw of ["costVnd", "state_budget", HAI_AN, "areaName", "siteRemoved", "version", "isDemo"]) {
      expect(edit).not.toHaveTextContent(raw);
    }
    const create = await rowWith("Camera tại Xã Hải An, lắp 10/10/2022");
    expect(create).toHaveTextContent("Ngày lắp đặt: 10/10/2022");
    expect(create).toHaveTextContent("Dữ liệu mẫu: Không");
    expect(create).toHaveTextContent("Số mắt camera: 8");
    expect(create).not.toHaveTextContent("—");
    const exported = await rowWith("Xuất báo cáo");
    expect(exported).toHaveTextContent("Báo cáo Word");
    expect(exported).toHaveTextContent("Xuất báo cáo Word, Huyện Gio Linh, 2007–2022");
    expect(exported).not.toHaveTextContent("districtCodes");
    const account = await rowWith("Tài khoản gl.nhaplieu");
    expect(account).toHaveTextContent("Vai trò: Cán bộ nhập liệu");
    expect(account).toHaveTextContent("Huyện, thị xã, thành phố: Huyện Gio Linh");
  });

  it("English: the same entries in English words and digits", async () => {
    localStorage.setItem("qt.locale", "en");
    renderApp(<AuditRoute />, { db: t.db, user: admin });
    const edit = await rowWith("Edited");
    // English dates cannot be read as month/day (issue 22): "10 Oct 2022".
    expect(edit).toHaveTextContent("Cameras in Xã Hải Ba, installed 10 Oct 2022");
    expect(edit).toHaveTextContent("Cost (VND): 48,500,000 VND → 50,000,000 VND");
    expect(edit).toHaveTextContent("Funding source: State budget → Mixed");
    const exported = await rowWith("Exported");
    expect(exported).toHaveTextContent("Exported the Word report, Huyện Gio Linh, 2007–2022");
  });
});
