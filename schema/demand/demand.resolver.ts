import { Arg, Ctx, Query, Resolver } from "type-graphql";
import type { HubContext } from "../common/context.ts";
import { requireRole } from "../common/auth.ts";
import { demandReport, type DemandQuery } from "./demand.service.ts";
import { DemandInput, DemandReportType } from "./demand.type.ts";

@Resolver()
export class DemandResolver {
  @Query(() => DemandReportType, {
    description: "Wonach gesucht wurde und was fehlte, je Modul und Kreis, neben dem Angebot (Analyst*innen).",
  })
  async demand(
    @Arg("input", () => DemandInput, { nullable: true }) input: DemandInput | null,
    @Ctx() ctx: HubContext,
  ): Promise<DemandReportType> {
    requireRole(ctx.viewer, "ANALYST");
    const q: DemandQuery = {};
    if (input?.from) q.from = input.from;
    if (input?.to) q.to = input.to;
    if (input?.level) q.level = input.level;
    return demandReport(ctx.db, q, ctx.now());
  }
}
