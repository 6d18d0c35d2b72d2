import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatMoneyExact,
  formatMoneyShort,
  formatNumber,
  formatPercent,
} from "../../shared/src/format.ts";

describe("vi-VN and English formatting of the dashboard's figures", () => {
  it("numbers: dot thousands in Vietnamese, comma in English", () => {
    expect(formatNumber(1131)).toBe("1.131");
    expect(formatNumber(1131, "en")).toBe("1,131");
    expect(formatNumber(0)).toBe("0");
    expect(formatNumber(1_234_567)).toBe("1.234.567");
  });

  it("percent with exactly one decimal", () => {
    expect(formatPercent(73, 126)).toBe("57,9%");
    expect(formatPercent(73, 126, "en")).toBe("57.9%");
    expect(formatPercent(9, 9)).toBe("100,0%");
    expect(formatPercent(0, 0)).toBe("0,0%");
  });

  it("money in tỷ / triệu đồng, rounded down so a figure is never overstated", () => {
    expect(formatMoneyShort(4_928_650_000)).toBe("4,9 tỷ đồng");
    expect(formatMoneyShort(4_999_999_999)).toBe("4,9 tỷ đồng");
    expect(formatMoneyShort(4_928_650_000, "en")).toBe("4.9 billion VND");
    expect(formatMoneyShort(405_280_000)).toBe("405 triệu đồng");
    expect(formatMoneyShort(1_000_000_000)).toBe("1 tỷ đồng");
    expect(formatMoneyShort(950_000)).toBe("950.000 đồng");
  });

  it("exact VND for tooltips", () => {
    expect(formatMoneyExact(4_928_650_000)).toBe("4.928.650.000 đồng");
    expect(formatMoneyExact(4_928_650_000, "en")).toBe("4,928,650,000 VND");
  });

  it("dates dd/mm/yyyy in both languages, from a date or an ISO string, in UTC", () => {
    expect(formatDate("2023-01-31")).toBe("31/01/2023");
    expect(formatDate("2023-01-31T23:30:00.000Z")).toBe("31/01/2023");
    expect(formatDate(new Date(Date.UTC(2007, 4, 9)))).toBe("09/05/2007");
  });
  it("dates: dd/mm/yyyy in Vietnamese, '7 Dec 2026' in English (07/12/2026 reads as 12 July there)", () => {
    expect(formatDate("2026-12-07")).toBe("07/12/2026");
    expect(formatDate("2026-12-07", "en")).toBe("7 Dec 2026");
    expect(formatDate("2023-01-31T00:00:00.000Z", "en")).toBe("31 Jan 2023");
  });
});
