import type { ReactNode } from "react";

export type Choice = { value: string | number; label: string; disabled?: boolean };

/**
 * A labelled select of the filters: first the empty choice (`empty`: every value, or none chosen;
 * its value `emptyValue`, "" unless told), then `choices`. `onPick` gets the value chosen.
 */
export function ChoiceSelect(props: {
  label: ReactNode;
  value: string | number | undefined;
  empty: string;
  emptyValue?: string;
  choices: readonly Choice[];
  onPick: (value: string) => void;
}) {
  const emptyValue = props.emptyValue ?? "";
  return (
    <label>
      {props.label}
      <select value={props.value ?? emptyValue} onChange={(e) => props.onPick(e.target.value)}>
        <option value={emptyValue}>{props.empty}</option>
        {props.choices.map((c) => (
          <option key={c.value} value={c.value} disabled={c.disabled}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}
