import { Field, Float, InputType, Int, ObjectType } from "type-graphql";
import { LearningFormatEnum, RoleEnum } from "../common/enums.ts";
import type { LearningFormatCode, RoleCode } from "../taxonomy/codes.ts";
import { ModuleAssignmentType, OfferType } from "../offer/offer.type.ts";
import { AuditEventType } from "../audit/audit.type.ts";

@InputType("ClassifyOfferInput", { description: "Ein Angebot, wie es der Klassifikator liest." })
export class ClassifyOfferInput {
  @Field(() => String, { nullable: true }) id?: string | null;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, { nullable: true }) provider?: string | null;
  @Field(() => [String], { nullable: true, description: "Schlagworte/Kategorien des Anbieters (starke Hinweise)." })
  keywords?: string[] | null;
  @Field(() => [String], { nullable: true }) audience?: string[] | null;
  @Field(() => String, { nullable: true }) durationText?: string | null;
  @Field(() => Float, { nullable: true }) teachingUnits?: number | null;
}

@ObjectType("ClassifiedModule")
export class ClassifiedModuleType {
  @Field(() => String) code!: string;
  @Field(() => Float) confidence!: number;
  @Field(() => [String]) evidence!: string[];
}

@ObjectType("Classification", { description: "Einordnung ins Curriculum mit Konfidenz und Fundstellen." })
export class ClassificationType {
  @Field(() => String, { nullable: true }) id!: string | null;
  @Field(() => Boolean) relevant!: boolean;
  @Field(() => Float) score!: number;
  @Field(() => [String]) learningAreas!: string[];
  @Field(() => [ClassifiedModuleType], { description: "Nach Konfidenz absteigend; nur zugeordnete Module." })
  modules!: ClassifiedModuleType[];
  @Field(() => LearningFormatEnum, { nullable: true }) learningFormat!: LearningFormatCode | null;
  @Field(() => [RoleEnum]) roles!: RoleCode[];
  @Field(() => Boolean) needsReview!: boolean;
  @Field(() => [String]) reviewReasons!: string[];
  @Field(() => String) knowledgeVersion!: string;
}

@InputType("ClassificationDecisionInput", {
  description: "Entscheidung einer Analystin/eines Analysten; sie gilt vor der Maschine und übersteht jeden Import.",
})
export class ClassificationDecisionInput {
  @Field(() => String) offerId!: string;
  @Field(() => [String], { nullable: true, description: "Module, die zugeordnet werden." }) addModules?:
    string[] | null;
  @Field(() => [String], { nullable: true, description: "Module, die entfernt werden." }) removeModules?:
    string[] | null;
  @Field(() => Boolean, { nullable: true, description: "Relevanz festlegen; null = Maschine entscheidet wieder." })
  relevant?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: "true: die Relevanz-Festlegung aufheben." }) clearRelevant?:
    boolean | null;
  @Field(() => LearningFormatEnum, { nullable: true }) learningFormat?: LearningFormatCode | null;
  @Field(() => Boolean, { nullable: true, description: "true: die Lernformat-Festlegung aufheben." })
  clearLearningFormat?: boolean | null;
  @Field(() => String, { nullable: true, description: "Begründung (für das Audit)." }) reason?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description:
      "true: die Module der Maschine in einem Schritt übernehmen (sie werden zur Entscheidung und überstehen jeden Import).",
  })
  accept?: boolean | null;
}

@ObjectType("ReviewItem", { description: "Ein Angebot in der Prüfliste, mit dem Grund." })
export class ReviewItemType {
  @Field(() => OfferType) offer!: OfferType;
  @Field(() => [String]) reasons!: string[];
  @Field(() => Int) openObjections!: number;
  @Field(() => [ModuleAssignmentType], {
    description: "Vorschlag der Maschine: Module mit Konfidenz und Fundstellen im Text (Belege).",
  })
  machineModules!: ModuleAssignmentType[];
  @Field(() => [AuditEventType], { description: "Bisherige Entscheidungen zu diesem Angebot, neueste zuerst." })
  history!: AuditEventType[];
}

@ObjectType("ReviewQueue")
export class ReviewQueueType {
  @Field(() => [ReviewItemType]) items!: ReviewItemType[];
  @Field(() => Int) totalCount!: number;
}
