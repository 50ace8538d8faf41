import { Arg, Args, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { classifyOffer } from "../classification/classifier.ts";
import type { HubContext } from "../common/context.ts";
import { requireRole } from "../common/auth.ts";
import { badInput } from "../common/errors.ts";
import { PageArgs, decodeCursor, pageSize } from "../common/pagination.ts";
import { OfferType } from "../offer/offer.type.ts";
import {
  ClassificationDecisionInput,
  ClassificationType,
  ClassifyOfferInput,
  ReviewQueueType,
} from "./classification.type.ts";
import { decideClassification, reviewQueue } from "./review.service.ts";

const MAX_TITLE = 500;
const MAX_DESCRIPTION = 50_000;

@Resolver()
export class ReviewResolver {
  @Query(() => ClassificationType, { description: "Klassifiziert ein Angebot, ohne etwas zu speichern (öffentlich)." })
  classifyOffer(@Arg("input", () => ClassifyOfferInput) input: ClassifyOfferInput): ClassificationType {
    if (!input.title.trim()) throw badInput("input.title", "Titel fehlt.");
    if (input.title.length > MAX_TITLE) throw badInput("input.title", `Titel länger als ${MAX_TITLE} Zeichen.`);
    if ((input.description?.length ?? 0) > MAX_DESCRIPTION)
      throw badInput("input.description", `Beschreibung länger als ${MAX_DESCRIPTION} Zeichen.`);
    const result = classifyOffer({
      id: input.id ?? undefined,
      title: input.title,
      description: input.description ?? undefined,
      provider: input.provider ?? undefined,
      keywords: input.keywords ?? undefined,
      audience: input.audience ?? undefined,
      durationText: input.durationText ?? undefined,
      teachingUnits: input.teachingUnits ?? null,
    });
    return { id: input.id ?? null, ...result };
  }

  @Query(() => ReviewQueueType, {
    description:
      "Prüfliste: unsichere oder widersprüchliche Einordnungen und Einsprüche, neueste zuerst (Analyst*innen).",
  })
  async reviewQueue(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: HubContext): Promise<ReviewQueueType> {
    requireRole(ctx.viewer, "ANALYST");
    const queue = await reviewQueue(ctx.db, decodeCursor(args.after), pageSize(args.first));
    return queue as unknown as ReviewQueueType;
  }

  @Mutation(() => OfferType, {
    description: "Analyst*innen legen Module, Relevanz oder Lernformat eines Angebots fest.",
  })
  async decideClassification(
    @Arg("input", () => ClassificationDecisionInput) input: ClassificationDecisionInput,
    @Ctx() ctx: HubContext,
  ): Promise<OfferType> {
    const viewer = requireRole(ctx.viewer, "ANALYST");
    return (await decideClassification(ctx.db, viewer, input, ctx.now())) as unknown as OfferType;
  }
}
