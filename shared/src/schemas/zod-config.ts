import { z } from "zod";
import { message } from "../messages/index.ts";

type Issue = z.core.$ZodRawIssue;

const vi = (key: Parameters<typeof message>[0], params: Record<string, string | number> = {}) =>
  message(key, params, "vi");
const quoted = (values: readonly unknown[]) => values.map((v) => String(v)).join(", ");

/**
 * zod's own messages ("Unrecognized key: …", "Invalid input: expected string") for every rule a
 * schema did not word itself: the catalogue's Vietnamese text, which the edge turns into the
 * caller's language like any schema message (decision 020). A strict object's refusal of an extra
 * key came back in English even to a Vietnamese user.
 */
export function zodMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case "unrecognized_keys":
      return vi("v.unrecognizedKeys", { keys: quoted(issue.keys) });
    case "invalid_type":
      return issue.input === undefined ? vi("v.missingValue") : vi("v.wrongType");
    case "too_big":
      if (issue.origin === "string") return vi("v.tooLongText", { max: String(issue.maximum) });
      if (issue.origin === "array" || issue.origin === "set")
        return vi("v.tooManyItems", { max: String(issue.maximum) });
      return vi("v.tooBigValue", { max: String(issue.maximum) });
    case "too_small":
      if (issue.origin === "string") return vi("v.tooShortText", { min: String(issue.minimum) });
      if (issue.origin === "array" || issue.origin === "set")
        return vi("v.tooFewItems", { min: String(issue.minimum) });
      return vi("v.tooSmallValue", { min: String(issue.minimum) });
    case "invalid_value":
      return vi("v.badChoice", { values: quoted(issue.values) });
    case "invalid_format":
      return vi("v.badFormat");
    default:
      return vi("v.badValue");
  }
}

z.config({ customError: zodMessage });
