import { z } from "zod";
import { keyed } from "../messages/index.ts";

type Issue = z.core.$ZodRawIssue;

const quoted = (values: readonly unknown[]) => values.map((v) => String(v)).join(", ");

/**
 * zod's own messages ("Unrecognized key: …", "Invalid input: expected string") for every rule a
 * schema did not word itself: a catalogue key with its parameters, which the edge writes in the
 * caller's language like any schema message (decisions 020, 036). A strict object's refusal of an
 * extra key came back in English even to a Vietnamese user.
 */
export function zodMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case "unrecognized_keys":
      return keyed("v.unrecognizedKeys", { keys: quoted(issue.keys) });
    case "invalid_type":
      return issue.input === undefined ? keyed("v.missingValue") : keyed("v.wrongType");
    case "too_big":
      if (issue.origin === "string") return keyed("v.tooLongText", { max: String(issue.maximum) });
      if (issue.origin === "array" || issue.origin === "set")
        return keyed("v.tooManyItems", { max: String(issue.maximum) });
      return keyed("v.tooBigValue", { max: String(issue.maximum) });
    case "too_small":
      if (issue.origin === "string") return keyed("v.tooShortText", { min: String(issue.minimum) });
      if (issue.origin === "array" || issue.origin === "set")
        return keyed("v.tooFewItems", { min: String(issue.minimum) });
      return keyed("v.tooSmallValue", { min: String(issue.minimum) });
    case "invalid_value":
      return keyed("v.badChoice", { values: quoted(issue.values) });
    case "invalid_format":
      return keyed("v.badFormat");
    default:
      return keyed("v.badValue");
  }
}

z.config({ customError: zodMessage });
