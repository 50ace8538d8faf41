/**
 * The servers the matching benchmark loads, one per child process (pinned to its own core
 * by the parent with taskset). BENCH_MODE:
 *  - hub:        the real gateway (openRuntime + createGateway + ingest deps, as `hub serve`);
 *                IPC {cmd:"ingest", feedIds} runs those feeds in-process, as the runFeed
 *                mutation does behind the provider port;
 *  - hub-memory: the same gateway over a database whose SQL answers are kept in memory after
 *                the first call, so a page comes from memory through the whole GraphQL stack;
 *  - bare-db:    node:http + pg running the identical SQL (candidatesSql, OFFER_ROWS_SQL) and
 *                the same ranking, answering the same JSON as the GraphQL query;
 *  - bare-static: node:http answering BENCH_BODY's bytes.
 * Prints one JSON line {port} when listening; IPC {cmd:"rss"} answers the resident set.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import { loadConfig } from "../../gateway/config.ts";
import type { Database } from "../../prisma/database.ts";

const mode = process.env.BENCH_MODE ?? "hub";

function send(message: unknown): void {
  process.send?.(message);
}

async function listenOn(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<number> {
  const server = createServer(handler);
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    req.on("error", reject);
  });
}

/** Keeps every distinct statement's answer after its first run: "from memory". */
function memoised(db: Database): Database {
  const answers = new Map<string, Promise<unknown[]>>();
  const sql = ((text: string, params: readonly unknown[] = []) => {
    const key = `${text}\u0000${JSON.stringify(params)}`;
    let answer = answers.get(key);
    if (!answer) {
      answer = db.sql(text, params as unknown[]);
      answers.set(key, answer);
    }
    // Rows are mutated by the callers (dates parsed in place): hand out copies.
    return answer.then((rows) => structuredClone(rows));
  }) as Database["sql"];
  return { ...db, sql };
}

async function startHub(memory: boolean): Promise<number> {
  const { openRuntime } = await import("../../gateway/runtime.ts");
  const { createGateway } = await import("../../gateway/server.ts");
  const { hubSchema } = await import("../../schema/build-schema.ts");
  const { createIngestDeps } = await import("../../gateway/ingest-deps.ts");
  const { createIngestPort } = await import("../../gateway/ingest-port.ts");
  const { runFeed } = await import("../../ingest/run-feed.ts");
  const cfg = loadConfig();
  const runtime = await openRuntime(cfg);
  const deps = createIngestDeps(runtime, { extraAllowHosts: process.env.BENCH_SYNTH_HOST ?? "" });
  const gateway = await createGateway({
    db: memory ? memoised(runtime.db) : runtime.db,
    schema: await hubSchema(),
    logger: runtime.logger,
    env: "production",
    introspection: false,
    security: cfg.security,
    ingest: createIngestPort(deps, { allowHosts: cfg.fetch.allowHosts }),
  });
  process.on("message", (message: { cmd?: string; feedIds?: string[] }) => {
    if (message.cmd !== "ingest") return;
    void (async () => {
      const started = performance.now();
      let offers = 0;
      for (const feedId of message.feedIds ?? []) {
        const result = await runFeed(deps, feedId, "MANUAL");
        offers += result.outcome?.fetched ?? 0;
      }
      send({ ingested: offers, ms: performance.now() - started });
    })().catch((error: unknown) => send({ ingested: -1, ms: 0, error: String(error) }));
  });
  return listenOn((req, res) => void gateway.handle(req, res));
}

async function startBareDb(): Promise<number> {
  const pg = (await import("pg")).default;
  const { openDatabase } = await import("../../prisma/database.ts");
  const { criteriaOf } = await import("../../schema/matching/criteria.ts");
  const { candidatesSql, candidateRows, candidatePlan, MATCH_CANDIDATES } =
    await import("../../schema/matching/match.sql.ts");
  const { OFFER_ROWS_SQL, offerRowsOf } = await import("../../schema/matching/matching.service.ts");
  const { rank } = await import("../../schema/matching/score.ts");
  const url = process.env.DATABASE_URL ?? "";
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // Only for the place lookup, which both sides cache after the first request.
  const db = await openDatabase({ databaseUrl: url, poolSize: 1 });
  return listenOn((req, res) => {
    void (async () => {
      const body = (await readJson(req)) as { variables?: { profile?: Record<string, unknown> } };
      const profile = { ...(body.variables?.profile ?? {}) };
      for (const key of ["from", "to"]) if (typeof profile[key] === "string") profile[key] = new Date(profile[key]);
      const criteria = await criteriaOf(db, profile as never, new Date());
      const q = candidatesSql(criteria, MATCH_CANDIDATES, await candidatePlan(db, criteria));
      const rows = candidateRows((await pool.query(q.text, q.values)).rows as Record<string, unknown>[]);
      const page = rank(rows, criteria).slice(0, 20);
      const ids = page.map((s) => s.id);
      const offers = new Map(
        offerRowsOf(ids.length ? (await pool.query(OFFER_ROWS_SQL, [ids])).rows : [], ids).map((o) => [o.id, o]),
      );
      const edges = page.flatMap((s) => {
        const o = offers.get(s.id);
        if (!o) return [];
        const located = Boolean(o.locationName || o.postalCode || o.municipality || o.districtKey);
        return [
          {
            node: {
              score: s.score,
              reasons: s.reasons,
              distanceKm: s.distanceKm,
              offer: {
                id: o.id,
                title: o.title,
                firstStart: o.firstStart?.toISOString() ?? null,
                location: located ? { municipality: o.municipality } : null,
              },
            },
          },
        ];
      });
      const json = JSON.stringify({ data: { matchOffers: { totalCount: rows.length, edges } } });
      res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
      res.end(json);
    })().catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
}

async function startBareStatic(): Promise<number> {
  const bytes = readFileSync(process.env.BENCH_BODY ?? "");
  return listenOn((req, res) => {
    // Drain the request like a real handler would, then answer the fixed bytes.
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
      res.end(bytes);
    });
  });
}

process.on("message", (message: { cmd?: string }) => {
  if (message.cmd === "rss") send({ rss: process.memoryUsage().rss });
});

const port =
  mode === "hub" || mode === "hub-memory"
    ? await startHub(mode === "hub-memory")
    : mode === "bare-db"
      ? await startBareDb()
      : await startBareStatic();
send({ port });
