import { z } from "zod";

/**
 * Fields of an object schema that refuse empty (forms send empty as null or leave it out): forms
 * mark them with "*", so the mark cannot drift from what the procedure requires.
 */
export function requiredFields(schema: unknown): Set<string> {
  if (!(schema instanceof z.ZodObject)) return new Set();
  const shape = schema.shape as Record<string, z.ZodType>;
  return new Set(
    Object.keys(shape).filter((k) => !shape[k]?.safeParse(null).success && !shape[k]?.safeParse(undefined).success),
  );
}
