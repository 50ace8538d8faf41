import { defineConfig } from "vitest/config";

// One config for the three tiers: unit specs beside the code, GraphQL operations
// in-process (test/graphql), integration on a real database and loopback HTTP
// (test/integration). No test asserts a duration; timeouts only stop hangs.
export default defineConfig({
  test: {
    include: ["{schema,ingest,gateway,prisma,scripts}/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["node_modules/**", "data/**", "test/browser/**"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    fileParallelism: true,
    maxWorkers: 2,
  },
});
