/**
 * A deterministic synthetic CATALOGUE written straight into the database (not through
 * feeds): the matching benchmark needs 10⁵–10⁶ classified offers in minutes, which the
 * ingest pipeline cannot deliver. Rows look like ingested ones: German titles and
 * descriptions (with the near-universal words "Weiterbildung" and "Seminar", frequent and
 * rare words), places across all 44 districts with coordinates, dates over the next 18
 * months with sessions, prices, modules/areas/roles/format/audiences filled consistently.
 * PostgreSQL loads with COPY (pg-copy-streams), PGlite with batched inserts.
 */
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Database } from "../../prisma/database.ts";
import { AUDIENCES, MODULES, TAXONOMY_VERSION } from "../../schema/taxonomy/taxonomy.ts";
import { createRng, hashSeed, type Rng } from "../demo/prng.ts";

export type SynthPlace = {
  municipalityKey: string;
  municipality: string;
  districtKey: string;
  regionKey: string;
  latitude: number;
  longitude: number;
};

export interface CatalogueOptions {
  offers: number;
  seed?: string;
  /** Dates run from a month before to 18 months after this instant. */
  baseDate: Date;
}

/** Words whose frequency the benchmark's query classes rely on (see `WORD_SHARES`). */
export const RARE_WORDS = [
  "Erbbaurecht",
  "Klimaanpassungsquartier",
  "Generationenwohnen",
  "Nachbarschaftsauto",
  "Dorfladenkonzept",
  "Repaircafé",
  "Tauschbörse",
  "Quartiersgarten",
  "Sozialkaufhaus",
  "Mitfahrbank",
  "Trinkbrunnen",
  "Begegnungsbank",
  "Hofladen",
  "Bücherschrank",
  "Lastenrad",
  "Wärmeinsel",
] as const;
/** Approximate share of offers containing each word (checked in the test). */
export const WORD_SHARES = { Weiterbildung: 0.92, Seminar: 0.7, Beteiligung: 0.2, Erbbaurecht: 0.0025 } as const;

const PROVIDERS = 200;
const DAY_MS = 86_400_000;
const BASIS = MODULES.filter((m) => m.format === "BASIS");
const VERTIEFUNG = MODULES.filter((m) => m.format === "VERTIEFUNG");
const FORMAT_OPENERS = ["Seminar", "Workshop", "Fachtag", "Kurs", "Werkstatt", "Online-Seminar", "Lehrgang"] as const;
const CLOSERS = [
  "für Quartiersakteure",
  "in der Praxis",
  "kompakt",
  "mit Fallbeispielen",
  "für Kommunen",
  "im ländlichen Raum",
  "in der Stadt",
  "für Einsteigende",
] as const;
const PROVIDER_WORDS = ["Akademie", "Bildungswerk", "Institut", "Volkshochschule", "Forum", "Netzwerk"] as const;
const PROVIDER_PLACES = ["Neckar", "Schwarzwald", "Alb", "Bodensee", "Kraichgau", "Hohenlohe", "Oberschwaben"] as const;
const VENUES = ["Bürgerhaus", "Rathaus, Sitzungssaal", "Gemeindezentrum", "Stadtteiltreff", "Tagungshaus"] as const;
const KINDS = ["SEMINAR", "SEMINAR", "SEMINAR", "MODULE_SERIES", "CERTIFICATE_COURSE", "NETWORK_MEETING", "CONFERENCE"];

export interface CatalogueRow {
  offer: Record<(typeof OFFER_COLUMNS)[number], CopyValue>;
  sessions: [start: Date, end: Date][];
  modules: string[];
}
type CopyValue = string | number | boolean | Date | string[] | null;

export const OFFER_COLUMNS = [
  "id",
  "feedId",
  "providerId",
  "sourceKey",
  "status",
  "title",
  "url",
  "descriptionHtml",
  "description",
  "online",
  "hybrid",
  "free",
  "priceAmount",
  "priceCurrency",
  "teachingUnits",
  "audiences",
  "kind",
  "funding",
  "keywords",
  "organizer",
  "locationName",
  "street",
  "postalCode",
  "municipality",
  "municipalityKey",
  "districtKey",
  "regionKey",
  "latitude",
  "longitude",
  "firstStart",
  "lastEnd",
  "autoRelevant",
  "relevanceScore",
  "autoLearningFormat",
  "relevant",
  "learningFormat",
  "roles",
  "learningAreas",
  "moduleCodes",
  "completenessScore",
  "contentHash",
  "sourceUrl",
  "fetchedAt",
  "adapter",
  "adapterVersion",
  "createdAt",
  "updatedAt",
] as const;

/** A UUID-shaped id that depends only on the seed and the index: reruns give the same ids. */
function synthId(seed: number, kind: number, n: number): string {
  const h = createHash("sha1").update(`${seed}:${kind}:${n}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const providerId = (seed: number, p: number): string => synthId(seed, 1, p);
export const feedId = (seed: number, p: number): string => synthId(seed, 2, p);

function pickSome<T>(rng: Rng, items: readonly T[], count: number): T[] {
  const chosen = new Set<T>();
  while (chosen.size < Math.min(count, items.length)) chosen.add(rng.pick(items));
  return [...chosen];
}

/** Modules, areas, roles and format of one offer, consistent with the curriculum table. */
function classification(rng: Rng) {
  if (!rng.chance(0.9)) return { relevant: false, format: null, modules: [] as string[], areas: [], roles: [] };
  const r = rng.next();
  const format = r < 0.2 ? "EINFUEHRUNG" : r < 0.75 ? "BASIS" : "VERTIEFUNG";
  const picked =
    format === "BASIS" ? pickSome(rng, BASIS, rng.int(1, 3)) : format === "VERTIEFUNG" ? [rng.pick(VERTIEFUNG)] : [];
  const modules = picked.map((m) => m.code as string).sort();
  const areas = [...new Set(picked.map((m) => m.learningArea as string))].sort();
  const roles = picked.length
    ? [...new Set(picked.flatMap((m) => m.roles as readonly string[]))].sort()
    : ["KOORDINATION", "STEUERUNG"];
  return { relevant: true, format, modules, areas, roles, titles: picked.map((m) => m.title) };
}

/** The catalogue's rows, one offer at a time (a generator: 10⁶ offers never sit in memory). */
export function* catalogueRows(options: CatalogueOptions, places: readonly SynthPlace[]): Generator<CatalogueRow> {
  const seed = hashSeed(options.seed ?? "katalog");
  const rng = createRng(seed);
  const byDistrict = new Map<string, SynthPlace[]>();
  for (const p of places) byDistrict.set(p.districtKey, [...(byDistrict.get(p.districtKey) ?? []), p]);
  const districts = [...byDistrict.keys()].sort();
  const base = options.baseDate.getTime();
  const fetchedAt = new Date(base - DAY_MS);
  for (let i = 0; i < options.offers; i++) {
    const p = i % PROVIDERS;
    const c = classification(rng);
    const online = rng.chance(0.15);
    const hybrid = !online && rng.chance(0.08);
    // Round-robin over districts, so every district appears from 44 offers on.
    const district = districts[i % districts.length];
    const place = online || !district ? null : rng.pick(byDistrict.get(district) ?? places);
    const topic = c.titles?.[0] ?? rng.pick(["Nachbarschaft stärken", "Ehrenamt im Verein", "Gesund älter werden"]);
    const opener = online ? "Online-Seminar" : rng.pick(FORMAT_OPENERS);
    const rare = rng.chance(0.04) ? rng.pick(RARE_WORDS) : null;
    const title = `${opener}: ${topic}${rare ? ` – ${rare}` : ""} ${rng.pick(CLOSERS)}`;
    const sentences = [
      rng.chance(0.92) ? `Die Weiterbildung vermittelt Grundlagen und Praxis zu „${topic}“.` : `Es geht um „${topic}“.`,
      rng.chance(0.6) ? "Das Seminar verbindet kurze Inputs mit Gruppenarbeit und kollegialer Beratung." : "",
      rng.chance(0.2) ? "Ein Schwerpunkt liegt auf der Beteiligung von Bewohnerinnen und Bewohnern." : "",
      ...(c.titles ?? []).slice(1).map((t) => `Außerdem: ${t}.`),
      rare ? `Praxisbeispiel: ${rare} in einer Gemeinde in Baden-Württemberg.` : "",
      place
        ? `Veranstaltungsort ist ${place.municipality}.`
        : "Die Teilnahme ist ortsunabhängig per Videokonferenz möglich.",
    ].filter(Boolean);
    const description = sentences.join(" ");
    // Dates: from a month ago to 18 months ahead; some offers without a date.
    const dated = rng.chance(0.97);
    const startDay = rng.int(-30, 547);
    const startHour = rng.int(7, 16);
    const meetings = rng.chance(0.7) ? 1 : rng.int(2, 4);
    const hours = rng.int(2, 8);
    const sessions: [Date, Date][] = [];
    if (dated)
      for (let m = 0; m < meetings; m++) {
        const start = new Date(base - (base % DAY_MS) + (startDay + 7 * m) * DAY_MS + startHour * 3_600_000);
        sessions.push([start, new Date(start.getTime() + hours * 3_600_000)]);
      }
    const free = rng.chance(0.25);
    const price = free || rng.chance(0.12) ? null : 5 * rng.int(4, 180);
    const units = rng.chance(0.6) ? rng.int(1, 12) * 4 : null;
    const sourceKey = `katalog-${i}`;
    const now = options.baseDate;
    const offer: CatalogueRow["offer"] = {
      id: synthId(seed, 3, i),
      feedId: feedId(seed, p),
      providerId: providerId(seed, p),
      sourceKey,
      status: rng.chance(0.03) ? "WITHDRAWN" : "ACTIVE",
      title,
      url: `https://anbieter-${p}.example/angebote/${i}`,
      descriptionHtml: `<p>${description}</p>`,
      description,
      online,
      hybrid,
      free,
      priceAmount: price,
      priceCurrency: price === null ? null : "EUR",
      teachingUnits: units,
      audiences: pickSome(
        rng,
        AUDIENCES.map((a) => a.code as string),
        rng.int(0, 2),
      ).sort(),
      kind: online ? "WEBINAR" : rng.pick(KINDS),
      funding: rng.chance(0.2) ? ["Landesförderung"] : [],
      keywords: rare ? [rare] : [],
      organizer: null,
      locationName: place ? `${rng.pick(VENUES)} ${place.municipality}` : null,
      street: place ? `Hauptstraße ${rng.int(1, 120)}` : null,
      postalCode: null,
      municipality: place?.municipality ?? null,
      municipalityKey: place?.municipalityKey ?? null,
      districtKey: place?.districtKey ?? null,
      regionKey: place?.regionKey ?? null,
      latitude: place ? place.latitude : null,
      longitude: place ? place.longitude : null,
      firstStart: sessions[0]?.[0] ?? null,
      lastEnd: sessions.at(-1)?.[1] ?? null,
      autoRelevant: c.relevant,
      relevanceScore: c.relevant ? 0.8 : 0.1,
      autoLearningFormat: c.format,
      relevant: c.relevant,
      learningFormat: c.format,
      roles: c.roles,
      learningAreas: c.areas,
      moduleCodes: c.modules,
      completenessScore: Math.round((0.5 + rng.next() / 2) * 100) / 100,
      contentHash: synthId(seed, 4, i),
      sourceUrl: `https://anbieter-${p}.example/feed`,
      fetchedAt,
      adapter: "SYNTH",
      adapterVersion: "1",
      createdAt: now,
      updatedAt: now,
    };
    yield { offer, sessions, modules: c.modules };
  }
}

// ---------- COPY text format ----------

const escapeText = (s: string): string =>
  s.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");

/** Array literal; elements are double-quoted, so spaces and commas inside are safe. */
const arrayLiteral = (items: readonly string[]): string =>
  `{${items.map((s) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`;

function copyValue(v: CopyValue): string {
  if (v === null) return "\\N";
  if (typeof v === "boolean") return v ? "t" : "f";
  if (typeof v === "number") return String(v);
  // Prisma's timestamp(3) columns hold UTC without a zone.
  if (v instanceof Date) return v.toISOString().replace("T", " ").replace("Z", "");
  if (Array.isArray(v)) return escapeText(arrayLiteral(v));
  return escapeText(v);
}

export const copyLine = (values: readonly CopyValue[]): string => `${values.map(copyValue).join("\t")}\n`;

// ---------- loading ----------

/** Places with coordinates from the hub's own tables (seedPlaceData must have run). */
export async function synthPlaces(db: Database): Promise<SynthPlace[]> {
  const rows = await db.sql<SynthPlace>(
    `select m.key as "municipalityKey", m.name as municipality, m."districtKey", d."regionKey", m.latitude, m.longitude
       from "Municipality" m join "District" d on d.key = m."districtKey"
      where m.latitude is not null and m.longitude is not null order by m.key`,
  );
  if (!rows.length) throw new Error("Keine Gemeinden mit Koordinaten: zuerst die Ortsdaten anlegen (seedPlaceData).");
  return rows;
}

export interface LoadResult {
  offers: number;
  sessions: number;
  /** Bytes of the offers and sessions as COPY text: the catalogue's raw size. */
  rawBytes: number;
  ms: number;
}

async function insertProviders(db: Database, seed: number, now: Date): Promise<void> {
  const providers = Array.from({ length: PROVIDERS }, (_, p) => ({
    id: providerId(seed, p),
    slug: `katalog-${seed}-${p}`,
    name: `${PROVIDER_WORDS[p % PROVIDER_WORDS.length]} ${PROVIDER_PLACES[p % PROVIDER_PLACES.length]} ${p}`,
    feedId: feedId(seed, p),
    url: `https://anbieter-${p}.example/feed`,
  }));
  // Feeds are PAUSED: their URLs do not exist and no scheduler should fetch them.
  await db.sql(
    `insert into "Provider" (id, slug, name, status, "createdAt", "updatedAt")
       select x->>'id', x->>'slug', x->>'name', 'APPROVED', $2::timestamp, $2::timestamp from json_array_elements($1::json) x
     on conflict (id) do nothing`,
    [JSON.stringify(providers), now.toISOString()],
  );
  await db.sql(
    `insert into "Feed" (id, "providerId", url, state, "createdAt", "updatedAt")
       select x->>'feedId', x->>'id', x->>'url', 'PAUSED', $2::timestamp, $2::timestamp from json_array_elements($1::json) x
     on conflict (id) do nothing`,
    [JSON.stringify(providers), now.toISOString()],
  );
}

const SESSION_COLUMNS = ["id", "offerId", "start", "end", "allDay"] as const;
const MODULE_COLUMNS = ["id", "offerId", "moduleCode", "source", "confidence", "evidence", "taxonomyVersion"] as const;

/** Text lines for the three tables, in chunks, so a COPY stream or a batch can take them. */
function* tableLines(options: CatalogueOptions, places: readonly SynthPlace[], seed: number) {
  let s = 0;
  for (const row of catalogueRows(options, places)) {
    const offer = copyLine(OFFER_COLUMNS.map((c) => row.offer[c]));
    const sessions = row.sessions.map(([start, end]) =>
      copyLine([synthId(seed, 5, s++), row.offer.id as string, start, end, false]),
    );
    const modules = row.modules.map((code) =>
      copyLine([
        `${row.offer.id as string}-${code}`,
        row.offer.id as string,
        code,
        "AUTOMATIC",
        0.8,
        [],
        TAXONOMY_VERSION,
      ]),
    );
    yield { row, offer, sessions, modules };
  }
}

/**
 * Writes the catalogue. PostgreSQL: three COPY streams over one connection (`databaseUrl`
 * is needed there); PGlite: inserts of 500 rows per statement from one JSON parameter.
 */
export async function loadCatalogue(
  db: Database,
  options: CatalogueOptions & { databaseUrl?: string | null; onProgress?: (done: number) => void },
): Promise<LoadResult> {
  const started = performance.now();
  const seed = hashSeed(options.seed ?? "katalog");
  await insertProviders(db, seed, options.baseDate);
  const places = await synthPlaces(db);
  let offers = 0;
  let sessions = 0;
  let rawBytes = 0;
  if (db.kind === "postgres") {
    if (!options.databaseUrl) throw new Error("Für COPY wird die Datenbank-URL gebraucht.");
    // Offers first, then sessions and module rows from a second pass (same seed, same rows):
    // one COPY per table keeps each stream simple and needs no buffering of 10⁶ rows.
    const client = new pg.Client({ connectionString: options.databaseUrl });
    await client.connect();
    try {
      // Into an empty table, indexes are built once afterwards: maintaining the GIN
      // indexes row by row was most of the load time.
      const empty = (await client.query(`select not exists (select 1 from "Offer") as empty`)).rows[0]?.empty === true;
      const indexes = empty
        ? (
            await client.query<{ name: string; def: string }>(
              `select indexname as name, indexdef as def from pg_indexes
                where tablename in ('Offer', 'Session', 'OfferModule') and indexname not like '%pkey'`,
            )
          ).rows
        : [];
      for (const index of indexes) await client.query(`drop index "${index.name}"`);
      const copyTable = async (table: string, columns: readonly string[], lines: () => Generator<string>) => {
        const stream = client.query(
          copyFrom(`copy "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) from stdin`),
        );
        await pipeline(Readable.from(lines(), { objectMode: false }), stream);
      };
      await copyTable("Offer", OFFER_COLUMNS, function* () {
        for (const t of tableLines(options, places, seed)) {
          offers++;
          rawBytes += Buffer.byteLength(t.offer);
          if (offers % 50_000 === 0) options.onProgress?.(offers);
          yield t.offer;
        }
      });
      await copyTable("Session", SESSION_COLUMNS, function* () {
        for (const t of tableLines(options, places, seed))
          for (const line of t.sessions) {
            sessions++;
            rawBytes += Buffer.byteLength(line);
            yield line;
          }
      });
      await copyTable("OfferModule", MODULE_COLUMNS, function* () {
        for (const t of tableLines(options, places, seed)) yield* t.modules;
      });
      await client.query(`set maintenance_work_mem = '256MB'`);
      for (const index of indexes) await client.query(index.def);
      await client.query(`analyze "Offer"; analyze "Session"; analyze "OfferModule"`);
    } finally {
      await client.end();
    }
  } else {
    let batch: CatalogueRow[] = [];
    const flush = async () => {
      if (!batch.length) return;
      await insertBatch(db, batch, seed, sessions);
      sessions += batch.reduce((n, r) => n + r.sessions.length, 0);
      batch = [];
    };
    for (const t of tableLines(options, places, seed)) {
      offers++;
      rawBytes += Buffer.byteLength(t.offer) + t.sessions.reduce((n, l) => n + Buffer.byteLength(l), 0);
      batch.push(t.row);
      if (batch.length === 500) {
        await flush();
        options.onProgress?.(offers);
      }
    }
    await flush();
  }
  return { offers, sessions, rawBytes, ms: performance.now() - started };
}

const iso = (v: CopyValue): CopyValue => (v instanceof Date ? v.toISOString() : v);

async function insertBatch(db: Database, rows: readonly CatalogueRow[], seed: number, firstSession: number) {
  const cols = OFFER_COLUMNS.map((c) => `"${c}"`).join(", ");
  const offers = rows.map((r) => Object.fromEntries(OFFER_COLUMNS.map((c) => [c, iso(r.offer[c])])));
  // json_populate_recordset turns JSON arrays into text[] and ISO strings into timestamps.
  await db.sql(`insert into "Offer" (${cols}) select ${cols} from json_populate_recordset(null::"Offer", $1::json)`, [
    JSON.stringify(offers),
  ]);
  let s = firstSession;
  const sessions = rows.flatMap((r) =>
    r.sessions.map(([start, end]) => ({ id: synthId(seed, 5, s++), offerId: r.offer.id, start, end })),
  );
  await db.sql(
    `insert into "Session" (id, "offerId", start, "end", "allDay")
       select x->>'id', x->>'offerId', (x->>'start')::timestamptz at time zone 'UTC', (x->>'end')::timestamptz at time zone 'UTC', false
         from json_array_elements($1::json) x`,
    [JSON.stringify(sessions)],
  );
  const modules = rows.flatMap((r) => r.modules.map((code) => ({ offerId: r.offer.id, code })));
  await db.sql(
    `insert into "OfferModule" (id, "offerId", "moduleCode", source, confidence, evidence, "taxonomyVersion")
       select (x->>'offerId') || '-' || (x->>'code'), x->>'offerId', x->>'code', 'AUTOMATIC', 0.8, '{}', $2
         from json_array_elements($1::json) x`,
    [JSON.stringify(modules), TAXONOMY_VERSION],
  );
}
