/**
 * Lookups over the curriculum table. Pure: unknown codes give undefined (or an empty
 * list), never an exception, because codes often arrive from feeds and user input.
 */
import type { LearningAreaCode, ModuleCode, RoleCode } from "./codes.ts";
import {
  AUDIENCES,
  EXTERNAL_CURRICULA,
  LEARNING_AREAS,
  LEARNING_FORMATS,
  MODULES,
  ROLES,
  TAXONOMY_VERSION,
  type CurriculumModule,
  type ExternalModule,
  type LearningArea,
  type Role,
} from "./taxonomy.data.ts";

export * from "./taxonomy.data.ts";

/** Everything in one object, e.g. to serve or snapshot the curriculum with its version. */
export const taxonomy = {
  version: TAXONOMY_VERSION,
  learningAreas: LEARNING_AREAS,
  modules: MODULES,
  learningFormats: LEARNING_FORMATS,
  roles: ROLES,
  audiences: AUDIENCES,
  externalCurricula: EXTERNAL_CURRICULA,
} as const;

const indexBy = <T, K extends string>(items: readonly T[], key: (item: T) => K): ReadonlyMap<string, T> =>
  new Map(items.map((item) => [key(item), item]));

const modulesByCode = indexBy(MODULES, (m) => m.code);
const areasByCode = indexBy(LEARNING_AREAS, (a) => a.code);
const rolesByCode = indexBy(ROLES, (r) => r.code);

export const moduleByCode = (code: ModuleCode | string): CurriculumModule | undefined => modulesByCode.get(code);

export const learningAreaByCode = (code: LearningAreaCode | string): LearningArea | undefined => areasByCode.get(code);

export const roleByCode = (code: RoleCode | string): Role | undefined => rolesByCode.get(code);

/** Basis and Vertiefung modules of one area, in table order. */
export const modulesOfArea = (code: LearningAreaCode | string): readonly CurriculumModule[] =>
  MODULES.filter((m) => m.learningArea === code);

/** The 12 Basis modules the X-table assigns to a role. */
export const basisModulesForRole = (role: RoleCode | string): readonly CurriculumModule[] =>
  MODULES.filter((m) => m.format === "BASIS" && (m.roles as readonly string[]).includes(role));

/**
 * A module of an external curriculum with its crosswalk; both codes case-insensitive
 * ("koquma", "kq3").
 */
export const externalModuleByCode = (curriculum: string, code: string): ExternalModule | undefined => {
  const wantedCurriculum = curriculum.trim().toUpperCase();
  const wantedModule = code.trim().toUpperCase();
  return EXTERNAL_CURRICULA.find((c) => c.code === wantedCurriculum)?.modules.find(
    (m) => m.code.toUpperCase() === wantedModule,
  );
};
