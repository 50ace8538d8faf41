import type { Database } from "../prisma/database.ts";
import type { FeedKind } from "./adapters/types.ts";

/** A provider with its feeds, as a seed or an operator registers them. */
export interface ProviderRegistration {
  slug: string;
  name: string;
  website?: string;
  contactEmail?: string;
  description?: string;
  feeds: { url: string; kind?: FeedKind; config?: object; schedule?: string }[];
}

/**
 * Registers approved providers and their feeds idempotently: providers by slug, feeds
 * by (provider, path of the URL), so a demo server on another port updates the URL
 * instead of adding a second feed.
 */
export async function registerProviders(
  db: Database,
  registrations: readonly ProviderRegistration[],
  now: Date,
): Promise<string[]> {
  const feedIds: string[] = [];
  for (const r of registrations) {
    const data = {
      name: r.name,
      website: r.website ?? null,
      contactEmail: r.contactEmail ?? null,
      description: r.description ?? null,
    };
    const provider = await db.prisma.provider.upsert({
      where: { slug: r.slug },
      create: { slug: r.slug, ...data, status: "APPROVED", decidedAt: now },
      update: data,
    });
    const existing = await db.prisma.feed.findMany({ where: { providerId: provider.id } });
    for (const feed of r.feeds) {
      const path = new URL(feed.url).pathname;
      const match = existing.find((e) => e.url && new URL(e.url).pathname === path);
      const values = {
        url: feed.url,
        kind: feed.kind ?? null,
        config: (feed.config ?? {}) as object,
        ...(feed.schedule ? { schedule: feed.schedule } : {}),
      };
      const saved = match
        ? await db.prisma.feed.update({ where: { id: match.id }, data: values })
        : await db.prisma.feed.create({ data: { providerId: provider.id, ...values } });
      feedIds.push(saved.id);
    }
  }
  return feedIds;
}
