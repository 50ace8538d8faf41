import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { testGateway } from "../support/gateway.ts";
import { createProvider } from "../factories/offers.ts";
import { authenticateToken } from "../../schema/access/tokens.ts";
import { listen } from "../../gateway/server.ts";
import type { AddressInfo } from "node:net";
import type { Viewer } from "../../schema/common/context.ts";

type Result = {
  data?: Record<string, unknown> | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
};
const call = async (query: string, variables: Record<string, unknown> = {}, viewer?: Viewer): Promise<Result> =>
  (await api.raw(query, variables, viewer)) as Result;

let t: TestDatabase;
let api: Awaited<ReturnType<typeof testGateway>>;
const analyst: Viewer = { role: "ANALYST", id: "token:analyst", name: "Analystin Test" };
const admin: Viewer = { role: "ADMIN", id: "token:admin", name: "Admin Test" };
const stranger: Viewer = {
  role: "PROVIDER",
  id: "token:stranger",
  name: "Fremder Anbieter",
  providerId: "nicht-vorhanden",
};

beforeAll(async () => {
  t = await createTestDatabase();
  api = await testGateway(t.db);
});
afterAll(async () => {
  await api.gateway.stop();
  await t.drop();
});

const code = (r: Result) => r.errors?.[0]?.extensions?.code;
const REGISTER = `mutation($input: RegisterProviderInput!) { registerProvider(input: $input) { id slug name status contactEmail } }`;
const DECIDE = `mutation($id: ID!, $approve: Boolean!, $reason: String) { decideProvider(id: $id, approve: $approve, reason: $reason) { provider { id status } token { token prefix } } }`;
const ROTATE = `mutation($id: ID!) { rotateProviderToken(providerId: $id) { token prefix } }`;
const UPDATE = `mutation($input: UpdateMyProviderInput!) { updateMyProvider(input: $input) { id name website contactEmail } }`;

async function viewerFor(token: string): Promise<Viewer> {
  const outcome = await authenticateToken(t.db, token);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.viewer;
}

describe("registerProvider", () => {
  it("creates a PENDING provider with a unique slug from its name, hidden from the public list", async () => {
    const input = {
      name: "Bildungswerk Süd e.V.",
      contactEmail: "Kurse@Bildungswerk-Sued.example",
      website: "https://bildungswerk-sued.example",
    };
    const first = await call(REGISTER, { input });
    expect(first.errors).toBeUndefined();
    expect(first.data?.registerProvider).toMatchObject({
      slug: "bildungswerk-sued-e-v",
      status: "PENDING",
      contactEmail: null,
    });
    const second = await call(REGISTER, { input });
    expect((second.data?.registerProvider as { slug: string }).slug).toBe("bildungswerk-sued-e-v-2");
    const list = await call(`{ providers { slug } }`);
    expect((list.data?.providers as { slug: string }[]).map((p) => p.slug)).not.toContain("bildungswerk-sued-e-v");
    const stored = await t.db.prisma.provider.findUniqueOrThrow({ where: { slug: "bildungswerk-sued-e-v" } });
    expect(stored.contactEmail).toBe("kurse@bildungswerk-sued.example");
  });

  const invalid: [string, Record<string, unknown>, string][] = [
    ["a missing name", { name: " ", contactEmail: "a@b.example" }, "name"],
    ["an overlong name", { name: "N".repeat(201), contactEmail: "a@b.example" }, "name"],
    ["a bad email", { name: "Träger", contactEmail: "keine-mail" }, "contactEmail"],
    [
      "a website that is not http(s)",
      { name: "Träger", contactEmail: "a@b.example", website: "ftp://b.example" },
      "website",
    ],
    [
      "a website with credentials",
      { name: "Träger", contactEmail: "a@b.example", website: "https://u:p@b.example" },
      "website",
    ],
    [
      "an overlong description",
      { name: "Träger", contactEmail: "a@b.example", description: "x".repeat(5001) },
      "description",
    ],
  ];
  for (const [what, input, field] of invalid) {
    it(`refuses ${what} and creates nothing`, async () => {
      const before = await t.db.prisma.provider.count();
      const result = await call(REGISTER, { input });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
      expect(await t.db.prisma.provider.count()).toBe(before);
    });
  }
});

describe("approval flow", () => {
  let providerId = "";
  let token = "";

  beforeAll(async () => {
    const result = await call(REGISTER, {
      input: { name: "Quartiersakademie Ulm", contactEmail: "info@qa-ulm.example" },
    });
    providerId = (result.data?.registerProvider as { id: string }).id;
  });

  it("decideProvider is refused without a token and for providers; nothing changes", async () => {
    expect(code(await call(DECIDE, { id: providerId, approve: true }))).toBe("UNAUTHENTICATED");
    expect(code(await call(DECIDE, { id: providerId, approve: true }, stranger))).toBe("FORBIDDEN");
    expect((await t.db.prisma.provider.findUniqueOrThrow({ where: { id: providerId } })).status).toBe("PENDING");
    expect(await t.db.prisma.apiToken.count({ where: { providerId } })).toBe(0);
  });

  it("approval returns a provider token once; the token works as that provider", async () => {
    const result = await call(DECIDE, { id: providerId, approve: true, reason: "Träger geprüft" }, analyst);
    expect(result.errors).toBeUndefined();
    const approval = result.data?.decideProvider as {
      provider: { status: string };
      token: { token: string; prefix: string };
    };
    expect(approval.provider.status).toBe("APPROVED");
    token = approval.token.token;
    const viewer = await viewerFor(token);
    expect(viewer).toMatchObject({ role: "PROVIDER", providerId });
    const mine = await call(`{ myProvider { id name contactEmail status } }`, {}, viewer);
    expect(mine.data?.myProvider).toMatchObject({
      id: providerId,
      contactEmail: "info@qa-ulm.example",
      status: "APPROVED",
    });
    // A second decision would issue a token nobody sees: refused.
    expect(code(await call(DECIDE, { id: providerId, approve: true }, analyst))).toBe("CONFLICT");
  });

  it("the issued token works on a real HTTP request (loopback)", async () => {
    const server = await listen(api.gateway, 0, "127.0.0.1");
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: "{ myProvider { id status } }" }),
      });
      expect(await response.json()).toEqual({ data: { myProvider: { id: providerId, status: "APPROVED" } } });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("rejection issues no token", async () => {
    const other = await createProvider(t.db, { status: "PENDING" });
    const result = await call(DECIDE, { id: other.id, approve: false, reason: "Kein Bildungsträger" }, analyst);
    expect(result.data?.decideProvider).toEqual({ provider: { id: other.id, status: "REJECTED" }, token: null });
    expect(await t.db.prisma.apiToken.count({ where: { providerId: other.id } })).toBe(0);
  });

  it("updateMyProvider changes the own record only, validated", async () => {
    const viewer = await viewerFor(token);
    expect(code(await call(UPDATE, { input: { name: "X Y" } }))).toBe("UNAUTHENTICATED");
    expect(code(await call(UPDATE, { input: { name: "X Y" } }, analyst))).toBe("FORBIDDEN");
    const bad = await call(UPDATE, { input: { website: "javascript:alert(1)" } }, viewer);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "website" });
    const ok = await call(
      UPDATE,
      { input: { website: "https://qa-ulm.example/kurse", description: "Fortbildungen für Quartiersarbeit" } },
      viewer,
    );
    expect(ok.data?.updateMyProvider).toMatchObject({
      id: providerId,
      name: "Quartiersakademie Ulm",
      website: "https://qa-ulm.example/kurse",
    });
  });

  it("a provider cannot read another provider's pending record", async () => {
    const pending = await createProvider(t.db, { status: "PENDING" });
    const viewer = await viewerFor(token);
    expect(code(await call(`query($id: ID!) { provider(id: $id) { id } }`, { id: pending.id }, viewer))).toBe(
      "NOT_FOUND",
    );
  });

  it("rotateProviderToken: the provider itself or an analyst; the old token stops working", async () => {
    const viewer = await viewerFor(token);
    expect(code(await call(ROTATE, { id: providerId }))).toBe("UNAUTHENTICATED");
    expect(code(await call(ROTATE, { id: providerId }, stranger))).toBe("NOT_FOUND");
    expect((await authenticateToken(t.db, token)).ok).toBe(true);

    const rotated = await call(ROTATE, { id: providerId }, viewer);
    expect(rotated.errors).toBeUndefined();
    const next = (rotated.data?.rotateProviderToken as { token: string }).token;
    expect(await authenticateToken(t.db, token)).toMatchObject({ ok: false, reason: "Das Token wurde widerrufen." });
    expect(await viewerFor(next)).toMatchObject({ role: "PROVIDER", providerId });

    const byAnalyst = await call(ROTATE, { id: providerId }, analyst);
    const third = (byAnalyst.data?.rotateProviderToken as { token: string }).token;
    expect((await authenticateToken(t.db, next)).ok).toBe(false);
    token = third;
  });

  it("revokeToken is for administrators only", async () => {
    const prefix = (await t.db.prisma.apiToken.findFirstOrThrow({ where: { providerId, revokedAt: null } })).prefix;
    const REVOKE = `mutation($p: String!) { revokeToken(prefix: $p) }`;
    expect(code(await call(REVOKE, { p: prefix }))).toBe("UNAUTHENTICATED");
    expect(code(await call(REVOKE, { p: prefix }, analyst))).toBe("FORBIDDEN");
    expect(code(await call(REVOKE, { p: prefix }, await viewerFor(token)))).toBe("FORBIDDEN");
    expect((await authenticateToken(t.db, token)).ok).toBe(true);
    expect(code(await call(REVOKE, { p: "gibtesnicht12" }, admin))).toBe("NOT_FOUND");
    expect((await call(REVOKE, { p: prefix }, admin)).data).toEqual({ revokeToken: true });
    expect((await authenticateToken(t.db, token)).ok).toBe(false);
  });
});
