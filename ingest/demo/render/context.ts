import { DEMO_PROVIDER_PROFILES, offerUrl, type DemoOffer, type DemoProviderProfile } from "../catalogue.ts";

/** What a renderer needs: the provider, the offers on its feed and where its site lives. */
export interface RenderContext {
  provider: DemoProviderProfile;
  offers: readonly DemoOffer[];
  /** Server root, e.g. "http://127.0.0.1:4100". */
  baseUrl: string;
  /** ISO date of the catalogue's base date (feed "generated" stamps derive from it). */
  baseDate: string;
}

export const siteUrl = (ctx: RenderContext): string => `${ctx.baseUrl}/${ctx.provider.slug}`;
export const feedUrl = (ctx: RenderContext): string => `${siteUrl(ctx)}/${ctx.provider.feedPath}`;
export const urlOf = (ctx: RenderContext, offer: DemoOffer): string => offerUrl(ctx.baseUrl, ctx.provider.slug, offer);
export const registrationUrl = (ctx: RenderContext, offer: DemoOffer): string => `${urlOf(ctx, offer)}#anmeldung`;

export function organiserName(offer: DemoOffer): string {
  const slug = offer.providers[0];
  return DEMO_PROVIDER_PROFILES.find((p) => p.slug === slug)?.name ?? "";
}

/** The feed's item key for an offer: providers key their items with their own id. */
export const itemKey = (ctx: RenderContext, offer: DemoOffer): string => `${ctx.provider.slug}:${offer.id}`;
