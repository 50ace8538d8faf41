import { CriticalityLevel, diff, type Change } from "@graphql-inspector/core";
import { graphqlCjs } from "./graphql-cjs.ts";

// graphql-inspector checks types with the graphql copy Node loads (see graphql-cjs.ts).
const { buildSchema } = graphqlCjs;

/**
 * The public contract's compatibility check: graphql-inspector's diff between the released
 * SDL and the current one. Removing or retyping a field breaks clients; deprecating it
 * (@deprecated(reason: "…")) and adding beside it does not.
 */

const LABELS: Record<CriticalityLevel, string> = {
  [CriticalityLevel.Breaking]: "INKOMPATIBEL",
  [CriticalityLevel.Dangerous]: "RISKANT",
  [CriticalityLevel.NonBreaking]: "ok",
};

export interface ContractDiff {
  changes: Change[];
  breaking: Change[];
  /** One German line per change, for CI logs. */
  report: string;
}

export async function compareContracts(releasedSdl: string, currentSdl: string): Promise<ContractDiff> {
  const changes = await diff(buildSchema(releasedSdl), buildSchema(currentSdl));
  const breaking = changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking);
  const report = changes.length
    ? changes.map((c) => `  [${LABELS[c.criticality.level]}] ${c.path ?? ""}: ${c.message}`).join("\n")
    : "  Keine Änderungen am öffentlichen Schema.";
  return { changes, breaking, report };
}
