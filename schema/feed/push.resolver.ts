import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { HubContext } from "../common/context.ts";
import { requireRole } from "../common/auth.ts";
import { requirePort } from "./feed.validate.ts";
import { ObjectionType, OfferPushInput, UpsertOffersResultType } from "./push.type.ts";
import { objectToClassification, upsertOffers } from "./push.service.ts";

/** Offers a provider sends itself, and its objections to their classification. */
@Resolver()
export class PushResolver {
  @Mutation(() => UpsertOffersResultType, {
    description: "Übermittelt bis zu 500 Angebote ohne eigenen Feed; sie werden wie eingelesene normalisiert.",
  })
  upsertOffers(
    @Arg("input", () => [OfferPushInput]) input: OfferPushInput[],
    @Arg("providerId", () => ID, { nullable: true }) providerId: string | null,
    @Ctx() ctx: HubContext,
  ): Promise<UpsertOffersResultType> {
    const viewer = requireRole(ctx.viewer, "PROVIDER", "ANALYST");
    return upsertOffers(ctx.db, requirePort(ctx.ingest), viewer, input, providerId);
  }

  @Mutation(() => ObjectionType, {
    description: "Einspruch gegen die Einordnung eines eigenen Angebots; landet in der Prüfliste.",
  })
  objectToClassification(
    @Arg("offerId", () => ID) offerId: string,
    @Arg("message", () => String) message: string,
    @Ctx() ctx: HubContext,
  ): Promise<ObjectionType> {
    return objectToClassification(ctx.db, requireRole(ctx.viewer, "PROVIDER"), offerId, message);
  }
}
