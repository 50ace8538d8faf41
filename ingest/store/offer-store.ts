import { randomUUID } from "node:crypto";
import type { Database, SqlRunner } from "../../prisma/database.ts";
import type { ProcessedOffer } from "../pipeline/extract.ts";
import { OFFER_COLUMNS, offerValues, rejectionReason } from "./offer-rows.ts";
import { TAXONOMY_VERSION } from "../../schema/taxonomy/taxonomy.ts";
import { recomputeEffective } from "../../schema/review/effective.ts";

export { recomputeEffective };

/**
 * The only place ingest writes offers. One call applies one feed's result in one
 * transaction: a crash in the middle leaves the previous state as it was.
 *
 * - upsert keyed by (feed, sourceKey), idempotent; unchanged items (same content hash)
 *   are skipped;
 * - a complete snapshot withdraws the offers it no longer lists (kept, with the date),
 *   and an offer that reappears is active again; a delta withdraws what it names;
 * - automatic module rows are replaced, analyst and provider rows are never touched, and
 *   the effective values are recomputed so an analyst's decision survives every run;
 * - the same offer published on two feeds is linked to the oldest copy.
 *
 * Writes are batched statements with the rows as one JSON parameter: per-row ORM upserts
 * are an order of magnitude too slow for the ingest benchmark.
 */

export interface StoreInput {
  feedId: string;
  providerId: string;
  offers: ProcessedOffer[];
  complete: boolean;
  deletedKeys: string[];
  now: Date;
  /** Items the extractor found unchanged by their draft hash: counted unchanged, still listed. */
  unchangedKeys?: string[];
  /** Of those, the ones whose detail page was read again (their detailReadAt moves to now). */
  detailReadKeys?: string[];
}

export interface StoreOutcome {
  fetched: number;
  created: number;
  changed: number;
  unchanged: number;
  withdrawn: number;
  rejected: number;
  rejections: { sourceKey: string; reason: string }[];
  /** Set when a snapshot was empty and therefore withdrew nothing (German). */
  notice?: string;
}

const BATCH = 200;

export async function storeOffers(db: Database, input: StoreInput): Promise<StoreOutcome> {
  const outcome: StoreOutcome = {
    fetched: input.offers.length + (input.unchangedKeys?.length ?? 0),
    created: 0,
    changed: 0,
    unchanged: 0,
    withdrawn: 0,
    rejected: 0,
    rejections: [],
  };
  const accepted = new Map<string, ProcessedOffer>();
  for (const offer of input.offers) {
    const reason = accepted.has(offer.sourceKey)
      ? "Schlüssel kommt im Feed doppelt vor; der erste Eintrag gilt."
      : rejectionReason(offer);
    if (reason) outcome.rejections.push({ sourceKey: offer.sourceKey || "(ohne Schlüssel)", reason });
    else accepted.set(offer.sourceKey, offer);
  }
  outcome.rejected = outcome.rejections.length;

  await db.transaction(async ({ sql }) => {
    const existing = await sql<{
      id: string;
      sourceKey: string;
      contentHash: string;
      draftHash: string | null;
      status: string;
    }>(`select id, "sourceKey", "contentHash", "draftHash", status from "Offer" where "feedId" = $1 for update`, [
      input.feedId,
    ]);
    const byKey = new Map(existing.map((row) => [row.sourceKey, row]));
    const toWrite: ProcessedOffer[] = [];
    const created = new Set<string>();
    // Same content read from a different draft: only the draft hash (and detail read) moves.
    const hashOnly: ProcessedOffer[] = [];
    for (const offer of accepted.values()) {
      const row = byKey.get(offer.sourceKey);
      if (!row) {
        outcome.created++;
        created.add(offer.sourceKey);
      } else if (row.contentHash === offer.contentHash && row.status === "ACTIVE") {
        outcome.unchanged++;
        if ((offer.draftHash ?? null) !== row.draftHash || offer.detailReadAt) hashOnly.push(offer);
        continue;
      } else outcome.changed++;
      toWrite.push(offer);
    }
    const unchangedKeys = (input.unchangedKeys ?? []).filter((key) => byKey.get(key)?.status === "ACTIVE");
    outcome.unchanged += unchangedKeys.length;
    await touchDrafts(sql, input, hashOnly);

    const touched: string[] = [];
    // The gazetteer may know districts the database was not seeded with (a partial seed):
    // such an offer keeps its place but no district, instead of failing the whole feed.
    const districts = toWrite.length
      ? new Set((await sql<{ key: string }>(`select key from "District"`)).map((r) => r.key))
      : new Set<string>();
    // A new offer has only automatic module rows and no overrides: its effective values
    // follow from the classification alone and are written with the row (see `effective`).
    const moduleAreas = created.size
      ? new Map(
          (await sql<{ code: string; area: string }>(`select code, "learningAreaCode" as area from "Module"`)).map(
            (r) => [r.code, r.area],
          ),
        )
      : new Map<string, string>();
    const recompute: string[] = [];
    for (let i = 0; i < toWrite.length; i += BATCH) {
      const batch = toWrite.slice(i, i + BATCH);
      const ids = await upsertOffers(sql, input, batch, districts, moduleAreas, created);
      touched.push(...ids.map((r) => r.id));
      // Effective values written with the row hold only for a row that really was new.
      recompute.push(...ids.filter((r) => !(r.inserted && created.has(r.sourceKey))).map((r) => r.id));
      await replaceSessionsAndModules(sql, batch, ids, created);
    }

    // Withdrawals. An empty snapshot withdraws nothing: a page that lost its list is far
    // more common than a provider with no offers left (who pauses or deletes the feed).
    let withdrawKeys: string[] | null = null;
    if (input.complete && accepted.size === 0 && !unchangedKeys.length && existing.some((r) => r.status === "ACTIVE")) {
      outcome.notice = "Der Feed enthielt keine Angebote; es wurde nichts zurückgezogen. Bitte den Feed prüfen.";
    } else if (input.complete) {
      // A rejected item is still listed by the provider: its last good version stays.
      const listed = new Set([...input.offers.map((o) => o.sourceKey), ...unchangedKeys]);
      withdrawKeys = existing.filter((r) => r.status === "ACTIVE" && !listed.has(r.sourceKey)).map((r) => r.sourceKey);
    } else if (input.deletedKeys.length) {
      withdrawKeys = input.deletedKeys;
    }
    if (withdrawKeys?.length) {
      const rows = await sql<{ id: string }>(
        `update "Offer" set status = 'WITHDRAWN', "withdrawnAt" = $3, "duplicateOfId" = null, "updatedAt" = $3
         where "feedId" = $1 and status = 'ACTIVE' and "sourceKey" = any($2::text[]) returning id`,
        [input.feedId, withdrawKeys, input.now],
      );
      outcome.withdrawn = rows.length;
      touched.push(...rows.map((r) => r.id));
      recompute.push(...rows.map((r) => r.id));
    }
    if (recompute.length) await recomputeEffective(sql, recompute);
    if (touched.length) await linkDuplicates(sql, touched);
  });
  return outcome;
}

/**
 * One statement for the items whose stored row stays as it is but whose draft hash or
 * detail-page date moves: content-equal offers read from a changed draft, and unchanged
 * items whose detail page was read again.
 */
async function touchDrafts(sql: SqlRunner, input: StoreInput, offers: readonly ProcessedOffer[]): Promise<void> {
  const keys = [...offers.map((o) => o.sourceKey), ...(input.detailReadKeys ?? [])];
  if (!keys.length) return;
  const hashes = [...offers.map((o) => o.draftHash ?? null), ...(input.detailReadKeys ?? []).map(() => null)];
  const read = [
    ...offers.map((o) => (o.detailReadAt ? o.detailReadAt.toISOString() : null)),
    ...(input.detailReadKeys ?? []).map(() => input.now.toISOString()),
  ];
  await sql(
    `update "Offer" o set "draftHash" = coalesce(v.h, o."draftHash"),
       "detailReadAt" = coalesce(v.d::timestamptz at time zone 'UTC', o."detailReadAt")
     from unnest($2::text[], $3::text[], $4::text[]) as v(k, h, d)
     where o."feedId" = $1 and o."sourceKey" = v.k`,
    [input.feedId, keys, hashes, read],
  );
}

/**
 * Rows travel as one JSON parameter expanded by `jsonb_populate_recordset`: one bind
 * value per statement instead of one per cell, which the server parses far faster than
 * thousands of typed parameters. Dates go as ISO strings (UTC), jsonb columns as
 * objects, array columns as JSON arrays.
 */
const jsonRow = (row: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));

/**
 * What `recomputeEffective` would compute for an offer with only automatic, unremoved
 * module rows and no overrides (codes are ASCII, so JS order equals SQL order).
 */
function effective(offer: ProcessedOffer, moduleAreas: ReadonlyMap<string, string>) {
  const c = offer.classification;
  const moduleCodes = [...new Set(c.modules.map((m) => m.code))].sort();
  const areas = moduleCodes.flatMap((code) => moduleAreas.get(code) ?? []);
  return {
    moduleCodes,
    relevant: c.relevant,
    learningFormat: c.learningFormat,
    learningAreas: [...new Set([...c.learningAreas, ...areas])].sort(),
  };
}

/** Written on insert only; "learningAreas" is an automatic column too (see below). */
const EFFECTIVE_COLUMNS = ["moduleCodes", "relevant", "learningFormat"];

async function upsertOffers(
  sql: SqlRunner,
  input: StoreInput,
  batch: ProcessedOffer[],
  districts: ReadonlySet<string>,
  moduleAreas: ReadonlyMap<string, string>,
  created: ReadonlySet<string>,
) {
  const columns = [
    "id",
    "feedId",
    "providerId",
    "sourceKey",
    "status",
    "withdrawnAt",
    ...OFFER_COLUMNS.map(([c]) => c),
    "updatedAt",
    ...EFFECTIVE_COLUMNS,
  ];
  const rows = batch.map((offer) => {
    const values: Record<string, unknown> = offerValues(offer);
    if (typeof values.districtKey === "string" && !districts.has(values.districtKey)) values.districtKey = null;
    // jsonb columns go as JSON values, not as their text.
    values.completeness = offer.completeness;
    values.raw = offer.raw;
    return jsonRow({
      id: randomUUID(),
      feedId: input.feedId,
      providerId: input.providerId,
      sourceKey: offer.sourceKey,
      status: "ACTIVE",
      withdrawnAt: null,
      ...values,
      updatedAt: input.now,
      // Used when the row is new; an existing offer is recomputed after the upsert, from
      // the classification's own learning areas.
      ...(created.has(offer.sourceKey)
        ? effective(offer, moduleAreas)
        : { ...effective(offer, moduleAreas), learningAreas: values.learningAreas }),
    });
  });
  const quoted = columns.map((c) => `"${c}"`);
  const updates = columns
    .filter((c) => !["id", "feedId", "providerId", "sourceKey", ...EFFECTIVE_COLUMNS].includes(c))
    .map((c) => `"${c}" = excluded."${c}"`);
  return sql<{ id: string; sourceKey: string; inserted: boolean }>(
    `insert into "Offer" (${quoted.join(", ")})
     select ${quoted.join(", ")} from jsonb_populate_recordset(null::"Offer", $1::jsonb)
     on conflict ("feedId", "sourceKey") do update set ${updates.join(", ")}
     returning id, "sourceKey", (xmax = 0) as inserted`,
    [JSON.stringify(rows)],
  );
}

async function replaceSessionsAndModules(
  sql: SqlRunner,
  batch: ProcessedOffer[],
  ids: { id: string; sourceKey: string }[],
  created: ReadonlySet<string>,
) {
  const idOf = new Map(ids.map((r) => [r.sourceKey, r.id]));
  // A newly created offer has no sessions or module rows yet: nothing to delete.
  const oldIds = ids.filter((r) => !created.has(r.sourceKey)).map((r) => r.id);
  if (oldIds.length) {
    await sql(`delete from "Session" where "offerId" = any($1::text[])`, [oldIds]);
    await sql(`delete from "OfferModule" where "offerId" = any($1::text[]) and source = 'AUTOMATIC'`, [oldIds]);
  }

  const sessionRows: Record<string, unknown>[] = [];
  const moduleRows: Record<string, unknown>[] = [];
  for (const offer of batch) {
    const offerId = idOf.get(offer.sourceKey);
    if (!offerId) continue;
    for (const s of offer.sessions)
      sessionRows.push({
        id: randomUUID(),
        offerId,
        start: new Date(s.start).toISOString(),
        end: s.end ? new Date(s.end).toISOString() : null,
        allDay: s.allDay,
      });
    for (const m of offer.classification.modules) {
      moduleRows.push({
        id: randomUUID(),
        offerId,
        moduleCode: m.code,
        source: "AUTOMATIC",
        confidence: m.confidence,
        evidence: m.evidence,
        taxonomyVersion: TAXONOMY_VERSION,
        knowledgeVersion: offer.classification.knowledgeVersion,
      });
    }
  }
  await insertRows(sql, "Session", ["id", "offerId", "start", "end", "allDay"], sessionRows);
  await insertRows(
    sql,
    "OfferModule",
    ["id", "offerId", "moduleCode", "source", "confidence", "evidence", "taxonomyVersion", "knowledgeVersion"],
    moduleRows,
  );
}

async function insertRows(sql: SqlRunner, table: string, columns: string[], rows: Record<string, unknown>[]) {
  if (!rows.length) return;
  const quoted = columns.map((c) => `"${c}"`).join(", ");
  await sql(
    `insert into "${table}" (${quoted}) select ${quoted} from jsonb_populate_recordset(null::"${table}", $1::jsonb)`,
    [JSON.stringify(rows)],
  );
}

/**
 * Links every active offer sharing a dedup key with a touched one to the oldest copy.
 * The groups looked at are the touched offers' new keys and the keys of offers that
 * pointed at a touched one: a canonical copy whose date or title changed leaves its
 * old group, and its former duplicates must be freed (or re-linked) rather than stay
 * hidden behind an offer they no longer match. A touched offer in no group (withdrawn,
 * no key) is nobody's duplicate.
 */
async function linkDuplicates(sql: SqlRunner, offerIds: string[]): Promise<void> {
  await sql(
    `with affected as (
       select id, "dedupKey" from "Offer" where id = any($1::text[])
       union
       select id, "dedupKey" from "Offer" where "duplicateOfId" = any($1::text[])
     ), keys as (
       select distinct "dedupKey" as k from affected where "dedupKey" is not null
     ), ranked as (
       select o.id, first_value(o.id) over (partition by o."dedupKey" order by o."createdAt", o.id) as canon
       from "Offer" o join keys on o."dedupKey" = keys.k where o.status = 'ACTIVE'
     ), wanted as (
       select r.id, nullif(r.canon, r.id) as dup from ranked r
       union all
       select a.id, null from affected a where not exists (select 1 from ranked r where r.id = a.id)
     )
     update "Offer" o set "duplicateOfId" = w.dup
     from wanted w where o.id = w.id and o."duplicateOfId" is distinct from w.dup`,
    [offerIds],
  );
}
