import { Option, type Command } from "commander";
import type { HubConfig } from "../config.ts";
import type { UserRole } from "../auth/passwords.ts";

// Implementations are imported when a command runs, so `hub --help` starts fast.
const load = async () => ({
  ...(await import("../runtime.ts")),
  ...(await import("../auth/passwords.ts")),
  ...(await import("../../schema/common/audit.ts")),
});

/** Dashboard accounts: create and disable. Passwords come from stdin or a hidden prompt, never from argv. */
export function registerUserCommands(program: Command, config: () => HubConfig): void {
  const user = program.command("user").description("Konten für das Dashboard anlegen und sperren.");
  const cli = { role: "ADMIN" as const, id: "cli", name: "hub CLI" };

  user
    .command("create")
    .description("Legt ein Konto an; das Passwort wird von stdin gelesen oder abgefragt (mind. 12 Zeichen).")
    .requiredOption("--email <email>", "E-Mail-Adresse (Anmeldename)")
    .requiredOption("--name <name>", "Anzeigename")
    .addOption(new Option("--role <role>", "Rolle").choices(["ADMIN", "ANALYST"]).makeOptionMandatory())
    .action(async (options: { email: string; name: string; role: UserRole }) => {
      const password = await readPassword();
      const { openRuntime, createUser, recordAudit } = await load();
      const runtime = await openRuntime(config());
      try {
        const created = await createUser(runtime.db, {
          email: options.email,
          name: options.name,
          role: options.role,
          password,
        });
        await recordAudit(runtime.db, cli, {
          action: "user.create",
          entityType: "User",
          entityId: created.id,
          after: { email: created.email, role: options.role },
        });
        process.stdout.write(`Konto ${created.email} (${options.role}) angelegt.\n`);
      } finally {
        await runtime.close();
      }
    });

  user
    .command("disable")
    .description("Sperrt ein Konto und beendet alle seine Sitzungen.")
    .requiredOption("--email <email>", "E-Mail-Adresse")
    .action(async (options: { email: string }) => {
      const { openRuntime, disableUser, recordAudit } = await load();
      const runtime = await openRuntime(config());
      try {
        if (!(await disableUser(runtime.db, options.email))) throw new Error(`Kein Konto für ${options.email}.`);
        await recordAudit(runtime.db, cli, { action: "user.disable", entityType: "User", entityId: options.email });
        process.stdout.write(`Konto ${options.email} gesperrt, Sitzungen beendet.\n`);
      } finally {
        await runtime.close();
      }
    });
}

/** First line of piped stdin, or a prompt that does not echo on a terminal. */
async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin as AsyncIterable<Buffer>) chunks.push(chunk);
    const line = Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
    if (!line) throw new Error("Kein Passwort auf stdin.");
    return line;
  }
  process.stderr.write("Passwort: ");
  const stdin = process.stdin;
  stdin.setRawMode(true);
  stdin.resume();
  return new Promise((resolve, reject) => {
    let password = "";
    const onData = (data: Buffer) => {
      for (const char of data.toString("utf8")) {
        if (char === "\r" || char === "\n") {
          finish();
          process.stderr.write("\n");
          return resolve(password);
        }
        if (char === "\u0003") {
          finish();
          return reject(new Error("Abgebrochen."));
        }
        password = char === "\u007f" ? password.slice(0, -1) : password + char;
      }
    };
    const finish = () => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
    };
    stdin.on("data", onData);
  });
}
