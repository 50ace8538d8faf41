import { Field, Float, InputType, Int, ObjectType } from "type-graphql";

@InputType("FreshnessInput", { description: "Schwellen der Aktualitätsübersicht; alle optional." })
export class FreshnessInput {
  @Field(() => Int, {
    nullable: true,
    description: "Ein Feed, der länger als so viele Stunden fehlschlägt, wird markiert (Standard 48).",
  })
  failingAfterHours?: number | null;
  @Field(() => Int, {
    nullable: true,
    description: "Ein Angebot gilt als veraltet, wenn es so viele Tage nicht bestätigt wurde (Standard 14).",
  })
  staleAfterDays?: number | null;
  @Field(() => Int, { nullable: true, description: "Zeitfenster der Fehlerquote in Tagen (Standard 30)." })
  windowDays?: number | null;
}

@ObjectType("FeedFreshness", { description: "Aktualität eines Feeds." })
export class FeedFreshnessType {
  @Field(() => String) feedId!: string;
  @Field(() => String, { nullable: true }) url!: string | null;
  @Field(() => String, { nullable: true, description: "Format (angegeben oder erkannt)." }) kind!: string | null;
  @Field(() => String, { description: "ACTIVE, PAUSED oder FAILING." }) state!: string;
  @Field(() => Date, { nullable: true, description: "Letzter erfolgreicher Abruf (auch „unverändert“)." })
  lastSuccessAt!: Date | null;
  @Field(() => Date, { nullable: true, description: "Letzter Abruf mit Änderungen." }) lastChangeAt!: Date | null;
  @Field(() => Date, { nullable: true }) lastErrorAt!: Date | null;
  @Field(() => String, { nullable: true }) lastError!: string | null;
  @Field(() => Date, { nullable: true, description: "Schlägt seit diesem Zeitpunkt fehl." }) failingSince!: Date | null;
  @Field(() => Boolean, { description: "Schlägt länger fehl als erlaubt." }) flagged!: boolean;
  @Field(() => Int, { description: "Abgeschlossene Abrufe im Zeitfenster." }) runs!: number;
  @Field(() => Int) failedRuns!: number;
  @Field(() => Float, { description: "Anteil fehlgeschlagener Abrufe im Zeitfenster (0–1)." }) errorRate!: number;
  @Field(() => Int, { description: "Aktuelle, relevante Angebote." }) offers!: number;
  @Field(() => Int, { description: "Davon veraltet (lange nicht bestätigt oder alle Termine vorbei)." })
  staleOffers!: number;
}

@ObjectType("ProviderFreshness", { description: "Ein Anbieter mit seinen Feeds, Angeboten und Modulen." })
export class ProviderFreshnessType {
  @Field(() => String) providerId!: string;
  @Field(() => String) name!: string;
  @Field(() => Int) offers!: number;
  @Field(() => [String], { description: "Abgedeckte Module." }) modules!: string[];
  @Field(() => Float, { description: "Anteil veralteter Angebote (0–1)." }) staleShare!: number;
  @Field(() => Date, { nullable: true }) lastSuccessAt!: Date | null;
  @Field(() => Date, { nullable: true }) lastChangeAt!: Date | null;
  @Field(() => Boolean, { description: "Mindestens ein Feed schlägt länger fehl als erlaubt." }) flagged!: boolean;
  @Field(() => [FeedFreshnessType]) feeds!: FeedFreshnessType[];
}
