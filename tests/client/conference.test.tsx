import { fireEvent, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Route, Routes } from "../../client/router.tsx";
import ConferenceRoute from "../../client/routes/conference.tsx";
import { fileDatabase } from "../support/file-db.ts";
import { renderApp } from "./render-app.tsx";

const { t, user } = fileDatabase({ from: "reference", role: "viewer", dashboard: true });

const render = (path: string) =>
  renderApp(
    <Routes>
      <Route path="/conference" element={<ConferenceRoute />} />
      <Route path="/" element={<p>overview</p>} />
    </Routes>,
    { db: t.db, user: user(), path },
  );
const key = (k: string) => fireEvent.keyDown(window, { key: k });
const slide = () => screen.getByRole("region", { name: "Trình chiếu hội nghị" }).querySelector(".conference-counter");

describe("conference mode", () => {
  it("shows one slide at a time and moves with arrows and PageUp/PageDown, stopping at the ends", async () => {
    // The fixture lies on former Quảng Trị: its 126 areas.
    render("/conference?province=45");
    expect(await screen.findByRole("article", { name: "Phủ camera an ninh" })).toHaveTextContent("2/126");
    expect(slide()).toHaveTextContent("Trang 1/8");
    key("ArrowLeft");
    expect(slide()).toHaveTextContent("Trang 1/8");
    key("ArrowRight");
    expect(slide()).toHaveTextContent("Trang 2/8");
    expect(screen.getByRole("figure", { name: "Số điểm theo loại mô hình" })).toBeInTheDocument();
    expect(screen.queryByRole("article", { name: "Phủ camera an ninh" })).toBeNull();
    key("PageDown");
    key("PageDown");
    expect(slide()).toHaveTextContent("Trang 4/8");
    key("PageUp");
    expect(slide()).toHaveTextContent("Trang 3/8");
    for (let i = 0; i < 10; i++) key("PageDown");
    expect(slide()).toHaveTextContent("Trang 8/8");
    expect(await screen.findByRole("figure", { name: "Khen thưởng theo năm" })).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Trang trước" }));
    expect(slide()).toHaveTextContent("Trang 7/8");
  });

  it("presents only the chosen charts, and Escape leaves", async () => {
    render("/conference?slides=coverage,religion");
    expect(slide()).toHaveTextContent("Trang 1/2");
    expect(
      // Every year: today's communes lead (decision 027).
      await screen.findByRole("figure", {
        name: "Tỷ lệ xã, phường, đặc khu hiện nay có camera an ninh, theo huyện (cũ)",
      }),
    ).toBeInTheDocument();
    key("ArrowRight");
    expect(screen.getByRole("figure", { name: "Mô hình trong tôn giáo, theo tôn giáo" })).toBeInTheDocument();
    key("Escape");
    expect(await screen.findByText("overview")).toBeInTheDocument();
  });

  it("lets the presenter choose the slides", async () => {
    render("/conference");
    await screen.findByRole("article", { name: "Phủ camera an ninh" });
    fireEvent.click(screen.getByText("Chọn trang trình chiếu", { selector: "summary" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Khen thưởng theo năm" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Số điểm theo loại mô hình" }));
    expect(slide()).toHaveTextContent("Trang 1/6");
    key("ArrowRight");
    expect(screen.getByRole("figure", { name: "Số điểm mô hình theo huyện, chia theo nhóm" })).toBeInTheDocument();
    fireEvent.click(screen.getByRole("checkbox", { name: "Số điểm theo loại mô hình" }));
    expect(slide()).toHaveTextContent("Trang 1/7");
  });
});
