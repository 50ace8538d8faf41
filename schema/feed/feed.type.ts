import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";

export const FeedStateEnum = { ACTIVE: "ACTIVE", PAUSED: "PAUSED", FAILING: "FAILING", DELETED: "DELETED" } as const;
registerEnumType(FeedStateEnum, {
  name: "FeedState",
  description: "ACTIVE, PAUSED (vom Anbieter angehalten), FAILING (letzter Lauf fehlgeschlagen), DELETED.",
});

@InputType("FeedUploadInput", { description: "Hochgeladene Datei (z. B. Excel), Base64-kodiert, höchstens 5 MB." })
export class FeedUploadInput {
  @Field(() => String) name!: string;
  @Field(() => String) base64!: string;
}

@InputType("FeedInput", {
  description: "Quelle eines Feeds: URL oder hochgeladene Datei, dazu Format, Zeitplan und Konfiguration.",
})
export class FeedInput {
  @Field(() => String, { nullable: true, description: "Öffentliche http(s)-Adresse, höchstens 2.000 Zeichen." }) url?:
    string | null;
  @Field(() => FeedUploadInput, { nullable: true }) upload?: FeedUploadInput | null;
  @Field(() => String, {
    nullable: true,
    description: "JSONLD, ICAL, RSS, CSV, XLSX, OPENQCAT, HTML oder GRAPHQL; leer: automatisch erkennen.",
  })
  kind?: string | null;
  @Field(() => String, {
    nullable: true,
    description: "Cron-Ausdruck mit fünf Feldern, höchstens alle 15 Minuten (Standard: täglich 5 Uhr).",
  })
  schedule?: string | null;
  @Field(() => String, {
    nullable: true,
    description: "Konfiguration als JSON-Text (HTML-Selektoren, GraphQL-Abfrage), höchstens 20 KB.",
  })
  config?: string | null;
}

@ObjectType("IngestRunRejection")
export class RejectionType {
  @Field(() => String) sourceKey!: string;
  @Field(() => String) reason!: string;
}

@ObjectType("IngestRun", { description: "Ein Einleselauf eines Feeds mit Zählern, Fehlern und Hinweisen." })
export class IngestRunType {
  @Field(() => ID) id!: string;
  @Field(() => String) trigger!: string;
  @Field(() => String) status!: string;
  @Field(() => Date) startedAt!: Date;
  @Field(() => Date, { nullable: true }) finishedAt!: Date | null;
  @Field(() => Int) fetched!: number;
  @Field(() => Int) created!: number;
  @Field(() => Int) changed!: number;
  @Field(() => Int) withdrawn!: number;
  @Field(() => Int) unchanged!: number;
  @Field(() => Int) rejected!: number;
  @Field(() => String, { nullable: true }) errorCode!: string | null;
  @Field(() => String, { nullable: true }) errorMessage!: string | null;
  @Field(() => [String]) warnings!: string[];
  @Field(() => [RejectionType]) rejections!: RejectionType[];
}

@ObjectType("Feed", { description: "Ein Feed eines Anbieters." })
export class FeedType {
  @Field(() => ID) id!: string;
  @Field(() => String) providerId!: string;
  @Field(() => String, { nullable: true }) url!: string | null;
  @Field(() => String, { nullable: true }) uploadName!: string | null;
  @Field(() => String, { nullable: true }) kind!: string | null;
  @Field(() => String, { nullable: true }) detectedKind!: string | null;
  @Field(() => String) schedule!: string;
  @Field(() => String, { description: "Konfiguration als JSON-Text." }) config!: string;
  @Field(() => FeedStateEnum) state!: string;
  @Field(() => Date, { nullable: true }) lastRunAt!: Date | null;
  @Field(() => Date, { nullable: true }) lastSuccessAt!: Date | null;
  @Field(() => Date, { nullable: true }) lastChangeAt!: Date | null;
  @Field(() => Date, { nullable: true }) lastErrorAt!: Date | null;
  @Field(() => String, { nullable: true }) lastError!: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => [IngestRunType], { description: "Die letzten 10 Läufe, neueste zuerst." }) runs!: IngestRunType[];
}

@ObjectType("FieldWarning", { description: "Hinweis zu einem Feld eines Angebots (oder des ganzen Feeds)." })
export class FieldWarningType {
  @Field(() => String, { nullable: true }) sourceKey!: string | null;
  @Field(() => String, { nullable: true }) field!: string | null;
  @Field(() => String) message!: string;
}

@ObjectType("PreviewSession")
export class PreviewSessionType {
  @Field(() => String, { description: "ISO 8601 mit Zeitzonen-Versatz." }) start!: string;
  @Field(() => String, { nullable: true }) end!: string | null;
  @Field(() => Boolean) allDay!: boolean;
}

@ObjectType("PreviewPlace")
export class PreviewPlaceType {
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => String, { nullable: true }) street!: string | null;
  @Field(() => String, { nullable: true }) postalCode!: string | null;
  @Field(() => String, { nullable: true }) municipality!: string | null;
  @Field(() => String, { nullable: true, description: "Kreisschlüssel." }) districtKey!: string | null;
  @Field(() => String, { nullable: true }) district!: string | null;
}

@ObjectType("PreviewOffer", { description: "Ein Angebot, wie der Hub es lesen würde (nicht gespeichert)." })
export class PreviewOfferType {
  @Field(() => String) sourceKey!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) url!: string | null;
  @Field(() => [PreviewSessionType]) sessions!: PreviewSessionType[];
  @Field(() => Boolean) online!: boolean;
  @Field(() => PreviewPlaceType, { nullable: true }) place!: PreviewPlaceType | null;
  @Field(() => Boolean) free!: boolean;
  @Field(() => Float, { nullable: true }) priceAmount!: number | null;
  @Field(() => String, { nullable: true }) priceText!: string | null;
  @Field(() => Float, { nullable: true }) teachingUnits!: number | null;
  @Field(() => Boolean) relevant!: boolean;
  @Field(() => [String], { description: "Module des Leitfadens (M01–M18, V01–V11)." }) moduleCodes!: string[];
}

@ObjectType("FeedPreview")
export class FeedPreviewType {
  @Field(() => String) kind!: string;
  @Field(() => [PreviewOfferType]) offers!: PreviewOfferType[];
  @Field(() => [FieldWarningType]) warnings!: FieldWarningType[];
}

@ObjectType("IngestTriggerResult")
export class TriggerResultType {
  @Field(() => String) feedId!: string;
  @Field(() => String, { nullable: true }) runId!: string | null;
  @Field(() => String, { description: "SUCCEEDED, NOT_MODIFIED, FAILED oder SKIPPED." }) status!: string;
  @Field(() => String, { nullable: true }) errorMessage!: string | null;
  @Field(() => [String]) warnings!: string[];
}
