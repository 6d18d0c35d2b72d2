import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { ApprovalProgress } from "../../client/features/approvals/ApprovalProgress.tsx";
import { I18nProvider, useI18n } from "../../client/i18n/I18nProvider.tsx";

/**
 * The screens' `t` is the catalogue's renderer (decision 042): counts in the language's digits,
 * years as written. The first cut of the one renderer printed "Năm 2.022" on the approvals screen.
 */
const totals = { draft: 800, submitted: 69, approved: 1131 };

function Switch() {
  const { t, setLocale } = useI18n();
  return (
    <>
      <p>{t("targets.heading", { year: 2026 })}</p>
      <button type="button" onClick={() => setLocale("en")}>
        en
      </button>
    </>
  );
}

describe("numbers in the screens' messages", () => {
  it("a year is printed as written, a count in the language's digits (Vietnamese)", () => {
    render(
      <I18nProvider locale="vi">
        <ApprovalProgress totals={totals} kind="commune" year={2022} />
      </I18nProvider>,
    );
    expect(screen.getByText(/^Năm 2022/)).toBeInTheDocument();
    expect(screen.queryByText(/2\.022/)).toBeNull();
    expect(screen.getByText(/1\.131\/2\.000/)).toBeInTheDocument();
  });

  it("the same in English, with English digits", () => {
    render(
      <I18nProvider locale="en">
        <ApprovalProgress totals={totals} kind="commune" year={2022} />
      </I18nProvider>,
    );
    expect(screen.getByText(/^Year 2022/)).toBeInTheDocument();
    expect(screen.queryByText(/2,022/)).toBeNull();
    expect(screen.getByText(/1,131\/2,000/)).toBeInTheDocument();
  });

  it("a year stays plain when the language changes", async () => {
    render(
      <I18nProvider locale="vi">
        <Switch />
      </I18nProvider>,
    );
    expect(screen.getByText("Kết quả thực hiện chỉ tiêu năm 2026")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "en" }));
    expect(await screen.findByText("Targets for 2026: results")).toBeInTheDocument();
  });
});
