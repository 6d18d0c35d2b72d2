import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import RecordsModelTypesRoute from "../../client/routes/records-model-types.tsx";
import { createContextInner } from "../../server/context.ts";
import { createCaller } from "../../server/routers/_app.ts";
import { fileDatabase } from "../support/file-db.ts";
import { renderApp } from "./render-app.tsx";

const { t, user: admin } = fileDatabase({ from: "reference", role: "admin" });

describe("model type catalogue", () => {
  it("validates with the shared schema, refuses a taken code from the server, and adds a type", async () => {
    const user = userEvent.setup();
    renderApp(<RecordsModelTypesRoute />, { db: t.db, user: admin() });
    await screen.findByRole("cell", { name: "security-camera" });
    await user.click(screen.getByRole("button", { name: "Thêm mới" }));
    const form = within(screen.getByRole("form", { name: "Thêm bản ghi" }));
    await user.type(form.getByLabelText("Mã loại mô hình"), "Chợ An Toàn");
    await user.click(form.getByRole("button", { name: "Lưu" }));
    expect(form.getByLabelText("Mã loại mô hình")).toHaveAccessibleDescription(
      "Mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang",
    );
    expect(form.getByLabelText("Tên loại mô hình")).toHaveAccessibleDescription("Vui lòng nhập tên loại mô hình");
    expect(form.getByLabelText("Nhóm mô hình")).toHaveAccessibleDescription("Vui lòng chọn nhóm mô hình");

    await user.clear(form.getByLabelText("Mã loại mô hình"));
    await user.type(form.getByLabelText("Mã loại mô hình"), "security-camera");
    await user.type(form.getByLabelText("Tên loại mô hình"), "Chợ an toàn");
    await user.selectOptions(form.getByLabelText("Nhóm mô hình"), "Khu dân cư");
    await user.click(form.getByRole("button", { name: "Lưu" }));
    // The server's rule comes back on the field, like the schema's.
    await waitFor(() =>
      expect(form.getByLabelText("Mã loại mô hình")).toHaveAccessibleDescription("Mã loại mô hình đã tồn tại"),
    );

    await user.clear(form.getByLabelText("Mã loại mô hình"));
    await user.type(form.getByLabelText("Mã loại mô hình"), "safe-market");
    await user.click(form.getByRole("button", { name: "Lưu" }));
    expect(await screen.findByRole("cell", { name: "safe-market" })).toBeInTheDocument();
    expect(await t.db.modelType.findUnique({ where: { code: "safe-market" } })).toMatchObject({
      category: "residential",
    });
  });

  it("renames a type through the update procedure, keeping its code", async () => {
    const caller = createCaller(createContextInner({ db: t.db, user: admin() }));
    await caller.modelTypes.create({ code: "night-watch", name: "Tổ tuần tra đêm", category: "residential" });
    const user = userEvent.setup();
    renderApp(<RecordsModelTypesRoute />, { db: t.db, user: admin() });
    const row = (await screen.findByRole("cell", { name: "night-watch" })).closest("tr") as HTMLElement;
    await user.click(within(row).getByRole("button", { name: "Sửa" }));
    const form = within(screen.getByRole("form", { name: "Sửa bản ghi" }));
    expect(form.getByLabelText("Mã loại mô hình")).toBeDisabled();
    await user.clear(form.getByLabelText("Tên loại mô hình"));
    await user.click(form.getByRole("button", { name: "Lưu" }));
    expect(form.getByLabelText("Tên loại mô hình")).toHaveAccessibleDescription("Vui lòng nhập tên loại mô hình");
    await user.type(form.getByLabelText("Tên loại mô hình"), "Tổ tuần tra đêm liên gia");
    await user.click(form.getByRole("button", { name: "Lưu" }));
    expect(await screen.findByRole("cell", { name: "Tổ tuần tra đêm liên gia" })).toBeInTheDocument();
    expect(await t.db.modelType.findUnique({ where: { code: "night-watch" } })).toMatchObject({
      name: "Tổ tuần tra đêm liên gia",
      version: 2,
    });
  });
});
