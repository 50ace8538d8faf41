import { createRequire } from "node:module";

/**
 * graphql-js as Node itself loads it. graphql 16 has no "exports" map: Node (and every
 * CommonJS dependency, @apollo/subgraph, type-graphql's build, @apollo/server) gets
 * index.js, while Vite-based tooling (vitest) resolves its "module" field, index.mjs, for
 * project files. Two copies refuse each other's types ("from another module or realm"), so
 * the subgraph code takes graphql through require: one copy, under node, tsx and vitest alike.
 */
export const graphqlCjs = createRequire(import.meta.url)("graphql") as typeof import("graphql");
