import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { codesOf, startGateway, tableCounts, type GraphqlBody, type LiveGateway } from "./support.ts";

/**
 * Query limits over real HTTP: every refusal is a 4xx with a GraphQL error code, never a
 * 500, and a refused request executes nothing.
 */
let t: TestDatabase;
let open: LiveGateway;
let closed: LiveGateway;

beforeAll(async () => {
  t = await createTestDatabase();
  open = await startGateway(t.db, { introspection: true });
  // What production runs by default: no introspection, no IDE, no field suggestions.
  closed = await startGateway(t.db, { introspection: false });
}, 120_000);
afterAll(async () => {
  await open?.close();
  await closed?.close();
  await t?.drop();
});

/** Module.learningArea and LearningArea.modules form a cycle: `levels` pairs deep. */
const nested = (levels: number): string => {
  let inner = "code";
  for (let i = 0; i < levels; i++) inner = `modules { learningArea { ${inner} } }`;
  return `{ taxonomy { learningAreas { ${inner} } } }`;
};

async function refused(res: Response, status = 400): Promise<GraphqlBody> {
  expect(res.status).toBe(status);
  const body = (await res.json()) as GraphqlBody;
  expect(body.errors?.length).toBeGreaterThan(0);
  return body;
}

describe("query limits", () => {
  it("accepts a moderately nested query and refuses one nested deeper than the limit", async () => {
    const ok = await open.post({ query: nested(3) });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as GraphqlBody).errors).toBeUndefined();

    const body = await refused(await open.post({ query: nested(8) }));
    expect(codesOf(body)).toContain("GRAPHQL_VALIDATION_FAILED");
    expect(body.errors?.map((e) => e.message).join(" ")).toMatch(/zu tief verschachtelt/);
  });

  it("refuses an alias flood", async () => {
    const aliases = (n: number) => Array.from({ length: n }, (_, i) => `a${i}: learningAreas { code }`).join(" ");
    expect((await open.post({ query: `{ taxonomy { ${aliases(5)} } }` })).status).toBe(200);
    const body = await refused(await open.post({ query: `{ taxonomy { ${aliases(40)} } }` }));
    expect(codesOf(body)).toContain("GRAPHQL_VALIDATION_FAILED");
    expect(body.errors?.map((e) => e.message).join(" ")).toMatch(/zu viele Aliasse/);
  });

  it("refuses too many directives", async () => {
    const directives = Array.from({ length: 60 }, () => "@include(if: true)").join(" ");
    const body = await refused(await open.post({ query: `{ taxonomy ${directives} { learningAreas { code } } }` }));
    expect(codesOf(body)).toContain("GRAPHQL_VALIDATION_FAILED");
  });

  it("refuses a huge query by its token count with 400, not 500", async () => {
    const fields = Array.from({ length: 3000 }, () => "code").join(" ");
    const body = await refused(await open.post({ query: `{ taxonomy { learningAreas { ${fields} } } }` }));
    expect(codesOf(body)).toContain("GRAPHQL_PARSE_FAILED");
  });

  it("refuses a batch of 1,000 operations", async () => {
    const batch = Array.from({ length: 1000 }, () => ({ query: "{ taxonomy { learningAreas { code } } }" }));
    const res = await open.post(batch);
    expect(res.status).toBe(400);
  });

  it("answers introspection only where configured", async () => {
    const query = { query: "{ __schema { types { name } } }" };
    expect((await open.post(query)).status).toBe(200);
    const body = await refused(await closed.post(query));
    expect(codesOf(body)).toContain("GRAPHQL_VALIDATION_FAILED");
  });

  it("hides field suggestions when introspection is off", async () => {
    const query = { query: "{ taxonomi { learningAreas { code } } }" };
    const leaky = (await (await open.post(query)).json()) as GraphqlBody;
    expect(leaky.errors?.[0]?.message).toMatch(/Did you mean/);
    const body = await refused(await closed.post(query));
    const text = body.errors?.map((e) => e.message).join(" ") ?? "";
    expect(text).not.toMatch(/Did you mean/);
    expect(text).not.toMatch(/"taxonomy"/);
  });

  it("refuses cross-site simple POSTs (CSRF) and executes nothing", async () => {
    const mutation = JSON.stringify({
      query: 'mutation { registerProvider(input: { name: "Fremdseite", contactEmail: "x@example.org" }) { id } }',
    });
    const before = await tableCounts(t.db);
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const res = await fetch(open.graphql, { method: "POST", headers: { "content-type": type }, body: mutation });
      expect(res.status, type).toBe(400);
    }
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it("serves automatic persisted queries over GET for the portal", async () => {
    const query = "{ taxonomy { learningAreas { code } } }";
    const sha256Hash = createHash("sha256").update(query).digest("hex");
    const extensions = encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash } }));
    const get = () =>
      fetch(`${open.graphql}?extensions=${extensions}`, { headers: { "apollo-require-preflight": "true" } });

    const unknown = (await (await get()).json()) as GraphqlBody;
    expect(codesOf(unknown)).toContain("PERSISTED_QUERY_NOT_FOUND");
    const registered = await open.post({ query, extensions: { persistedQuery: { version: 1, sha256Hash } } });
    expect(registered.status).toBe(200);
    const hit = await get();
    expect(hit.status).toBe(200);
    const body = (await hit.json()) as { data: { taxonomy: { learningAreas: unknown[] } } };
    expect(body.data.taxonomy.learningAreas.length).toBeGreaterThan(0);

    // A GET without a preflight-forcing header is a simple request: CSRF prevention refuses it.
    expect((await fetch(`${open.graphql}?extensions=${extensions}`)).status).toBe(400);
  });

  it("refuses a persisted query whose hash does not match its text", async () => {
    const res = await open.post({
      query: "{ taxonomy { learningAreas { code } } }",
      extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } },
    });
    expect(res.status).toBe(400);
  });
});
