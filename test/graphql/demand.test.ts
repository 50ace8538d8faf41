import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listen } from "../../gateway/server.ts";
import { createDemandRecorder, normaliseTerm, type DemandRecorder } from "../../schema/demand/demand.recorder.ts";
import type { Viewer } from "../../schema/common/context.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { testGateway } from "../support/gateway.ts";
import { createFeed, createOffer, createProvider } from "../factories/offers.ts";
import { DemandDocument } from "./generated.ts";

let t: TestDatabase;
let api: Awaited<ReturnType<typeof testGateway>>;
let recorder: DemandRecorder;
let server: Server;
let url = "";
const NOW = new Date("2026-11-22T10:00:00Z");
const analyst: Viewer = { role: "ANALYST", id: "token:a1", name: "Analystin Geheim" };
const provider: Viewer = { role: "PROVIDER", id: "token:p1", name: "Anbieter", providerId: "x" };

const MATCH = `query($p: MatchProfile) { matchOffers(profile: $p) { totalCount } }`;
const PATH = `query($i: LearningPathInput!) { learningPath(input: $i) { uncoveredModules { code } } }`;

beforeAll(async () => {
  t = await createTestDatabase();
  // A long interval: only explicit flushes and close() write in this file.
  recorder = createDemandRecorder(t.db, { now: () => NOW, flushMs: 3_600_000 });
  api = await testGateway(t.db, { now: () => NOW, demand: recorder });
  server = await listen(api.gateway, 0, "127.0.0.1");
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const feed = await createFeed(t.db, (await createProvider(t.db)).id);
  await createOffer(t.db, feed, {
    title: "Sozialraumanalyse in der Praxis",
    districtKey: "08117",
    regionKey: "081",
    moduleCodes: ["M04"],
    sessions: [{ start: new Date("2027-03-18T09:00:00Z") }],
  });
  await createOffer(t.db, feed, {
    title: "Online: Sozialraumanalyse",
    online: true,
    moduleCodes: ["M04"],
    sessions: [{ start: new Date("2027-02-01T09:00:00Z") }],
  });
});
afterAll(async () => {
  server.close();
  await api.gateway.stop();
  await t.drop();
});

const count = async (): Promise<number> =>
  Number((await t.db.sql<{ n: number }>(`select count(*)::int as n from "DemandCount"`))[0]?.n);

describe("recording demand", () => {
  it("counts searches over HTTP and in-process in memory, without touching the database until a flush", async () => {
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "Testbrowser/1.0",
        "x-forwarded-for": "203.0.113.7",
      },
      body: JSON.stringify({
        query: MATCH,
        variables: { p: { modules: ["M04"], place: { districtKey: "08117" }, text: "  SOZIALRAUMANALYSE  " } },
      }),
    });
    expect(response.status).toBe(200);
    expect(
      ((await response.json()) as { data: { matchOffers: { totalCount: number } } }).data.matchOffers.totalCount,
    ).toBe(2);
    // Nothing to be found: an empty search, asked from Freiburg with only in-person offers.
    const empty = await api.raw(MATCH, {
      p: { modules: ["V05"], place: { districtKey: "08311" }, onlineAcceptable: false },
    });
    expect(empty.errors).toBeUndefined();
    const path = await api.raw<{ learningPath: { uncoveredModules: { code: string }[] } }>(
      PATH,
      { i: { roles: ["KOORDINATION"], place: { districtKey: "08311" }, onlineAcceptable: false } },
      analyst,
    );
    expect(path.errors).toBeUndefined();
    expect(path.data!.learningPath.uncoveredModules.length).toBeGreaterThan(0);
    expect(recorder.pending()).toBeGreaterThan(0);
    expect(await count()).toBe(0);
    await recorder.flush();
    expect(recorder.pending()).toBe(0);
    expect(await count()).toBeGreaterThan(0);
  });

  it("stores only anonymous keys and counts", async () => {
    const columns = await t.db.sql<{ column_name: string }>(
      `select column_name from information_schema.columns where table_name = 'DemandCount' order by ordinal_position`,
    );
    expect(columns.map((c) => c.column_name)).toEqual([
      "day",
      "kind",
      "moduleCode",
      "districtKey",
      "regionKey",
      "term",
      "count",
    ]);
    const rows = await t.db.sql<Record<string, unknown>>(
      `select to_char(day, 'YYYY-MM-DD') as day, kind, "moduleCode", "districtKey", "regionKey", term, count from "DemandCount"`,
    );
    for (const row of rows) {
      expect(row.day).toBe("2026-11-22");
      expect(["SEARCH", "EMPTY_SEARCH", "UNCOVERED_PATH"]).toContain(row.kind);
      expect(row.moduleCode).toMatch(/^([MV]\d\d)?$/);
      expect(row.districtKey).toMatch(/^(\d{5})?$/);
      expect(row.regionKey).toMatch(/^(\d{3})?$/);
      expect(["", "sozialraumanalyse"]).toContain(row.term);
    }
    const all = JSON.stringify(rows);
    for (const personal of ["203.0.113.7", "Testbrowser", "Geheim", "token:a1", "KOORDINATION"])
      expect(all).not.toContain(personal);
  });

  it("takes district and region from a municipality key without a query, and stops counting when closed", async () => {
    const own = createDemandRecorder(t.db, { now: () => new Date("2026-11-24T10:00:00Z"), flushMs: 3_600_000 });
    own.search({ modules: ["m07", "X99"], place: { municipalityKey: "08117026" } }, 3);
    own.uncoveredPath({ place: null }, ["M02"]);
    expect(own.pending()).toBe(4);
    await own.close();
    own.search({ modules: ["M07"] }, 0);
    expect(own.pending()).toBe(0);
    const rows = await t.db.sql<{ kind: string; moduleCode: string; districtKey: string; regionKey: string }>(
      `select kind, "moduleCode", "districtKey", "regionKey" from "DemandCount" where day = '2026-11-24'
        order by kind, "moduleCode"`,
    );
    expect(rows).toEqual([
      { kind: "SEARCH", moduleCode: "", districtKey: "08117", regionKey: "081" },
      { kind: "SEARCH", moduleCode: "M07", districtKey: "08117", regionKey: "081" },
      { kind: "UNCOVERED_PATH", moduleCode: "", districtKey: "", regionKey: "" },
      { kind: "UNCOVERED_PATH", moduleCode: "M02", districtKey: "", regionKey: "" },
    ]);
  });

  it("normalises search terms", () => {
    expect(normaliseTerm("  Bürger\tBETEILIGUNG  ")).toBe("bürger beteiligung");
    expect(normaliseTerm("x".repeat(100))).toHaveLength(60);
    expect(normaliseTerm(null)).toBe("");
  });
});

describe("demand report", () => {
  it("joins what was looked for to what is on offer", async () => {
    const { data, errors } = await api.run(DemandDocument, {}, analyst);
    expect(errors).toBeUndefined();
    const rows = data!.demand.rows;
    const row = (m: string | null, r: string | null) => rows.find((x) => x.moduleCode === m && x.regionKey === r);
    expect(row("M04", "08117")).toEqual({
      moduleCode: "M04",
      regionKey: "08117",
      searches: 1,
      emptySearches: 0,
      uncoveredPathRequests: 0,
      supply: 2,
    });
    expect(row("V05", "08311")).toMatchObject({ searches: 1, emptySearches: 1, supply: 0 });
    expect(row(null, "08311")).toMatchObject({ searches: 1, emptySearches: 1, uncoveredPathRequests: 1 });
    expect(row("M02", "08311")).toMatchObject({ uncoveredPathRequests: 1, supply: 0 });
    // Unmet demand first.
    expect(rows[0]!.emptySearches + rows[0]!.uncoveredPathRequests).toBeGreaterThan(0);
    expect(data!.demand.topTerms).toEqual([{ term: "sozialraumanalyse", searches: 1, emptySearches: 0 }]);
    const regions = await api.run(DemandDocument, { input: { level: "REGION" } }, analyst);
    expect(regions.data!.demand.rows.find((x) => x.moduleCode === "M04" && x.regionKey === "081")?.searches).toBe(1);
  });

  it("refuses a bad period and everyone but analysts", async () => {
    const bad = await api.run(
      DemandDocument,
      { input: { from: "2026-12-01T00:00:00Z", to: "2026-11-01T00:00:00Z" } },
      analyst,
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.to" });
    expect((await api.run(DemandDocument, {})).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect((await api.run(DemandDocument, {}, provider)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("flush on close", () => {
  it("a gateway's own recorder writes what it holds when the gateway stops", async () => {
    const own = await testGateway(t.db, { now: () => new Date("2026-11-23T10:00:00Z") });
    const result = await own.raw(MATCH, { p: { modules: ["M09"], text: "Ehrenamt" } });
    expect(result.errors).toBeUndefined();
    const day = `select coalesce(sum(count), 0)::int as n from "DemandCount" where day = '2026-11-23'`;
    expect(Number((await t.db.sql<{ n: number }>(day))[0]?.n)).toBe(0);
    await own.gateway.stop();
    expect(Number((await t.db.sql<{ n: number }>(day))[0]?.n)).toBeGreaterThan(0);
  });
});
