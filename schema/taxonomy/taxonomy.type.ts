import { Field, Int, ObjectType } from "type-graphql";
import "../common/enums.ts";
import { AudienceEnum, LearningFormatEnum, RoleEnum } from "../common/enums.ts";
import type { AudienceCode, LearningFormatCode, RoleCode } from "./codes.ts";

@ObjectType("LearningArea", { description: "Lernbereich (auch Lernfeld) der Basisqualifizierung: LB1–LB5." })
export class LearningAreaType {
  @Field(() => String, { description: "LB1 … LB5" }) code!: string;
  @Field(() => Int) number!: number;
  @Field(() => String) name!: string;
  @Field(() => String, { description: "Leitfrage des Lernbereichs laut Leitfaden." }) guidingQuestion!: string;
  @Field(() => String) description!: string;
  @Field(() => Int, { description: "Wochenstunden der Basismodule dieses Lernbereichs." }) basisTeachingUnits!: number;
  // `modules` is a field resolver (TaxonomyResolver), Basis and Vertiefung alike.
}

@ObjectType("Module", { description: "Fortbildungsmodul: Basis (M01–M18) oder Vertiefung (V01–V11)." })
export class ModuleType {
  @Field(() => String, { description: "M01 … M18, V01 … V11" }) code!: string;
  @Field(() => Int) number!: number;
  @Field(() => String) title!: string;
  /** The learning area's code; exposed as `learningAreaCode` and, resolved, as `learningArea`. */
  learningArea!: string;
  @Field(() => LearningFormatEnum, { description: "BASIS oder VERTIEFUNG" }) format!: LearningFormatCode;
  @Field(() => [RoleEnum], { description: "Aufgabenfelder, denen das Modul dient (X-Tabelle des Leitfadens)." })
  roles!: RoleCode[];
  @Field(() => Int, { nullable: true, description: "Wochenstunden à 45 Minuten (Basis: 6)." }) teachingUnits!:
    number | null;
  @Field(() => String) description!: string;
}

@ObjectType("LearningFormatInfo", { description: "Lernformat mit seinem Zeitrahmen." })
export class LearningFormatType {
  @Field(() => LearningFormatEnum) code!: LearningFormatCode;
  @Field(() => String) name!: string;
  @Field(() => String) description!: string;
  @Field(() => String) timeFrame!: string;
  @Field(() => Int, { nullable: true }) teachingUnits!: number | null;
}

@ObjectType("RoleInfo", { description: "Aufgabenfeld mit seinem Lernbudget." })
export class RoleType {
  @Field(() => RoleEnum) code!: RoleCode;
  @Field(() => String) name!: string;
  @Field(() => String) description!: string;
  @Field(() => Int) teachingUnits!: number;
  @Field(() => Int) inPersonUnits!: number;
  @Field(() => Int) selfStudyUnits!: number;
}

@ObjectType("AudienceInfo", { description: "Zielgruppe laut Leitfaden." })
export class AudienceType {
  @Field(() => AudienceEnum) code!: AudienceCode;
  @Field(() => String) name!: string;
  @Field(() => String) description!: string;
}

@ObjectType("CrosswalkEntry", { description: "Zuordnung eines externen Moduls zu einem Modul dieses Curriculums." })
export class CrosswalkEntryType {
  /** Our module's code; exposed as `moduleCode` and, resolved, as `module`. */
  module!: string;
  @Field(() => String, { description: "FULL oder PARTIAL" }) strength!: string;
}

@ObjectType("ExternalModule", { description: "Modul eines externen Curriculums (z. B. KoQuMa, NRW)." })
export class ExternalModuleType {
  @Field(() => String) code!: string;
  @Field(() => String) title!: string;
  @Field(() => String) description!: string;
  @Field(() => [CrosswalkEntryType]) crosswalk!: CrosswalkEntryType[];
  @Field(() => String) note!: string;
}

@ObjectType("ExternalCurriculum", {
  description: "Externes Curriculum mit Crosswalk auf die Module dieses Curriculums.",
})
export class ExternalCurriculumType {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => String) source!: string;
  @Field(() => [ExternalModuleType]) modules!: ExternalModuleType[];
}

@ObjectType("Taxonomy", { description: "Das Curriculum „Qualifiziert ins Quartier!“ als Daten." })
export class TaxonomyType {
  @Field(() => String) version!: string;
  @Field(() => [LearningAreaType]) learningAreas!: LearningAreaType[];
  @Field(() => [ModuleType]) modules!: ModuleType[];
  @Field(() => [LearningFormatType]) learningFormats!: LearningFormatType[];
  @Field(() => [RoleType]) roles!: RoleType[];
  @Field(() => [AudienceType]) audiences!: AudienceType[];
  @Field(() => [ExternalCurriculumType]) externalCurricula!: ExternalCurriculumType[];
}
