import { act, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { printWhenDrawn, WhenNear } from "../../client/components/WhenNear.tsx";

// jsdom has no IntersectionObserver (WhenNear then draws at once): a stand-in that the test moves,
// the way a browser reports the placeholder coming near the viewport (decision 054).
class Observer {
  static made: Observer[] = [];
  target: Element | null = null;
  constructor(private readonly report: (entries: { isIntersecting: boolean }[]) => void) {
    Observer.made.push(this);
  }
  observe(target: Element) {
    this.target = target;
  }
  disconnect() {}
  near() {
    this.report([{ isIntersecting: true }]);
  }
}

beforeEach(() => {
  Observer.made = [];
  vi.stubGlobal("IntersectionObserver", Observer);
});
afterEach(() => vi.unstubAllGlobals());

const below = () => (
  <WhenNear className="charts-pending">
    <p>the charts</p>
  </WhenNear>
);

it("keeps the place until it comes near the viewport, then draws what it holds", async () => {
  const { container } = render(below());
  await waitFor(() => expect(Observer.made[0]?.target).toBeTruthy());
  expect(screen.queryByText("the charts")).toBeNull();
  expect(container.querySelector(".charts-pending[data-pending]")).not.toBeNull();
  act(() => Observer.made[0]?.near());
  expect(await screen.findByText("the charts")).toBeInTheDocument();
  expect(container.querySelector("[data-pending]")).toBeNull();
});

it("the print button's printWhenDrawn draws every placeholder before it prints", async () => {
  const drawnWhenPrinted: boolean[] = [];
  vi.spyOn(window, "print").mockImplementation(() => {
    drawnWhenPrinted.push(screen.queryByText("the charts") !== null);
  });
  render(below());
  await waitFor(() => expect(Observer.made[0]?.target).toBeTruthy());
  // As in the browser: React renders while printWhenDrawn waits (inside act it would only after).
  const env = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
  env.IS_REACT_ACT_ENVIRONMENT = false;
  try {
    await printWhenDrawn();
  } finally {
    env.IS_REACT_ACT_ENVIRONMENT = true;
  }
  expect(drawnWhenPrinted).toEqual([true]);
});
