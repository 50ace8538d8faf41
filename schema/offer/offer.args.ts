import { ArgsType, Field } from "type-graphql";
import { PageArgs } from "../common/pagination.ts";
import { OfferFilter } from "./offer.input.ts";

@ArgsType()
export class OffersArgs extends PageArgs {
  @Field(() => OfferFilter, { nullable: true }) filter?: OfferFilter | null;
}
