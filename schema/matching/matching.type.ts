import { Field, Float, Int, ObjectType } from "type-graphql";
import { PageInfo } from "../common/pagination.ts";
import { OfferType } from "../offer/offer.type.ts";

@ObjectType("Match", { description: "Ein passendes Angebot mit Punktzahl und lesbaren Gründen." })
export class MatchType {
  @Field(() => OfferType) offer!: OfferType;
  @Field(() => Float, { description: "Gewichtete Passung 0–1 (Formel: schema/matching/README.md)." }) score!: number;
  @Field(() => [String], { description: "Gründe auf Deutsch, z. B. „deckt Modul M04 ab“, „12 km entfernt“." })
  reasons!: string[];
  @Field(() => Float, { nullable: true, description: "Entfernung vom angegebenen Ort in km." }) distanceKm!:
    number | null;
}

@ObjectType("MatchEdge")
export class MatchEdge {
  @Field(() => String) cursor!: string;
  @Field(() => MatchType) node!: MatchType;
}

@ObjectType("MatchConnection")
export class MatchConnection {
  @Field(() => [MatchEdge]) edges!: MatchEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}

@ObjectType("FacetCount")
export class FacetCount {
  @Field(() => String) key!: string;
  @Field(() => String, { nullable: true, description: "Lesbarer Name, wo bekannt (Kreis)." }) label!: string | null;
  @Field(() => Int) count!: number;
}

@ObjectType("MatchFacets", { description: "Anzahlen je Merkmal für den aktuellen Filter." })
export class MatchFacets {
  @Field(() => Int) total!: number;
  @Field(() => [FacetCount]) learningAreas!: FacetCount[];
  @Field(() => [FacetCount]) modules!: FacetCount[];
  @Field(() => [FacetCount]) districts!: FacetCount[];
  @Field(() => [FacetCount]) learningFormats!: FacetCount[];
  @Field(() => [FacetCount], { description: "Monat des ersten Termins (YYYY-MM, Berliner Zeit)." })
  months!: FacetCount[];
  @Field(() => [FacetCount], { description: "kostenfrei, bis 50 €, 50–200 €, über 200 €, unbekannt." })
  priceBands!: FacetCount[];
}

@ObjectType("ModuleGap", { description: "Ein Modul, das der Weg nicht abdeckt." })
export class ModuleGap {
  @Field(() => String) code!: string;
  @Field(() => String) title!: string;
  @Field(() => String) reason!: string;
}

@ObjectType("TeachingUnits", { description: "Unterrichtseinheiten des Wegs gegen das Soll des Aufgabenfelds." })
export class TeachingUnitsType {
  @Field(() => Float) reached!: number;
  @Field(() => Int) budget!: number;
  @Field(() => Float) inPerson!: number;
  @Field(() => Float) selfStudy!: number;
  @Field(() => Int) inPersonBudget!: number;
  @Field(() => Int) selfStudyBudget!: number;
  @Field(() => Boolean, { description: "Mindestens ein Angebot ohne UE-Angabe: mit 6 UE je Modul geschätzt." })
  estimated!: boolean;
}

@ObjectType("LearningPath", { description: "Ein Qualifizierungsweg: datierte Angebote in zeitlicher Folge." })
export class LearningPathType {
  @Field(() => [OfferType]) offers!: OfferType[];
  @Field(() => [String]) coveredModules!: string[];
  @Field(() => [ModuleGap]) uncoveredModules!: ModuleGap[];
  @Field(() => TeachingUnitsType) teachingUnits!: TeachingUnitsType;
  @Field(() => Float, { description: "Summe der bekannten Preise in Euro." }) totalPrice!: number;
  @Field(() => Int, { description: "Angebote ohne Preisangabe (nicht in totalPrice)." }) unknownPrices!: number;
  @Field(() => [LearningPathType], { description: "Weitere gute Wege (höchstens zwei)." })
  alternatives!: LearningPathType[];
}
