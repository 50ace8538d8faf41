import type { ApolloServerOptions, ApolloServerPlugin } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import type { ValidationRule } from "graphql";
import type { HubContext } from "../schema/common/context.ts";

/**
 * Limits on what one GraphQL operation may ask for. Depth, aliases, cost and directives
 * are GraphQL Armor validation rules (a refusal is GRAPHQL_VALIDATION_FAILED, HTTP 400);
 * the token limit is Apollo's own parser option, because Armor's token plugin answers
 * HTTP 500 (toolchain.md). Limits are not exposed in messages: they would help an
 * attacker tune a query exactly below them.
 */
export interface HardeningSettings {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  maxDirectives: number;
  maxTokens: number;
}

export const DEFAULT_HARDENING: HardeningSettings = {
  maxDepth: 10,
  maxAliases: 15,
  maxCost: 5000,
  maxDirectives: 20,
  maxTokens: 2000,
};

export interface Hardening {
  plugins: ApolloServerPlugin<HubContext>[];
  validationRules: ValidationRule[];
  parseOptions: NonNullable<ApolloServerOptions<HubContext>["parseOptions"]>;
}

/**
 * The Apollo options for the given limits. Field suggestions ("Did you mean …?") leak
 * the schema when introspection is off, so they are masked whenever introspection is.
 */
export function hardening(settings: Partial<HardeningSettings>, options: { hideSuggestions: boolean }): Hardening {
  const s = { ...DEFAULT_HARDENING, ...settings };
  const armor = new ApolloArmor({
    maxDepth: { n: s.maxDepth, exposeLimits: false, errorMessage: "Die Abfrage ist zu tief verschachtelt." },
    maxAliases: { n: s.maxAliases, exposeLimits: false, errorMessage: "Die Abfrage enthält zu viele Aliasse." },
    costLimit: { maxCost: s.maxCost, exposeLimits: false, errorMessage: "Die Abfrage ist zu aufwendig." },
    maxDirectives: {
      n: s.maxDirectives,
      exposeLimits: false,
      errorMessage: "Die Abfrage enthält zu viele Direktiven.",
    },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: options.hideSuggestions, mask: "[Vorschlag ausgeblendet]" },
  });
  const protection = armor.protect();
  return {
    plugins: protection.plugins as ApolloServerPlugin<HubContext>[],
    validationRules: protection.validationRules,
    parseOptions: { maxTokens: s.maxTokens },
  };
}
