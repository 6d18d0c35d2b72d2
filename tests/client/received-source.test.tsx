import { screen } from "@testing-library/react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import RecordsCamerasRoute from "../../client/routes/records-cameras.tsx";
import { createContextInner, type SessionUser } from "../../server/context.ts";
import { createCaller } from "../../server/routers/_app.ts";
import { cameraInput } from "../fixtures/cameras.ts";
import { makeUser } from "../fixtures/users.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { asUser as as, renderApp } from "./render-app.tsx";

/** A record received in a province's package shows where it came from and when it was approved (decision 052). */
let t: TestDb;
let admin: SessionUser;
beforeAll(async () => {
  t = await createTestDb("reference");
  admin = await makeUser(t.db, { role: "admin" });
  const made = await createCaller(createContextInner({ db: t.db, user: admin })).cameras.create(
    cameraInput("19333", "2020-05-10"),
  );
  const pkg = await t.db.exchangePackage.create({
    data: {
      provinceCode: "44",
      fromYear: 2020,
      toYear: 2020,
      sha256: "0".repeat(64),
      formatVersion: 1,
      productVersion: "1.0.0",
      madeAt: new Date("2023-02-01T00:00:00Z"),
      approvals: [],
      approvedUntil: new Date("2023-01-15T00:00:00Z"),
    },
  });
  await t.db.$executeRaw`UPDATE camera_installation SET package_id = ${pkg.id},
    approved_at = '2023-01-15T03:00:00Z' WHERE id = ${made.id}`;
}, 60_000);
afterAll(() => t?.close());

describe("received records", () => {
  it("show 'Nguồn: gói số liệu của Công an tỉnh Quảng Trị, duyệt ngày 15/01/2023' on the record list", async () => {
    renderApp(as(admin, <RecordsCamerasRoute />), { db: t.db, user: admin, path: "/records/cameras" });
    expect(
      await screen.findByText(
        "Nguồn: gói số liệu của Công an tỉnh Quảng Trị, duyệt ngày 15/01/2023",
        {},
        { timeout: 30_000 },
      ),
    ).toBeInTheDocument();
  }, 60_000);
});
