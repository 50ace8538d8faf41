import type { Command } from "commander";

/** `hub classify`: JSON Lines in, one classification line per input out. Needs no database. */
export function registerClassifyCommand(program: Command): void {
  program
    .command("classify")
    .description(
      'Klassifiziert Angebote: liest JSON Lines ({"id","title","description","provider"?,"keywords"?}) von stdin, schreibt je Zeile eine Einordnung nach stdout.',
    )
    .action(async () => {
      const { runClassifyStream } = await import("../../schema/classification/classify-stream.ts");
      const { errors } = await runClassifyStream(process.stdin, process.stdout);
      if (errors) process.exitCode = 1;
    });
}
