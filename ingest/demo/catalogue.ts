/**
 * The demo catalogue: fictional providers in Baden-Württemberg and their offers, built
 * deterministically from a base date (seeded PRNG, no clock reads), so that the demo
 * server publishes the same feeds for the same base date and end-to-end tests can compare
 * what the hub extracted with this ground truth.
 */
import { DateTime } from "luxon";
import type { AudienceCode, ModuleCode } from "../../schema/taxonomy/codes.ts";
import type { OfferKind } from "../../schema/offer/offer-kind.ts";
import { createRng, hashSeed, type Rng } from "./prng.ts";
import { DEMO_PLACES, placeByMunicipality } from "./places.ts";
import { DEMO_PROVIDER_PROFILES, type DemoFormat, type DemoProviderProfile } from "./providers.ts";
import { OTHER_TOPICS, RELEVANT_TOPICS, type DateShape, type Topic } from "./topics.ts";

export { DEMO_PROVIDER_PROFILES, FORMAT_KIND, DEMO_FORMATS } from "./providers.ts";
export type { DemoFormat, DemoProviderProfile, UnitsStyle } from "./providers.ts";
export type { DateShape } from "./topics.ts";

export const ZONE = "Europe/Berlin";

/** One dated meeting: ISO with the Berlin offset, or a plain date for all-day sessions. */
export interface DemoSession {
  start: string;
  /** For all-day sessions the last day itself (inclusive), as in SessionDraft. */
  end: string | null;
  allDay: boolean;
}

export interface DemoVenue {
  name: string;
  street: string;
  postalCode: string;
  municipality: string;
  /** Kreisschlüssel. */
  districtKey: string;
}

/** Ground truth of one published offer. */
export interface DemoOffer {
  /** Stable within a catalogue; feeds derive their item keys from it. */
  id: string;
  /** Provider slugs publishing it; the first organises it, a second one is a cooperation partner. */
  providers: string[];
  topicKey: string;
  title: string;
  /** Plain text, without the date/place/price lines the feeds add. */
  description: string;
  shape: DateShape;
  /** Every meeting that takes place (a cancelled week of a series is not listed). */
  sessions: DemoSession[];
  /** Weekly series: starts of weeks that were cancelled (published as EXDATE / "nicht am …"). */
  skippedStarts: string[];
  venue: DemoVenue | null;
  postalCode: string | null;
  municipality: string | null;
  districtKey: string | null;
  /** Only online: no venue (webinars, Zoom seminars). */
  online: boolean;
  /** A venue AND online participation; `online` is false then (compare `online || hybrid` for "attendable online"). */
  hybrid: boolean;
  free: boolean;
  /** EUR; 0 when free. */
  price: number;
  reducedPrice: number | null;
  /** As published; null where the feed does not say. */
  teachingUnits: number | null;
  audiences: AudienceCode[];
  audienceText: string[];
  keywords: string[];
  /** Curriculum modules a careful reader assigns (empty for offers that are not relevant). */
  modules: ModuleCode[];
  relevant: boolean;
  kind: OfferKind;
  /** When the provider published it (RSS/Atom dates), ISO UTC. */
  publishedAt: string;
  /** ISO date, or null. */
  registrationDeadline: string | null;
}

export interface DemoCatalogue {
  baseDate: string;
  providers: readonly DemoProviderProfile[];
  offers: DemoOffer[];
}

/** Formats that cannot express a date shape as their providers would publish it. */
const UNSUPPORTED_SHAPES: Partial<Record<DemoFormat, readonly DateShape[]>> = {
  // A certificate course's blocks are not a recurrence; calendar exports of such
  // providers list them on the website instead.
  ics: ["CERTIFICATE"],
};

const AUDIENCE_TEXT: Readonly<Record<AudienceCode, readonly string[]>> = {
  MUNICIPAL_STAFF: ["Mitarbeitende aus Kommunalverwaltungen", "Fach- und Führungskräfte der Kommunen"],
  LOCAL_POLITICIANS: ["Gemeinderätinnen und Gemeinderäte", "Kommunalpolitikerinnen und Kommunalpolitiker"],
  CIVIL_SOCIETY_PROFESSIONALS: ["Fachkräfte freier Träger", "Hauptamtliche aus Sozialverbänden und Kirchengemeinden"],
  VOLUNTEERS: ["Ehrenamtlich Engagierte", "Freiwillige in Initiativen und Vereinen"],
};

export interface ShapeRule {
  /** [hour, minute] of start and end, per typical day. */
  times: readonly (readonly [number, number, number, number])[];
  price: readonly [number, number];
  /** Teaching units per meeting (45 minutes each). */
  unitsPerMeeting: number;
}

/** Clock times, price range and units per date shape; the synthetic benchmark set shares it. */
export const SHAPE_RULES: Readonly<Record<DateShape, ShapeRule>> = {
  EVENING: {
    times: [
      [18, 30, 21, 0],
      [19, 0, 21, 30],
    ],
    price: [10, 25],
    unitsPerMeeting: 3,
  },
  HALF_DAY: {
    times: [
      [14, 0, 17, 30],
      [9, 0, 12, 30],
    ],
    price: [25, 65],
    unitsPerMeeting: 4,
  },
  DAY: {
    times: [
      [9, 30, 16, 30],
      [9, 0, 16, 0],
    ],
    price: [60, 190],
    unitsPerMeeting: 8,
  },
  TWO_DAY: { times: [[10, 0, 17, 0]], price: [150, 390], unitsPerMeeting: 8 },
  WEEKLY: {
    times: [
      [18, 30, 20, 45],
      [19, 0, 21, 15],
    ],
    price: [40, 120],
    unitsPerMeeting: 3,
  },
  CERTIFICATE: { times: [[9, 30, 17, 0]], price: [690, 1500], unitsPerMeeting: 8 },
  WEBINAR: {
    times: [
      [10, 0, 11, 30],
      [14, 0, 15, 30],
    ],
    price: [0, 40],
    unitsPerMeeting: 2,
  },
  ALL_DAY_RANGE: { times: [[0, 0, 0, 0]], price: [180, 450], unitsPerMeeting: 8 },
};

const iso = (dt: DateTime): string => dt.toISO({ suppressMilliseconds: true }) ?? "";
const isoDate = (dt: DateTime): string => dt.toISODate() ?? "";

/** Moves a day off the weekend (courses run Monday to Friday). */
function weekday(day: DateTime): DateTime {
  if (day.weekday === 6) return day.plus({ days: 2 });
  if (day.weekday === 7) return day.plus({ days: 1 });
  return day;
}

export interface Schedule {
  sessions: DemoSession[];
  skippedStarts: string[];
}

function at(day: DateTime, hour: number, minute: number): DateTime {
  return day.set({ hour, minute, second: 0, millisecond: 0 });
}

function meeting(day: DateTime, t: readonly [number, number, number, number]): DemoSession {
  return { start: iso(at(day, t[0], t[1])), end: iso(at(day, t[2], t[3])), allDay: false };
}

/** Lays out the meetings of an offer of the given shape, starting around `first`. */
/** The meetings of one offer of a date shape; the synthetic benchmark set uses it too. */
export function schedule(shape: DateShape, first: DateTime, rng: Rng, forceSkip: boolean): Schedule {
  const rule = SHAPE_RULES[shape];
  const times = rng.pick(rule.times);
  const day = weekday(first);
  switch (shape) {
    case "TWO_DAY": {
      const d1 = day.weekday === 5 ? day.minus({ days: 1 }) : day;
      return {
        sessions: [meeting(d1, [10, 0, 17, 0]), meeting(d1.plus({ days: 1 }), [9, 0, 15, 30])],
        skippedStarts: [],
      };
    }
    case "WEEKLY": {
      const count = rng.int(5, 8);
      // More than every second series skips a week (holiday, Pfingstferien): published as EXDATE.
      const skip = forceSkip || rng.chance(0.6) ? rng.int(2, count - 2) : -1;
      const sessions: DemoSession[] = [];
      const skippedStarts: string[] = [];
      for (let i = 0; i < count; i++) {
        const m = meeting(day.plus({ weeks: i }), times);
        if (i === skip) skippedStarts.push(m.start);
        else sessions.push(m);
      }
      return { sessions, skippedStarts };
    }
    case "CERTIFICATE": {
      const blocks = rng.int(4, 6);
      const gapWeeks = rng.int(5, 8);
      // Blocks run Thursday/Friday.
      const thursday = day.plus({ days: (4 - day.weekday + 7) % 7 });
      const sessions: DemoSession[] = [];
      for (let b = 0; b < blocks; b++) {
        const d = thursday.plus({ weeks: b * gapWeeks });
        sessions.push(meeting(d, [9, 30, 17, 0]), meeting(d.plus({ days: 1 }), [9, 0, 16, 0]));
      }
      return { sessions, skippedStarts: [] };
    }
    case "ALL_DAY_RANGE": {
      const days = rng.int(2, 3);
      const monday = day.plus({ days: (1 - day.weekday + 7) % 7 });
      return {
        sessions: [{ start: isoDate(monday), end: isoDate(monday.plus({ days: days - 1 })), allDay: true }],
        skippedStarts: [],
      };
    }
    default:
      return { sessions: [meeting(day, times)], skippedStarts: [] };
  }
}

export function meetingsCount(offerSessions: readonly DemoSession[]): number {
  return offerSessions.reduce((n, s) => {
    if (!s.allDay) return n + 1;
    const days = DateTime.fromISO(s.end ?? s.start).diff(DateTime.fromISO(s.start), "days").days + 1;
    return n + Math.round(days);
  }, 0);
}

const KIND_BY_SHAPE: Readonly<Record<DateShape, OfferKind>> = {
  EVENING: "SEMINAR",
  HALF_DAY: "SEMINAR",
  DAY: "SEMINAR",
  TWO_DAY: "SEMINAR",
  WEEKLY: "MODULE_SERIES",
  CERTIFICATE: "CERTIFICATE_COURSE",
  WEBINAR: "WEBINAR",
  ALL_DAY_RANGE: "SEMINAR",
};

/** Title words that name the kind of event more precisely than the date shape. */
const KIND_BY_TITLE: readonly (readonly [RegExp, OfferKind])[] = [
  [/Fachtag|Tagung/, "CONFERENCE"],
  [/Netzwerktreffen/, "NETWORK_MEETING"],
  [/Zertifikatskurs|Basisqualifizierung/, "CERTIFICATE_COURSE"],
];

function kindOf(title: string, shape: DateShape): OfferKind {
  return KIND_BY_TITLE.find(([re]) => re.test(title))?.[1] ?? KIND_BY_SHAPE[shape];
}

const roundTo5 = (n: number): number => Math.round(n / 5) * 5;

function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}

function slugDate(session: DemoSession | undefined): string {
  return (session?.start ?? "").slice(0, 10).replaceAll("-", "");
}

function buildOffer(
  provider: DemoProviderProfile,
  topic: Topic,
  base: DateTime,
  rng: Rng,
  required?: DateShape,
): DemoOffer {
  const allowed = topic.shapes.filter((s) => !(UNSUPPORTED_SHAPES[provider.format] ?? []).includes(s));
  const shape = required ?? rng.pick(allowed.length > 0 ? allowed : ["DAY" as const]);
  // Certificate courses start early enough to run over the following months.
  const firstOffset = shape === "CERTIFICATE" ? rng.int(10, 200) : rng.int(-14, 420);
  const { sessions, skippedStarts } = schedule(shape, base.plus({ days: firstOffset }), rng, required === "WEEKLY");
  const rule = SHAPE_RULES[shape];

  const online = shape === "WEBINAR" || (shape === "HALF_DAY" && rng.chance(0.12));
  const hybrid = !online && (shape === "DAY" || shape === "EVENING") && rng.chance(0.12);
  const place = placeByMunicipality(rng.pick(provider.towns));
  const venueBase = rng.pick(place.venues);
  const venue: DemoVenue | null = online
    ? null
    : {
        name: venueBase.name,
        street: venueBase.street,
        postalCode: place.postalCode,
        municipality: place.municipality,
        districtKey: place.districtKey,
      };

  const free = rule.price[0] === 0 ? rng.chance(0.5) : rng.chance(provider.freeShare);
  const price = free ? 0 : Math.max(5, roundTo5(rng.int(rule.price[0], rule.price[1])));
  const reducedPrice = !free && price >= 40 && rng.chance(0.25) ? roundTo5(price * 0.7) : null;

  const stated = provider.unitsStyle !== null && rng.chance(0.85);
  const teachingUnits = stated ? meetingsCount(sessions) * rule.unitsPerMeeting : null;

  const audienceText = topic.relevant
    ? topic.audiences.map((a) => rng.pick(AUDIENCE_TEXT[a]))
    : [topic.audienceText ?? "alle Interessierten"];

  const first = DateTime.fromISO(sessions[0]?.start ?? "", { zone: ZONE });
  const published = DateTime.min(first.minus({ weeks: rng.int(3, 12) }), base.minus({ days: rng.int(1, 20) })).set({
    hour: rng.int(7, 16),
    minute: rng.pick([0, 15, 30, 45]),
  });
  const deadline =
    shape === "CERTIFICATE" || rng.chance(0.3) ? isoDate(first.minus({ days: rng.pick([7, 14, 21]) })) : null;

  return {
    id: `${topic.key}-${slugDate(sessions[0])}`,
    providers: [provider.slug],
    topicKey: topic.key,
    title: topic.title,
    description: topic.description,
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
    audienceText,
    keywords: [...topic.keywords],
    modules: [...topic.modules],
    relevant: topic.relevant,
    kind: kindOf(topic.title, shape),
    publishedAt: published.toUTC().toISO({ suppressMilliseconds: true }) ?? "",
    registrationDeadline: deadline,
  };
}

/** Single-meeting shapes every format can publish identically: used for cooperations. */
const COOPERATION_SHAPES: readonly DateShape[] = ["EVENING", "HALF_DAY", "DAY", "WEBINAR"];
const COOPERATIONS = 7;

/**
 * Builds the demo catalogue for a base date ("today" of the demo). Offers run from about
 * two weeks before to about fourteen months after it. Same base date, same catalogue.
 */
export function buildCatalogue(baseDate: Date): DemoCatalogue {
  const base = DateTime.fromJSDate(baseDate, { zone: ZONE }).startOf("day");
  const rng = createRng(hashSeed(`quartier-demo:${isoDate(base)}`));
  const relevantQueue = shuffled(RELEVANT_TOPICS, rng);
  const otherQueue = shuffled(OTHER_TOPICS, rng);
  let nextRelevant = 0;
  let nextOther = 0;

  const offers: DemoOffer[] = [];
  for (const provider of DEMO_PROVIDER_PROFILES) {
    const others = provider.offerCount >= 13 ? 2 : 1;
    const taken = new Set<string>();
    const own: DemoOffer[] = [];
    for (const shape of provider.requiredShapes) {
      const suitable = RELEVANT_TOPICS.filter((t) => t.shapes.includes(shape) && !taken.has(t.key));
      const topic = rng.pick(suitable);
      taken.add(topic.key);
      own.push(buildOffer(provider, topic, base, rng, shape));
    }
    for (let i = own.length; i < provider.offerCount; i++) {
      const isOther = i < others + provider.requiredShapes.length;
      let topic: Topic;
      do {
        topic = isOther
          ? (otherQueue[nextOther++ % otherQueue.length] as Topic)
          : (relevantQueue[nextRelevant++ % relevantQueue.length] as Topic);
      } while (taken.has(topic.key));
      taken.add(topic.key);
      own.push(buildOffer(provider, topic, base, rng));
    }
    for (const offer of own) offer.id = `${provider.slug.split("-")[0]}-${offer.id}`;
    offers.push(...own.sort((a, b) => (a.sessions[0]?.start ?? "").localeCompare(b.sessions[0]?.start ?? "")));
  }

  // Cooperations: an organiser's single-date offer also appears on a partner's feed
  // (same title, date and place), so duplicate detection has something to find.
  const candidates = offers.filter((o) => o.relevant && COOPERATION_SHAPES.includes(o.shape));
  let made = 0;
  for (let i = 0; made < COOPERATIONS && i < candidates.length; i += 3) {
    const offer = candidates[i] as DemoOffer;
    const organiser = DEMO_PROVIDER_PROFILES.find((p) => p.slug === offer.providers[0]);
    const partners = DEMO_PROVIDER_PROFILES.filter((p) => p.format !== organiser?.format);
    const partner = partners[(i * 7 + made) % partners.length];
    if (!partner || !organiser) continue;
    offer.providers.push(partner.slug);
    offer.description = `${offer.description} Gemeinsame Veranstaltung: ${organiser.name} und ${partner.name}.`;
    made++;
  }

  return { baseDate: isoDate(base), providers: DEMO_PROVIDER_PROFILES, offers };
}

/** The offers a provider publishes on its feed (own ones and cooperations), by first date. */
export function offersOf(catalogue: DemoCatalogue, slug: string): DemoOffer[] {
  return catalogue.offers
    .filter((o) => o.providers.includes(slug))
    .sort((a, b) => (a.sessions[0]?.start ?? "").localeCompare(b.sessions[0]?.start ?? "") || a.id.localeCompare(b.id));
}

/**
 * The first start and the last end of an offer: what every format publishes, even those
 * that cannot list each meeting (CSV/XLSX Beginn/Ende, a two-day iCal event).
 */
export function offerSpan(offer: DemoOffer): { start: string; end: string } {
  const first = offer.sessions[0];
  const last = offer.sessions[offer.sessions.length - 1];
  if (!first || !last) throw new Error(`Angebot ohne Termin: ${offer.id}`);
  return { start: first.start, end: last.end ?? last.start };
}

/** The page of an offer on a provider's demo website. */
export function offerUrl(baseUrl: string, slug: string, offer: DemoOffer): string {
  return `${baseUrl}/${slug}/angebot/${offer.id}/`;
}

/** For places not named by a provider profile (kept for tests and later use). */
export const ALL_DEMO_PLACES = DEMO_PLACES;
