import { type ReactNode, useEffect, useRef, useState } from "react";

// What is below the first screen (the overview's map and charts, decision 054) is drawn when the
// reader scrolls near it or prints the page: never with the first screen, whose bytes and main
// thread it would share, nor by itself later (a reader on a phone who never scrolls down pays nothing).
const NEAR = "300px 0px";
/** The event that draws every placeholder at once (printWhenDrawn). */
const DRAW_ALL = "qt:draw-all";

/** False until the page's load event and one painted frame after it. */
function useLoadedAndPainted() {
  const [done, setDone] = useState(false);
  useEffect(() => {
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The timeout runs after the frame is painted; requestAnimationFrame alone runs before paint.
    const afterPaint = () => {
      frame = requestAnimationFrame(() => {
        timer = setTimeout(() => setDone(true));
      });
    };
    if (document.readyState === "complete") afterPaint();
    else window.addEventListener("load", afterPaint, { once: true });
    return () => {
      window.removeEventListener("load", afterPaint);
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return done;
}

/** Whether the element came near the viewport or the page is printed (true where nothing can tell: jsdom). */
function useNear(ref: React.RefObject<HTMLElement | null>, loaded: boolean) {
  const [near, setNear] = useState(typeof IntersectionObserver === "undefined");
  useEffect(() => {
    if (near || !loaded) return;
    const show = () => setNear(true);
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && show(), {
      rootMargin: NEAR,
    });
    if (ref.current) observer.observe(ref.current);
    window.addEventListener(DRAW_ALL, show);
    window.addEventListener("beforeprint", show);
    return () => {
      observer.disconnect();
      window.removeEventListener(DRAW_ALL, show);
      window.removeEventListener("beforeprint", show);
    };
  }, [near, loaded, ref]);
  return near;
}

/** A placeholder that keeps the place of what comes later (`printWhenDrawn` waits for none to be left). */
export function Pending({ className, ref }: { className: string; ref?: React.Ref<HTMLDivElement> }) {
  return <div ref={ref} className={`pending ${className}`} data-pending="" aria-hidden="true" />;
}

/**
 * Its children once the page has loaded and painted and their place is near the viewport (or the
 * page is printed); until then a placeholder of the given class.
 */
export function WhenNear({ className, children }: { className: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const loaded = useLoadedAndPainted();
  const near = useNear(ref, loaded);
  if (loaded && near) return children;
  return <Pending ref={ref} className={className} />;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Draws every deferred part, waits until none is pending (10 s at most) and the charts sized, then prints. */
export async function printWhenDrawn() {
  const pending = () => document.querySelector("[data-pending]") !== null;
  if (pending()) {
    window.dispatchEvent(new Event(DRAW_ALL));
    for (let waited = 0; waited < 10_000 && pending(); waited += 100) await sleep(100);
    await sleep(300); // the charts measure their box (ResponsiveContainer) a frame or two after they mount
  }
  window.print();
}
