import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { createGateway, listen, type Gateway, type GatewayDeps } from "../../gateway/server.ts";
import { hubSchema } from "../../schema/build-schema.ts";
import type { Database } from "../../prisma/database.ts";

/**
 * A gateway listening on 127.0.0.1 with a clock the test moves by hand, so rate
 * limits and expiries are tested without sleeping.
 */
export interface LiveGateway {
  gateway: Gateway;
  base: string;
  graphql: string;
  clock: { advance(ms: number): void; now(): Date };
  post(body: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export async function startGateway(db: Database, overrides: Partial<GatewayDeps> = {}): Promise<LiveGateway> {
  let now = new Date("2026-11-22T08:00:00Z").getTime();
  const gateway = await createGateway({
    db,
    schema: await hubSchema(),
    logger: pino({ level: "silent" }),
    env: "production",
    introspection: true,
    now: () => new Date(now),
    ...overrides,
  });
  const server: Server = await listen(gateway, 0, "127.0.0.1");
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const graphql = `${base}/graphql`;
  return {
    gateway,
    base,
    graphql,
    clock: { advance: (ms) => void (now += ms), now: () => new Date(now) },
    post: (body, headers = {}) =>
      fetch(graphql, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(body),
      }),
    close: async () => {
      server.closeAllConnections();
      server.close();
      await gateway.stop();
    },
  };
}

export interface GraphqlBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export const codesOf = (body: GraphqlBody): string[] => (body.errors ?? []).map((e) => e.extensions?.code ?? "");

/** Row counts of the tables a mutation could touch: a refusal must leave them all alone. */
export async function tableCounts(db: Database): Promise<Record<string, number>> {
  const p = db.prisma;
  const [offers, modules, feeds, providers, tokens, users, sessions, audit, runs, objections] = await Promise.all([
    p.offer.count(),
    p.offerModule.count(),
    p.feed.count(),
    p.provider.count(),
    p.apiToken.count(),
    p.user.count(),
    p.userSession.count(),
    p.auditEvent.count(),
    p.ingestRun.count(),
    p.objection.count(),
  ]);
  return { offers, modules, feeds, providers, tokens, users, sessions, audit, runs, objections };
}
