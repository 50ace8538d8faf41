import { Field, Float, InputType, Int, registerEnumType } from "type-graphql";
import { AudienceEnum, LearningFormatEnum, OfferKindEnum, RoleEnum } from "../common/enums.ts";
import type { AudienceCode, LearningFormatCode, RoleCode } from "../taxonomy/codes.ts";
import type { OfferKind } from "../offer/offer-kind.ts";

export const PlaceScopeEnum = { OWN_DISTRICT: "OWN_DISTRICT", OWN_REGION: "OWN_REGION" } as const;
export type PlaceScope = keyof typeof PlaceScopeEnum;
registerEnumType(PlaceScopeEnum, {
  name: "PlaceScope",
  description: "Umkreis als Verwaltungsgebiet: der eigene Landkreis/Stadtkreis oder der eigene Regierungsbezirk.",
});

@InputType("PlaceInput", {
  description: "Wohn- oder Arbeitsort: eine Angabe genügt (PLZ, Gemeinde, Gemeindeschlüssel oder Kreisschlüssel).",
})
export class PlaceInputType {
  @Field(() => String, { nullable: true, description: "Postleitzahl, z. B. 73033." }) postcode?: string | null;
  @Field(() => String, { nullable: true, description: "Gemeindename; Tippfehler werden toleriert." }) municipality?:
    string | null;
  @Field(() => String, { nullable: true, description: "Amtlicher Gemeindeschlüssel (8 Ziffern)." }) municipalityKey?:
    string | null;
  @Field(() => String, { nullable: true, description: "Kreisschlüssel (5 Ziffern)." }) districtKey?: string | null;
}

@InputType("MatchProfile", { description: "Was eine Person sucht; alle Angaben sind optional." })
export class MatchProfile {
  @Field(() => [RoleEnum], { nullable: true, description: "Aufgabenfeld(er)." }) roles?: RoleCode[] | null;
  @Field(() => LearningFormatEnum, { nullable: true }) learningFormat?: LearningFormatCode | null;
  @Field(() => [String], { nullable: true, description: "Gewünschte Module (M01–M18, V01–V11)." }) modules?:
    string[] | null;
  @Field(() => [String], { nullable: true, description: "Gewünschte Lernbereiche (LB1–LB5)." }) learningAreas?:
    string[] | null;
  @Field(() => [String], {
    nullable: true,
    description: "Bereits absolvierte Module: werden nicht erneut vorgeschlagen.",
  })
  completedModules?: string[] | null;
  @Field(() => AudienceEnum, { nullable: true }) audience?: AudienceCode | null;
  @Field(() => PlaceInputType, { nullable: true }) place?: PlaceInputType | null;
  @Field(() => Float, { nullable: true, description: "Umkreis in km um den Ort (1–300)." }) radiusKm?: number | null;
  @Field(() => PlaceScopeEnum, { nullable: true }) scope?: PlaceScope | null;
  @Field(() => Boolean, { nullable: true, description: "Online-Angebote sind willkommen (Standard: ja)." })
  onlineAcceptable?: boolean | null;
  @Field(() => Date, { nullable: true, description: "Frühester Beginn (Standard: jetzt)." }) from?: Date | null;
  @Field(() => Date, { nullable: true, description: "Spätester Beginn." }) to?: Date | null;
  @Field(() => Float, {
    nullable: true,
    description: "Höchstpreis in Euro; Angebote ohne Preisangabe fallen dann heraus.",
  })
  maxPrice?: number | null;
  @Field(() => Boolean, { nullable: true, description: "Nur Angebote mit Förderhinweis." }) subsidisedOnly?:
    boolean | null;
  @Field(() => OfferKindEnum, { nullable: true }) kind?: OfferKind | null;
  @Field(() => String, { nullable: true, description: 'Freitext (Websuche-Syntax: Wörter, "Phrasen", -Ausschluss).' })
  text?: string | null;
}

@InputType("LearningPathInput", {
  description: "Eingaben für einen Qualifizierungsweg durch die Basismodule eines Aufgabenfelds.",
})
export class LearningPathInput {
  @Field(() => [RoleEnum], { description: "Aufgabenfeld(er): KOORDINATION, STEUERUNG oder beide." }) roles!: RoleCode[];
  @Field(() => [String], { nullable: true }) completedModules?: string[] | null;
  @Field(() => PlaceInputType, { nullable: true }) place?: PlaceInputType | null;
  @Field(() => Float, { nullable: true, description: "Umkreis in km (Standard 50, wenn ein Ort angegeben ist)." })
  radiusKm?: number | null;
  @Field(() => Boolean, { nullable: true, description: "Online-Angebote sind willkommen (Standard: ja)." })
  onlineAcceptable?: boolean | null;
  @Field(() => Date, { nullable: true, description: "Beginn des Zeitraums (Standard: jetzt)." }) from?: Date | null;
  @Field(() => Int, { nullable: true, description: "Länge des Zeitraums in Monaten (1–36, Standard 18)." }) months?:
    number | null;
  @Field(() => Float, { nullable: true, description: "Höchstbudget in Euro für den ganzen Weg." }) maxBudget?:
    number | null;
}
