import { en } from "./english.ts";
import { addMessages, addRestOfVietnamese } from "./index.ts";
import { viRest } from "./vietnamese-rest.ts";

// The whole catalogue in both languages, for whoever runs outside the browser: the server and its
// command-line tools, the documents, the tests (the browser loads the parts it needs, index.ts).
addRestOfVietnamese(viRest);
addMessages("en", en);
