import { FUNDING_SOURCES, MODEL_CATEGORIES, RELIGIONS, SITE_STATUSES } from "@qt/shared/domain";
import { TRPCError } from "@trpc/server";
import fc from "fast-check";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CON_CO, HAI_AN, HAI_LANG, PHUONG_1_DONG_HA } from "../fixtures/units.ts";
import { entryFile } from "./helpers/entry.ts";

/**
 * Random input to every create/update procedure: the answer is a success or a BAD_REQUEST, never a
 * 500, and a rejected input leaves rows and audit entries exactly as they were.
 */
const s = entryFile();
let types: number[];
beforeAll(async () => {
  types = [await s.typeId("clan-no-crime"), await s.typeId("religious-community"), 999_999];
}, 60_000);

const RUNS = { numRuns: 40 };

const junk = fc.oneof(
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.integer(),
  fc.double(),
  fc.constant(null),
  fc.boolean(),
  fc.array(fc.integer(), { maxLength: 2 }),
);
/** Mostly plausible values, sometimes garbage of any type. */
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: arb }, { weight: 1, arbitrary: junk });
const isoDate = fc
  .date({ min: new Date("1985-01-01"), max: new Date("2035-12-31"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const area = fc.constantFrom(HAI_AN, HAI_LANG, CON_CO, PHUONG_1_DONG_HA, "99999", "1");
const text = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.string({ minLength: 195, maxLength: 210 }),
);
const count = fc.oneof(fc.integer({ min: -5, max: 200_000 }), fc.double({ noNaN: false }));
/**
 * Either a few random fields over a valid base (so that successes happen and each rule is hit
 * alone) or every field random (so that combinations are hit too).
 */
const anyKeys = <T extends Record<string, fc.Arbitrary<unknown>>>(model: T, base: Record<string, unknown> = {}) =>
  fc.oneof(
    fc
      .tuple(fc.record(model, { requiredKeys: [] }), fc.integer({ min: 0, max: 2 }))
      .map(([r, k]) => ({ ...base, ...Object.fromEntries(Object.entries(r).slice(0, k)) })),
    fc.record({ ...model, unexpected: fc.string() }, { requiredKeys: [] }).map((r) => {
      // The strict schemas reject unknown keys; keep that case but not in most runs.
      if (r.unexpected !== undefined && r.unexpected.length % 5 !== 0) delete r.unexpected;
      return r as Record<string, unknown>;
    }),
  );

const siteFields = {
  modelTypeId: maybe(fc.constantFrom(...[0, 1, 2].map((i) => i))),
  areaCode: maybe(area),
  name: maybe(text),
  host: maybe(text),
  establishedOn: maybe(isoDate),
  status: maybe(fc.constantFrom(...SITE_STATUSES)),
  statusChangedOn: maybe(fc.option(isoDate)),
  religion: maybe(fc.option(fc.constantFrom(...RELIGIONS))),
  households: maybe(count),
  members: maybe(count),
  notes: maybe(text),
};
const cameraFields = {
  areaCode: maybe(area),
  districtCode: maybe(fc.constantFrom(HAI_LANG, "461")),
  installedOn: maybe(isoDate),
  cameras: maybe(count),
  recorders: maybe(count),
  memoryCards: maybe(count),
  costVnd: maybe(fc.oneof(fc.integer({ min: -10, max: 2_000_000_000 }), fc.constant(1e15), fc.constant(2 ** 70))),
  fundingSource: maybe(fc.constantFrom(...FUNDING_SOURCES)),
  siteId: maybe(fc.option(fc.integer({ min: 0, max: 5 }))),
  notes: maybe(text),
};
const awardFields = {
  year: maybe(fc.integer({ min: 1980, max: 2040 })),
  issuer: maybe(fc.constantFrom("provincial_committee", "ministry", "other", "x")),
  form: maybe(fc.constantFrom("emulation_flag", "certificate", "medal")),
  recipientKind: maybe(fc.constantFrom("collective", "individual")),
  recipientName: maybe(text),
  areaCode: maybe(fc.option(area)),
  decisionNumber: maybe(text),
  notes: maybe(text),
};
const typeFields = {
  code: maybe(fc.oneof(fc.stringMatching(/^[a-z]{1,8}(-[a-z0-9]{1,4})?$/), fc.string())),
  name: maybe(text),
  category: maybe(fc.constantFrom(...MODEL_CATEGORIES, "nope")),
  description: maybe(text),
};

/** Maps index-valued model types (0..2) to real ids so that the random input names real rows. */
function withType(input: Record<string, unknown>) {
  const i = input.modelTypeId;
  return typeof i === "number" && Number.isInteger(i) && i >= 0 && i <= 2 ? { ...input, modelTypeId: types[i] } : input;
}

/** Both outcomes must occur, or the generators test nothing. */
const tally = { ok: 0, rejected: 0 };
beforeEach(() => {
  tally.ok = 0;
  tally.rejected = 0;
});
afterEach((ctx) => {
  if (!ctx.task.name.startsWith("whole")) expect(tally.ok).toBeGreaterThan(0);
  expect(tally.rejected).toBeGreaterThan(0);
});

async function expectSafe(call: () => Promise<unknown>) {
  const before = await s.counts();
  try {
    await call();
    tally.ok += 1;
    return true;
  } catch (e) {
    tally.rejected += 1;
    expect(e).toBeInstanceOf(TRPCError);
    expect((e as TRPCError).code, String((e as TRPCError).cause ?? e)).toBe("BAD_REQUEST");
    expect(await s.counts()).toEqual(before);
    return false;
  }
}

/** Generous: hundreds of database round trips per test, on a machine shared with other suites. */
const SLOW = 120_000;

describe("property: random input never causes a 500 and rejected input changes nothing", () => {
  it(
    "sites.create and sites.update",
    async () => {
      const admin = s.caller(s.users.admin);
      const site = await admin.sites.create({
        modelTypeId: types[0] as number,
        areaCode: HAI_AN,
        name: "Gốc",
        establishedOn: "2010-01-01",
      });
      await fc.assert(
        fc.asyncProperty(
          anyKeys(siteFields, { modelTypeId: 0, areaCode: HAI_AN, name: "Điểm", establishedOn: "2012-02-02" }),
          async (input) => {
            await expectSafe(() => admin.sites.create(withType(input) as never));
          },
        ),
        RUNS,
      );
      await fc.assert(
        fc.asyncProperty(anyKeys(siteFields), async (input) => {
          const { version } = await admin.sites.get({ id: site.id });
          await expectSafe(() => admin.sites.update({ ...withType(input), id: site.id, version } as never));
        }),
        RUNS,
      );
    },
    SLOW,
  );

  it(
    "cameras.create and cameras.update",
    async () => {
      const admin = s.caller(s.users.admin);
      const cam = await admin.cameras.create({
        areaCode: HAI_AN,
        installedOn: "2015-01-01",
        cameras: 1,
        recorders: 1,
        memoryCards: 1,
        costVnd: 1,
        fundingSource: "socialized",
      });
      await fc.assert(
        fc.asyncProperty(
          anyKeys(cameraFields, {
            areaCode: HAI_AN,
            installedOn: "2016-06-06",
            cameras: 3,
            recorders: 1,
            memoryCards: 1,
            costVnd: 9,
            fundingSource: "mixed",
          }),
          async (input) => {
            await expectSafe(() => admin.cameras.create(input as never));
          },
        ),
        RUNS,
      );
      await fc.assert(
        fc.asyncProperty(anyKeys(cameraFields), async (input) => {
          const { version } = await admin.cameras.get({ id: cam.id });
          await expectSafe(() => admin.cameras.update({ ...input, id: cam.id, version } as never));
        }),
        RUNS,
      );
    },
    SLOW,
  );

  it(
    "awards.create and awards.update",
    async () => {
      const admin = s.caller(s.users.admin);
      const award = await admin.awards.create({
        year: 2020,
        issuer: "ministry",
        form: "certificate",
        recipientKind: "individual",
        recipientName: "Gốc",
      });
      await fc.assert(
        fc.asyncProperty(
          anyKeys(awardFields, {
            year: 2019,
            issuer: "ministry",
            form: "certificate",
            recipientKind: "collective",
            recipientName: "Tập thể",
          }),
          async (input) => {
            await expectSafe(() => admin.awards.create(input as never));
          },
        ),
        RUNS,
      );
      await fc.assert(
        fc.asyncProperty(anyKeys(awardFields), async (input) => {
          const { version } = await admin.awards.get({ id: award.id });
          await expectSafe(() => admin.awards.update({ ...input, id: award.id, version } as never));
        }),
        RUNS,
      );
    },
    SLOW,
  );

  it(
    "modelTypes.create and modelTypes.update",
    async () => {
      const admin = s.caller(s.users.admin);
      const type = await admin.modelTypes.create({ code: "prop-base", name: "Gốc", category: "other" });
      await fc.assert(
        fc.asyncProperty(anyKeys(typeFields), async (input) => {
          await expectSafe(() => admin.modelTypes.create(input as never));
        }),
        RUNS,
      );
      await fc.assert(
        fc.asyncProperty(anyKeys(typeFields), async ({ code: _code, ...input }) => {
          const current = (await admin.modelTypes.list()).items.find((t) => t.id === type.id);
          await expectSafe(() =>
            admin.modelTypes.update({ ...input, id: type.id, version: current?.version ?? 0 } as never),
          );
        }),
        RUNS,
      );
    },
    SLOW,
  );

  it(
    "whole inputs of any shape are rejected cleanly",
    async () => {
      const admin = s.caller(s.users.admin);
      await fc.assert(
        fc.asyncProperty(fc.anything(), async (input) => {
          await expectSafe(() => admin.sites.create(input as never));
          await expectSafe(() => admin.cameras.create(input as never));
          await expectSafe(() => admin.awards.create(input as never));
        }),
        RUNS,
      );
    },
    SLOW,
  );

  it(
    "list filters of any value answer a page or a BAD_REQUEST",
    async () => {
      const viewer = s.caller(s.users.viewer);
      const listFields = {
        page: maybe(fc.integer({ min: -1, max: 5 })),
        pageSize: maybe(fc.integer({ min: -1, max: 120 })),
        search: maybe(text),
        districtCode: maybe(fc.option(area)),
        areaCode: maybe(area),
        fromYear: maybe(fc.integer({ min: 1980, max: 2040 })),
        toYear: maybe(fc.integer({ min: 1980, max: 2040 })),
        demo: maybe(fc.constantFrom("demo", "real")),
        dir: maybe(fc.constantFrom("asc", "desc")),
      };
      await fc.assert(
        fc.asyncProperty(anyKeys(listFields), async (input) => {
          for (const list of [viewer.sites.list, viewer.cameras.list, viewer.awards.list]) {
            await list(input as never).then(
              (r) => {
                tally.ok += 1;
                expect(r.items.length).toBeLessThanOrEqual(100);
              },
              (e: TRPCError) => {
                tally.rejected += 1;
                expect(e.code, String(e.cause ?? e)).toBe("BAD_REQUEST");
              },
            );
          }
        }),
        RUNS,
      );
    },
    SLOW,
  );
});
