import {
  type TAward,
  type TAwardCreateInput,
  type TAwardListInput,
  type TAwardUpdateInput,
  ZAwardCreateInput,
  ZAwardListInput,
  ZAwardUpdateInput,
} from "@qt/shared/schemas/awards";
import {
  type TCamera,
  type TCameraCreateInput,
  type TCameraListInput,
  type TCameraUpdateInput,
  ZCameraCreateInput,
  ZCameraListInput,
  ZCameraUpdateInput,
} from "@qt/shared/schemas/cameras";
import {
  type TSite,
  type TSiteCreateInput,
  type TSiteListInput,
  type TSiteUpdateInput,
  ZSiteCreateInput,
  ZSiteListInput,
  ZSiteUpdateInput,
} from "@qt/shared/schemas/sites";
import type { EntityConfig } from "./spec.ts";

/** Fields of each record's form, in the order they are typed. */
export const SITE_FORM: EntityConfig<TSite, TSiteCreateInput, TSiteUpdateInput, TSiteListInput> = {
  entity: "sites",
  dateField: "establishedOn",
  createSchema: ZSiteCreateInput,
  updateSchema: ZSiteUpdateInput,
  listSchema: ZSiteListInput,
  fields: [
    { name: "modelTypeId", kind: "modelType" },
    { name: "name", kind: "text" },
    // Clan models: the clan's name and its households; other models: the host unit.
    { name: "host", kind: "text" },
    { name: "establishedOn", kind: "date" },
    { name: "status", kind: "select", vocabulary: "status", initial: "active" },
    { name: "statusChangedOn", kind: "date" },
    {
      name: "religion",
      kind: "select",
      vocabulary: "religion",
      show: (c) => c === "religious",
    },
    { name: "households", kind: "number", show: (c) => c === "clan" },
    { name: "members", kind: "number" },
    { name: "notes", kind: "textarea" },
  ],
};

export const CAMERA_FORM: EntityConfig<TCamera, TCameraCreateInput, TCameraUpdateInput, TCameraListInput> = {
  entity: "cameras",
  dateField: "installedOn",
  createSchema: ZCameraCreateInput,
  updateSchema: ZCameraUpdateInput,
  listSchema: ZCameraListInput,
  fields: [
    // Right after the area it must lie in; any model may own cameras, camera models come first.
    { name: "siteId", kind: "site", prefer: "camera" },
    { name: "installedOn", kind: "date" },
    { name: "cameras", kind: "number" },
    { name: "recorders", kind: "number" },
    { name: "memoryCards", kind: "number" },
    { name: "costVnd", kind: "number" },
    { name: "fundingSource", kind: "select", vocabulary: "funding" },
    { name: "notes", kind: "textarea" },
  ],
};

export const AWARD_FORM: EntityConfig<TAward, TAwardCreateInput, TAwardUpdateInput, TAwardListInput> = {
  entity: "awards",
  areaOptional: true,
  yearField: "year",
  createSchema: ZAwardCreateInput,
  updateSchema: ZAwardUpdateInput,
  listSchema: ZAwardListInput,
  fields: [
    { name: "siteId", kind: "site" },
    { name: "year", kind: "year" },
    { name: "issuer", kind: "select", vocabulary: "issuer" },
    { name: "form", kind: "select", vocabulary: "awardForm" },
    { name: "recipientKind", kind: "select", vocabulary: "recipientKind" },
    { name: "recipientName", kind: "text" },
    { name: "decisionNumber", kind: "text" },
    { name: "notes", kind: "textarea" },
  ],
};
