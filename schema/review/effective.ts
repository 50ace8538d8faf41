import type { SqlRunner } from "../../prisma/database.ts";

/**
 * The effective classification: an analyst's removal hides a module whatever the
 * machine says; analyst and provider additions count; overrides of relevance and format
 * win over the automatic values; learning areas follow the modules.
 */
export async function recomputeEffective(sql: SqlRunner, offerIds: string[]): Promise<void> {
  // One statement: the module codes are computed once in `e` and feed the learning areas.
  await sql(
    `update "Offer" o set
       "moduleCodes" = e.codes,
       relevant = coalesce(o."relevantOverride", o."autoRelevant"),
       "learningFormat" = coalesce(o."learningFormatOverride", o."autoLearningFormat"),
       "learningAreas" = coalesce((
         select array_agg(distinct a order by a) from unnest(
           o."learningAreas" || coalesce((select array_agg(md."learningAreaCode") from "Module" md where md.code = any(e.codes)), '{}')
         ) a), '{}')
     from (
       select x.id, coalesce((
         select array_agg(distinct m."moduleCode" order by m."moduleCode") from "OfferModule" m
         where m."offerId" = x.id and not m.removed
           and not exists (select 1 from "OfferModule" r where r."offerId" = x.id and r."moduleCode" = m."moduleCode"
                           and r.source = 'ANALYST' and r.removed)), '{}') as codes
       from "Offer" x where x.id = any($1::text[])
     ) e
     where o.id = e.id`,
    [offerIds],
  );
}
