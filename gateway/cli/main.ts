import { Command, Option } from "commander";
import { ConfigError, loadConfig, type HubConfig } from "../config.ts";
import { registerServe } from "./serve.ts";
import { registerDatabaseCommands } from "./database.ts";
import { registerIngestCommands } from "./ingest.ts";
import { registerTokenCommands } from "./token.ts";
import { registerUserCommands } from "./user.ts";
import { registerClassifyCommand } from "./classify.ts";
import { registerSynthCommand } from "./synth.ts";

/**
 * The `hub` command line. Each subcommand lives in its own file and registers itself
 * here; configuration is read and validated once, before any command runs.
 */
export function buildProgram(config: () => HubConfig): Command {
  const program = new Command("hub")
    .description("Quartier-Angebotsdrehscheibe: Fortbildungsangebote zur Quartiersentwicklung in Baden-Württemberg")
    .showHelpAfterError()
    .addOption(
      new Option("--timeout <seconds>", "Abbruch nach so vielen Sekunden (nicht für serve)").argParser(Number),
    );
  registerServe(program, config);
  registerDatabaseCommands(program, config);
  registerIngestCommands(program, config);
  registerTokenCommands(program, config);
  registerUserCommands(program, config);
  registerClassifyCommand(program);
  registerSynthCommand(program, config);
  return program;
}

function loadOrExit(): HubConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

let cachedConfig: HubConfig | undefined;
const program = buildProgram(() => (cachedConfig ??= loadOrExit()));
program.hook("preAction", (thisCommand, actionCommand) => {
  const seconds = thisCommand.opts<{ timeout?: number }>().timeout;
  if (actionCommand.name() !== "serve" && seconds && seconds > 0) {
    // A watchdog for batch commands: a stuck database never leaves a process hanging.
    setTimeout(() => {
      process.stderr.write(`Abbruch: ${seconds} s überschritten.\n`);
      process.exit(124);
    }, seconds * 1000).unref();
  }
});
try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.stderr.write(`Fehler: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
