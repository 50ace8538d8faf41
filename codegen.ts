import type { CodegenConfig } from "@graphql-codegen/cli";

// Typed operations for the tests (and any TypeScript client): read from the committed
// SDL, so codegen needs neither a running hub nor a database.
const config: CodegenConfig = {
  schema: "schema/schema.graphql",
  documents: ["test/graphql/operations/**/*.graphql"],
  generates: {
    "test/graphql/generated.ts": {
      plugins: ["typescript-operations", "typed-document-node"],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTimeISO: "string", ID: "string" },
        avoidOptionals: { field: true },
      },
    },
  },
};

export default config;
