import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { HubContext } from "../common/context.ts";
import { requireRole } from "../common/auth.ts";
import { SourceUnreadableError, type PreviewResult } from "./port.types.ts";
import { FeedInput, FeedPreviewType, FeedType, TriggerResultType } from "./feed.type.ts";
import { validateFeedInput, requirePort } from "./feed.validate.ts";
import {
  deleteFeed,
  listFeeds,
  registerFeed,
  setPaused,
  toFeedType,
  triggerIngest,
  updateFeed,
} from "./feed.service.ts";
import { badInput } from "../common/errors.ts";

/** Feeds for providers (their own) and analysts (any, naming the provider). Thin: the service decides. */
@Resolver(() => FeedType)
export class FeedResolver {
  @Query(() => [FeedType], { description: "Die Feeds des Anbieters mit Zustand und den letzten 10 Läufen." })
  myFeeds(
    @Arg("providerId", () => ID, { nullable: true }) providerId: string | null,
    @Ctx() ctx: HubContext,
  ): Promise<FeedType[]> {
    return listFeeds(ctx.db, requireRole(ctx.viewer, "PROVIDER", "ANALYST"), providerId);
  }

  @Query(() => FeedPreviewType, {
    description: "Ruft einen Feed ab und zeigt, was der Hub daraus liest, ohne zu speichern.",
  })
  async previewFeed(@Arg("input", () => FeedInput) input: FeedInput, @Ctx() ctx: HubContext): Promise<FeedPreviewType> {
    requireRole(ctx.viewer, "PROVIDER", "ANALYST");
    const port = requirePort(ctx.ingest);
    const source = await validateFeedInput(input, port, { required: true });
    try {
      return (await port.preview({
        url: source.url,
        upload: source.upload,
        kind: source.kind,
        config: source.config ?? {},
      })) as PreviewResult;
    } catch (error) {
      // Fetch and format problems are the provider's to fix: say what went wrong, in German.
      if (error instanceof SourceUnreadableError)
        throw badInput(source.url ? "url" : "upload", `Der Feed konnte nicht gelesen werden: ${error.message}`);
      throw error;
    }
  }

  @Mutation(() => FeedType, { description: "Meldet einen Feed an (Anbieter für sich, Analyst*innen mit providerId)." })
  async registerFeed(
    @Arg("input", () => FeedInput) input: FeedInput,
    @Arg("providerId", () => ID, { nullable: true }) providerId: string | null,
    @Ctx() ctx: HubContext,
  ): Promise<FeedType> {
    const viewer = requireRole(ctx.viewer, "PROVIDER", "ANALYST");
    return toFeedType(await registerFeed(ctx.db, requirePort(ctx.ingest), viewer, input, providerId));
  }

  @Mutation(() => FeedType)
  async updateFeed(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => FeedInput) input: FeedInput,
    @Ctx() ctx: HubContext,
  ): Promise<FeedType> {
    const viewer = requireRole(ctx.viewer, "PROVIDER", "ANALYST");
    return toFeedType(await updateFeed(ctx.db, requirePort(ctx.ingest), viewer, id, input));
  }

  @Mutation(() => FeedType)
  async pauseFeed(@Arg("id", () => ID) id: string, @Ctx() ctx: HubContext): Promise<FeedType> {
    return toFeedType(await setPaused(ctx.db, requireRole(ctx.viewer, "PROVIDER", "ANALYST"), id, true));
  }

  @Mutation(() => FeedType)
  async resumeFeed(@Arg("id", () => ID) id: string, @Ctx() ctx: HubContext): Promise<FeedType> {
    return toFeedType(await setPaused(ctx.db, requireRole(ctx.viewer, "PROVIDER", "ANALYST"), id, false));
  }

  @Mutation(() => FeedType, {
    description: "Löscht einen Feed; seine Angebote werden zurückgezogen (aufbewahrt, nicht gelöscht).",
  })
  async deleteFeed(@Arg("id", () => ID) id: string, @Ctx() ctx: HubContext): Promise<FeedType> {
    return toFeedType(await deleteFeed(ctx.db, requireRole(ctx.viewer, "PROVIDER", "ANALYST"), id, ctx.now()));
  }

  @Mutation(() => TriggerResultType, { description: "Liest einen Feed sofort ein; höchstens alle 5 Minuten je Feed." })
  triggerIngest(@Arg("feedId", () => ID) feedId: string, @Ctx() ctx: HubContext): Promise<TriggerResultType> {
    const viewer = requireRole(ctx.viewer, "PROVIDER", "ANALYST");
    return triggerIngest(ctx.db, requirePort(ctx.ingest), viewer, feedId, ctx.now());
  }
}
