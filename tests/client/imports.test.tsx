import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Shell } from "../../client/App.tsx";
import { UploaderContext } from "../../client/features/imports/upload.ts";
import { createContextInner, type SessionUser } from "../../server/context.ts";
import { createCaller } from "../../server/routers/_app.ts";
import { resolveSession } from "../../server/services/accounts/sessions.ts";
import { makeLoginUser, sessionFor } from "../fixtures/sessions.ts";
import { createTestDb, type TestDb } from "../support/db.ts";
import { injectUploader, uploadServer } from "./inject-uploader.ts";
import { renderApp } from "./render-app.tsx";

let t: TestDb;
let app: Awaited<ReturnType<typeof uploadServer>>;
let editor: SessionUser;
let editorToken: string;
let viewerToken: string;
beforeAll(async () => {
  t = await createTestDb("reference");
  app = await uploadServer({ db: t.db, dbKind: t.kind });
  const login = await makeLoginUser(t.db, { role: "editor" });
  editorToken = await sessionFor(t.db, login.id);
  editor = (await resolveSession(t.db, editorToken)) as SessionUser;
  const viewer = await makeLoginUser(t.db, { role: "viewer" });
  viewerToken = await sessionFor(t.db, viewer.id);
}, 120_000);
afterAll(async () => {
  await app.close();
  await t.close();
});

const TYPE = "Khu dân cư an toàn về an ninh trật tự";

/**
 * A sheet as a commune office keeps it: a merged title row and a blank row above the header,
 * communes without their prefix, a commune name that is wrong, a year-only date, a Vietnamese
 * thousands separator, and a column ("Quy mô") that the header does not name as a field.
 */
async function messySheet(suffix = ""): Promise<File> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Danh sách");
  ws.addRow(["DANH SÁCH MÔ HÌNH KHU DÂN CƯ AN TOÀN VỀ AN NINH TRẬT TỰ"]);
  ws.mergeCells("A1:G1");
  ws.addRow([]);
  ws.addRow(["STT", "Tên mô hình", "Loại mô hình", "Xã, phường, thị trấn", "Huyện/TX/TP", "Năm thành lập", "Quy mô"]);
  ws.addRow([1, `Khu dân cư thôn Tân An${suffix}`, TYPE, "Hải An", "Hải Lăng", "15/03/2015", "120"]);
  ws.addRow([2, `Khu dân cư thôn Đông${suffix}`, TYPE, "Hải Ann", "Hải Lăng", "2016", "1.131"]);
  ws.addRow([3, `Khu phố 3 an toàn${suffix}`, TYPE, "Phường 1", "Đông Hà", "2018", "80"]);
  const buffer = await wb.xlsx.writeBuffer();
  return new File([buffer], "danh-sach-mo-hinh.xlsx", {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
}

/** A PNG picture saved with a spreadsheet's name: binary, neither a zip nor text. */
const picture = () =>
  new File(
    [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])],
    "bang-tinh.xlsx",
  );

function renderImports(token: string) {
  return renderApp(
    <UploaderContext.Provider value={injectUploader(app, token)}>
      <Shell />
    </UploaderContext.Provider>,
    { db: t.db, path: "/imports", session: { token } },
  );
}

const sitesNamed = (name: string) =>
  t.db.site.findMany({ where: { name }, select: { households: true, deletedAt: true } });

describe("import screen", () => {
  it("uploads a messy sheet, fixes a mapping, shows errors by sheet row, imports the ready rows, undoes them but the one a colleague edited", async () => {
    const user = userEvent.setup();
    renderImports(editorToken);
    const upload = await screen.findByRole("form", { name: "1. Chọn loại và tệp" });
    expect(within(upload).getByRole("link", { name: "Tải tệp mẫu Excel (Điểm mô hình)" })).toHaveAttribute(
      "href",
      "/api/imports/template.xlsx?kind=sites&lang=vi",
    );
    await user.upload(within(upload).getByLabelText("Tệp Excel hoặc CSV (tối đa 20 MB)"), await messySheet());
    await user.click(within(upload).getByRole("button", { name: "Tải lên và xem trước" }));

    // The mapping as the server read the header (row 3, under the title): "Quy mô" is not a field.
    const mapping = await screen.findByRole("form", { name: "2. Ghép cột với trường" });
    // The keyboard continues at the new step: the upload button that led here is gone.
    await waitFor(() => expect(within(mapping).getByRole("heading", { name: "2. Ghép cột với trường" })).toHaveFocus());
    const fieldOf = (column: string) => within(mapping).getByLabelText(`Trường của cột ${column}`);
    expect(fieldOf("B: Tên mô hình")).toHaveDisplayValue("Tên điểm mô hình * (tự nhận)");
    expect(fieldOf("G: Quy mô")).toHaveValue("");
    await user.selectOptions(fieldOf("G: Quy mô"), "households");
    expect(within(mapping).getByText(/Cách ghép đã đổi/)).toBeInTheDocument();
    await user.click(within(mapping).getByRole("button", { name: "Áp dụng cách ghép cột" }));
    await waitFor(() => expect(within(mapping).queryByText(/Cách ghép đã đổi/)).not.toBeInTheDocument());

    // The rows in error first, with the sheet's own row number and the column.
    const preview = screen.getByRole("region", { name: "3. Xem trước" });
    expect(within(preview).getByRole("button", { name: "Lỗi: 1" })).toHaveAttribute("aria-pressed", "true");
    const rows = await within(preview).findByRole("table", { name: "Các dòng của tệp" });
    const bad = within(rows).getByRole("rowheader", { name: "5" }).closest("tr") as HTMLElement;
    expect(bad).toHaveTextContent("Cột D: Dòng 5: không tìm thấy xã 'Hải Ann' ở Huyện Hải Lăng");
    expect(bad).toHaveTextContent("— có phải 'Xã Hải An'?");
    expect(within(preview).getByRole("link", { name: "Tải các dòng lỗi (Excel)" })).toHaveAttribute(
      "href",
      expect.stringMatching(/^\/api\/imports\/\d+\/errors\.xlsx\?lang=vi$/),
    );
    await user.click(within(preview).getByRole("button", { name: "Sẵn sàng: 2" }));
    const ready = await within(preview).findByRole("rowheader", { name: "4" });
    expect(within(preview).getByRole("rowheader", { name: "6" })).toBeInTheDocument();
    expect(ready.closest("tr")).toHaveTextContent("Khu dân cư thôn Tân An");

    // All or nothing refuses while a row is in error; skipping errors imports the two ready rows.
    const commit = screen.getByRole("form", { name: "4. Nhập vào hệ thống" });
    expect(within(commit).getByRole("button", { name: "Nhập 2 dòng" })).toBeDisabled();
    await user.click(within(commit).getByLabelText("Nhập các dòng sẵn sàng, bỏ qua các dòng lỗi và trùng"));
    await user.click(within(commit).getByRole("button", { name: "Nhập 2 dòng" }));
    expect(await screen.findByText("Đã nhập 2 bản ghi, bỏ qua 1 dòng.")).toBeInTheDocument();
    const result = screen.getByRole("region", { name: "4. Nhập vào hệ thống" });
    await waitFor(() => expect(within(result).getByRole("heading")).toHaveFocus());
    expect(await sitesNamed("Khu dân cư thôn Tân An")).toEqual([{ households: 120, deletedAt: null }]);
    expect(await sitesNamed("Khu dân cư thôn Đông")).toEqual([]);

    // A colleague corrects one of the imported sites: the undo keeps it and says why.
    const edited = await t.db.site.findFirstOrThrow({
      where: { name: "Khu phố 3 an toàn" },
      select: { id: true, version: true },
    });
    await createCaller(createContextInner({ db: t.db, user: editor })).sites.update({ ...edited, households: 85 });

    // The history: who, which file, how many rows and records; undo needs a reason.
    const history = await screen.findByRole("table", { name: "Các lần nhập" });
    const entry = await waitFor(() => {
      const cell = within(history).getByRole("rowheader", { name: "danh-sach-mo-hinh.xlsx" });
      const tr = cell.closest("tr") as HTMLElement;
      expect(tr).toHaveTextContent("Đã nhập");
      return tr;
    });
    expect(entry).toHaveTextContent("Điểm mô hình");
    expect(within(entry).getByRole("link", { name: "Xem 2 bản ghi" })).toHaveAttribute(
      "href",
      expect.stringMatching(/^\/records\/sites\?importBatchId=\d+$/),
    );
    await user.click(within(entry).getByRole("button", { name: "Hoàn tác lần nhập tệp “danh-sach-mo-hinh.xlsx”" }));
    const undo = within(entry).getByRole("form", { name: "Hoàn tác lần nhập tệp “danh-sach-mo-hinh.xlsx”" });
    await user.click(within(undo).getByRole("button", { name: "Xóa các bản ghi của lần nhập này" }));
    expect(within(undo).getByRole("alert")).toHaveTextContent(/lý do hoàn tác/i);
    expect((await sitesNamed("Khu dân cư thôn Tân An"))[0]?.deletedAt).toBeNull();
    await user.type(within(undo).getByLabelText("Lý do hoàn tác"), "Nhập nhầm tệp của năm trước");
    await user.click(within(undo).getByRole("button", { name: "Xóa các bản ghi của lần nhập này" }));
    expect(await within(entry).findByText("Đã hoàn tác: xóa 1 bản ghi.")).toBeInTheDocument();
    expect(within(entry).getByText("Giữ lại 1 bản ghi:")).toBeInTheDocument();
    expect(within(entry).getByText(`Bản ghi số ${edited.id}: Đã được sửa sau khi nhập, giữ lại.`)).toBeInTheDocument();
    await waitFor(() => expect(entry).toHaveTextContent("Đã hoàn tác: Nhập nhầm tệp của năm trước"));
    expect((await sitesNamed("Khu dân cư thôn Tân An"))[0]?.deletedAt).not.toBeNull();
    expect(await sitesNamed("Khu phố 3 an toàn")).toEqual([{ households: 85, deletedAt: null }]);
    // What is left of the import is still linked from the history.
    expect(within(entry).getByRole("link", { name: "Xem 1 bản ghi" })).toBeInTheDocument();
  });

  it("accepts a suggested commune in place with one click: the preview is judged again without a new upload", async () => {
    const user = userEvent.setup();
    renderImports(editorToken);
    const upload = await screen.findByRole("form", { name: "1. Chọn loại và tệp" });
    // Names of its own: the other tests' imports of this sheet do not make its rows duplicates.
    await user.upload(within(upload).getByLabelText("Tệp Excel hoặc CSV (tối đa 20 MB)"), await messySheet(" (gợi ý)"));
    await user.click(within(upload).getByRole("button", { name: "Tải lên và xem trước" }));
    const preview = await screen.findByRole("region", { name: "3. Xem trước" });
    const rows = await within(preview).findByRole("table", { name: "Các dòng của tệp" });
    const bad = within(rows).getByRole("rowheader", { name: "5" }).closest("tr") as HTMLElement;
    const uploads = await t.db.importBatch.count();
    await user.click(within(bad).getByRole("button", { name: "Dùng “Xã Hải An”" }));
    expect(await within(preview).findByRole("button", { name: "Lỗi: 0" })).toBeInTheDocument();
    expect(within(preview).getByRole("button", { name: "Sẵn sàng: 3" })).toBeInTheDocument();
    expect(await within(preview).findByText("Không có dòng nào ở mục này.")).toBeInTheDocument();
    expect(await t.db.importBatch.count()).toBe(uploads);
    const commit = screen.getByRole("form", { name: "4. Nhập vào hệ thống" });
    expect(within(commit).getByRole("button", { name: "Nhập 3 dòng" })).toBeEnabled();
  });

  it("says why a file that is not a spreadsheet is refused, and writes nothing", async () => {
    const user = userEvent.setup();
    renderImports(editorToken);
    const upload = await screen.findByRole("form", { name: "1. Chọn loại và tệp" });
    const before = await t.db.importBatch.count();
    await user.upload(within(upload).getByLabelText("Tệp Excel hoặc CSV (tối đa 20 MB)"), picture());
    await user.click(within(upload).getByRole("button", { name: "Tải lên và xem trước" }));
    expect(await within(upload).findByRole("alert")).toHaveTextContent(
      "Tệp không phải bảng tính Excel (.xlsx) hoặc CSV.",
    );
    expect(await t.db.importBatch.count()).toBe(before);
    expect(screen.queryByRole("form", { name: "2. Ghép cột với trường" })).not.toBeInTheDocument();
    // The form is usable again: the button is back and the progress bar gone.
    expect(within(upload).getByRole("button", { name: "Tải lên và xem trước" })).toBeEnabled();
    expect(within(upload).queryByRole("progressbar")).not.toBeInTheDocument();
  });

  it("speaks English when the user chose it, the server's refusal included", async () => {
    localStorage.setItem("qt.locale", "en");
    try {
      const user = userEvent.setup();
      renderImports(editorToken);
      const upload = await screen.findByRole("form", { name: "1. Choose the kind and the file" });
      await user.click(within(upload).getByLabelText("Camera installations"));
      expect(
        within(upload).getByRole("link", { name: "Download the Excel template (Camera installations)" }),
      ).toHaveAttribute("href", "/api/imports/template.xlsx?kind=cameras&lang=en");
      await user.upload(within(upload).getByLabelText("Excel or CSV file (at most 20 MB)"), picture());
      await user.click(within(upload).getByRole("button", { name: "Upload and preview" }));
      expect(await within(upload).findByRole("alert")).toHaveTextContent(
        "The file is not an Excel (.xlsx) or CSV spreadsheet.",
      );
    } finally {
      localStorage.removeItem("qt.locale");
    }
  });

  it("is not offered to a viewer, and refused when opened by its address", async () => {
    renderImports(viewerToken);
    expect(await screen.findByRole("heading", { name: "Không có quyền truy cập" })).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Nhập từ Excel/CSV" })).not.toBeInTheDocument();
  });
});
