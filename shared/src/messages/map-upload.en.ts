import type { mapUploadVi } from "./map-upload.ts";

export const mapUploadEn: Record<keyof typeof mapUploadVi, string> = {
  "map.levelInvalid": "Invalid map level: choose district or commune",
  "map.listInvalid": "Invalid list of units: choose three_level (before 01/07/2025) or two_level (from 01/07/2025)",
  "map.measureInvalid": "Invalid map measure",
  "map.fileNameMissing": "The file name is missing",
  "map.fileNameLong": "The file name is too long",
  "map.attributionMissing": "Give the source of the boundaries (shown on the map)",
  "map.attributionLong": "The source may have at most 300 characters",
  "map.refused": "The boundary file was refused ({count} problems); nothing was stored.",
  "map.moreProblems": "… and {count} more problems.",
  "map.tooLarge": "The boundary file is too large: at most {mb} MB.",
  "map.notJson": "The file cannot be read as JSON: it is neither GeoJSON nor TopoJSON.",
  "map.notGeo": "The file is neither GeoJSON (FeatureCollection) nor TopoJSON (Topology).",
  "map.noCode": "Feature {index} has no unit code (property code, ma or gso_code).",
  "map.unknownCode": "Code {code} is not a unit of the chosen list.",
  "map.duplicateCode": "Code {code} has more than one boundary.",
  "map.unitMissing": "No boundary for {name} ({code}); if on purpose, list this code as missing.",
  "map.listedMissingPresent": "Code {code} is listed as missing but is in the file.",
  "map.badGeometry": "Unit {code}: the geometry must be a Polygon or MultiPolygon.",
  "map.projected":
    "Unit {code}: coordinate ({x}; {y}) is not a WGS84 longitude/latitude — the file is probably in a projected system (VN-2000, UTM); convert it to WGS84 (EPSG:4326).",
  "map.outsideProvince": "Unit {code}: coordinate ({x}; {y}) lies outside {place}.",
  "map.badRing": "Unit {code}: invalid boundary ring (it needs at least 4 points and must be closed).",
  "map.selfIntersection": "Unit {code}: the boundary crosses itself near ({x}; {y}).",
  "map.tooManyPoints":
    "The file has {count} points, more than the limit of {max}; simplify the boundaries before loading them.",
  "map.ringTooLong":
    "Feature {index}: a boundary ring has {count} points, more than the limit of {max}; simplify the file.",
  "map.tooManyArcs": "The TopoJSON file has {count} arcs, more than the limit of {max}.",
  "map.arcReused": "The TopoJSON file uses arc {arc} {count} times (at most {max}): invalid boundaries.",
  "map.badArc": "Invalid TopoJSON file: a reference to a missing arc ({arc}) or structures nested too deep.",
  "map.tooComplex":
    "Unit {code}: the boundary is too intricate to check (many long edges close together); simplify the file.",
  "map.layerNotLoaded": "No commune-level boundaries are loaded for this list.",
  "map.uploadParams": "Missing or wrong details with the boundary file.",
};
