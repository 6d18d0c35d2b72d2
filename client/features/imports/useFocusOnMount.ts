import { useEffect, useRef } from "react";

/**
 * A step's heading that takes the focus when the step appears: the button that led to it (upload,
 * import, another file) is gone, and a keyboard user continues from the new step, not the page's top.
 */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}
