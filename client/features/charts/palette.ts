/**
 * Okabe–Ito: eight colours told apart with the common colour-vision deficiencies. Charts with more
 * series than this group the smallest into "other" (grey) rather than invent colours.
 */
export const OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000"];
export const OTHER_GREY = "#999999";
export const PRIMARY = "#0072B2";
export const SECONDARY = "#D55E00";
