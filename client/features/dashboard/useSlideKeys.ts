import { useEffect } from "react";

/**
 * Presentation clickers send PageUp/PageDown (some send arrows): both move between slides.
 * Keys typed into a form field are left alone.
 */
export function useSlideKeys(onMove: (delta: number) => void, onExit: () => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && ["INPUT", "SELECT", "TEXTAREA"].includes(target.tagName)) return;
      if (["ArrowRight", "PageDown", " "].includes(e.key)) {
        e.preventDefault();
        onMove(1);
      } else if (["ArrowLeft", "PageUp"].includes(e.key)) {
        e.preventDefault();
        onMove(-1);
      } else if (e.key === "Escape" && !document.fullscreenElement) {
        onExit();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onMove, onExit]);
}
