import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Shell } from "../../client/App.tsx";
import { installationRow, siteRow } from "../../prisma/seed/factories.ts";
import { makeLoginUser, sessionFor } from "../fixtures/sessions.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { renderApp } from "./render-app.tsx";

/**
 * Demo data never passes for real (decision 023): admins get a notice that says what the demo
 * records are and removes them after a confirmation naming the counts; viewers see the badge only.
 */
let t: TestDb;
const NOTICE = "Cơ sở dữ liệu này có dữ liệu minh họa";
/** The badge on the figures (the approval line beside it is a note too). */
const BADGE = "Có số liệu minh họa";
beforeAll(async () => {
  t = await createTestDb("reference");
  const area = await t.db.adminUnit.findFirstOrThrow({
    where: { catalog: "two_level", code: "19495" },
    select: { id: true, name: true },
  });
  const ref = { ...area, districtName: "Gio Linh" };
  const type = await t.db.modelType.findUniqueOrThrow({ where: { code: "clan-security" } });
  await t.db.site.createMany({
    data: [1, 2].map((i) =>
      siteRow(ref, { modelTypeId: type.id, name: `Dòng họ ${i}`, establishedOn: new Date("2025-09-01"), isDemo: true }),
    ),
  });
  await t.db.cameraInstallation.create({
    data: installationRow(ref, {
      installedOn: new Date("2025-09-02"),
      cameras: 6,
      recorders: 1,
      memoryCards: 1,
      costVnd: 30_000_000n,
      fundingSource: "mixed",
      isDemo: true,
    }),
  });
  // One real record, which the removal keeps.
  await t.db.site.create({
    data: siteRow(ref, { modelTypeId: type.id, name: "Dòng họ thật", establishedOn: new Date("2025-10-01") }),
  });
}, 60_000);
afterAll(() => t.close());

const signedIn = async (role: "admin" | "viewer") => {
  const user = await makeLoginUser(t.db, { role });
  return { user, token: await sessionFor(t.db, user.id) };
};

describe("demo data notice and badge", () => {
  it("a viewer sees the badge on the overview, not the admins' notice", async () => {
    const { token } = await signedIn("viewer");
    renderApp(<Shell />, { db: t.db, path: "/", session: { token } });
    const badge = await screen.findByRole("note", { name: BADGE });
    expect(badge).toHaveTextContent("Có số liệu minh họa");
    expect(badge).toHaveTextContent("3 bản ghi minh họa");
    expect(screen.queryByRole("heading", { name: NOTICE })).toBeNull();
  });

  it("a conference slide carries the badge; the admins' notice stays off the slides", async () => {
    const { token } = await signedIn("admin");
    renderApp(<Shell />, { db: t.db, path: "/conference", session: { token } });
    const badge = await screen.findByRole("note", { name: BADGE });
    expect(badge).toHaveTextContent("Có số liệu minh họa");
    expect(screen.getByRole("region", { name: "Trang 1/8" })).toContainElement(badge);
    expect(screen.queryByRole("heading", { name: NOTICE })).toBeNull();
    // Leaving the slides, the same admin's notice shows: it was hidden by the place, not missing.
    await userEvent.setup().click(screen.getByRole("button", { name: "Thoát trình chiếu" }));
    expect(await screen.findByRole("heading", { name: NOTICE })).toBeInTheDocument();
  });

  it("on a phone the notice opens folded to its title, and unfolds on a tap", async () => {
    const user = userEvent.setup();
    const { token } = await signedIn("admin");
    // jsdom has no layout: the phone's width is what matchMedia answers.
    window.matchMedia = ((query: string) => ({
      matches: !query.includes("min-width"),
      media: query,
      addEventListener: () => {},
      removeEventListener: () => {},
    })) as never;
    try {
      renderApp(<Shell />, { db: t.db, path: "/", session: { token } });
      const title = await screen.findByRole("heading", { name: NOTICE });
      const details = title.closest("details") as HTMLDetailsElement;
      expect(details.open).toBe(false);
      await user.click(title);
      expect(details.open).toBe(true);
      expect(within(details).getByRole("button", { name: "Đã hiểu, ẩn thông báo" })).toBeVisible();
    } finally {
      Reflect.deleteProperty(window, "matchMedia");
    }
  });

  it("an admin closes the notice; it stays closed at the next sign-in (remembered on the server)", async () => {
    const user = userEvent.setup();
    const { token } = await signedIn("admin");
    const first = renderApp(<Shell />, { db: t.db, path: "/", session: { token } });
    const notice = (await screen.findByRole("heading", { name: NOTICE })).closest("section") as HTMLElement;
    expect(notice).toHaveTextContent("2 điểm mô hình, 1 lần lắp đặt camera và 0 khen thưởng");
    await user.click(within(notice).getByRole("button", { name: "Đã hiểu, ẩn thông báo" }));
    await waitFor(() => expect(screen.queryByRole("heading", { name: NOTICE })).toBeNull());
    first.unmount();
    renderApp(<Shell />, { db: t.db, path: "/", session: { token } });
    await screen.findByRole("note", { name: BADGE }); // the overview has loaded, with its badge
    expect(screen.queryByRole("heading", { name: NOTICE })).toBeNull();
  });

  it("an admin removes the demo records after a confirmation that names the counts; the badge goes", async () => {
    const user = userEvent.setup();
    const { token } = await signedIn("admin");
    renderApp(<Shell />, { db: t.db, path: "/", session: { token } });
    const notice = (await screen.findByRole("heading", { name: NOTICE })).closest("section") as HTMLElement;
    await user.click(within(notice).getByRole("button", { name: "Xóa toàn bộ dữ liệu minh họa…" }));
    const dialog = within(notice).getByRole("alertdialog", { name: "Xóa toàn bộ dữ liệu minh họa?" });
    expect(dialog).toHaveTextContent("Sẽ xóa hẳn 2 điểm mô hình, 1 lần lắp đặt camera, 0 khen thưởng");
    await user.click(within(dialog).getByRole("button", { name: "Xóa dữ liệu minh họa" }));
    const done = await screen.findByText("Đã xóa 2 điểm mô hình, 1 lần lắp đặt camera và 0 khen thưởng minh họa.");
    expect(done).toHaveAttribute("role", "status");
    await waitFor(() => expect(screen.queryByRole("note", { name: BADGE })).toBeNull());
    expect(await t.db.site.count({ where: { isDemo: true } })).toBe(0);
    expect(await t.db.site.count()).toBe(1);
    expect(screen.queryByRole("heading", { name: NOTICE })).toBeNull();
  });
});
