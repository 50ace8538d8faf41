import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { Option } from "commander";
import type { HubConfig } from "../config.ts";
import type { RunSummary } from "../../ingest/run-feed.ts";
import type { ProcessedOffer } from "../../ingest/pipeline/extract.ts";
import { FEED_KINDS, type FeedKind } from "../../ingest/adapters/types.ts";

// Implementations are imported when a command runs, so `hub --help` starts fast.
const load = async () => ({
  ...(await import("../runtime.ts")),
  ...(await import("../ingest-deps.ts")),
  ...(await import("../../ingest/run-feed.ts")),
  ...(await import("../../ingest/pipeline/extract.ts")),
  ...(await import("../../ingest/fetch/fetcher.ts")),
});

export function registerIngestCommands(program: Command, config: () => HubConfig): void {
  program
    .command("ingest")
    .description("Liest Feeds ein: alle aktiven (--all) oder einen (--feed ID), mit Fortschritt und Zusammenfassung.")
    .option("--all", "alle aktiven und fehlerhaften Feeds")
    .option("--feed <id>", "nur diesen Feed")
    .action(async (options: { all?: boolean; feed?: string }) => {
      if (!options.all === !options.feed) throw new Error("Genau eines angeben: --all oder --feed ID.");
      const { openRuntime, createIngestDeps, runFeed } = await load();
      const runtime = await openRuntime(config());
      const deps = createIngestDeps(runtime);
      try {
        const feeds = options.feed
          ? await runtime.db.prisma.feed.findMany({ where: { id: options.feed }, include: { provider: true } })
          : await runtime.db.prisma.feed.findMany({
              where: { state: { in: ["ACTIVE", "FAILING"] }, kind: { not: "PUSH" } },
              include: { provider: true },
              orderBy: { createdAt: "asc" },
            });
        if (!feeds.length)
          throw new Error(options.feed ? `Feed ${options.feed} nicht gefunden.` : "Keine aktiven Feeds.");
        const tty = process.stdout.isTTY;
        const results: RunSummary[] = [];
        for (const [i, feed] of feeds.entries()) {
          const label = `[${i + 1}/${feeds.length}] ${feed.provider.name} – ${feed.url ?? feed.uploadName ?? feed.id}`;
          if (tty) process.stdout.write(`${label} …`);
          const result = await runFeed(deps, feed.id, "CLI");
          results.push(result);
          const line = `${label}: ${describeRun(result)}`;
          process.stdout.write(tty ? `\r\x1b[2K${line}\n` : `${line}\n`);
        }
        const sum = (k: "created" | "changed" | "withdrawn" | "unchanged" | "rejected") =>
          results.reduce((n, r) => n + (r.outcome?.[k] ?? 0), 0);
        const failed = results.filter((r) => r.status === "FAILED").length;
        process.stdout.write(
          `\nZusammenfassung: ${results.length} Feeds, ${failed} fehlgeschlagen; ` +
            `${sum("created")} neu, ${sum("changed")} geändert, ${sum("unchanged")} unverändert, ` +
            `${sum("withdrawn")} zurückgezogen, ${sum("rejected")} abgewiesen.\n`,
        );
        if (failed) process.exitCode = 2;
      } finally {
        await deps.close();
        await runtime.close();
      }
    });

  program
    .command("preview")
    .description("Liest eine URL oder Datei und zeigt, was der Hub daraus macht, ohne zu speichern.")
    .argument("<url-or-path>", "http(s)-URL oder Pfad einer gespeicherten Datei")
    .addOption(
      new Option("--kind <kind>", "Format statt automatischer Erkennung").choices(FEED_KINDS as unknown as string[]),
    )
    .option("--config <file>", "JSON-Datei mit Feed-Optionen (Selektoren, Spaltenzuordnung, GraphQL-Abfrage)")
    .option("--json", "eine JSON-Zeile {offers, warnings} ausgeben")
    .action(async (target: string, options: { kind?: FeedKind; config?: string; json?: boolean }) => {
      const { extractFeed, createFetcher, describeFailure } = await load();
      const feedConfig: unknown = options.config ? JSON.parse(await readFile(options.config, "utf8")) : undefined;
      const fetcher = createFetcher(config().fetch);
      try {
        const result = await extractFeed(
          { url: target, kind: options.kind ?? null, config: feedConfig },
          { fetcher, now: () => new Date() },
        );
        const offers = (result.offers ?? []).map(previewOffer);
        const warnings = result.warnings.map((w) => [w.sourceKey, w.field, w.message].filter(Boolean).join(": "));
        if (options.json) {
          process.stdout.write(`${JSON.stringify({ kind: result.kind, offers, warnings })}\n`);
        } else {
          process.stdout.write(`Format: ${result.kind}, ${offers.length} Angebote\n\n`);
          for (const o of offers) {
            const when = o.sessions[0]?.start ?? "ohne Termin";
            const where = o.online ? "online" : (o.location?.municipality ?? o.location?.name ?? "ohne Ort");
            const modules = o.classification.modules.map((m) => m.code).join(", ") || "–";
            process.stdout.write(
              `• ${o.title}\n  ${when} · ${where} · ${o.free ? "kostenfrei" : o.price ? `${o.price.amount} €` : "Preis unbekannt"} · Module: ${modules}\n`,
            );
          }
          if (warnings.length) process.stdout.write(`\nHinweise:\n${warnings.map((w) => `  - ${w}`).join("\n")}\n`);
        }
      } catch (error) {
        const failure = describeFailure(error);
        if (options.json)
          process.stdout.write(`${JSON.stringify({ offers: [], warnings: [failure.message], error: failure })}\n`);
        else process.stderr.write(`${failure.message}\n`);
        process.exitCode = 1;
      } finally {
        await fetcher.close();
      }
    });
}

function describeRun(r: RunSummary): string {
  if (r.status === "SKIPPED") return "übersprungen (läuft bereits)";
  if (r.status === "NOT_MODIFIED") return "unverändert";
  if (r.status === "FAILED") return `FEHLER ${r.error?.code}: ${r.error?.message}`;
  const o = r.outcome!;
  return `${o.fetched} gelesen, ${o.created} neu, ${o.changed} geändert, ${o.unchanged} unverändert, ${o.withdrawn} zurückgezogen, ${o.rejected} abgewiesen`;
}

/** The documented `hub preview --json` offer shape. */
export function previewOffer(o: ProcessedOffer) {
  return {
    sourceKey: o.sourceKey,
    title: o.title,
    url: o.url,
    description: o.description,
    sessions: o.sessions.map((s) => ({ start: s.start, end: s.end, allDay: s.allDay })),
    online: o.online,
    hybrid: o.hybrid,
    location: o.location
      ? {
          name: o.location.name,
          street: o.location.street,
          postalCode: o.location.postalCode,
          municipality: o.location.municipality,
          municipalityKey: o.location.municipalityKey,
          districtKey: o.location.districtKey,
          district: o.location.district,
          region: o.location.region,
        }
      : null,
    free: o.free,
    price: o.price,
    teachingUnits: o.teachingUnits,
    audiences: o.audiences,
    kind: o.kind,
    funding: o.funding,
    completeness: o.completeness,
    warnings: o.warnings,
    classification: {
      relevant: o.classification.relevant,
      score: o.classification.score,
      learningAreas: o.classification.learningAreas,
      modules: o.classification.modules,
      learningFormat: o.classification.learningFormat,
      roles: o.classification.roles,
    },
  };
}
