import { TRPCClientError } from "@trpc/client";

export type FieldErrors = Record<string, string>;
/** The part of a ZodError the forms read (the client does not depend on zod itself). */
export type SchemaError = { issues: { path: PropertyKey[]; message: string }[] };

/** First message per field from a failed shared-schema parse (the same messages the server sends). */
export function zodFieldErrors(error: SchemaError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    out[key] ??= issue.message;
  }
  return out;
}

type ErrorData = { code?: string; fieldErrors?: Record<string, string[]> };

/** Code, message and field messages of a tRPC error, as shaped by the server's errorFormatter. */
export function readError(err: unknown): { code: string; message: string; fields: FieldErrors } {
  if (err instanceof TRPCClientError) {
    const data = (err.data ?? {}) as ErrorData;
    const fields: FieldErrors = {};
    for (const [k, v] of Object.entries(data.fieldErrors ?? {})) if (v[0]) fields[k] = v[0];
    return { code: data.code ?? "", message: err.message, fields };
  }
  return { code: "", message: err instanceof Error ? err.message : String(err), fields: {} };
}
