import type { Database } from "../../prisma/database.ts";
import type { Viewer } from "../common/context.ts";
import { badInput, notFound } from "../common/errors.ts";
import { recordAudit } from "../common/audit.ts";
import { isModuleCode } from "../taxonomy/codes.ts";
import { TAXONOMY_VERSION } from "../taxonomy/taxonomy.ts";
import { recomputeEffective } from "./effective.ts";
import { OFFER_INCLUDE } from "../offer/offer.service.ts";
import type { ClassificationDecisionInput } from "./classification.type.ts";

/**
 * Analysts decide. A decision is stored as ANALYST rows and override columns that the
 * ingest store never writes, then the effective values are recomputed: the decision
 * wins over the machine now and after every re-ingest.
 */

const MAX_REASON = 2_000;

function codes(field: string, values: string[] | null | undefined): string[] {
  const list = (values ?? []).map((v) => v.trim().toUpperCase());
  const bad = list.find((c) => !isModuleCode(c));
  if (bad) throw badInput(field, `Unbekanntes Modul „${bad}“ (M01–M18, V01–V11).`);
  return [...new Set(list)];
}

export async function decideClassification(
  db: Database,
  viewer: Viewer & { id: string; name: string },
  input: ClassificationDecisionInput,
  now: Date,
) {
  const explicit = codes("addModules", input.addModules);
  const remove = codes("removeModules", input.removeModules);
  const both = explicit.find((c) => remove.includes(c));
  if (both) throw badInput("removeModules", `Modul ${both} kann nicht zugleich hinzugefügt und entfernt werden.`);
  if (input.reason && input.reason.length > MAX_REASON)
    throw badInput("reason", `Begründung länger als ${MAX_REASON} Zeichen.`);
  if (input.relevant !== null && input.relevant !== undefined && input.clearRelevant) {
    throw badInput("clearRelevant", "relevant und clearRelevant schließen sich aus.");
  }
  const before = await db.prisma.offer.findUnique({ where: { id: input.offerId }, include: OFFER_INCLUDE });
  if (!before) throw notFound("Angebot", input.offerId);
  // Accepting confirms the machine's modules as a decision, in the same step as any correction.
  const machine = input.accept ? machineModules(before).map((m) => m.moduleCode) : [];
  const add = [...new Set([...explicit, ...machine.filter((c) => !remove.includes(c))])];
  await db.transaction(async ({ sql }) => {
    for (const [list, removed] of [
      [add, false],
      [remove, true],
    ] as const) {
      for (const code of list) {
        await sql(
          `insert into "OfferModule" (id, "offerId", "moduleCode", source, confidence, evidence, removed, "taxonomyVersion", "decidedBy", reason, "createdAt")
           values (gen_random_uuid()::text, $1, $2, 'ANALYST', 1, '{}', $3, $4, $5, $6, $7)
           on conflict ("offerId", "moduleCode", source) do update
             set removed = excluded.removed, "decidedBy" = excluded."decidedBy", reason = excluded.reason, "createdAt" = excluded."createdAt"`,
          [input.offerId, code, removed, TAXONOMY_VERSION, viewer.name, input.reason ?? null, now],
        );
      }
    }
    const sets: string[] = [`"needsReview" = false`, `"reviewedAt" = $2`, `"reviewedBy" = $3`];
    const params: unknown[] = [input.offerId, now, viewer.name];
    if (input.clearRelevant) sets.push(`"relevantOverride" = null`);
    else if (input.relevant !== null && input.relevant !== undefined) {
      params.push(input.relevant);
      sets.push(`"relevantOverride" = $${params.length}`);
    }
    if (input.clearLearningFormat) sets.push(`"learningFormatOverride" = null`);
    else if (input.learningFormat) {
      params.push(input.learningFormat);
      sets.push(`"learningFormatOverride" = $${params.length}::"LearningFormatCode"`);
    }
    await sql(`update "Offer" set ${sets.join(", ")} where id = $1`, params);
    await recomputeEffective(sql, [input.offerId]);
    await sql(
      `update "Objection" set status = 'RESOLVED', "resolvedAt" = $2 where "offerId" = $1 and status = 'OPEN'`,
      [input.offerId, now],
    );
  });
  const after = await db.prisma.offer.findUniqueOrThrow({ where: { id: input.offerId }, include: OFFER_INCLUDE });
  await recordAudit(db, viewer, {
    action: "classification.decide",
    entityType: "Offer",
    entityId: input.offerId,
    before: { relevant: before.relevant, learningFormat: before.learningFormat, moduleCodes: before.moduleCodes },
    after: {
      relevant: after.relevant,
      learningFormat: after.learningFormat,
      moduleCodes: after.moduleCodes,
      ...(input.accept ? { accepted: true } : {}),
    },
    reason: input.reason ?? null,
  });
  return after;
}

/** The machine's own proposal: its assignment rows, with confidence and evidence, strongest first. */
export function machineModules<M extends { source: string; removed: boolean; confidence: number }>(offer: {
  modules: M[];
}): M[] {
  return offer.modules
    .filter((m) => m.source === "AUTOMATIC" && !m.removed)
    .sort((a, b) => b.confidence - a.confidence);
}

/** Audit events about these offers, newest first, grouped by offer (one query for a page). */
export async function offerHistories(db: Database, offerIds: readonly string[]) {
  const events = offerIds.length
    ? await db.prisma.auditEvent.findMany({
        where: { entityType: "Offer", entityId: { in: [...offerIds] } },
        orderBy: [{ at: "desc" }, { id: "desc" }],
      })
    : [];
  const json = (value: unknown): string | null =>
    value === null || value === undefined ? null : JSON.stringify(value);
  const byOffer = new Map<string, ReturnType<typeof toType>[]>();
  function toType(e: (typeof events)[number]) {
    return { ...e, before: json(e.before), after: json(e.after) };
  }
  for (const e of events) byOffer.set(e.entityId ?? "", [...(byOffer.get(e.entityId ?? "") ?? []), toType(e)]);
  return byOffer;
}

/** Offers with low confidence, conflicting signals or a provider's objection; newest first. */
export async function reviewQueue(db: Database, skip: number, take: number) {
  const where = {
    status: "ACTIVE" as const,
    duplicateOfId: null,
    OR: [{ needsReview: true }, { objections: { some: { status: "OPEN" as const } } }],
  };
  const [rows, totalCount] = await Promise.all([
    db.prisma.offer.findMany({
      where,
      include: { ...OFFER_INCLUDE, objections: { where: { status: "OPEN" } } },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip,
      take,
    }),
    db.prisma.offer.count({ where }),
  ]);
  const histories = await offerHistories(
    db,
    rows.map((r) => r.id),
  );
  return {
    totalCount,
    items: rows.map((row) => ({
      offer: row,
      reasons: [...row.reviewReasons, ...row.objections.map((o) => `Einspruch des Anbieters: ${o.message}`)],
      openObjections: row.objections.length,
      machineModules: machineModules(row),
      history: histories.get(row.id) ?? [],
    })),
  };
}
