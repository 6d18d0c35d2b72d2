/** An audit value as the history shows it: "—" for none, JSON for a compound value. */
export function showValue(v: unknown): string {
  if (v === null || v === undefined || v === "") return "—";
  return typeof v === "object" ? JSON.stringify(v) : String(v);
}
