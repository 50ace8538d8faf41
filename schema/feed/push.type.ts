import { Field, Float, ID, InputType, Int, ObjectType } from "type-graphql";
import { FieldWarningType, RejectionType } from "./feed.type.ts";

@InputType("OfferPushInput", { description: "Ein Angebot, das ein Anbieter ohne eigenen Feed direkt übermittelt." })
export class OfferPushInput {
  @Field(() => String, { description: "Eigener, dauerhafter Schlüssel des Angebots (höchstens 200 Zeichen)." })
  sourceKey!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, { nullable: true }) url?: string | null;
  @Field(() => String, {
    description: "Beginn: ISO 8601 (2027-03-18T14:00) oder deutsch („Do., 18. März 2027, 14–17:30 Uhr“).",
  })
  start!: string;
  @Field(() => String, { nullable: true }) end?: string | null;
  @Field(() => String, {
    nullable: true,
    description: "Ort als Text („Hospitalhof, Büchsenstr. 33, 70174 Stuttgart“).",
  })
  place?: string | null;
  @Field(() => String, { nullable: true }) locationName?: string | null;
  @Field(() => String, { nullable: true }) street?: string | null;
  @Field(() => String, { nullable: true }) postalCode?: string | null;
  @Field(() => String, { nullable: true }) city?: string | null;
  @Field(() => Float, { nullable: true, description: "Preis in Euro; 0 für kostenfrei." }) price?: number | null;
  @Field(() => String, { nullable: true }) priceText?: string | null;
  @Field(() => Float, { nullable: true, description: "Unterrichtseinheiten." }) teachingUnits?: number | null;
  @Field(() => Boolean, { nullable: true }) online?: boolean | null;
  @Field(() => String, { nullable: true }) registrationUrl?: string | null;
  @Field(() => [String], { nullable: true }) keywords?: string[] | null;
}

@ObjectType("UpsertOffersResult")
export class UpsertOffersResultType {
  @Field(() => String) feedId!: string;
  @Field(() => String) runId!: string;
  @Field(() => Int) created!: number;
  @Field(() => Int) changed!: number;
  @Field(() => Int) unchanged!: number;
  @Field(() => Int) rejected!: number;
  @Field(() => [RejectionType]) rejections!: RejectionType[];
  @Field(() => [FieldWarningType]) warnings!: FieldWarningType[];
}

@ObjectType("Objection", { description: "Einspruch eines Anbieters gegen die Einordnung eines Angebots." })
export class ObjectionType {
  @Field(() => ID) id!: string;
  @Field(() => String) offerId!: string;
  @Field(() => String) message!: string;
  @Field(() => String) status!: string;
  @Field(() => Date) createdAt!: Date;
}
