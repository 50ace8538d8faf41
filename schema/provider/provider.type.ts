import { Field, ID, ObjectType } from "type-graphql";
import { ProviderStatusEnum } from "../common/enums.ts";

@ObjectType("Provider", { description: "Fortbildungsträger (Anbieter)." })
export class ProviderType {
  @Field(() => ID) id!: string;
  @Field(() => String) slug!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) website!: string | null;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => ProviderStatusEnum) status!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) decidedAt!: Date | null;
  // offerCount, contactName and contactEmail are field resolvers (ProviderResolver):
  // contact data only for staff and the provider itself.
  contactName!: string | null;
  contactEmail!: string | null;
}
