/**
 * Synthetic offers for the ingest benchmark: many feeds of every static format, filled
 * from the demo's topic and place tables so titles, descriptions and places read like the
 * real thing. Deterministic (seeded PRNG, no clock reads): the same options give the same
 * feeds byte for byte, so runs on different days measure the same work.
 */
import { DateTime } from "luxon";
import type { FeedKind } from "../adapters/types.ts";
import type { AudienceCode } from "../../schema/taxonomy/codes.ts";
import {
  DEMO_PROVIDER_PROFILES,
  FORMAT_KIND,
  SHAPE_RULES,
  ZONE,
  meetingsCount,
  schedule as demoSchedule,
  type Schedule,
  type DemoFormat,
  type DemoOffer,
  type DemoProviderProfile,
} from "../demo/catalogue.ts";
import { DEMO_PLACES } from "../demo/places.ts";
import { createRng, hashSeed, type Rng } from "../demo/prng.ts";
import { HTML_CONFIGS } from "../demo/render/html.ts";
import { OTHER_TOPICS, RELEVANT_TOPICS, type DateShape, type Topic } from "../demo/topics.ts";

export interface SynthOptions {
  /** Number of offers over all feeds. */
  offers: number;
  /** Number of feeds; default one per ~100 offers, at least one per template provider. */
  feeds?: number;
  /** "Today" of the corpus; offers run from two weeks before to fourteen months after. */
  baseDate?: Date;
  seed?: string;
}

export interface SynthFeed {
  /** A copy of a demo provider profile with its own slug (and therefore its own URLs). */
  provider: DemoProviderProfile;
  kind: FeedKind;
  /** Selector config for HTML feeds. */
  config?: object;
  /** Path of the feed on the synthetic site, e.g. "/vhs-neckar-fils-s14/kurse/". */
  path: string;
  offers: DemoOffer[];
}

export interface SynthCorpus {
  baseDate: string;
  feeds: SynthFeed[];
  offerCount: number;
}

/** GraphQL is an endpoint with paging, not a file: the benchmark covers the static formats. */
export const SYNTH_TEMPLATES: readonly DemoProviderProfile[] = DEMO_PROVIDER_PROFILES.filter(
  (p) => p.format !== "graphql",
);

export const SYNTH_FORMATS: readonly DemoFormat[] = [...new Set(SYNTH_TEMPLATES.map((p) => p.format))];

const DEFAULT_BASE_DATE = new Date("2026-11-22T06:00:00Z");

/** Formats that cannot express a shape the way providers publish it (as in the demo). */
const UNSUPPORTED: Partial<Record<DemoFormat, readonly DateShape[]>> = { ics: ["CERTIFICATE"] };

/** The demo catalogue's shapes: the same clock times, prices and units per meeting. */
const SHAPES = SHAPE_RULES;

const KIND_BY_SHAPE: Readonly<Record<DateShape, DemoOffer["kind"]>> = {
  EVENING: "SEMINAR",
  HALF_DAY: "SEMINAR",
  DAY: "SEMINAR",
  TWO_DAY: "SEMINAR",
  WEEKLY: "MODULE_SERIES",
  CERTIFICATE: "CERTIFICATE_COURSE",
  WEBINAR: "WEBINAR",
  ALL_DAY_RANGE: "SEMINAR",
};

const AUDIENCE_TEXT: Readonly<Record<AudienceCode, readonly string[]>> = {
  MUNICIPAL_STAFF: ["Mitarbeitende aus Kommunalverwaltungen", "Fach- und Führungskräfte der Kommunen"],
  LOCAL_POLITICIANS: ["Gemeinderätinnen und Gemeinderäte", "Kommunalpolitikerinnen und Kommunalpolitiker"],
  CIVIL_SOCIETY_PROFESSIONALS: ["Fachkräfte freier Träger", "Hauptamtliche aus Sozialverbänden und Kirchengemeinden"],
  VOLUNTEERS: ["Ehrenamtlich Engagierte", "Freiwillige in Initiativen und Vereinen"],
};

/** Title additions as programmes word repeated offers; `{ort}` is the venue's town. */
const TITLE_SUFFIXES: readonly string[] = [
  "",
  "",
  "",
  " – Grundlagen",
  " – Aufbaukurs",
  " in {ort}",
  " (Regionalgruppe {ort})",
  " – Praxiswerkstatt",
];

/** A closing sentence per offer, so descriptions of the same topic differ like real ones do. */
const DESCRIPTION_ENDINGS: readonly string[] = [
  "Die Teilnehmenden bringen eigene Fragen aus ihrem Quartier mit.",
  "Mit Beispielen aus {ort} und Zeit für kollegialen Austausch.",
  "Die Veranstaltung richtet sich auch an Neueinsteigerinnen und Neueinsteiger.",
  "Arbeitsmaterialien werden vorab per E-Mail verschickt.",
  "Im Anschluss besteht Gelegenheit zur Vernetzung bei einem kleinen Imbiss.",
  "",
];

const isoDate = (dt: DateTime): string => dt.toISODate() ?? "";
/** The demo catalogue's schedules: the same meetings per date shape, drawn with this set's seed. */
const schedule = (shape: DateShape, first: DateTime, rng: Rng): Schedule => demoSchedule(shape, first, rng, false);
const meetings = meetingsCount;

const roundTo5 = (n: number): number => Math.round(n / 5) * 5;

/**
 * One synthetic offer. `placeIndex` walks the place table so every district appears as
 * soon as there are as many offers as places.
 */
function synthOffer(
  feed: DemoProviderProfile,
  template: DemoProviderProfile,
  index: number,
  placeIndex: number,
  base: DateTime,
  rng: Rng,
): DemoOffer {
  const topic: Topic = rng.chance(0.1) ? rng.pick(OTHER_TOPICS) : rng.pick(RELEVANT_TOPICS);
  const allowed = topic.shapes.filter((s) => !(UNSUPPORTED[feed.format] ?? []).includes(s));
  const shape = rng.pick(allowed.length > 0 ? allowed : (["DAY"] as const));
  const first = base.plus({ days: shape === "CERTIFICATE" ? rng.int(10, 200) : rng.int(-14, 420) });
  const { sessions, skippedStarts } = schedule(shape, first, rng);
  const rule = SHAPES[shape];

  const online = shape === "WEBINAR" || (shape === "HALF_DAY" && rng.chance(0.12));
  const hybrid = !online && (shape === "DAY" || shape === "EVENING") && rng.chance(0.12);
  const place = DEMO_PLACES[placeIndex % DEMO_PLACES.length] ?? rng.pick(DEMO_PLACES);
  const venue = online
    ? null
    : {
        ...rng.pick(place.venues),
        postalCode: place.postalCode,
        municipality: place.municipality,
        districtKey: place.districtKey,
      };

  const free = rule.price[0] === 0 ? rng.chance(0.5) : rng.chance(feed.freeShare);
  const price = free ? 0 : Math.max(5, roundTo5(rng.int(rule.price[0], rule.price[1])));
  const reducedPrice = !free && price >= 40 && rng.chance(0.25) ? roundTo5(price * 0.7) : null;
  const teachingUnits = feed.unitsStyle !== null && rng.chance(0.85) ? meetings(sessions) * rule.unitsPerMeeting : null;

  const ort = place.municipality;
  const title = `${topic.title}${rng.pick(online ? ["", " (online)"] : TITLE_SUFFIXES).replace("{ort}", ort)}`;
  const ending = rng.pick(DESCRIPTION_ENDINGS).replace("{ort}", ort);
  const firstStart = DateTime.fromISO(sessions[0]?.start ?? "", { zone: ZONE });
  const published = DateTime.min(firstStart.minus({ weeks: rng.int(3, 12) }), base.minus({ days: rng.int(1, 20) })).set(
    {
      hour: rng.int(7, 16),
      minute: rng.pick([0, 15, 30, 45]),
    },
  );
  return {
    id: `syn${index}-${(sessions[0]?.start ?? "").slice(0, 10).replaceAll("-", "")}`,
    // The organiser is the template provider: renderers look its name up by slug.
    providers: [template.slug],
    topicKey: topic.key,
    title,
    description: ending ? `${topic.description} ${ending}` : topic.description,
    shape,
    sessions,
    skippedStarts,
    venue,
    postalCode: venue?.postalCode ?? null,
    municipality: venue?.municipality ?? null,
    districtKey: venue?.districtKey ?? null,
    online,
    hybrid,
    free,
    price,
    reducedPrice,
    teachingUnits,
    audiences: [...topic.audiences],
    audienceText: topic.relevant
      ? topic.audiences.map((a) => rng.pick(AUDIENCE_TEXT[a]))
      : [topic.audienceText ?? "alle Interessierten"],
    keywords: [...topic.keywords],
    modules: [...topic.modules],
    relevant: topic.relevant,
    kind: /Fachtag|Tagung/.test(title)
      ? "CONFERENCE"
      : /Netzwerktreffen/.test(title)
        ? "NETWORK_MEETING"
        : KIND_BY_SHAPE[shape],
    publishedAt: published.toUTC().toISO({ suppressMilliseconds: true }) ?? "",
    registrationDeadline:
      shape === "CERTIFICATE" || rng.chance(0.3) ? isoDate(firstStart.minus({ days: rng.pick([7, 14, 21]) })) : null,
  };
}

/** Builds the corpus: `offers` offers spread evenly over `feeds` feeds, formats round-robin. */
export function generateSynthCorpus(options: SynthOptions): SynthCorpus {
  const total = Math.max(0, Math.floor(options.offers));
  const feedCount = Math.max(
    1,
    Math.min(total || 1, options.feeds ?? Math.max(SYNTH_TEMPLATES.length, Math.round(total / 100))),
  );
  const base = DateTime.fromJSDate(options.baseDate ?? DEFAULT_BASE_DATE, { zone: ZONE }).startOf("day");
  const rng = createRng(hashSeed(`quartier-synth:${options.seed ?? "1"}:${isoDate(base)}`));
  const feeds: SynthFeed[] = [];
  let next = 0;
  for (let f = 0; f < feedCount; f++) {
    const template = SYNTH_TEMPLATES[f % SYNTH_TEMPLATES.length] as DemoProviderProfile;
    const copy = Math.floor(f / SYNTH_TEMPLATES.length) + 1;
    const provider: DemoProviderProfile = {
      ...template,
      slug: `${template.slug}-s${copy}`,
      name: `${template.name} (Außenstelle ${copy})`,
      towns: [],
    };
    const count = Math.floor(((f + 1) * total) / feedCount) - Math.floor((f * total) / feedCount);
    const offers: DemoOffer[] = [];
    // Feeds without item ids (CSV) key rows by title and start: two such rows would be one
    // offer, so the generator draws again instead of publishing such twins.
    const seen = new Set<string>();
    for (let i = 0; i < count; i++, next++) {
      let offer: DemoOffer;
      let twin: string;
      do {
        offer = synthOffer(provider, template, next, next * 7 + f, base, rng);
        twin = `${offer.title.toLowerCase()}|${offer.sessions[0]?.start ?? ""}`;
      } while (seen.has(twin));
      seen.add(twin);
      offers.push(offer);
    }
    offers.sort(
      (a, b) => (a.sessions[0]?.start ?? "").localeCompare(b.sessions[0]?.start ?? "") || a.id.localeCompare(b.id),
    );
    feeds.push({
      provider,
      kind: FORMAT_KIND[template.format],
      ...(template.format === "html" ? { config: HTML_CONFIGS[template.variant] } : {}),
      path: `/${provider.slug}/${template.feedPath}`,
      offers,
    });
  }
  return { baseDate: isoDate(base), feeds, offerCount: total };
}
