import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../prisma/database.ts";
import { migrate } from "../../prisma/migrate.ts";
import { runHub } from "../support/cli.ts";
import { createTestDatabase, onPostgres, type TestDatabase } from "../support/database.ts";
import { startGateway, type GraphqlBody, type LiveGateway } from "../security/support.ts";

/**
 * A dashboard account from creation to lock-out, as an operator and a browser see it:
 * `hub user create` (password on stdin) in its own process, a form login over HTTP, a
 * cookie-authenticated GraphQL query, `hub user disable`, and the session gone.
 * PGlite is one process's database, so the test opens it only between CLI runs.
 */
let dir = "";
let env: Record<string, string> = {};
let serverDb: TestDatabase | undefined;
const PASSWORD = "Stadtteil-Zukunft-2027!";
const EMAIL = "koordination@quartier-bw.example";

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "hub-login-"));
  if (onPostgres()) {
    serverDb = await createTestDatabase({ seed: false });
    await serverDb.db.close();
    env = { DATABASE_URL: serverDb.url! };
  } else {
    env = { HUB_DATA_DIR: path.join(dir, "data") };
  }
}, 120_000);
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (serverDb) await serverDb.drop().catch(() => undefined);
});

async function withGateway<T>(use: (gw: LiveGateway, db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(
    env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL, poolSize: 2 } : { dataDir: env.HUB_DATA_DIR! },
  );
  await migrate(db);
  const gw = await startGateway(db);
  try {
    return await use(gw, db);
  } finally {
    await gw.close();
    await db.close();
  }
}

const formLogin = (gw: LiveGateway, email: string, password: string) =>
  fetch(`${gw.base}/login`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password }).toString(),
    redirect: "manual",
  });
const QUEUE = { query: "{ reviewQueue { totalCount } }" };

describe("dashboard login end to end", () => {
  it(
    "creates an account with the CLI, logs in by form, and locks the account out again",
    { timeout: 300_000 },
    async () => {
      const weak = await runHub(
        ["user", "create", "--email", EMAIL, "--name", "Koordination", "--role", "ANALYST"],
        env,
        "kurz\n",
      );
      expect(weak.code).toBe(1);
      expect(weak.stderr).toMatch(/mindestens 12 Zeichen/);

      const created = await runHub(
        ["user", "create", "--email", EMAIL, "--name", "Koordination", "--role", "ANALYST"],
        env,
        `${PASSWORD}\n`,
      );
      expect(created.code, created.stderr).toBe(0);
      expect(created.stdout).toMatch(/angelegt/);
      const twice = await runHub(
        ["user", "create", "--email", EMAIL, "--name", "Nochmal", "--role", "ADMIN"],
        env,
        `${PASSWORD}\n`,
      );
      expect(twice.code).toBe(1);
      expect(twice.stderr).toMatch(/schon ein Konto/);

      const cookie = await withGateway(async (gw, db) => {
        const user = await db.prisma.user.findUniqueOrThrow({ where: { email: EMAIL } });
        expect(user.passwordHash).toMatch(/^scrypt\$/);
        expect(user.passwordHash).not.toContain(PASSWORD);

        const res = await formLogin(gw, EMAIL, PASSWORD);
        expect(res.status).toBe(303);
        expect(res.headers.get("location")).toBe("/");
        const value = (res.headers.get("set-cookie") ?? "").split(";")[0]!;
        expect(value).toMatch(/^hub_session=/);

        const ok = await gw.post(QUEUE, { cookie: value });
        expect(((await ok.json()) as GraphqlBody).data).toEqual({ reviewQueue: { totalCount: 0 } });
        // The public sees no review queue: the cookie is what made the difference.
        expect(((await (await gw.post(QUEUE)).json()) as GraphqlBody).errors?.[0]?.extensions?.code).toBe(
          "UNAUTHENTICATED",
        );
        return value;
      });

      const disabled = await runHub(["user", "disable", "--email", EMAIL], env);
      expect(disabled.code, disabled.stderr).toBe(0);
      expect((await runHub(["user", "disable", "--email", "niemand@quartier-bw.example"], env)).code).toBe(1);

      await withGateway(async (gw, db) => {
        expect((await gw.post(QUEUE, { cookie })).status).toBe(401);
        // A refused form login sends the browser back to the login page with a fixed German message.
        const refused = await formLogin(gw, EMAIL, PASSWORD);
        expect(refused.status).toBe(303);
        expect(refused.headers.get("set-cookie")).toBeNull();
        const back = await fetch(new URL(refused.headers.get("location")!, gw.base));
        expect(back.status).toBe(200);
        expect(await back.text()).toContain("E-Mail oder Passwort falsch.");
        expect(await db.prisma.userSession.count()).toBe(0);
        const audit = await db.prisma.auditEvent.findMany({
          where: { action: { startsWith: "user." } },
          orderBy: { at: "asc" },
        });
        expect(audit.map((a) => a.action)).toEqual(["user.create", "user.disable"]);
      });
    },
  );

  it("refuses a login request that is neither form nor JSON", async () => {
    await withGateway(async (gw) => {
      const res = await fetch(`${gw.base}/login`, {
        method: "POST",
        headers: { "content-type": "text/plain" },
        body: `email=${EMAIL}&password=x`,
      });
      expect(res.status).toBe(400);
      expect(res.headers.get("set-cookie")).toBeNull();
    });
  });
});
