import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { compareContracts } from "../schema/federation/breaking.ts";

/**
 * Compares the committed public contract (schema/schema.graphql) with the last released
 * one: the SDL at the newest `v*` tag, else the baseline schema/released/schema.graphql.
 * Prints graphql-inspector's report and exits 1 on a breaking change. Removing or changing
 * a field is a major release; until then, mark it @deprecated(reason: "…") instead.
 */

const root = path.join(import.meta.dirname, "..");
const CURRENT = "schema/schema.graphql";
const BASELINE = "schema/released/schema.graphql";

const git = (...args: string[]): string => execFileSync("git", args, { cwd: root, encoding: "utf8" });

/** The newest release tag (v1.2.3 by version order), or null when nothing was tagged yet. */
function latestTag(): string | null {
  try {
    return git("tag", "--list", "v*", "--sort=-v:refname").split("\n")[0]?.trim() || null;
  } catch {
    return null;
  }
}

function releasedSdl(): { label: string; sdl: string } {
  const tag = latestTag();
  if (tag) {
    try {
      return { label: `${tag}:${CURRENT}`, sdl: git("show", `${tag}:${CURRENT}`) };
    } catch {
      // A tag from before the schema was committed: the baseline file stands in.
    }
  }
  return { label: BASELINE, sdl: readFileSync(path.join(root, BASELINE), "utf8") };
}

const released = releasedSdl();
const { changes, breaking, report } = await compareContracts(
  released.sdl,
  readFileSync(path.join(root, CURRENT), "utf8"),
);
process.stdout.write(`Vergleich ${CURRENT} mit ${released.label}:\n${report}\n`);
if (breaking.length) {
  process.stderr.write(
    `${breaking.length} inkompatible Änderung(en). Statt zu entfernen oder umzubenennen: @deprecated(reason: "…") setzen; ` +
      "sonst ist es eine neue Hauptversion.\n",
  );
  process.exit(1);
}
process.stdout.write(`Keine inkompatiblen Änderungen (${changes.length} Änderung(en) insgesamt).\n`);
