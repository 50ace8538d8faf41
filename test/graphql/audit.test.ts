import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { testGateway } from "../support/gateway.ts";
import { createProvider } from "../factories/offers.ts";
import type { Viewer } from "../../schema/common/context.ts";

type Result = {
  data?: Record<string, unknown> | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
};
const call = async (query: string, variables: Record<string, unknown> = {}, viewer?: Viewer): Promise<Result> =>
  (await api.raw(query, variables, viewer)) as Result;

let t: TestDatabase;
let api: Awaited<ReturnType<typeof testGateway>>;
let providerId = "";
const admin: Viewer = { role: "ADMIN", id: "token:admin", name: "Admin Test" };
const analyst: Viewer = { role: "ANALYST", id: "token:analyst", name: "Analystin Test" };
let provider: Viewer;

const EVENTS = `query($first: Int, $after: String, $type: String, $id: String) {
  auditEvents(first: $first, after: $after, entityType: $type, entityId: $id) {
    totalCount hasNextPage endCursor items { action entityType entityId actorType actorName role before after reason } } }`;
interface Page {
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
  items: {
    action: string;
    entityId: string | null;
    actorType: string;
    actorName: string | null;
    before: string | null;
    after: string | null;
    reason: string | null;
  }[];
}

beforeAll(async () => {
  t = await createTestDatabase();
  api = await testGateway(t.db);
  providerId = (await createProvider(t.db, { name: "Bildungswerk Rems", website: "https://rems.example" })).id;
  provider = { role: "PROVIDER", id: "token:rems", name: "Anbieter Rems", providerId };
  await call(
    `mutation { updateMyProvider(input: { website: "https://bildungswerk-rems.example" }) { id } }`,
    {},
    provider,
  );
  const pending = await createProvider(t.db, { status: "PENDING" });
  await call(
    `mutation($id: ID!) { decideProvider(id: $id, approve: false, reason: "Kein Angebot im Land") { provider { id } } }`,
    { id: pending.id },
    analyst,
  );
});
afterAll(async () => {
  await api.gateway.stop();
  await t.drop();
});

describe("auditEvents", () => {
  it("is for administrators only", async () => {
    expect((await call(EVENTS)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect((await call(EVENTS, {}, analyst)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await call(EVENTS, {}, provider)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("lists changes newest first with actor, before and after", async () => {
    const result = await call(EVENTS, {}, admin);
    expect(result.errors).toBeUndefined();
    const page = result.data?.auditEvents as Page;
    expect(page.items.map((i) => i.action)).toEqual(["provider.reject", "provider.update"]);
    const update = page.items[1]!;
    expect(update).toMatchObject({ entityId: providerId, actorType: "TOKEN", actorName: "Anbieter Rems" });
    expect(JSON.parse(update.before ?? "{}")).toMatchObject({ website: "https://rems.example" });
    expect(JSON.parse(update.after ?? "{}")).toMatchObject({ website: "https://bildungswerk-rems.example" });
    expect(page.items[0]?.reason).toBe("Kein Angebot im Land");
  });

  it("filters by entity and pages with a cursor", async () => {
    const filtered = (await call(EVENTS, { type: "Provider", id: providerId }, admin)).data?.auditEvents as Page;
    expect(filtered.items.map((i) => i.action)).toEqual(["provider.update"]);
    const first = (await call(EVENTS, { first: 1 }, admin)).data?.auditEvents as Page;
    expect(first).toMatchObject({ totalCount: 2, hasNextPage: true });
    const second = (await call(EVENTS, { first: 1, after: first.endCursor }, admin)).data?.auditEvents as Page;
    expect(second.items.map((i) => i.action)).toEqual(["provider.update"]);
    expect(second.hasNextPage).toBe(false);
    expect((await call(EVENTS, { first: 500 }, admin)).errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "first",
    });
  });

  it("a refused mutation leaves no trace", async () => {
    const before = await t.db.prisma.auditEvent.count();
    await call(`mutation { updateMyProvider(input: { website: "ftp://x.example" }) { id } }`, {}, provider);
    await call(
      `mutation($id: ID!) { decideProvider(id: $id, approve: true) { provider { id } } }`,
      { id: providerId },
      provider,
    );
    expect(await t.db.prisma.auditEvent.count()).toBe(before);
  });
});
