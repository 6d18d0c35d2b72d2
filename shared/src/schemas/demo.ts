import { z } from "zod";

/**
 * Demo records that count in a figure (docs/decisions/023): every dashboard figure response
 * carries it, and a screen, slide or document whose figures include any says so.
 */
export const ZDemoFigure = z.object({ records: z.number() });
export type TDemoFigure = z.infer<typeof ZDemoFigure>;

/** Adds the demo field to a figure response's schema. */
export const withDemo = <Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>) =>
  schema.extend({ demo: ZDemoFigure });

/** demo.status (admins): what removal would take, what stops it, and whether this admin closed the notice. */
export const ZDemoStatus = z.object({
  records: z.object({ sites: z.number(), installations: z.number(), awards: z.number(), modelTypes: z.number() }),
  /**
   * The one demo count of the whole province over every year, by kind (the same function as every
   * figure's `demo`): what the notice states, equal to the overview's badge when nothing is filtered.
   */
  inFigures: z.object({ records: z.number(), sites: z.number(), installations: z.number(), awards: z.number() }),
  /** Real records that depend on demo ones: while any, removal is refused. */
  dependents: z.object({ awards: z.number(), installations: z.number(), sites: z.number() }),
  /** The demo records were removed once: the seed never loads them again. */
  removed: z.boolean(),
  noticeDismissed: z.boolean(),
});
export type TDemoStatus = z.infer<typeof ZDemoStatus>;

export const ZDemoRemoved = ZDemoStatus.shape.records;
