import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import {
  AssignmentSourceEnum,
  AudienceEnum,
  LearningFormatEnum,
  OfferKindEnum,
  OfferStatusEnum,
  RoleEnum,
} from "../common/enums.ts";
import { PageInfo } from "../common/pagination.ts";
import type { AudienceCode, LearningFormatCode, RoleCode } from "../taxonomy/codes.ts";
import type { OfferKind, OfferStatus } from "./offer-kind.ts";

@ObjectType("Session", { description: "Termin: ein datiertes Treffen eines Angebots." })
export class SessionType {
  @Field(() => Date, { description: "Beginn (ISO 8601)." }) start!: Date;
  @Field(() => Date, { nullable: true }) end!: Date | null;
  @Field(() => Boolean, { description: "Ganztägig, ohne Uhrzeit." }) allDay!: boolean;
}

@ObjectType("Price")
export class PriceType {
  @Field(() => Float) amount!: number;
  @Field(() => String) currency!: string;
}

@ObjectType("Location", {
  description: "Veranstaltungsort mit Gemeinde, Kreis und Regierungsbezirk (amtliche Schlüssel).",
})
export class LocationType {
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => String, { nullable: true }) street!: string | null;
  @Field(() => String, { nullable: true }) postalCode!: string | null;
  @Field(() => String, { nullable: true }) municipality!: string | null;
  @Field(() => String, { nullable: true, description: "Amtlicher Gemeindeschlüssel (8 Ziffern)." }) municipalityKey!:
    string | null;
  @Field(() => String, { nullable: true, description: "Kreisschlüssel (5 Ziffern), z. B. 08117." }) districtKey!:
    string | null;
  @Field(() => String, { nullable: true }) district!: string | null;
  @Field(() => String, { nullable: true, description: "Regierungsbezirk." }) region!: string | null;
  @Field(() => String, { nullable: true }) regionKey!: string | null;
  @Field(() => Float, { nullable: true }) latitude!: number | null;
  @Field(() => Float, { nullable: true }) longitude!: number | null;
}

@ObjectType("ModuleAssignment", {
  description: "Zuordnung eines Angebots zu einem Modul, mit Herkunft und Begründung.",
})
export class ModuleAssignmentType {
  @Field(() => String) moduleCode!: string;
  @Field(() => Float, { description: "Konfidenz 0–1." }) confidence!: number;
  @Field(() => AssignmentSourceEnum) source!: string;
  @Field(() => [String], { description: "Fundstellen im Text, die die Zuordnung begründen." }) evidence!: string[];
  @Field(() => String) taxonomyVersion!: string;
  @Field(() => String, { nullable: true }) knowledgeVersion!: string | null;
}

@ObjectType("Completeness", { description: "Welche Angaben bekannt sind; score = Anteil der bekannten." })
export class CompletenessType {
  @Field(() => Boolean) what!: boolean;
  @Field(() => Boolean) when!: boolean;
  @Field(() => Boolean) where!: boolean;
  @Field(() => Boolean) price!: boolean;
  @Field(() => Boolean) hours!: boolean;
  @Field(() => Boolean) audience!: boolean;
  @Field(() => Boolean) registration!: boolean;
  @Field(() => Float) score!: number;
}

@ObjectType("Provenance", { description: "Herkunft: woher und wann das Angebot gelesen wurde." })
export class ProvenanceType {
  @Field(() => String) sourceUrl!: string;
  @Field(() => Date) fetchedAt!: Date;
  @Field(() => String) adapter!: string;
  @Field(() => String) adapterVersion!: string;
}

@ObjectType("Offer", { description: "Fortbildungsangebot." })
export class OfferType {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) url!: string | null;
  @Field(() => String, { description: "Beschreibung als reiner Text." }) description!: string;
  @Field(() => String, { description: "Beschreibung als bereinigtes HTML (ohne Skripte und Event-Handler)." })
  descriptionHtml!: string;
  @Field(() => OfferStatusEnum) status!: OfferStatus;
  @Field(() => Date, { nullable: true }) withdrawnAt!: Date | null;
  @Field(() => Boolean) online!: boolean;
  @Field(() => Boolean) hybrid!: boolean;
  @Field(() => Boolean, { description: "Kostenfrei." }) free!: boolean;
  @Field(() => String, { nullable: true }) priceText!: string | null;
  @Field(() => Float, { nullable: true, description: "Unterrichtseinheiten/Wochenstunden à 45 Minuten." })
  teachingUnits!: number | null;
  @Field(() => [AudienceEnum]) audiences!: AudienceCode[];
  @Field(() => OfferKindEnum, { nullable: true }) kind!: OfferKind | null;
  @Field(() => [String], { description: "Förderhinweise (Landesförderung, Bildungszeit …)." }) funding!: string[];
  @Field(() => String, { nullable: true }) accessibility!: string | null;
  @Field(() => String, { nullable: true }) registrationUrl!: string | null;
  @Field(() => String, { nullable: true }) registrationDeadline!: string | null;
  @Field(() => [String]) keywords!: string[];
  @Field(() => String, { nullable: true }) organizer!: string | null;
  @Field(() => Date, { nullable: true }) firstStart!: Date | null;
  @Field(() => Date, { nullable: true }) lastEnd!: Date | null;
  @Field(() => Boolean, { description: "Gehört in die Übersicht (Entscheidung der Analyst*innen geht vor)." })
  relevant!: boolean;
  @Field(() => Float) relevanceScore!: number;
  @Field(() => LearningFormatEnum, { nullable: true }) learningFormat!: LearningFormatCode | null;
  @Field(() => [RoleEnum]) roles!: RoleCode[];
  @Field(() => [String], { description: "Lernbereiche LB1–LB5." }) learningAreas!: string[];
  @Field(() => [String], { description: "Wirksame Modulcodes." }) moduleCodes!: string[];
  @Field(() => Boolean) needsReview!: boolean;
  @Field(() => Float) completenessScore!: number;
  @Field(() => String) providerId!: string;
  @Field(() => String) feedId!: string;
  @Field(() => String, { nullable: true, description: "Kanonisches Angebot, falls dieses ein Duplikat ist." })
  duplicateOfId!: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
  // Relations and composed values (provider, sessions, price, location, modules,
  // completeness, provenance) are field resolvers over the loaded row.
}

@ObjectType("OfferEdge")
export class OfferEdge {
  @Field(() => String) cursor!: string;
  @Field(() => OfferType) node!: OfferType;
}

@ObjectType("OfferConnection")
export class OfferConnection {
  @Field(() => [OfferEdge]) edges!: OfferEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}
