import { readdirSync, readFileSync } from "node:fs";
import "@qt/shared/messages/all";
import { en } from "@qt/shared/messages/english";
import { message, messageOf, readKeyed } from "@qt/shared/messages/index";
import { mapsEn, mapsVi } from "@qt/shared/messages/maps";
import { vi } from "@qt/shared/messages/vietnamese";
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

// The whole catalogue is here as the server has it (messages/all.ts, imported above).

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
  it("gives a catalogue key (with its parameters) for every message the shared schemas give for bad input", () => {
    expect(schemas.length).toBeGreaterThan(15);
    const unknown = new Set<string>();
    const english = new Set<string>();
    let seen = 0;
    for (const [, schema] of schemas) {
      for (const m of messagesOf(schema)) {
        if (ZOD_DEFAULT.test(m)) english.add(m);
        seen++;
        if (!readKeyed(m)) unknown.add(m);
      }
      // A strict object's extra key, zod's "Unrecognized key" before.
      if (schema instanceof z.ZodObject) {
        const extra = schema.safeParse({ zzExtra: 1 });
        if (!extra.success) for (const i of extra.error.issues) if (!readKeyed(i.message)) unknown.add(i.message);
      }
    }
    expect(seen).toBeGreaterThan(100);
    expect([...english]).toEqual([]);
    expect([...unknown]).toEqual([]);
  });

  it("renders parameters: numbers in the language's digits, field names as messages, capitals kept", () => {
    expect(message("auth.throttled", { minutes: 15 }, "en")).toBe(
      "Too many failed sign-ins. Please try again in 15 minutes.",
    );
    const households = { key: "noun.households" } as const;
    expect(message("v.tooBig", { label: households, max: 100_000 }, "vi")).toBe("Số hộ không được vượt quá 100.000");
    expect(message("v.tooBig", { label: households, max: 100_000 }, "en")).toBe(
      "Number of households cannot exceed 100,000",
    );
    // What a schema gives is read back by its key, never by its words.
    const tooLong = sites.ZSiteCreateInput.safeParse({ name: "x".repeat(201) }).error?.issues.find(
      (i) => i.path[0] === "name",
    )?.message;
    expect(readKeyed(tooLong ?? "")).toEqual({
      key: "v.tooLong",
      params: { label: { key: "noun.siteName" }, max: "200" },
    });
    expect(messageOf(tooLong ?? "", "vi")).toBe("Tên điểm mô hình tối đa 200 ký tự");
    expect(messageOf(tooLong ?? "", "en")).toBe("Site name: at most 200 characters");
    // A text that is no key is shown as it is; a Vietnamese sentence is not looked up.
    expect(messageOf("Một câu lạ", "en")).toBe("Một câu lạ");
    expect(messageOf("Tên điểm mô hình tối đa 200 ký tự", "en")).toBe("Tên điểm mô hình tối đa 200 ký tự");
  });

  it("has a Vietnamese and an English text for every key, with the same placeholders", () => {
    // The map's words load with their chunk: count them in.
    const allVi: Record<string, string> = { ...vi, ...mapsVi };
    const allEn: Record<string, string> = { ...en, ...mapsEn };
    const keys = Object.keys(allVi);
    expect(keys.length).toBeGreaterThan(900);
    expect(Object.keys(allEn).sort()).toEqual([...keys].sort());
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => (m[1] ?? "").toLowerCase()).sort();
    for (const key of keys) {
      expect(allVi[key]?.trim(), key).not.toBe("");
      expect(allEn[key]?.trim(), key).not.toBe("");
      expect(names(allEn[key] ?? ""), key).toEqual(names(allVi[key] ?? ""));
    }
  });

  it("never prints a year or a code with a thousands separator, in either language", () => {
    for (const locale of ["vi", "en"] as const) {
      // Years as numbers, as the screens and services pass them.
      expect(message("v.yearRange", { from: 2007, to: 2027 }, locale)).toMatch(/2007\D+2027/);
      expect(message("dashboard.chart.yearly.title", { years: "2007–2022" }, locale)).toMatch(/2007–2022$/);
      expect(message("approvals.progress.year", { year: 2022 }, locale)).toContain("2022");
      expect(message("import.yearOnly", { row: 3, year: 2021 }, locale)).toContain("01/01/2021");
      expect(message("area.codeNotFound", { code: 19336 }, locale)).toContain("19336");
      expect(message("draft.stale", { version: 1234 }, locale)).toContain("1234");
      // Any other number is a count, in the language's digits.
      expect(message("auth.audit.total", { count: 1131 }, locale)).toContain(locale === "vi" ? "1.131" : "1,131");
    }
    // The schemas' own year rule (zYear), read back and said in both languages.
    const said = common.ZRecordYear.safeParse(1900).error?.issues[0]?.message ?? "";
    expect(messageOf(said, "vi")).toMatch(/^Năm phải từ 1990 đến \d{4}$/);
    expect(messageOf(said, "en")).toMatch(/^The year must be between 1990 and \d{4}$/);
  });

  it("leaves no Vietnamese text in the shared schemas: their messages are keys of the catalogue", () => {
    const dir = new URL("../../shared/src/schemas/", import.meta.url);
    const found: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
      readFileSync(new URL(file, dir), "utf8")
        .split("\n")
        .forEach((line, i) => {
          const code = line.trim();
          // Comments may speak Vietnamese; code may not (any letter outside ASCII: đ, ơ, ư, accents).
          if (code.startsWith("//") || code.startsWith("*") || code.startsWith("/*")) return;
          if (/[^ -~\t]/.test(code.replace(/\/\/.*$/, ""))) found.push(`${file}:${i + 1}: ${code}`);
        });
    }
    expect(found).toEqual([]);
  });

  it("keeps English and the other screens' words out of what the first screen imports: only a dynamic import reaches them", () => {
    // Issue 27: each language loads on its own, and the Vietnamese words of the screens beyond the
    // first come with them (decision 054). A bundler splits modules, so no module the renderer
    // imports statically may be an English one or the rest of the Vietnamese words.
    const dir = new URL("../../shared/src/messages/", import.meta.url);
    const seen = new Set<string>();
    const dynamic: string[] = [];
    const walk = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(new URL(file, dir), "utf8");
      for (const m of text.matchAll(/^import (?!type)[^;]*? from "\.\/([^"]+)";/gm)) walk(m[1] ?? "");
      for (const m of text.matchAll(/import\("\.\/([^"]+)"\)/g)) dynamic.push(m[1] ?? "");
    };
    walk("index.ts");
    expect(seen).toContain("vietnamese-first.ts");
    expect([...seen].filter((f) => f.endsWith(".en.ts") || f === "english.ts")).toEqual([]);
    expect([...seen].filter((f) => ["vietnamese.ts", "vietnamese-rest.ts", "reports.ts"].includes(f))).toEqual([]);
    expect(dynamic.sort()).toEqual(["english.ts", "vietnamese-rest.ts"]);
  });
});
