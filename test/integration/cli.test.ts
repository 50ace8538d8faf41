import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, onPostgres, type TestDatabase } from "../support/database.ts";
import { freePort, runHub, startHub } from "../support/cli.ts";

/**
 * The hub as a user runs it: separate processes on PGlite in a temporary data
 * directory, or on a fresh PostgreSQL database when DATABASE_URL is set.
 */
let dir = "";
let env: Record<string, string> = {};
let serverDb: TestDatabase | undefined;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "hub-cli-"));
  if (onPostgres()) {
    serverDb = await createTestDatabase({ seed: false });
    await serverDb.db.close();
    env = { DATABASE_URL: serverDb.url! };
  } else {
    env = { HUB_DATA_DIR: path.join(dir, "data") };
  }
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (serverDb) await serverDb.drop().catch(() => undefined);
});

describe("hub CLI", () => {
  it("prints help for every command", { timeout: 300_000 }, async () => {
    for (const command of ["serve", "migrate", "seed", "ingest", "preview", "classify", "token"]) {
      const result = await runHub([command, "--help"], env);
      expect(result.code, command).toBe(0);
      expect(result.stdout).toMatch(/Usage: hub/);
    }
  });

  it("migrates and seeds idempotently", { timeout: 300_000 }, async () => {
    const first = await runHub(["--timeout", "100", "migrate"], env);
    expect(first.code, first.stderr).toBe(0);
    const again = await runHub(["migrate"], env);
    expect(again.stdout).toMatch(/Datenbank ist aktuell/);
    const seeded = await runHub(["seed"], env);
    expect(seeded.stdout).toMatch(/44 Kreise/);
    const reseeded = await runHub(["seed"], env);
    expect(reseeded.stdout).toBe(seeded.stdout);
  });

  it("issues, lists and revokes tokens", { timeout: 300_000 }, async () => {
    const issued = await runHub(["token", "issue", "--role", "ANALYST", "--name", "Koordinierungsstelle"], env);
    expect(issued.code, issued.stderr).toBe(0);
    const token = issued.stdout.trim();
    expect(token).toMatch(/^hub_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    const prefix = token.split("_")[1]!;
    expect((await runHub(["token", "list"], env)).stdout).toMatch(new RegExp(`${prefix}\\s+ANALYST\\s+aktiv`));
    expect((await runHub(["token", "revoke", prefix], env)).code).toBe(0);
    expect((await runHub(["token", "list"], env)).stdout).toMatch(new RegExp(`${prefix}\\s+ANALYST\\s+widerrufen`));
    const bad = await runHub(["token", "issue", "--role", "PROVIDER", "--name", "x"], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--provider/);
  });

  it("classifies JSON Lines from stdin, one line per input, a malformed line reported", async () => {
    const input = [
      JSON.stringify({
        id: "1",
        title: "Bürgerbeteiligung im Quartier gestalten",
        description: "Beteiligungsverfahren planen und moderieren",
      }),
      "{kaputt",
      JSON.stringify({ id: "3", title: "Kirchenchor: Probenwochenende" }),
    ].join("\n");
    const result = await runHub(["classify"], {}, input);
    const lines = result.stdout
      .trim()
      .split("\n")
      .map(
        (l) => JSON.parse(l) as { id: string | null; relevant?: boolean; modules?: { code: string }[]; error?: string },
      );
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ id: "1", relevant: true });
    expect(lines[0]!.modules!.map((m) => m.code)).toContain("M07");
    expect(lines[1]).toMatchObject({ id: null });
    expect(lines[1]!.error).toBeTruthy();
    expect(lines[2]).toMatchObject({ id: "3", relevant: false, modules: [] });
  });

  describe("preview", () => {
    let server: Server;
    let base = "";
    const ics = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Test//DE",
      "BEGIN:VEVENT",
      "UID:quartier-1@test",
      "DTSTART;TZID=Europe/Berlin:20270318T140000",
      "DTEND;TZID=Europe/Berlin:20270318T173000",
      "SUMMARY:Sozialraumanalyse für Einsteiger",
      "LOCATION:Rathaus\\, Marktplatz 1\\, 73087 Bad Boll",
      "DESCRIPTION:Methoden der Sozialraumanalyse.\\nKosten: kostenfrei\\nUmfang: 4 UE",
      "END:VEVENT",
      "END:VCALENDAR",
      "",
    ].join("\r\n");
    beforeAll(async () => {
      server = createServer((req, res) => {
        if (req.url === "/robots.txt") return res.writeHead(404).end();
        res.writeHead(200, { "content-type": "text/calendar; charset=utf-8" }).end(ics);
      });
      await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
      base = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => server.close());

    it("prints the documented JSON for a URL, without storing", async () => {
      const result = await runHub(["preview", `http://${base}/programm.ics`, "--json"], { HUB_ALLOW_HOSTS: base });
      expect(result.code, result.stderr).toBe(0);
      const out = JSON.parse(result.stdout) as { offers: Record<string, unknown>[]; warnings: string[] };
      expect(out.offers).toHaveLength(1);
      expect(out.offers[0]).toMatchObject({
        sourceKey: "quartier-1@test",
        title: "Sozialraumanalyse für Einsteiger",
        sessions: [{ start: "2027-03-18T14:00:00+01:00", end: "2027-03-18T17:30:00+01:00" }],
        online: false,
        free: true,
        teachingUnits: 4,
        location: { postalCode: "73087", districtKey: "08117", region: "Stuttgart" },
      });
      expect(out.offers[0]!.classification).toMatchObject({ relevant: true });
    });

    it("refuses a private address unless allowed, with a clear message", async () => {
      const result = await runHub(["preview", `http://${base}/programm.ics`, "--json"], { HUB_ALLOW_HOSTS: "" });
      expect(result.code).toBe(1);
      const out = JSON.parse(result.stdout) as { error: { code: string }; warnings: string[] };
      expect(out.error.code).toBe("BLOCKED_ADDRESS");
    });

    it("reads a saved file with --kind and --config", async () => {
      const file = path.join(dir, "liste.csv");
      writeFileSync(file, "Veranstaltung;Start;Kosten;Stadt\nNetzwerkarbeit im Quartier;2027-05-04;45 €;Ulm\n");
      const config = path.join(dir, "config.json");
      writeFileSync(
        config,
        JSON.stringify({
          headerMap: { Veranstaltung: "title", Start: "start", Kosten: "priceText", Stadt: "locality" },
        }),
      );
      const result = await runHub(["preview", file, "--kind", "CSV", "--config", config, "--json"], {});
      expect(result.code, result.stderr).toBe(0);
      const out = JSON.parse(result.stdout) as {
        offers: { title: string; price: { amount: number } | null; location: { districtKey: string } | null }[];
      };
      expect(out.offers[0]).toMatchObject({
        title: "Netzwerkarbeit im Quartier",
        price: { amount: 45 },
        location: { districtKey: "08421" },
      });
    });
  });

  it("npm start's hub: serves the demo providers, and a restart duplicates nothing", async () => {
    const demoPort = String(await freePort());
    const query = async (port: string) => {
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ offers(first: 1) { totalCount } providers { id offerCount } }" }),
      });
      return (await res.json()) as { data: { offers: { totalCount: number }; providers: { offerCount: number }[] } };
    };
    const counts: number[] = [];
    for (let round = 0; round < 2; round++) {
      const hub = startHub(
        ["serve", "--demo"],
        { ...env, PORT: "0", HUB_DEMO_PORT: demoPort, HUB_SCHEDULER: "off" },
        /Demo-Anbieter eingelesen/,
      );
      try {
        const out = await hub.started;
        const port = /127\.0\.0\.1:(\d+)\/graphql/.exec(out)?.[1];
        expect(port).toBeTruthy();
        const body = await query(port!);
        expect(body.data.providers.length).toBeGreaterThanOrEqual(12);
        counts.push(body.data.offers.totalCount);
      } finally {
        expect(await hub.stop()).toBe(0);
      }
    }
    expect(counts[0]).toBeGreaterThanOrEqual(100);
    expect(counts[1]).toBe(counts[0]);
  }, 400_000);
});
