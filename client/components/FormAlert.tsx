import { useEffect, useRef } from "react";

/**
 * A refusal shown where the user acted, next to the button that caused it, and focused when it
 * appears (issue 22): on a phone a message at the top of a long form is off screen, and focus left
 * on the page body says nothing to a screen reader.
 */
export function FormAlert({ message }: { message: string | null }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  if (!message) return null;
  return (
    <div ref={ref} className="state state-error form-alert" role="alert" tabIndex={-1}>
      <p>{message}</p>
    </div>
  );
}
