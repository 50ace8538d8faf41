import { Arg, Args, Ctx, ID, Query, Resolver } from "type-graphql";
import type { HubContext } from "../common/context.ts";
import { requireRole } from "../common/auth.ts";
import { decodeCursor, encodeCursor, pageSize } from "../common/pagination.ts";
import { offerHistories } from "../review/review.service.ts";
import { AuditEventArgs, AuditEventConnection, AuditEventType } from "./audit.type.ts";

const json = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));

/** The audit trail, newest first; administrators only (it names people and shows before/after). */
@Resolver()
export class AuditResolver {
  @Query(() => AuditEventConnection)
  async auditEvents(
    @Args(() => AuditEventArgs) args: AuditEventArgs,
    @Ctx() ctx: HubContext,
  ): Promise<AuditEventConnection> {
    requireRole(ctx.viewer, "ADMIN");
    const skip = decodeCursor(args.after);
    const take = pageSize(args.first);
    const where = {
      ...(args.entityType ? { entityType: args.entityType } : {}),
      ...(args.entityId ? { entityId: args.entityId } : {}),
    };
    const [rows, totalCount] = await Promise.all([
      ctx.db.prisma.auditEvent.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], skip, take }),
      ctx.db.prisma.auditEvent.count({ where }),
    ]);
    return {
      items: rows.map((r) => ({ ...r, before: json(r.before), after: json(r.after) })),
      totalCount,
      endCursor: rows.length ? encodeCursor(skip + rows.length - 1) : null,
      hasNextPage: skip + rows.length < totalCount,
    };
  }

  /** One offer's trail for the review: analysts see who decided what, when and why. */
  @Query(() => [AuditEventType], {
    description: "Verlauf eines Angebots: wer hat wann was entschieden und warum, neueste zuerst (Analyst*innen).",
  })
  async offerHistory(@Arg("offerId", () => ID) offerId: string, @Ctx() ctx: HubContext): Promise<AuditEventType[]> {
    requireRole(ctx.viewer, "ANALYST");
    return (await offerHistories(ctx.db, [offerId])).get(offerId) ?? [];
  }
}
