import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../server/context.ts";
import { CON_CO, HAI_AN } from "../fixtures/units.ts";
import { makeUser } from "../fixtures/users.ts";
import { entryFile, expectTrpcError } from "./helpers/entry.ts";

/**
 * The record lifecycle (server/services/records/) checks a stored record's scope on the district
 * read with the row itself: the area's parent, the area when it is a district-level area (Cồn Cỏ),
 * or the abolished district a commune of the 2025 list lies in. Each case, for each kind, both
 * ways: the editor of that district may change the record, the editor of another may not.
 */
const s = entryFile();
let conCo: SessionUser;
beforeAll(async () => {
  conCo = await makeUser(s.t.db, { role: "editor", districtCode: CON_CO });
}, 60_000);

/** Xã Hải Lăng of the 2025 list, on the land of the abolished Huyện Hải Lăng. */
const XA_HAI_LANG = "19702";
const FORBIDDEN_MESSAGE = "Bạn chỉ được cập nhật dữ liệu của huyện, thị xã, thành phố mình phụ trách.";

type Kind = "sites" | "cameras" | "awards";
type Case = { label: string; areaCode: string; on: string; year: number; owner: () => SessionUser };
const CASES: Case[] = [
  {
    label: "a commune (its parent district)",
    areaCode: HAI_AN,
    on: "2019-05-01",
    year: 2019,
    owner: () => s.users.haiLang,
  },
  { label: "Cồn Cỏ (a district-level area)", areaCode: CON_CO, on: "2019-05-01", year: 2019, owner: () => conCo },
  {
    label: "a 2025 commune (its former district)",
    areaCode: XA_HAI_LANG,
    on: "2026-01-05",
    year: 2026,
    owner: () => s.users.haiLang,
  },
];

async function create(kind: Kind, c: Case) {
  const admin = s.caller(s.users.admin);
  if (kind === "sites") {
    const modelTypeId = await s.typeId("clan-no-crime");
    return admin.sites.create({ modelTypeId, areaCode: c.areaCode, name: `Dòng họ ${c.label}`, establishedOn: c.on });
  }
  if (kind === "cameras") {
    const cam = { cameras: 2, recorders: 1, memoryCards: 0, costVnd: 1_000_000, fundingSource: "mixed" as const };
    return admin.cameras.create({ ...cam, areaCode: c.areaCode, installedOn: c.on });
  }
  return admin.awards.create({
    year: c.year,
    issuer: "provincial_police",
    form: "certificate",
    recipientKind: "collective",
    recipientName: `Tập thể ${c.label}`,
    areaCode: c.areaCode,
  });
}

const notes = (kind: Kind, user: SessionUser, id: number, version: number) =>
  s.caller(user)[kind].update({ id, version, notes: `Sửa bởi ${user.username}` });
const remove = (kind: Kind, user: SessionUser, id: number, version: number) =>
  s.caller(user)[kind].remove({ id, version, reason: "Nhập trùng" });

describe.each<Kind>(["sites", "cameras", "awards"])("%s: scope of a stored record", (kind) => {
  it.each(CASES)("in $label: the other district's editor is refused, the owner's is not", async (c) => {
    const record = await create(kind, c);
    const before = await s.counts();
    await expectTrpcError(notes(kind, s.users.dongHa, record.id, 1), "FORBIDDEN", FORBIDDEN_MESSAGE);
    await expectTrpcError(remove(kind, s.users.dongHa, record.id, 1), "FORBIDDEN", FORBIDDEN_MESSAGE);
    expect(await s.counts()).toEqual(before);
    expect(await s.caller(s.users.viewer)[kind].get({ id: record.id })).toMatchObject({ version: 1, notes: "" });

    const owner = c.owner();
    expect(await notes(kind, owner, record.id, 1)).toMatchObject({ version: 2, notes: `Sửa bởi ${owner.username}` });
    expect(await remove(kind, owner, record.id, 2)).toMatchObject({ version: 3, deleteReason: "Nhập trùng" });
    // The two writes; reading an award's recipient name (the viewer's get above) is audited too
    // (personal data, docs/security/personal-data.md).
    const reads = kind === "awards" ? 1 : 0;
    expect(await s.counts()).toEqual({ ...before, audit: before.audit + 2 + reads });
  });
});
