import { randomUUID } from "node:crypto";
import type { Database } from "../../prisma/database.ts";
import type { Prisma } from "../../prisma/generated/client.ts";

/** Small builders for test data: defaults for everything, overrides for what a test is about. */

export async function createProvider(db: Database, overrides: Partial<Prisma.ProviderCreateInput> = {}) {
  const slug = overrides.slug ?? `anbieter-${randomUUID().slice(0, 8)}`;
  return db.prisma.provider.create({
    data: { name: `Bildungswerk ${slug}`, status: "APPROVED", ...overrides, slug },
  });
}

export async function createFeed(
  db: Database,
  providerId: string,
  overrides: Partial<Prisma.FeedUncheckedCreateInput> = {},
) {
  return db.prisma.feed.create({
    data: { providerId, url: `https://anbieter.example/${randomUUID()}/feed.ics`, kind: "ICAL", ...overrides },
  });
}

export interface OfferSeed {
  title?: string;
  description?: string;
  sessions?: { start: Date; end?: Date | null; allDay?: boolean }[];
  moduleCodes?: string[];
  learningAreas?: string[];
  roles?: ("KOORDINATION" | "STEUERUNG")[];
  learningFormat?: "EINFUEHRUNG" | "BASIS" | "VERTIEFUNG" | null;
  districtKey?: string | null;
  regionKey?: string | null;
  online?: boolean;
  free?: boolean;
  priceAmount?: number | null;
  relevant?: boolean;
  status?: "ACTIVE" | "WITHDRAWN";
  keywords?: string[];
  duplicateOfId?: string | null;
}

export async function createOffer(db: Database, feed: { id: string; providerId: string }, seed: OfferSeed = {}) {
  const sessions = seed.sessions ?? [
    { start: new Date("2027-03-18T13:00:00Z"), end: new Date("2027-03-18T16:30:00Z") },
  ];
  const starts = sessions.map((s) => s.start.getTime());
  const ends = sessions.map((s) => (s.end ?? s.start).getTime());
  const relevant = seed.relevant ?? true;
  return db.prisma.offer.create({
    data: {
      feedId: feed.id,
      providerId: feed.providerId,
      sourceKey: randomUUID(),
      title: seed.title ?? "Sozialraumanalyse in der Praxis",
      description: seed.description ?? "Methoden der Sozialraumanalyse für Quartierskoordinatorinnen.",
      status: seed.status ?? "ACTIVE",
      online: seed.online ?? false,
      free: seed.free ?? false,
      priceAmount: seed.priceAmount ?? null,
      priceCurrency: seed.priceAmount ? "EUR" : null,
      keywords: seed.keywords ?? [],
      districtKey: seed.districtKey ?? null,
      regionKey: seed.regionKey ?? null,
      firstStart: sessions.length ? new Date(Math.min(...starts)) : null,
      lastEnd: sessions.length ? new Date(Math.max(...ends)) : null,
      autoRelevant: relevant,
      relevant,
      relevanceScore: relevant ? 0.9 : 0.1,
      moduleCodes: seed.moduleCodes ?? ["M04"],
      learningAreas: seed.learningAreas ?? ["LB2"],
      roles: seed.roles ?? ["STEUERUNG"],
      learningFormat: seed.learningFormat ?? "BASIS",
      duplicateOfId: seed.duplicateOfId ?? null,
      contentHash: randomUUID(),
      sourceUrl: "https://anbieter.example/feed",
      fetchedAt: new Date("2026-11-01T00:00:00Z"),
      adapter: "test",
      adapterVersion: "1",
      sessions: { create: sessions.map((s) => ({ start: s.start, end: s.end ?? null, allDay: s.allDay ?? false })) },
      modules: {
        create: (seed.moduleCodes ?? ["M04"]).map((code) => ({
          moduleCode: code,
          source: "AUTOMATIC" as const,
          confidence: 0.8,
          evidence: ["Sozialraumanalyse"],
          taxonomyVersion: "qiq-2019.1",
        })),
      },
    },
  });
}
