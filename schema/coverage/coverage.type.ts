import { Field, Int, ObjectType } from "type-graphql";
import { CoverageLevelEnum } from "./coverage.input.ts";
import type { CoverageLevel } from "./coverage.service.ts";

@ObjectType("CoveragePeriod", { description: "Ein Zeitraum [from, to)." })
export class CoveragePeriodType {
  @Field(() => Date) from!: Date;
  @Field(() => Date, { description: "Ende, ausschließlich." }) to!: Date;
}

@ObjectType("CoverageModule", { description: "Ein Modul des Curriculums, in der Reihenfolge des Leitfadens." })
export class CoverageModuleType {
  @Field(() => String) code!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { description: "BASIS oder VERTIEFUNG." }) tier!: string;
  @Field(() => String, { description: "Lernbereich LB1–LB5." }) learningArea!: string;
}

@ObjectType("CoverageRegion", { description: "Ein Kreis oder Regierungsbezirk, nach Namen sortiert." })
export class CoverageRegionType {
  @Field(() => String) key!: string;
  @Field(() => String) name!: string;
}

@ObjectType("CoverageCell", { description: "Eine Zelle der Matrix: Modul × Region." })
export class CoverageCellType {
  @Field(() => String) moduleCode!: string;
  @Field(() => String, { description: "Kreisschlüssel oder Schlüssel des Regierungsbezirks." }) regionKey!: string;
  @Field(() => Int, { description: "Angebote mit mindestens einem Termin im Zeitraum." }) offers!: number;
  @Field(() => Int, { description: "Verschiedene Anbieter dieser Angebote." }) providers!: number;
  @Field(() => Int, { description: "Termine dieser Angebote im Zeitraum." }) sessions!: number;
  @Field(() => Int, { description: "Angebote im Vergleichszeitraum davor." }) previousOffers!: number;
}

@ObjectType("CoverageOnlineRow", { description: "Online-Angebote eines Moduls (gelten für alle Regionen)." })
export class CoverageOnlineRowType {
  @Field(() => String) moduleCode!: string;
  @Field(() => Int) offers!: number;
  @Field(() => Int) providers!: number;
  @Field(() => Int) sessions!: number;
}

@ObjectType("CoverageGap", { description: "Lücke: in dieser Region wurde das Modul im Zeitraum nicht angeboten." })
export class CoverageGapType {
  @Field(() => String) moduleCode!: string;
  @Field(() => String) regionKey!: string;
  @Field(() => Date, {
    nullable: true,
    description: "Letzter Beginn eines Angebots vor dem Zeitraum; leer: noch nie angeboten.",
  })
  lastOfferedAt!: Date | null;
}

@ObjectType("CoverageTotals", { description: "Summen über alle Module und Regionen; jedes Angebot einmal." })
export class CoverageTotalsType {
  @Field(() => Int, { description: "Angebote im Zeitraum, auch online und ohne Ort." }) offers!: number;
  @Field(() => Int) providers!: number;
  @Field(() => Int) sessions!: number;
  @Field(() => Int, { description: "Davon reine Online-Angebote." }) online!: number;
  @Field(() => Int) previousOffers!: number;
}

@ObjectType("Coverage", { description: "Abdeckung des Curriculums: Module × Regionen in einem Zeitraum." })
export class CoverageType {
  @Field(() => CoveragePeriodType) period!: CoveragePeriodType;
  @Field(() => CoveragePeriodType, { description: "Gleich langer Zeitraum direkt davor." })
  previousPeriod!: CoveragePeriodType;
  @Field(() => CoverageLevelEnum) level!: CoverageLevel;
  @Field(() => [CoverageModuleType]) modules!: CoverageModuleType[];
  @Field(() => [CoverageRegionType]) regions!: CoverageRegionType[];
  @Field(() => [CoverageCellType], { description: "Nur Zellen mit Angeboten im Zeitraum oder im Vergleichszeitraum." })
  cells!: CoverageCellType[];
  @Field(() => [CoverageOnlineRowType], { description: "Online-Angebote je Modul, gesondert gezählt." })
  online!: CoverageOnlineRowType[];
  @Field(() => [CoverageGapType]) gaps!: CoverageGapType[];
  @Field(() => CoverageTotalsType) totals!: CoverageTotalsType;
}
