import { viFirst } from "./vietnamese-first.ts";
import { viRest } from "./vietnamese-rest.ts";

/**
 * The Vietnamese catalogue, the product's first language: the first screen's words
 * (vietnamese-first.ts, bundled with the page) and the others' (vietnamese-rest.ts, a chunk of
 * their own on the client). Its keys are the catalogue's (every other language is typed to have
 * exactly them). A new domain file goes into one of the two parts; a new key into its domain file.
 */
export const vi = { ...viFirst, ...viRest };

/** The keys every language must have (english.ts is typed `Record<CatalogueKey, string>`). */
export type CatalogueKey = keyof typeof vi;
