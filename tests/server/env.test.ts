import { describe, expect, it } from "vitest";
import { readEnv } from "../../server/env.ts";

describe("readEnv", () => {
  it("uses the defaults and treats an empty value as unset", () => {
    const env = readEnv({ DATABASE_URL: "", ADMIN_PASSWORD: "", TRUST_PROXY: "" });
    expect(env).toMatchObject({ PORT: 3000, HOST: "127.0.0.1", LOG_LEVEL: "info", BACKUP_KEEP_DAYS: 14 });
    expect(readEnv({ BACKUP_KEEP_DAYS: "" }).BACKUP_KEEP_DAYS).toBe(14);
    expect(readEnv({ BACKUP_KEEP_DAYS: "0" }).BACKUP_KEEP_DAYS).toBe(0);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.TRUST_PROXY).toBeUndefined();
  });

  it("reads TRUST_PROXY as a list of addresses and ranges", () => {
    expect(readEnv({ TRUST_PROXY: "127.0.0.1, 10.0.0.0/8,::1" }).TRUST_PROXY).toEqual([
      "127.0.0.1",
      "10.0.0.0/8",
      "::1",
    ]);
  });

  it.each([
    ["TRUST_PROXY", "true", "TRUST_PROXY: danh sách địa chỉ IP"],
    ["TRUST_PROXY", "127.0.0.1,proxy.local", "TRUST_PROXY: danh sách địa chỉ IP"],
    ["PORT", "70000", "PORT"],
    ["DATABASE_URL", "mysql://x", "DATABASE_URL phải là URL postgresql://"],
    ["BACKUP_KEEP_DAYS", "-1", "BACKUP_KEEP_DAYS không được âm"],
    ["BACKUP_KEEP_DAYS", "7.5", "BACKUP_KEEP_DAYS phải là số nguyên"],
    ["BACKUP_KEEP_DAYS", "a week", "BACKUP_KEEP_DAYS phải là số ngày"],
  ])("stops with a clear message on a bad %s (%s)", (name, value, message) => {
    expect(() => readEnv({ [name]: value })).toThrow(message);
  });
});
