import { Arg, Args, Ctx, Query, Resolver } from "type-graphql";
import type { HubContext } from "../common/context.ts";
import { decodeCursor, encodeCursor, pageSize, PageArgs } from "../common/pagination.ts";
import type { OfferType } from "../offer/offer.type.ts";
import { LearningPathInput, MatchProfile } from "./matching.input.ts";
import { learningPath, matchFacets, matchOffers, type PathResult } from "./matching.service.ts";
import { LearningPathType, MatchConnection, MatchFacets } from "./matching.type.ts";

const asPathType = (p: PathResult): LearningPathType => ({
  ...p,
  offers: p.offers as unknown as OfferType[],
  alternatives: p.alternatives.map(asPathType),
});

/** Thin resolvers: validation, SQL and ranking live in matching.service.ts and beside it. */
@Resolver()
export class MatchingResolver {
  @Query(() => MatchConnection, {
    description: "Passende aktuelle Angebote für ein Profil, nach gewichteter Passung geordnet.",
  })
  async matchOffers(
    @Arg("profile", () => MatchProfile, { nullable: true }) profile: MatchProfile | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: HubContext,
  ): Promise<MatchConnection> {
    const take = pageSize(page.first);
    const skip = decodeCursor(page.after);
    const { items, totalCount } = await matchOffers(ctx.db, profile, ctx.now(), skip, take);
    ctx.demand?.search(profile, totalCount);
    const edges = items.map((item, i) => ({
      cursor: encodeCursor(skip + i),
      node: {
        offer: item.offer as unknown as OfferType,
        score: item.score,
        reasons: item.reasons,
        distanceKm: item.distanceKm,
      },
    }));
    return {
      edges,
      totalCount,
      pageInfo: {
        hasNextPage: skip + items.length < totalCount,
        hasPreviousPage: skip > 0,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }

  @Query(() => MatchFacets, {
    description: "Anzahlen je Lernbereich, Modul, Kreis, Lernformat, Monat und Preisband für ein Profil.",
  })
  async matchFacets(
    @Arg("profile", () => MatchProfile, { nullable: true }) profile: MatchProfile | null,
    @Ctx() ctx: HubContext,
  ): Promise<MatchFacets> {
    return matchFacets(ctx.db, profile, ctx.now());
  }

  @Query(() => LearningPathType, {
    description: "Ein Weg durch die noch offenen Basismodule eines Aufgabenfelds, mit Alternativen.",
  })
  async learningPath(
    @Arg("input", () => LearningPathInput) input: LearningPathInput,
    @Ctx() ctx: HubContext,
  ): Promise<LearningPathType> {
    const path = await learningPath(ctx.db, input, ctx.now());
    ctx.demand?.uncoveredPath(
      input,
      path.uncoveredModules.map((m) => m.code),
    );
    return asPathType(path);
  }
}
