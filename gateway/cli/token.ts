import { Option, type Command } from "commander";
import type { HubConfig } from "../config.ts";
import type { TokenRole } from "../../schema/access/tokens.ts";

// Implementations are imported when a command runs, so `hub --help` starts fast.
const load = async () => ({
  ...(await import("../runtime.ts")),
  ...(await import("../../schema/access/tokens.ts")),
  ...(await import("../../schema/common/audit.ts")),
});

/** Operator access on the server itself: works beside a running hub and on the embedded database. */
export function registerTokenCommands(program: Command, config: () => HubConfig): void {
  const token = program.command("token").description("API-Tokens ausgeben, widerrufen, auflisten.");
  const cli = { role: "ADMIN" as const, id: "cli", name: "hub CLI" };

  token
    .command("issue")
    .description("Gibt ein neues Token aus und zeigt es einmal an (gespeichert wird nur ein scrypt-Hash).")
    .addOption(new Option("--role <role>", "Rolle").choices(["ADMIN", "ANALYST", "PROVIDER"]).makeOptionMandatory())
    .option("--provider <id>", "Anbieter (nur für PROVIDER)")
    .requiredOption("--name <name>", "wofür oder für wen")
    .action(async (options: { role: TokenRole; provider?: string; name: string }) => {
      const { openRuntime, issueToken, recordAudit } = await load();
      const runtime = await openRuntime(config());
      try {
        const issued = await issueToken(runtime.db, {
          role: options.role,
          name: options.name,
          providerId: options.provider ?? null,
        });
        await recordAudit(runtime.db, cli, {
          action: "token.issue",
          entityType: "ApiToken",
          entityId: issued.id,
          after: { role: options.role, name: options.name, providerId: options.provider ?? null },
        });
        process.stdout.write(`${issued.token}\n`);
        process.stderr.write(
          `Token ${issued.prefix} (${options.role}) ausgegeben. Es wird nicht noch einmal angezeigt.\n`,
        );
      } finally {
        await runtime.close();
      }
    });

  token
    .command("revoke")
    .description("Widerruft ein Token (ID oder Präfix).")
    .argument("<id-or-prefix>")
    .action(async (idOrPrefix: string) => {
      const { openRuntime, revokeToken, recordAudit } = await load();
      const runtime = await openRuntime(config());
      try {
        if (!(await revokeToken(runtime.db, idOrPrefix))) throw new Error(`Token ${idOrPrefix} nicht gefunden.`);
        await recordAudit(runtime.db, cli, { action: "token.revoke", entityType: "ApiToken", entityId: idOrPrefix });
        process.stdout.write(`Token ${idOrPrefix} widerrufen.\n`);
      } finally {
        await runtime.close();
      }
    });

  token
    .command("list")
    .description("Listet die Tokens (ohne Geheimnisse).")
    .action(async () => {
      const { openRuntime } = await load();
      const runtime = await openRuntime(config());
      try {
        const rows = await runtime.db.prisma.apiToken.findMany({ orderBy: { createdAt: "asc" } });
        for (const r of rows) {
          const state = r.revokedAt ? "widerrufen" : r.expiresAt && r.expiresAt < new Date() ? "abgelaufen" : "aktiv";
          process.stdout.write(
            `${r.prefix}  ${r.role.padEnd(8)} ${state.padEnd(10)} ${r.name}${r.providerId ? ` (Anbieter ${r.providerId})` : ""}\n`,
          );
        }
      } finally {
        await runtime.close();
      }
    });
}
