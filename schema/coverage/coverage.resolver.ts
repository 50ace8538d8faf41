import { Arg, Args, Ctx, Query, Resolver } from "type-graphql";
import type { HubContext } from "../common/context.ts";
import { requireRole } from "../common/auth.ts";
import { decodeCursor, encodeCursor, PageArgs, pageSize } from "../common/pagination.ts";
import { loadOffers } from "../matching/matching.service.ts";
import { OfferConnection, type OfferType } from "../offer/offer.type.ts";
import { CoverageInput, CoverageOffersInput } from "./coverage.input.ts";
import { computeCoverage, coverageOfferIds, type CoverageOffersQuery, type CoverageQuery } from "./coverage.service.ts";
import { CoverageType } from "./coverage.type.ts";

/** GraphQL's nulls become absent fields, the shape the service takes. */
export function coverageQueryOf(input: CoverageInput | null | undefined): CoverageQuery {
  if (!input) return {};
  const q: CoverageQuery = {};
  if (input.from) q.from = input.from;
  if (input.to) q.to = input.to;
  if (input.level) q.level = input.level;
  if (input.role) q.role = input.role;
  if (input.learningFormat) q.learningFormat = input.learningFormat;
  if (input.audience) q.audience = input.audience;
  if (input.tier) q.tier = input.tier;
  if (input.countOnlineInRegions !== null && input.countOnlineInRegions !== undefined)
    q.countOnlineInRegions = input.countOnlineInRegions;
  return q;
}

function coverageOffersQueryOf(input: CoverageOffersInput): CoverageOffersQuery {
  const q: CoverageOffersQuery = coverageQueryOf(input);
  if (input.moduleCode !== null && input.moduleCode !== undefined) q.moduleCode = input.moduleCode.trim().toUpperCase();
  if (input.regionKey !== null && input.regionKey !== undefined) q.regionKey = input.regionKey.trim();
  if (input.online !== null && input.online !== undefined) q.online = input.online;
  if (input.previous) q.previous = true;
  return q;
}

/** The analysts' coverage matrix; every number links back to its offers through coverageOffers. */
@Resolver()
export class CoverageResolver {
  @Query(() => CoverageType, {
    description:
      "Abdeckungsmatrix Module × Kreise/Regierungsbezirke mit Anbietern, Terminen, Lücken und Vorperiode (Analyst*innen).",
  })
  async coverage(
    @Arg("input", () => CoverageInput, { nullable: true }) input: CoverageInput | null,
    @Ctx() ctx: HubContext,
  ): Promise<CoverageType> {
    requireRole(ctx.viewer, "ANALYST");
    return computeCoverage(ctx.db, coverageQueryOf(input), ctx.now());
  }

  @Query(() => OfferConnection, {
    description: "Die Angebote hinter einer Zahl der Abdeckungsmatrix; totalCount ist diese Zahl (Analyst*innen).",
  })
  async coverageOffers(
    @Arg("input", () => CoverageOffersInput) input: CoverageOffersInput,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: HubContext,
  ): Promise<OfferConnection> {
    requireRole(ctx.viewer, "ANALYST");
    const take = pageSize(page.first);
    const skip = decodeCursor(page.after);
    const { total, ids } = await coverageOfferIds(ctx.db, coverageOffersQueryOf(input), ctx.now(), take, skip);
    const rows = await loadOffers(ctx.db, ids);
    const edges = rows.map((row, i) => ({ cursor: encodeCursor(skip + i), node: row as unknown as OfferType }));
    return {
      edges,
      totalCount: total,
      pageInfo: {
        hasNextPage: skip + rows.length < total,
        hasPreviousPage: skip > 0,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }
}
