import { keyOf, MESSAGES, message, translate } from "@qt/shared/messages/index";
import * as approvals from "@qt/shared/schemas/approvals";
import * as audit from "@qt/shared/schemas/audit";
import * as auth from "@qt/shared/schemas/auth";
import * as awards from "@qt/shared/schemas/awards";
import * as cameras from "@qt/shared/schemas/cameras";
import * as common from "@qt/shared/schemas/common";
import * as dashboard from "@qt/shared/schemas/dashboard";
import * as imports from "@qt/shared/schemas/imports";
import * as maps from "@qt/shared/schemas/maps";
import * as modelTypes from "@qt/shared/schemas/model-types";
import * as reports from "@qt/shared/schemas/reports";
import * as sites from "@qt/shared/schemas/sites";
import * as users from "@qt/shared/schemas/users";
import { describe, expect, it } from "vitest";
import { z } from "zod";

/** Every input schema of the procedures (and the report options). */
const schemas = Object.entries({
  ...approvals,
  ...audit,
  ...auth,
  ...awards,
  ...cameras,
  ...common,
  ...dashboard,
  ...maps,
  ...imports,
  ...modelTypes,
  ...reports,
  ...sites,
  ...users,
}).filter(([name, s]) => /Input$|Options$|Filter$|Query$/.test(name) && s instanceof z.ZodType) as [
  string,
  z.ZodType,
][];

/** Values that break each kind of rule: type, emptiness, sign, fraction, size, format, characters. */
const BAD = [null, "", " ", -1, 2.5, 10 ** 12, "x".repeat(5000), "abc", "2099-12-31", "1980-02-30", "a\u0000b", [], {}];

/** zod's own English messages: none may reach a user any more (schemas/zod-config.ts, issue 22). */
const ZOD_DEFAULT = /^(Invalid|Too (big|small)|Unrecognized key|Expected)/;

function messagesOf(schema: z.ZodType): string[] {
  const keys = schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
  const out: string[] = [];
  const inputs: unknown[] = [{}, ...BAD.flatMap((bad) => keys.map((k) => ({ [k]: bad })))];
  for (const input of inputs) {
    const parsed = schema.safeParse(input);
    if (!parsed.success) out.push(...parsed.error.issues.map((i) => i.message));
  }
  return out;
}

describe("the message catalogue", () => {
  it("knows every Vietnamese message the shared schemas give for bad input", () => {
    expect(schemas.length).toBeGreaterThan(15);
    const unknown = new Set<string>();
    const english = new Set<string>();
    let seen = 0;
    for (const [, schema] of schemas) {
      for (const m of messagesOf(schema)) {
        if (ZOD_DEFAULT.test(m)) english.add(m);
        seen++;
        if (!keyOf(m)) unknown.add(m);
      }
      // A strict object's extra key, zod's "Unrecognized key" before.
      if (schema instanceof z.ZodObject) {
        const extra = schema.safeParse({ zzExtra: 1 });
        if (!extra.success) for (const i of extra.error.issues) if (!keyOf(i.message)) unknown.add(i.message);
      }
    }
    expect(seen).toBeGreaterThan(100);
    expect([...english]).toEqual([]);
    expect([...unknown]).toEqual([]);
  });

  it("renders parameters: numbers in the language's digits, field names translated, capitals kept", () => {
    expect(message("auth.throttled", { minutes: 15 }, "en")).toBe(
      "Too many failed sign-ins. Please try again in 15 minutes.",
    );
    expect(message("v.tooBig", { label: "số hộ", max: 100_000 }, "vi")).toBe("Số hộ không được vượt quá 100.000");
    expect(message("v.tooBig", { label: "số hộ", max: 100_000 }, "en")).toBe(
      "Number of households cannot exceed 100,000",
    );
    expect(keyOf("Tên điểm mô hình tối đa 200 ký tự")).toEqual({
      key: "v.tooLong",
      params: { label: "tên điểm mô hình", max: "200" },
    });
    expect(translate("Tên điểm mô hình tối đa 200 ký tự", "en")).toBe("Site name: at most 200 characters");
    expect(translate("Một câu lạ", "en")).toBe("Một câu lạ");
  });

  it("has an English text for every key, with the same placeholders", () => {
    for (const [key, t] of Object.entries(MESSAGES) as [string, { vi: string; en: string }][]) {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => (m[1] ?? "").toLowerCase()).sort();
      expect(t.en.trim(), key).not.toBe("");
      expect(names(t.en), key).toEqual(names(t.vi));
    }
  });
});
