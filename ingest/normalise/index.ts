/** Public surface of the normaliser: what the store, the CLI and the gateway call. */
export { normaliseOffer, contentHash, stableJson, absoluteHttpUrl, type NormaliseContext } from "./normalise.ts";
export { parseGermanDates, parseGermanTimes, normaliseSessionDraft, resolveSessions } from "./dates.ts";
export { resolvePlace, detectAttendance, type PlaceResult, type PlaceInput } from "./place.ts";
export {
  allDistricts,
  districtByKey,
  fuzzyMunicipality,
  regions,
  regionOfDistrict,
  normaliseName,
  type District,
  type Region,
  type Place,
} from "./gazetteer.ts";
export { parsePrice, type PriceResult } from "./price.ts";
export { parseTeachingUnits, unitsFromText } from "./units.ts";
export { audiencesFromText } from "./audience.ts";
export { kindFromTexts } from "./kind.ts";
export { fundingFromTexts } from "./funding.ts";
export { accessibilityFromTexts } from "./accessibility.ts";
export { sanitiseDescription, sanitiseHtml, htmlToText, decodeText } from "./sanitise.ts";
export { completenessOf } from "./completeness.ts";
export type * from "./types.ts";
