import type { Database } from "../../prisma/database.ts";
import type { DemandSink, DemandPlace } from "../common/context.ts";
import { isModuleCode } from "../taxonomy/codes.ts";
import { resolvePlace } from "../matching/places.ts";

/**
 * Records what the portal's visitors look for, anonymously and aggregated: in memory,
 * keyed by day × kind × module × place × search term, written with one upsert statement
 * every few seconds and on close. A request costs a map update, never a database round
 * trip (a place given by postcode or name is resolved through the municipality list the
 * matching service has already cached).
 *
 * Stored per key: a count. Never an IP, user agent, token, viewer or the profile itself.
 */

export type DemandKind = "SEARCH" | "EMPTY_SEARCH" | "UNCOVERED_PATH";
export interface DemandKey {
  day: string;
  kind: DemandKind;
  moduleCode: string;
  districtKey: string;
  regionKey: string;
  term: string;
}

export const MAX_TERM = 60;
/** Distinct keys held before an early flush; beyond twice that, new keys are dropped. */
const MAX_PENDING = 5_000;

/** Lowercased, trimmed, inner whitespace collapsed, at most 60 characters; "" when empty. */
export function normaliseTerm(text: string | null | undefined): string {
  return (text ?? "").trim().toLowerCase().replace(/\s+/g, " ").slice(0, MAX_TERM).trim();
}

/** The calendar day in Baden-Württemberg (YYYY-MM-DD). */
const dayFormat = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Berlin" });
export const berlinDay = (at: Date): string => dayFormat.format(at);

/** Kreisschlüssel 081xx lies in Regierungsbezirk 081: the region is the key's first three digits. */
const regionOfDistrict = (districtKey: string): string => districtKey.slice(0, 3);

export interface DemandRecorderOptions {
  now?: () => Date;
  flushMs?: number;
  onError?: (error: unknown) => void;
}

export interface DemandRecorder extends DemandSink {
  /** Writes what is pending (one statement); resolves when it is stored. */
  flush(): Promise<void>;
  /** Stops the timer and flushes; further events are ignored. */
  close(): Promise<void>;
  /** Events not yet written (tests, metrics). */
  pending(): number;
}

export function createDemandRecorder(db: Database, options: DemandRecorderOptions = {}): DemandRecorder {
  const now = options.now ?? (() => new Date());
  const onError = options.onError ?? (() => undefined);
  let counts = new Map<string, number>();
  let closed = false;
  let writing: Promise<void> = Promise.resolve();
  /** Place resolutions still running, so close() waits for their events. */
  const inFlight = new Set<Promise<void>>();

  const add = (key: DemandKey, by = 1): void => {
    if (closed) return;
    const k = JSON.stringify([key.day, key.kind, key.moduleCode, key.districtKey, key.regionKey, key.term]);
    if (!counts.has(k) && counts.size >= 2 * MAX_PENDING) return;
    counts.set(k, (counts.get(k) ?? 0) + by);
    if (counts.size >= MAX_PENDING) void flush();
  };

  async function write(batch: Map<string, number>): Promise<void> {
    if (!batch.size) return;
    const cols: string[][] = [[], [], [], [], [], []];
    const values: number[] = [];
    for (const [k, n] of batch) {
      (JSON.parse(k) as string[]).forEach((v, i) => cols[i]?.push(v));
      values.push(n);
    }
    try {
      await db.sql(
        `insert into "DemandCount" (day, kind, "moduleCode", "districtKey", "regionKey", term, count)
         select * from unnest($1::date[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[])
         on conflict (day, kind, "moduleCode", "districtKey", "regionKey", term)
         do update set count = "DemandCount".count + excluded.count`,
        [...cols, values],
      );
    } catch (error) {
      onError(error);
    }
  }

  function flush(): Promise<void> {
    const batch = counts;
    counts = new Map();
    writing = writing.then(() => write(batch));
    return writing;
  }

  const timer = setInterval(() => void flush(), options.flushMs ?? 5_000);
  timer.unref();

  /** District and region of the asked-for place without a query where the key says it. */
  function placeOf(place: DemandPlace | null | undefined, use: (district: string, region: string) => void): void {
    const district = place?.districtKey?.trim();
    const municipality = place?.municipalityKey?.trim();
    if (district && /^\d{5}$/.test(district)) return use(district, regionOfDistrict(district));
    if (municipality && /^\d{8}$/.test(municipality)) {
      const d = municipality.slice(0, 5);
      return use(d, regionOfDistrict(d));
    }
    if (!place?.postcode?.trim() && !place?.municipality?.trim()) return use("", "");
    const task = resolvePlace(db, place, "place")
      .then((p) => use(p?.districtKey ?? "", p?.regionKey ?? ""))
      .catch(() => use("", ""))
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
  }

  return {
    search(request, totalCount) {
      const day = berlinDay(now());
      const modules = [...new Set((request?.modules ?? []).map((m) => m.trim().toUpperCase()))].filter(isModuleCode);
      const term = normaliseTerm(request?.text);
      placeOf(request?.place, (districtKey, regionKey) => {
        const kinds: DemandKind[] = totalCount === 0 ? ["SEARCH", "EMPTY_SEARCH"] : ["SEARCH"];
        for (const kind of kinds) {
          // One row for the request as a whole (with its search term), one per wanted module.
          add({ day, kind, moduleCode: "", districtKey, regionKey, term });
          for (const moduleCode of modules) add({ day, kind, moduleCode, districtKey, regionKey, term: "" });
        }
      });
    },
    uncoveredPath(request, moduleCodes) {
      const modules = [...new Set(moduleCodes)].filter(isModuleCode);
      if (!modules.length) return;
      const day = berlinDay(now());
      placeOf(request?.place, (districtKey, regionKey) => {
        const kind = "UNCOVERED_PATH";
        add({ day, kind, moduleCode: "", districtKey, regionKey, term: "" });
        for (const moduleCode of modules) add({ day, kind, moduleCode, districtKey, regionKey, term: "" });
      });
    },
    flush,
    async close() {
      await Promise.all([...inFlight]);
      closed = true;
      clearInterval(timer);
      await flush();
    },
    pending: () => [...counts.values()].reduce((a, b) => a + b, 0),
  };
}
