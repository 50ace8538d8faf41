import { Arg, Ctx, Query, Resolver } from "type-graphql";
import type { HubContext } from "../common/context.ts";
import { requireRole } from "../common/auth.ts";
import { providerFreshness, type FreshnessQuery } from "./freshness.service.ts";
import { FreshnessInput, ProviderFreshnessType } from "./freshness.type.ts";

@Resolver()
export class FreshnessResolver {
  @Query(() => [ProviderFreshnessType], {
    description:
      "Anbieter und Feeds: Angebote, Module, letzter Abruf, letzte Änderung, Fehlerquote, veraltete Angebote; markierte zuerst (Analyst*innen).",
  })
  async providerFreshness(
    @Arg("input", () => FreshnessInput, { nullable: true }) input: FreshnessInput | null,
    @Ctx() ctx: HubContext,
  ): Promise<ProviderFreshnessType[]> {
    requireRole(ctx.viewer, "ANALYST");
    const q: FreshnessQuery = {};
    if (input?.failingAfterHours !== null && input?.failingAfterHours !== undefined)
      q.failingAfterHours = input.failingAfterHours;
    if (input?.staleAfterDays !== null && input?.staleAfterDays !== undefined) q.staleAfterDays = input.staleAfterDays;
    if (input?.windowDays !== null && input?.windowDays !== undefined) q.windowDays = input.windowDays;
    return providerFreshness(ctx.db, q, ctx.now());
  }
}
