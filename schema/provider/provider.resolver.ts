import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.ts";
import { isStaff } from "../common/context.ts";
import { requireRole } from "../common/auth.ts";
import { hubError, notFound } from "../common/errors.ts";
import { ProviderType } from "./provider.type.ts";
import {
  IssuedTokenType,
  ProviderApprovalType,
  RegisterProviderInput,
  UpdateMyProviderInput,
} from "./provider.input.ts";
import { countCurrentOffers, findProvider, listProviders } from "./provider.service.ts";
import {
  decideProvider,
  registerProvider,
  revokeTokenByPrefix,
  rotateProviderToken,
  updateMyProvider,
} from "./provider-access.service.ts";

const mayContact = (ctx: HubContext, provider: ProviderType): boolean =>
  isStaff(ctx.viewer) || (ctx.viewer.role === "PROVIDER" && ctx.viewer.providerId === provider.id);

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

  @Query(() => ProviderType, { description: "Der eigene Anbieter-Datensatz (Anbieter-Token)." })
  async myProvider(@Ctx() ctx: HubContext): Promise<ProviderType> {
    const viewer = providerViewer(ctx);
    const provider = await ctx.db.prisma.provider.findUnique({ where: { id: viewer.providerId } });
    if (!provider) throw notFound("Anbieter", viewer.providerId);
    return provider;
  }

  @FieldResolver(() => Int, { description: "Aktuelle, relevante Angebote dieses Anbieters." })
  offerCount(@Root() provider: ProviderType, @Ctx() ctx: HubContext): Promise<number> {
    return countCurrentOffers(ctx.db, provider.id);
  }

  @FieldResolver(() => String, { nullable: true, description: "Nur für Analyst*innen und den Anbieter selbst." })
  contactName(@Root() provider: ProviderType, @Ctx() ctx: HubContext): string | null {
    return mayContact(ctx, provider) ? provider.contactName : null;
  }

  @FieldResolver(() => String, { nullable: true, description: "Nur für Analyst*innen und den Anbieter selbst." })
  contactEmail(@Root() provider: ProviderType, @Ctx() ctx: HubContext): string | null {
    return mayContact(ctx, provider) ? provider.contactEmail : null;
  }

  @Mutation(() => ProviderType, {
    description: "Öffentlich: ein Träger meldet sich an; die Freigabe erfolgt durch Analyst*innen.",
  })
  registerProvider(
    @Arg("input", () => RegisterProviderInput) input: RegisterProviderInput,
    @Ctx() ctx: HubContext,
  ): Promise<ProviderType> {
    return registerProvider(ctx.db, ctx.viewer, input);
  }

  @Mutation(() => ProviderApprovalType, {
    description: "Analyst*innen geben einen Anbieter frei (mit neuem Token) oder lehnen ab.",
  })
  decideProvider(
    @Arg("id", () => ID) id: string,
    @Arg("approve", () => Boolean) approve: boolean,
    @Arg("reason", () => String, { nullable: true }) reason: string | null,
    @Ctx() ctx: HubContext,
  ): Promise<ProviderApprovalType> {
    const viewer = requireRole(ctx.viewer, "ANALYST");
    return decideProvider(ctx.db, viewer, id, approve, reason, ctx.now());
  }

  @Mutation(() => IssuedTokenType, {
    description: "Widerruft die Tokens des Anbieters und gibt ein neues aus (Analyst*innen oder der Anbieter selbst).",
  })
  rotateProviderToken(
    @Arg("providerId", () => ID) providerId: string,
    @Ctx() ctx: HubContext,
  ): Promise<IssuedTokenType> {
    const viewer = requireRole(ctx.viewer, "ANALYST", "PROVIDER");
    return rotateProviderToken(ctx.db, viewer, providerId, ctx.now());
  }

  @Mutation(() => Boolean, { description: "Widerruft ein Token anhand seines Präfixes (Administration)." })
  revokeToken(@Arg("prefix", () => String) prefix: string, @Ctx() ctx: HubContext): Promise<boolean> {
    const viewer = requireRole(ctx.viewer, "ADMIN");
    return revokeTokenByPrefix(ctx.db, viewer, prefix, ctx.now());
  }

  @Mutation(() => ProviderType, { description: "Der Anbieter ändert seine eigenen Angaben." })
  updateMyProvider(
    @Arg("input", () => UpdateMyProviderInput) input: UpdateMyProviderInput,
    @Ctx() ctx: HubContext,
  ): Promise<ProviderType> {
    return updateMyProvider(ctx.db, providerViewer(ctx), input);
  }
}

/** Own-record operations need a provider token; staff act on providers through other mutations. */
function providerViewer(ctx: HubContext): Extract<HubContext["viewer"], { role: "PROVIDER" }> {
  const viewer = requireRole(ctx.viewer, "PROVIDER");
  if (viewer.role !== "PROVIDER") throw hubError("FORBIDDEN", "Nur mit einem Anbieter-Token möglich.");
  return viewer;
}
