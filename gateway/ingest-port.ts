import type { IngestPort } from "../schema/common/context.ts";
import {
  SourceUnreadableError,
  type FieldWarning,
  type PreviewResult,
  type PushOutcome,
  type PushedOfferDraft,
} from "../schema/feed/port.types.ts";
import { extractFeed, isFeedKind, UnreadableFeedError, type ProcessedOffer } from "../ingest/pipeline/extract.ts";
import { runFeed, type IngestDeps } from "../ingest/run-feed.ts";
import { assertFetchableUrl, systemResolver, type Resolver } from "../ingest/fetch/url-guard.ts";
import type { AllowList } from "../ingest/fetch/address-guard.ts";
import { FetchError } from "../ingest/fetch/errors.ts";
import { parseHtmlConfig } from "../ingest/adapters/html/index.ts";
import { parseGraphqlConfig } from "../ingest/adapters/graphql/index.ts";
import type { OfferDraft } from "../ingest/adapters/types.ts";
import { contentHash as offerHash, normaliseOffer } from "../ingest/normalise/normalise.ts";
import { classifyOffer } from "../schema/classification/classifier.ts";
import { storeOffers } from "../ingest/store/offer-store.ts";

/**
 * The gateway's implementation of the IngestPort: what provider mutations may ask of
 * ingest (preview, a manual run, the SSRF gate, config checks, pushed offers) without
 * schema/ importing ingest/. Every URL passes the same guard as the fetcher.
 */

export interface IngestPortOptions {
  /** Hosts exempt from the address guard (the configured HUB_ALLOW_HOSTS); none when absent. */
  allowHosts?: AllowList;
  /** DNS for the guard; tests inject one so nothing is resolved for real. */
  resolver?: Resolver;
}

// Validators per kind; kinds without options accept any (small) object.
const CONFIG_VALIDATORS: Partial<Record<string, (config: unknown) => { ok: true } | { ok: false; errors: string[] }>> =
  {
    HTML: parseHtmlConfig,
    GRAPHQL: parseGraphqlConfig,
  };

/** zod speaks English; the adapters' config errors reach providers, so they are put into German. */
const TYPE_NAMES: Record<string, string> = {
  string: "Text",
  number: "Zahl",
  object: "Objekt",
  array: "Liste",
  boolean: "Wahr/Falsch",
};
const typeName = (t: string) => TYPE_NAMES[t] ?? t;
const ZOD_GERMAN: ReadonlyArray<readonly [RegExp, (...groups: string[]) => string]> = [
  [/Invalid input: expected (\w+), received undefined/g, (_m, t = "") => `fehlt (erwartet: ${typeName(t)})`],
  [
    /Invalid input: expected (\w+), received (\w+)/g,
    (_m, t = "", r = "") => `falscher Typ (erwartet: ${typeName(t)}, erhalten: ${typeName(r)})`,
  ],
  [
    /Too (big|small): expected (\w+) to have ([<>]=?)(\d+) (\w+)/g,
    (_m, _k, _t, op = "", n = "") => `Länge ${op} ${n} erforderlich`,
  ],
  [/Invalid input/g, () => "ungültige Angabe"],
  [/Unrecognized keys?: /g, () => "unbekannte Felder: "],
];
export const germanConfigError = (message: string): string =>
  ZOD_GERMAN.reduce(
    (text, [pattern, replace]) => text.replace(pattern, replace as (substring: string, ...args: string[]) => string),
    message,
  );

const PUSH_SOURCE = (providerId: string) => `push:${providerId}`;

export function createIngestPort(deps: IngestDeps, options: IngestPortOptions = {}): Required<IngestPort> {
  const allowHosts = options.allowHosts ?? [];
  const resolver = options.resolver ?? systemResolver;

  const guard = async (url: string): Promise<void> => {
    try {
      await assertFetchableUrl(url, allowHosts, resolver);
    } catch (error) {
      if (error instanceof FetchError) throw new SourceUnreadableError(error.message);
      throw error;
    }
  };

  return {
    assertFetchableUrl: guard,

    async preview(source): Promise<PreviewResult> {
      // Only http(s) URLs reach extractFeed: a bare path would be read as a local file.
      if (source.url) await guard(source.url);
      const kind = source.kind && isFeedKind(source.kind) ? source.kind : null;
      const result = await (deps.extract ?? extractFeed)(
        { url: source.url ?? null, upload: source.upload ?? null, kind, config: source.config ?? {} },
        { fetcher: deps.fetcher, now: deps.now, maxDetailPages: 20, maxGraphqlPages: 5 },
      ).catch((error: unknown) => {
        if (error instanceof FetchError || error instanceof UnreadableFeedError)
          throw new SourceUnreadableError(error.message);
        throw error;
      });
      const offers = result.offers ?? [];
      return {
        kind: result.kind,
        offers: offers.map(previewOffer),
        warnings: [
          ...result.warnings.map((w) => ({
            sourceKey: w.sourceKey ?? null,
            field: w.field ?? null,
            message: w.message,
          })),
          ...offers.flatMap(offerWarnings),
        ],
      };
    },

    runFeed: (feedId, trigger) => runFeed(deps, feedId, trigger),

    validateConfig(kind, config): string[] {
      const validate = CONFIG_VALIDATORS[kind];
      if (!validate) return [];
      const outcome = validate(config);
      return outcome.ok ? [] : outcome.errors.map(germanConfigError);
    },

    async storePushed(feedId, providerId, drafts): Promise<PushOutcome> {
      const now = deps.now();
      const processed = drafts.map((draft) => processDraft(draft, providerId, now));
      const run = await deps.db.prisma.ingestRun.create({
        data: { feedId, trigger: "MANUAL", instance: deps.instance, startedAt: now },
      });
      // A push is a delta: it adds and changes, and withdraws nothing it does not name.
      const outcome = await storeOffers(deps.db, {
        feedId,
        providerId,
        offers: processed,
        complete: false,
        deletedKeys: [],
        now,
      });
      const warnings = processed.flatMap(offerWarnings);
      await deps.db.prisma.ingestRun.update({
        where: { id: run.id },
        data: {
          status: "SUCCEEDED",
          finishedAt: deps.now(),
          fetched: outcome.fetched,
          created: outcome.created,
          changed: outcome.changed,
          unchanged: outcome.unchanged,
          withdrawn: outcome.withdrawn,
          rejected: outcome.rejected,
          rejections: outcome.rejections,
          warnings: warnings.map((w) => `${w.sourceKey}: ${w.message}`),
        },
      });
      const changed = outcome.created + outcome.changed > 0;
      await deps.db.prisma.feed.update({
        where: { id: feedId },
        data: { lastRunAt: now, lastSuccessAt: now, ...(changed ? { lastChangeAt: now } : {}), lastError: null },
      });
      return {
        runId: run.id,
        created: outcome.created,
        changed: outcome.changed,
        unchanged: outcome.unchanged,
        rejected: outcome.rejected,
        rejections: outcome.rejections,
        warnings,
      };
    },
  };
}

/**
 * The same normalise → classify → hash step as ingest/pipeline/extract.ts `process`
 * (not exported there); kept identical so a pushed offer is stored like a fetched one.
 */
function processDraft(draft: PushedOfferDraft, providerId: string, now: Date): ProcessedOffer {
  const source: OfferDraft = draft;
  const offer = normaliseOffer(source, {
    sourceUrl: PUSH_SOURCE(providerId),
    fetchedAt: now,
    adapter: "PUSH",
    adapterVersion: "1",
    referenceDate: now,
  });
  const classification = classifyOffer({
    id: offer.sourceKey,
    title: offer.title,
    description: offer.description,
    provider: offer.organizer ?? undefined,
    keywords: offer.keywords,
    teachingUnits: offer.teachingUnits,
  });
  return { ...offer, classification, contentHash: `${offerHash(offer)}:${classification.knowledgeVersion}` };
}

function previewOffer(offer: ProcessedOffer): PreviewResult["offers"][number] {
  const place = offer.location;
  return {
    sourceKey: offer.sourceKey,
    title: offer.title,
    url: offer.url,
    sessions: offer.sessions.map((s) => ({ start: s.start, end: s.end, allDay: s.allDay })),
    online: offer.online,
    place: place
      ? {
          name: place.name,
          street: place.street,
          postalCode: place.postalCode,
          municipality: place.municipality,
          districtKey: place.districtKey,
          district: place.district,
        }
      : null,
    free: offer.free,
    priceAmount: offer.price?.amount ?? null,
    priceText: offer.priceText,
    teachingUnits: offer.teachingUnits,
    relevant: offer.classification.relevant,
    moduleCodes: offer.classification.modules.map((m) => m.code),
  };
}

// The normaliser names the raw field it could not read; its warnings carry no field of their own.
function offerWarnings(offer: ProcessedOffer): FieldWarning[] {
  const fields = Object.keys(offer.raw);
  return offer.warnings.map((message) => ({
    sourceKey: offer.sourceKey,
    field: fields.length === 1 ? (fields[0] ?? null) : null,
    message,
  }));
}
