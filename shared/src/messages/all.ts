import { en } from "./english.ts";
import { addMessages, addRestOfVietnamese } from "./index.ts";
import { mapsEn, mapsVi } from "./maps.ts";
import { viRest } from "./vietnamese-rest.ts";

// The whole catalogue in both languages, for whoever runs outside the browser: the server and its
// command-line tools, the documents, the tests (the browser loads the parts it needs, index.ts).
addRestOfVietnamese(viRest);
addMessages("en", en);
// The map's words (a chunk of the map's on the client, maps-loaded.ts): the reports' map too.
addMessages("vi", mapsVi);
addMessages("en", mapsEn);
