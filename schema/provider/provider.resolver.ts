import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.ts";
import { notFound } from "../common/errors.ts";
import { ProviderType } from "./provider.type.ts";
import { countCurrentOffers, findProvider, listProviders } from "./provider.service.ts";

@Resolver(() => ProviderType)
export class ProviderResolver {
  @Query(() => [ProviderType], { description: "Fortbildungsträger (öffentlich: die freigegebenen)." })
  providers(@Ctx() ctx: HubContext): Promise<ProviderType[]> {
    return listProviders(ctx.db, ctx.viewer);
  }

  @Query(() => ProviderType, { nullable: true })
  async provider(@Arg("id", () => ID) id: string, @Ctx() ctx: HubContext): Promise<ProviderType> {
    const provider = await findProvider(ctx.db, ctx.viewer, id);
    if (!provider) throw notFound("Anbieter", id);
    return provider;
  }

  @FieldResolver(() => Int, { description: "Aktuelle, relevante Angebote dieses Anbieters." })
  offerCount(@Root() provider: ProviderType, @Ctx() ctx: HubContext): Promise<number> {
    return countCurrentOffers(ctx.db, provider.id);
  }
}
