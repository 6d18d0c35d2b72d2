import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import OverviewRoute from "../../client/routes/overview.tsx";
import TargetsRoute from "../../client/routes/targets.tsx";
import { installationRow } from "../../prisma/seed/factories.ts";
import type { SessionUser } from "../../server/context.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { renderApp } from "./render-app.tsx";

/** "So với cùng kỳ" on the cards, and the admins' targets screen (issue 28, decision 056). */
let t: TestDb;
let viewer: SessionUser;
let admin: SessionUser;
beforeAll(async () => {
  t = await createTestDb("reference");
  viewer = await makeUser(t.db, { role: "viewer" });
  admin = await makeUser(t.db, { role: "admin" });
  const area = await t.db.adminUnit.findFirstOrThrow({
    where: { catalog: "three_level", code: "19333" },
    include: { parent: true },
  });
  const ref = { id: area.id, name: area.name, districtName: area.parent?.name ?? "" };
  // By hand: 25 cameras in 2018, 10 in 2019, none before.
  await t.db.cameraInstallation.createMany({
    data: [
      installationRow(ref, {
        installedOn: new Date("2018-05-01"),
        cameras: 25,
        recorders: 0,
        memoryCards: 0,
        costVnd: 0n,
        fundingSource: "state_budget",
      }),
      installationRow(ref, {
        installedOn: new Date("2019-05-01"),
        cameras: 10,
        recorders: 0,
        memoryCards: 0,
        costVnd: 0n,
        fundingSource: "mixed",
      }),
    ],
  });
}, 60_000);
afterAll(() => t.close());

describe("so với cùng kỳ on the overview", () => {
  it("a card shows the change against the same period a year earlier, '—' when that was 0", async () => {
    renderApp(<OverviewRoute />, {
      db: t.db,
      user: viewer,
      path: "/?province=45&from=2019&to=2019&compare=same-period-last-year",
    });
    const cameras = await screen.findByRole("article", { name: "Mắt camera" });
    expect(within(cameras).getByText("−15 (−60,0%)")).toBeInTheDocument();
    // Read aloud: the change, the earlier year and its figure.
    expect(within(cameras).getByText("−15 (−60,0%) so với cùng kỳ năm 2018 (25)")).toBeInTheDocument();
    expect(
      await screen.findByRole("checkbox", { name: "Hiện cùng kỳ năm trước trên biểu đồ" }, { timeout: 15_000 }),
    ).not.toBeChecked();
  });

  it("from an earlier value of 0 the percentage is '—'; without compare no change is shown", async () => {
    const first = renderApp(<OverviewRoute />, {
      db: t.db,
      user: viewer,
      path: "/?province=45&from=2018&to=2018&compare=same-period-last-year",
    });
    const cameras = await screen.findByRole("article", { name: "Mắt camera" });
    expect(within(cameras).getByText("+25 (—)")).toBeInTheDocument();
    // Coverage: one commune of the old list with cameras in 2018, none in 2017 (by hand).
    const coverage = screen.getByRole("article", { name: "Phủ camera an ninh" });
    expect(within(coverage).getByText("+1 (—)")).toBeInTheDocument();
    first.unmount();
    renderApp(<OverviewRoute />, { db: t.db, user: viewer, path: "/?province=45&from=2018&to=2018" });
    const plain = await screen.findByRole("article", { name: "Mắt camera" });
    expect(plain).not.toHaveTextContent("(—)");
    expect(plain.querySelector(".change")).toBeNull();
  });
});

describe("targets screen", () => {
  it("an admin adds a target, sees it listed, and a negative value is refused in Vietnamese with nothing written", async () => {
    const user = userEvent.setup();
    renderApp(<TargetsRoute />, { db: t.db, user: admin, path: "/admin/targets" });
    const year = new Date().getFullYear();
    expect(await screen.findByText(`Chưa có chỉ tiêu nào cho năm ${year}.`)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Thêm chỉ tiêu" }));
    const form = await screen.findByRole("form", { name: "Thêm chỉ tiêu" });
    await user.selectOptions(within(form).getByLabelText("Chỉ tiêu"), "cameras");
    await user.type(within(form).getByLabelText("Giá trị"), "-5");
    await user.click(within(form).getByRole("button", { name: "Lưu chỉ tiêu" }));
    expect(await within(form).findByRole("alert")).toHaveTextContent("Chỉ tiêu phải là số nguyên từ 0 trở lên");
    expect(await t.db.target.count()).toBe(0);
    await user.clear(within(form).getByLabelText("Giá trị"));
    await user.type(within(form).getByLabelText("Giá trị"), "1200");
    await user.click(within(form).getByRole("button", { name: "Lưu chỉ tiêu" }));
    const table = await screen.findByRole("table", { name: `Các chỉ tiêu năm ${year}` });
    expect(within(table).getByRole("row", { name: /Mắt camera Toàn tỉnh 1\.200/ })).toBeInTheDocument();
    const [row] = await t.db.$queryRawUnsafe<{ value: number; measure: string }[]>("SELECT value, measure FROM target");
    expect(row).toEqual({ value: 1200, measure: "cameras" });
  });
});
