import fs from "node:fs";
import path from "node:path";
import { currentCommuneName } from "@qt/shared/unit-names";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { describeE2E, useServerAndBrowser } from "./helpers/app.ts";
import { signIn } from "./helpers/auth.ts";
import { artifactsDir } from "./helpers/browser.ts";

type Status = {
  items: { unit: { code: string; name: string; districtName: string }; year: number; state: string }[];
};

const PASSWORD = "Phe-duyet-2026!";
const SIZES = [
  { name: "390", width: 390, height: 844 },
  { name: "1024", width: 1024, height: 768 },
  { name: "1440", width: 1440, height: 900 },
];

/**
 * Issue 13, "Done when", as new users would do it in a browser: a commune editor submits 2026 for
 * their commune; an approver returns it with a reason; the editor fixes a record and submits
 * again; the approver approves; the editor's next edit of that record is refused with the
 * message; the admin reopens it and the edit goes through. The status screen shows each state.
 */
describeE2E("yearly submission and approval", () => {
  const app = useServerAndBrowser();

  const shot = async (page: Page, name: string) => {
    fs.mkdirSync(artifactsDir, { recursive: true });
    // The top of the screen as a user sees it first (a full page of 78 communes is unreadable).
    await page.screenshot({ path: path.join(artifactsDir, name) });
  };
  /** Screenshots at a phone, a projector and a desktop; the page never scrolls sideways. */
  const shots = async (page: Page, name: string) => {
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await shot(page, `${name}-${size.name}.png`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    }
    await page.setViewportSize(SIZES[1] ?? { width: 1024, height: 768 });
  };

  async function call<T>(page: Page, proc: string, input: unknown, mutation = false): Promise<T> {
    const url = `${app.server.url}/api/trpc/${proc}`;
    const headers = { "x-qt-client": "web", "content-type": "application/json" };
    const res = mutation
      ? await page.request.post(url, { data: JSON.stringify(input), headers })
      : await page.request.get(`${url}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers });
    expect(res.ok(), await res.text()).toBe(true);
    return ((await res.json()) as { result: { data: T } }).result.data;
  }

  async function createAccount(admin: Page, username: string, displayName: string, role: string, scope?: string) {
    await admin.goto(`${app.server.url}/users`);
    await admin.getByRole("button", { name: "Tạo tài khoản" }).click();
    const form = admin.getByRole("form", { name: "Tạo tài khoản mới" });
    await form.getByLabel("Tên đăng nhập").fill(username);
    await form.getByLabel("Họ tên").fill(displayName);
    await form.getByLabel("Mật khẩu ban đầu").fill(PASSWORD);
    await form.getByLabel("Vai trò").selectOption({ label: role });
    if (scope) await form.getByLabel("Phạm vi", { exact: true }).selectOption({ label: scope });
    await form.getByRole("button", { name: "Tạo tài khoản" }).click();
    await expect
      .poll(() => admin.getByRole("row", { name: new RegExp(username.replace(".", "\\.")) }).textContent(), {
        timeout: 15_000,
      })
      .toContain(role);
  }

  /** The row of the unit-year on the status screen (2026, communes of today). */
  const statusRow = async (page: Page, label: string) => {
    await page.goto(`${app.server.url}/approvals?year=2026&kind=commune`);
    // A commune officer's screen lists their unit's every year: the row of 2026.
    const row = page.getByRole("row", { name: new RegExp(`^${label.replace(/[()]/g, "\\$&")} 2026`) });
    await row.waitFor({ timeout: 30_000 });
    return row;
  };
  const expectState = async (page: Page, label: string, state: string) => {
    const row = await statusRow(page, label);
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain(state);
    return row;
  };
  const announced = (page: Page, text: string) =>
    expect
      .poll(async () => (await page.getByRole("status").allTextContents()).some((s) => s.includes(text)), {
        timeout: 15_000,
      })
      .toBe(true);

  async function act(page: Page, label: string, action: string, form: string, text?: string, shotName?: string) {
    const row = await statusRow(page, label);
    await row.getByRole("button", { name: `${action} ${label} 2026` }).click();
    const dialog = page.getByRole("form", { name: `${form} số liệu năm 2026 của ${label}` });
    // The form takes the focus: what is typed goes in its text box.
    if (text !== undefined) await page.keyboard.type(text);
    if (shotName) await shots(page, shotName);
    await dialog.getByRole("button", { name: action }).click();
  }

  async function editCameras(page: Page, id: number, cameras: string) {
    await page.goto(`${app.server.url}/records/cameras?edit=${id}`);
    const form = page.getByRole("form", { name: "Sửa bản ghi" });
    const field = form.getByLabel("Số mắt camera");
    await expect.poll(() => field.inputValue(), { timeout: 15_000 }).not.toBe("");
    await field.fill(cameras);
    await form.getByRole("button", { name: "Lưu" }).click();
    return form;
  }

  it("submit, return, fix, submit, approve, refused edit, reopen, edit", async () => {
    const admin = await app.browser.newPage({ viewport: { width: 1024, height: 768 }, locale: "vi-VN" });
    await signIn(admin, app.server);
    // A commune of today whose 2026 is still a draft in the demo data.
    const drafts = await call<Status>(admin, "approvals.status", { year: 2026, kind: "commune", state: "draft" });
    const unit = drafts.items[0]?.unit;
    if (!unit) throw new Error("no commune with 2026 in draft");
    const label = currentCommuneName(unit.name, unit.districtName);
    await createAccount(admin, "ca.xa", "Công an xã", "Cán bộ nhập liệu", label);
    await createAccount(admin, "ld.phongtrao", "Lãnh đạo Phòng phong trào", "Lãnh đạo phê duyệt");

    const editor = await app.browser.newPage({ viewport: { width: 1024, height: 768 }, locale: "vi-VN" });
    await signIn(editor, app.server, "ca.xa", PASSWORD);
    const record = await call<{ id: number }>(
      editor,
      "cameras.create",
      {
        areaCode: unit.code,
        installedOn: "2026-03-10",
        cameras: 4,
        recorders: 1,
        memoryCards: 1,
        costVnd: 20_000_000,
        fundingSource: "socialized",
      },
      true,
    );
    await act(editor, label, "Gửi duyệt", "Gửi duyệt", "Số liệu quý I");
    await announced(editor, `Đã gửi duyệt số liệu năm 2026 của ${label}.`);
    await expectState(editor, label, "Chờ phê duyệt");
    await shots(editor, "approvals-submitted");

    const approver = await app.browser.newPage({ viewport: { width: 1024, height: 768 }, locale: "vi-VN" });
    await signIn(approver, app.server, "ld.phongtrao", PASSWORD);
    await act(approver, label, "Trả lại", "Trả lại", "Số mắt camera chưa khớp biên bản", "approvals-return-form");
    await announced(approver, `Đã trả lại số liệu năm 2026 của ${label}.`);
    const returned = await expectState(approver, label, "Chưa gửi duyệt");
    expect(await returned.textContent()).toContain("Số mắt camera chưa khớp biên bản");
    await shots(approver, "approvals-returned");

    // The editor reads the reason, fixes the record and submits again.
    expect(await (await expectState(editor, label, "Chưa gửi duyệt")).textContent()).toContain(
      "Số mắt camera chưa khớp biên bản",
    );
    await editCameras(editor, record.id, "5");
    await announced(editor, "Đã lưu.");
    await act(editor, label, "Gửi duyệt", "Gửi duyệt", "Đã sửa số mắt camera");
    await announced(editor, `Đã gửi duyệt số liệu năm 2026 của ${label}.`);

    await act(approver, label, "Phê duyệt", "Phê duyệt");
    await announced(approver, `Đã phê duyệt số liệu năm 2026 của ${label}.`);
    await expectState(approver, label, "Đã phê duyệt");
    await shots(approver, "approvals-approved");
    // The figures say it: the overview of 2026 counts this commune among the approved.
    await approver.goto(`${app.server.url}/?from=2026&to=2026`);
    const line = approver.getByText(/^Số liệu đã phê duyệt: /);
    await expect.poll(() => line.textContent(), { timeout: 30_000 }).toMatch(/\d+\/78 xã, phường, đặc khu/);
    await shots(approver, "overview-approval");
    // The printed dashboard and the conference slides say it too.
    await approver.emulateMedia({ media: "print" });
    expect(await line.isVisible()).toBe(true);
    await shot(approver, "overview-approval-print.png");
    await approver.emulateMedia({ media: "screen" });
    await approver.goto(`${app.server.url}/conference?from=2026&to=2026`);
    const slideLine = approver.getByText(/^Số liệu đã phê duyệt: /);
    await expect.poll(() => slideLine.textContent(), { timeout: 30_000 }).toMatch(/\d+\/78 xã, phường, đặc khu/);
    await shot(approver, "conference-approval-1024.png");
    // The review conference's view: the history the demo admin approved says so.
    await approver.goto(`${app.server.url}/?province=45&from=2007&to=2022`);
    const review = approver.getByText(/^Số liệu đã phê duyệt: /);
    await expect
      .poll(() => review.textContent(), { timeout: 30_000 })
      .toMatch(/^Số liệu đã phê duyệt: (\d+)\/\1 huyện/);
    await shot(approver, "overview-review-approval-1024.png");
    // The report of 2026 states it in its text.
    await approver.goto(`${app.server.url}/reports`);
    await approver.getByLabel("Đến năm").selectOption("2026");
    await approver.getByLabel("Từ năm").selectOption("2026");
    await approver.getByRole("button", { name: "Xem trước" }).click();
    const preview = approver.getByRole("article", { name: "Bản xem trước" });
    await expect
      .poll(() => preview.getByText(/^Số liệu đã phê duyệt: /).textContent(), { timeout: 30_000 })
      .toMatch(/\d+\/78 xã, phường, đặc khu/);
    await preview.getByText(/^Số liệu đã phê duyệt: /).scrollIntoViewIfNeeded();
    await shot(approver, "report-approval-1024.png");

    // Locked: the editor's edit is refused with the reason and who can reopen.
    const refused = await editCameras(editor, record.id, "6");
    await expect
      .poll(() => refused.getByRole("alert").textContent(), { timeout: 15_000 })
      .toMatch(
        new RegExp(`Số liệu năm 2026 của ${unit.name} đã được phê duyệt ngày [\\d/]+ — đề nghị quản trị viên mở lại`),
      );
    await shots(editor, "approvals-locked-edit");

    await act(admin, label, "Mở lại", "Mở lại", "Bổ sung camera theo biên bản mới");
    await announced(admin, `Đã mở lại số liệu năm 2026 của ${label}.`);
    await expectState(admin, label, "Chưa gửi duyệt");
    await editCameras(editor, record.id, "6");
    await announced(editor, "Đã lưu.");
    const saved = await call<{ cameras: number }>(editor, "cameras.get", { id: record.id });
    expect(saved.cameras).toBe(6);
  }, 240_000);
});
