import { TRPCClientError } from "@trpc/client";

type ErrorData = { code?: string; fieldErrors?: Record<string, string[]> };

/** The tRPC code of a failed call ("UNAUTHORIZED", "BAD_REQUEST", …), or "" for a network error. */
export function errorCode(err: unknown): string {
  return err instanceof TRPCClientError ? (((err.data ?? {}) as ErrorData).code ?? "") : "";
}

/** The server's Vietnamese message: the field's own message when there is one. */
export function errorMessage(err: unknown): string {
  if (err instanceof TRPCClientError) {
    const fields = ((err.data ?? {}) as ErrorData).fieldErrors ?? {};
    const first = Object.values(fields)[0]?.[0];
    return first ?? err.message;
  }
  return err instanceof Error ? err.message : String(err);
}

/** Worth retrying: no answer from the server, or its own failure (not a refusal of the request). */
export function isTransient(err: unknown): boolean {
  const code = errorCode(err);
  return code === "" || code === "INTERNAL_SERVER_ERROR";
}
