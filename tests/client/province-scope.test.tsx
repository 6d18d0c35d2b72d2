import { screen, waitFor, within } from "@testing-library/react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import OverviewRoute from "../../client/routes/overview.tsx";
import { seed } from "../../prisma/seed/index.ts";
import type { SessionUser } from "../../server/context.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { renderApp } from "./render-app.tsx";

/**
 * A provincial account on the national install (decisions 051 and 059): the overview starts on its
 * province, offers no other and says whose figures they are; a national account keeps "Toàn quốc".
 */
let t: TestDb;
let provincial: SessionUser;
let national: SessionUser;
beforeAll(async () => {
  t = await createTestDb("migrated");
  await seed(t.db, { demo: false, province: "all" });
  provincial = await makeUser(t.db, { role: "viewer", provinceCode: "44" });
  national = await makeUser(t.db, { role: "viewer" });
}, 600_000);
afterAll(() => t?.close());

const options = (select: HTMLElement) =>
  within(select)
    .getAllByRole("option")
    .map((o) => o.textContent);

describe("the overview on the national install", () => {
  it("a province-44 viewer starts on Quảng Trị: its name in the province choice, no 'Toàn quốc', a named scope", async () => {
    renderApp(<OverviewRoute />, { db: t.db, user: provincial });
    const province = await screen.findByLabelText("Tỉnh, thành phố", {}, { timeout: 60_000 });
    await waitFor(() => expect(options(province)).toEqual(["Quảng Trị"]), { timeout: 60_000 });
    const territory = screen.getByLabelText("Địa bàn");
    await within(territory).findByRole("option", { name: "Quảng Bình cũ" }, { timeout: 60_000 });
    // Its province's old provinces only, under a choice that names the province.
    expect(options(territory)).toEqual(["Toàn tỉnh Quảng Trị", "Quảng Bình cũ", "Quảng Trị cũ"]);
    expect(await screen.findByText(/Địa bàn: toàn tỉnh Quảng Trị/, {}, { timeout: 60_000 })).toBeInTheDocument();
    expect(screen.queryByText(/toàn quốc/i)).toBeNull();
    // One province: its districts' charts are drawn.
    expect(
      await screen.findByText("Số điểm mô hình theo huyện, chia theo nhóm", {}, { timeout: 60_000 }),
    ).toBeVisible();
  }, 120_000);

  it("a province-44 viewer's screen never names the whole country or 'toàn địa bàn', even before its province is known", async () => {
    // Every text the screen shows from its first paint on, kept as it changes.
    const seen = new Set<string>();
    const observer = new MutationObserver(() => seen.add(document.body.textContent ?? ""));
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    try {
      renderApp(<OverviewRoute />, { db: t.db, user: provincial });
      seen.add(document.body.textContent ?? "");
      expect(await screen.findByText(/Địa bàn: toàn tỉnh Quảng Trị/, {}, { timeout: 60_000 })).toBeInTheDocument();
      await waitFor(() => expect(options(screen.getByLabelText("Tỉnh, thành phố"))).toEqual(["Quảng Trị"]), {
        timeout: 60_000,
      });
    } finally {
      observer.disconnect();
    }
    const texts = [...seen];
    expect(texts.filter((x) => /toàn quốc/i.test(x))).toEqual([]);
    expect(texts.filter((x) => /toàn địa bàn/i.test(x))).toEqual([]);
  }, 120_000);

  it("a national viewer keeps the whole country, and the territory choice names it", async () => {
    renderApp(<OverviewRoute />, { db: t.db, user: national });
    const province = await screen.findByLabelText("Tỉnh, thành phố", {}, { timeout: 60_000 });
    await within(province).findByRole("option", { name: "Quảng Trị" });
    expect(options(province)[0]).toBe("Toàn quốc");
    expect(options(province)).toHaveLength(35);
    expect(options(screen.getByLabelText("Địa bàn"))[0]).toBe("Toàn quốc");
    expect(await screen.findByText(/Địa bàn: toàn quốc/, {}, { timeout: 60_000 })).toBeInTheDocument();
    // The whole country: the charts are drawn, but not one bar per old district (696 of them).
    expect(await screen.findByText("Số điểm theo loại mô hình", {}, { timeout: 60_000 })).toBeVisible();
    expect(screen.queryByText("Số điểm mô hình theo huyện, chia theo nhóm")).toBeNull();
    expect(screen.queryByText(/^Tỷ lệ địa bàn cấp xã có camera an ninh, theo huyện|^Tỷ lệ xã, phường/)).toBeNull();
  }, 120_000);
});
