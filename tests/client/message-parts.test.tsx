import type { MessageKey, MessageParams } from "@qt/shared/messages/index";
import { render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

/**
 * The Vietnamese words come in two parts on the client (decision 054): the first screen's with the
 * page, the other screens' as a chunk of their own. A message asked before its part came must never
 * show its key: it is an empty text, the part is fetched and the screen draws again with the words.
 * Each test takes a fresh catalogue as the browser has it at the start (the test setup adds every
 * word to the one all the other tests share).
 */
async function freshClient() {
  vi.resetModules();
  const messages = await import("@qt/shared/messages/index");
  const { I18nProvider, useI18n } = await import("../../client/i18n/I18nProvider.tsx");
  return { messages, I18nProvider, useI18n };
}

/** Draws a first screen's message and two of the other screens' through the fresh provider's `t`. */
function Probe({ useI18n }: { useI18n: () => { t: (key: MessageKey, params?: MessageParams) => string } }) {
  const { t } = useI18n();
  return (
    <>
      <h1>{t("app.title")}</h1>
      <p data-testid="later">{t("reports.heading")}</p>
      <p data-testid="params">{t("v.tooLong", { label: { key: "noun.siteName" }, max: 200 })}</p>
    </>
  );
}

describe("the catalogue's parts on the client", () => {
  it("draws a message of the other screens once its part came, never its key", async () => {
    const { I18nProvider, useI18n } = await freshClient();
    render(
      <I18nProvider locale="vi">
        <Probe useI18n={useI18n} />
      </I18nProvider>,
    );
    // The first screen's words are there at once; the others' are not yet, and no key shows.
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe(
      "Mô hình phong trào toàn dân bảo vệ an ninh Tổ quốc",
    );
    expect(screen.getByTestId("later").textContent).toBe("");
    expect(screen.getByTestId("params").textContent).toBe("");
    expect(document.body.textContent).not.toMatch(/reports\.heading|v\.tooLong|noun\./);
    // The part comes by itself and the screen draws again with its words.
    expect(await screen.findByText("Báo cáo tổng kết")).toBeInTheDocument();
    expect(screen.getByTestId("params").textContent).toBe("Tên điểm mô hình tối đa 200 ký tự");
  });

  it("reads a schema's keyed message of the other screens without showing its key", async () => {
    const { messages } = await freshClient();
    const text = messages.keyed("v.tooLong", { label: { key: "noun.siteName" }, max: 200 });
    expect(messages.messageOf(text)).toBe("");
    await messages.loadAllMessages();
    expect(messages.messageOf(text)).toBe("Tên điểm mô hình tối đa 200 ký tự");
  });

  it("shows no key for a lazy feature's word asked before its chunk came (the map's)", async () => {
    const { messages } = await freshClient();
    await messages.loadAllMessages();
    expect(messages.message("map.measure")).toBe("");
    await import("@qt/shared/messages/maps-loaded");
    expect(messages.message("map.measure")).toBe("Chỉ tiêu");
  });
});
