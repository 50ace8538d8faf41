import { Field, InputType, Int, ObjectType } from "type-graphql";
import { CoverageLevelEnum } from "../coverage/coverage.input.ts";
import { CoveragePeriodType } from "../coverage/coverage.type.ts";
import type { CoverageLevel } from "../coverage/coverage.service.ts";

@InputType("DemandInput", { description: "Zeitraum und Gliederung der Nachfrageauswertung." })
export class DemandInput {
  @Field(() => Date, { nullable: true, description: "Beginn (Standard: 90 Tage vor dem Ende)." }) from?: Date | null;
  @Field(() => Date, { nullable: true, description: "Ende, ausschließlich (Standard: jetzt)." }) to?: Date | null;
  @Field(() => CoverageLevelEnum, { nullable: true, description: "Standard: DISTRICT." }) level?: CoverageLevel | null;
}

@ObjectType("DemandRow", {
  description: "Nachfrage und Angebot für ein Modul in einer Region (anonym, nur Zähler).",
})
export class DemandRowType {
  @Field(() => String, { nullable: true, description: "Modulcode; leer: alle Anfragen, mit oder ohne Modulwunsch." })
  moduleCode!: string | null;
  @Field(() => String, { nullable: true, description: "Kreis- oder Bezirksschlüssel; leer: Anfragen ohne Ort." })
  regionKey!: string | null;
  @Field(() => Int, { description: "Suchanfragen (matchOffers)." }) searches!: number;
  @Field(() => Int, { description: "Davon ohne ein einziges Ergebnis." }) emptySearches!: number;
  @Field(() => Int, { description: "Qualifizierungswege (learningPath), die das Modul nicht abdecken konnten." })
  uncoveredPathRequests!: number;
  @Field(() => Int, {
    description:
      "Angebote, die Suchende im Zeitraum finden konnten (Termin ab Beginn bis 12 Monate nach Ende): in der Region plus Online-Angebote des Moduls.",
  })
  supply!: number;
}

@ObjectType("DemandTerm", { description: "Ein Suchbegriff (normalisiert, höchstens 60 Zeichen)." })
export class DemandTermType {
  @Field(() => String) term!: string;
  @Field(() => Int) searches!: number;
  @Field(() => Int) emptySearches!: number;
}

@ObjectType("DemandReport", { description: "Gesucht, aber nicht vorhanden: Nachfrage gegen Angebot." })
export class DemandReportType {
  @Field(() => CoveragePeriodType) period!: CoveragePeriodType;
  @Field(() => CoverageLevelEnum) level!: CoverageLevel;
  @Field(() => [DemandRowType], { description: "Unerfüllte Nachfrage zuerst." }) rows!: DemandRowType[];
  @Field(() => [DemandTermType], { description: "Die 20 häufigsten Suchbegriffe." }) topTerms!: DemandTermType[];
}
