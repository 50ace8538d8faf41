/**
 * Per-feed configuration of the GraphQL adapter: the provider's query, where the list of offers
 * sits in `data`, and which path holds each field. Paths are dot paths; a list met on the way is
 * mapped over ("events.edges.node" reads the node of every edge, "tags.name" every tag's name),
 * a number picks one element ("dates.0.start").
 */
import { parse as parseGraphql, type OperationDefinitionNode } from "graphql";
import { z } from "zod";

const path = z.string().trim().min(1);

export const graphqlFieldsSchema = z
  .object({
    sourceKey: path,
    title: path,
    url: path.optional(),
    description: path.optional(),
    start: path.optional(),
    end: path.optional(),
    /** Path to a list of sessions; `sessionStart`/`sessionEnd` are paths inside each (default start/end). */
    sessions: path.optional(),
    sessionStart: path.optional(),
    sessionEnd: path.optional(),
    dateText: path.optional(),
    locationName: path.optional(),
    street: path.optional(),
    postalCode: path.optional(),
    locality: path.optional(),
    locationText: path.optional(),
    /** Boolean (true = online) or a mode word ("ONLINE", "PRAESENZ", "HYBRID"). */
    online: path.optional(),
    price: path.optional(),
    currency: path.optional(),
    priceText: path.optional(),
    teachingUnits: path.optional(),
    audience: path.optional(),
    keywords: path.optional(),
    organizer: path.optional(),
    registrationUrl: path.optional(),
    registrationDeadline: path.optional(),
  })
  .strict();

export const graphqlConfigSchema = z
  .object({
    query: z.string().min(1),
    variables: z.record(z.string(), z.unknown()).optional(),
    /** Path inside `data` to the list of offers, e.g. "events.nodes". */
    itemsPath: path,
    fields: graphqlFieldsSchema,
    /** Currency of numeric prices when the API has no currency field (the provider's statement, set per feed). */
    defaultCurrency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .default("EUR"),
    pagination: z
      .object({
        cursorPath: path,
        hasNextPath: path,
        variable: z.string().regex(/^[_A-Za-z][_0-9A-Za-z]*$/),
        maxPages: z.number().int().positive().max(1000).default(50),
      })
      .optional(),
  })
  .superRefine((config, ctx) => {
    let operation: OperationDefinitionNode | undefined;
    try {
      operation = parseGraphql(config.query).definitions.find(
        (d): d is OperationDefinitionNode => d.kind === "OperationDefinition",
      );
    } catch (err) {
      ctx.addIssue({
        code: "custom",
        path: ["query"],
        message: `GraphQL-Abfrage nicht lesbar: ${err instanceof Error ? err.message : String(err)}`,
      });
      return;
    }
    if (!operation || operation.operation !== "query") {
      ctx.addIssue({
        code: "custom",
        path: ["query"],
        message: "Nur eine Abfrage (query) ist erlaubt, keine Mutation oder Subscription",
      });
      return;
    }
    const declared = new Set((operation.variableDefinitions ?? []).map((v) => v.variable.name.value));
    if (config.pagination && !declared.has(config.pagination.variable)) {
      ctx.addIssue({
        code: "custom",
        path: ["pagination", "variable"],
        message: `Die Abfrage deklariert die Blätter-Variable $${config.pagination.variable} nicht`,
      });
    }
  });

export type GraphqlConfig = z.infer<typeof graphqlConfigSchema>;
export type GraphqlConfigInput = z.input<typeof graphqlConfigSchema>;

export type ConfigOutcome = { ok: true; config: GraphqlConfig } | { ok: false; errors: string[] };

/** Validates a feed's config; every problem is listed in German with its path. */
export function parseGraphqlConfig(raw: unknown): ConfigOutcome {
  const result = graphqlConfigSchema.safeParse(raw);
  if (result.success) return { ok: true, config: result.data };
  return { ok: false, errors: result.error.issues.map((i) => `${i.path.join(".") || "Konfiguration"}: ${i.message}`) };
}
