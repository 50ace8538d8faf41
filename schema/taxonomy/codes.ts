/**
 * The code vocabulary of the curriculum "Qualifiziert ins Quartier!" (guide, section 5).
 * Codes are stable public identifiers: they appear in the API, in stored assignments and
 * in exports, so they never change once published (add, deprecate, never rename).
 */

export const LEARNING_AREA_CODES = ["LB1", "LB2", "LB3", "LB4", "LB5"] as const;
export type LearningAreaCode = (typeof LEARNING_AREA_CODES)[number];

/** Basis modules, numbered as in the guide's table (Modul 1 … Modul 18). */
export const BASIS_MODULE_CODES = [
  "M01",
  "M02",
  "M03",
  "M04",
  "M05",
  "M06",
  "M07",
  "M08",
  "M09",
  "M10",
  "M11",
  "M12",
  "M13",
  "M14",
  "M15",
  "M16",
  "M17",
  "M18",
] as const;

/** Vertiefung modules, in the order the guide lists them. */
export const ADVANCED_MODULE_CODES = [
  "V01",
  "V02",
  "V03",
  "V04",
  "V05",
  "V06",
  "V07",
  "V08",
  "V09",
  "V10",
  "V11",
] as const;

export const MODULE_CODES = [...BASIS_MODULE_CODES, ...ADVANCED_MODULE_CODES] as const;
export type BasisModuleCode = (typeof BASIS_MODULE_CODES)[number];
export type AdvancedModuleCode = (typeof ADVANCED_MODULE_CODES)[number];
export type ModuleCode = BasisModuleCode | AdvancedModuleCode;

export const LEARNING_FORMAT_CODES = ["EINFUEHRUNG", "BASIS", "VERTIEFUNG"] as const;
export type LearningFormatCode = (typeof LEARNING_FORMAT_CODES)[number];

export const ROLE_CODES = ["KOORDINATION", "STEUERUNG"] as const;
export type RoleCode = (typeof ROLE_CODES)[number];

/**
 * Audiences named by the guide ("Zielgruppen"): municipal staff and leaders in
 * administration, local politicians, professionals of market and civil-society actors,
 * and volunteers.
 */
export const AUDIENCE_CODES = [
  "MUNICIPAL_STAFF",
  "LOCAL_POLITICIANS",
  "CIVIL_SOCIETY_PROFESSIONALS",
  "VOLUNTEERS",
] as const;
export type AudienceCode = (typeof AUDIENCE_CODES)[number];

export const isModuleCode = (value: string): value is ModuleCode => (MODULE_CODES as readonly string[]).includes(value);
export const isLearningAreaCode = (value: string): value is LearningAreaCode =>
  (LEARNING_AREA_CODES as readonly string[]).includes(value);
