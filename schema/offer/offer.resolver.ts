import { Arg, Args, Ctx, FieldResolver, Float, ID, Query, Resolver, Root } from "type-graphql";
import type { HubContext } from "../common/context.ts";
import { notFound } from "../common/errors.ts";
import { decodeCursor, encodeCursor, pageSize } from "../common/pagination.ts";
import { ProviderType } from "../provider/provider.type.ts";
import { OffersArgs } from "./offer.args.ts";
import {
  CompletenessType,
  LocationType,
  ModuleAssignmentType,
  OfferConnection,
  OfferType,
  PriceType,
  ProvenanceType,
  SessionType,
} from "./offer.type.ts";
import { findOffer, findOffers, type OfferRow } from "./offer.service.ts";
import { sanitiseHtml } from "../common/sanitise.ts";

/** Thin resolvers: validation and queries live in offer.service.ts. */
@Resolver(() => OfferType)
export class OfferResolver {
  @Query(() => OfferConnection, { description: "Aktuelle Angebote, gefiltert und seitenweise (Relay-Connection)." })
  async offers(@Args(() => OffersArgs) args: OffersArgs, @Ctx() ctx: HubContext): Promise<OfferConnection> {
    const take = pageSize(args.first);
    const skip = decodeCursor(args.after);
    const { rows, totalCount } = await findOffers(ctx.db, args.filter, skip, take);
    const edges = rows.map((row, i) => ({ cursor: encodeCursor(skip + i), node: row as unknown as OfferType }));
    return {
      edges,
      totalCount,
      pageInfo: {
        hasNextPage: skip + rows.length < totalCount,
        hasPreviousPage: skip > 0,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }

  @Query(() => OfferType, { nullable: true })
  async offer(@Arg("id", () => ID) id: string, @Ctx() ctx: HubContext): Promise<OfferType> {
    const row = await findOffer(ctx.db, id);
    if (!row) throw notFound("Angebot", id);
    return row as unknown as OfferType;
  }

  /** Sanitised again on output: a row written past ingest must not carry script either. */
  @FieldResolver(() => String)
  descriptionHtml(@Root() offer: OfferRow): string {
    return offer.descriptionHtml ? sanitiseHtml(offer.descriptionHtml) : "";
  }

  @FieldResolver(() => ProviderType)
  provider(@Root() offer: OfferRow): ProviderType {
    return offer.provider;
  }

  @FieldResolver(() => [SessionType])
  sessions(@Root() offer: OfferRow): SessionType[] {
    return offer.sessions;
  }

  @FieldResolver(() => Float, { nullable: true })
  teachingUnits(@Root() offer: OfferRow): number | null {
    return offer.teachingUnits === null ? null : Number(offer.teachingUnits);
  }

  @FieldResolver(() => PriceType, { nullable: true })
  price(@Root() offer: OfferRow): PriceType | null {
    if (offer.priceAmount === null) return null;
    return { amount: Number(offer.priceAmount), currency: offer.priceCurrency ?? "EUR" };
  }

  @FieldResolver(() => LocationType, { nullable: true })
  location(@Root() offer: OfferRow): LocationType | null {
    if (!offer.locationName && !offer.postalCode && !offer.municipality && !offer.districtKey) return null;
    return {
      name: offer.locationName,
      street: offer.street,
      postalCode: offer.postalCode,
      municipality: offer.municipality,
      municipalityKey: offer.municipalityKey,
      districtKey: offer.districtKey,
      district: offer.district?.name ?? null,
      region: offer.district?.region.name ?? null,
      regionKey: offer.regionKey,
      latitude: offer.latitude,
      longitude: offer.longitude,
    };
  }

  @FieldResolver(() => [ModuleAssignmentType], { description: "Wirksame Modulzuordnungen, die stärksten zuerst." })
  modules(@Root() offer: OfferRow): ModuleAssignmentType[] {
    const effective = new Set(offer.moduleCodes);
    // One row per module: an analyst's or provider's row wins over the automatic one.
    const rank = { ANALYST: 0, PROVIDER: 1, AUTOMATIC: 2 } as const;
    const best = new Map<string, OfferRow["modules"][number]>();
    for (const row of offer.modules) {
      if (!effective.has(row.moduleCode)) continue;
      const current = best.get(row.moduleCode);
      if (!current || rank[row.source] < rank[current.source]) best.set(row.moduleCode, row);
    }
    return [...best.values()].sort((a, b) => b.confidence - a.confidence);
  }

  @FieldResolver(() => CompletenessType)
  completeness(@Root() offer: OfferRow): CompletenessType {
    const c = (offer.completeness ?? {}) as Partial<CompletenessType>;
    return {
      what: c.what ?? false,
      when: c.when ?? false,
      where: c.where ?? false,
      price: c.price ?? false,
      hours: c.hours ?? false,
      audience: c.audience ?? false,
      registration: c.registration ?? false,
      score: offer.completenessScore,
    };
  }

  @FieldResolver(() => ProvenanceType)
  provenance(@Root() offer: OfferRow): ProvenanceType {
    return {
      sourceUrl: offer.sourceUrl,
      fetchedAt: offer.fetchedAt,
      adapter: offer.adapter,
      adapterVersion: offer.adapterVersion,
    };
  }
}
