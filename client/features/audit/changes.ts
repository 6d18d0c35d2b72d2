/** One changed field of an audit entry. */
export type FieldChange = { field: string; before: unknown; after: unknown };

/** Fields that differ between the before and after snapshots (bookkeeping fields left out). */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !IGNORED.has(k));
  return keys
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((field) => ({ field, before: b[field], after: a[field] }));
}

// Bookkeeping, or ids whose readable form is recorded next to them (districtId → districtCode).
const IGNORED = new Set(["id", "version", "updatedAt", "createdAt", "districtId", "passwordChangedAt"]);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function showValue(v: unknown): string {
  if (v === null || v === undefined || v === "") return "—";
  return typeof v === "object" ? JSON.stringify(v) : String(v);
}
