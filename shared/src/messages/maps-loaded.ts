import { addMessages } from "./index.ts";
import { mapsEn, mapsVi } from "./maps.ts";

/**
 * The map's words join the catalogue when the map's chunk loads (issue 16: not in the first
 * screen's JavaScript); import this module for its effect.
 */
addMessages("vi", mapsVi);
addMessages("en", mapsEn);
