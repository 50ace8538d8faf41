import { Field, InputType } from "type-graphql";
import { LearningFormatEnum, RoleEnum } from "../common/enums.ts";
import type { LearningFormatCode, RoleCode } from "../taxonomy/codes.ts";

@InputType({ description: "Filter für Angebote; alle Angaben sind optional und werden mit UND verknüpft." })
export class OfferFilter {
  @Field(() => [String], { nullable: true, description: "Lernbereiche (LB1–LB5), eines davon genügt." })
  learningAreas?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Module (M01–M18, V01–V11), eines davon genügt." })
  modules?: string[] | null;

  @Field(() => RoleEnum, { nullable: true }) role?: RoleCode | null;

  @Field(() => LearningFormatEnum, { nullable: true }) learningFormat?: LearningFormatCode | null;

  @Field(() => String, { nullable: true, description: "Kreisschlüssel (5 Ziffern), z. B. 08117." })
  districtKey?: string | null;

  @Field(() => String, { nullable: true, description: "Regierungsbezirk: Schlüssel (081–084) oder Name." })
  region?: string | null;

  @Field(() => Boolean, { nullable: true }) online?: boolean | null;

  @Field(() => Date, { nullable: true, description: "Angebote mit Terminen ab diesem Zeitpunkt." }) from?: Date | null;

  @Field(() => Date, { nullable: true, description: "Angebote mit Terminen bis zu diesem Zeitpunkt." })
  to?: Date | null;

  @Field(() => Boolean, { nullable: true, description: "Nur kostenfreie (true) oder nur kostenpflichtige (false)." })
  free?: boolean | null;

  @Field(() => String, { nullable: true, description: "Freitext (deutsche Volltextsuche)." }) text?: string | null;

  @Field(() => String, { nullable: true }) providerId?: string | null;
}
