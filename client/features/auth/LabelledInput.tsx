import type { InputHTMLAttributes } from "react";

/** A labelled, required input of the account forms (names, passwords): `onValue` gets what is typed. */
export function LabelledInput({
  id,
  label,
  onValue,
  ...input
}: { id: string; label: string; onValue: (value: string) => void } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input id={id} required {...input} onChange={(e) => onValue(e.target.value)} />
    </>
  );
}

/** A new password's input (an account's first, a reset, a change): the browser may offer to make one. */
export function NewPasswordInput(props: Omit<Parameters<typeof LabelledInput>[0], "type" | "autoComplete">) {
  return <LabelledInput {...props} type="password" autoComplete="new-password" />;
}
