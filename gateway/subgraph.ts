import type { IncomingMessage, ServerResponse } from "node:http";
import type { DocumentNode, ExecutionResult, GraphQLFormattedError } from "graphql";
import { hubSubgraphSchema } from "../schema/federation/subgraph-schema.ts";
import { graphqlCjs } from "../schema/federation/graphql-cjs.ts";
import { hardening } from "./hardening.ts";
import { readBody } from "./http-body.ts";
import type { Route, RouteContext } from "./routes/index.ts";

/**
 * POST /subgraph: the hub's schema as an Apollo Federation v2 subgraph (_service, _entities),
 * for a federation gateway such as the portal's. Same database, viewer and clock as /graphql;
 * the same query limits (depth, aliases, cost, tokens) apply.
 */

export const SUBGRAPH_PATH = "/subgraph";
const MAX_BODY_BYTES = 1_000_000;

// The subgraph schema is built by @apollo/subgraph (CommonJS): execute it with the same graphql copy.
const { GraphQLError, execute, parse, specifiedRules, validate } = graphqlCjs;

const limits = hardening({}, { hideSuggestions: true });

interface SubgraphRequest {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.setHeader("cache-control", "no-store");
  res.end(JSON.stringify(body));
}

const refusal = (message: string): ExecutionResult => ({
  errors: [new GraphQLError(message, { extensions: { code: "BAD_REQUEST" } })],
});

function requestOf(body: string): SubgraphRequest | null {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const { query, variables, operationName } = value as Record<string, unknown>;
  if (typeof query !== "string") return null;
  if (variables !== undefined && variables !== null && (typeof variables !== "object" || Array.isArray(variables)))
    return null;
  return {
    query,
    ...(variables ? { variables: variables as Record<string, unknown> } : {}),
    ...(typeof operationName === "string" ? { operationName } : {}),
  };
}

/** Errors the hub raised on purpose carry a code (NOT_FOUND, BAD_USER_INPUT …); anything else is masked. */
function publicError(formatted: GraphQLFormattedError, original: Error | undefined): GraphQLFormattedError {
  if (!original) return formatted;
  const code = (original as { extensions?: { code?: unknown } }).extensions?.code;
  if (typeof code === "string" && code !== "INTERNAL_SERVER_ERROR") return { ...formatted, extensions: { code } };
  return { message: "Interner Fehler.", path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
}

export async function handleSubgraph(req: IncomingMessage, res: ServerResponse, ctx: RouteContext): Promise<void> {
  // JSON only: a cross-site form post cannot send it without a CORS preflight.
  if (!/^application\/(graphql-response\+)?json\b/i.test(req.headers["content-type"] ?? ""))
    return sendJson(res, 415, refusal("Content-Type muss application/json sein."));
  const request = requestOf(await readBody(req, MAX_BODY_BYTES));
  if (!request) return sendJson(res, 400, refusal("Erwartet wird JSON mit einem Feld „query“."));
  const schema = await hubSubgraphSchema();
  let document: DocumentNode;
  try {
    document = parse(request.query, limits.parseOptions);
  } catch (error) {
    return sendJson(res, 400, { errors: [error instanceof GraphQLError ? error : new GraphQLError(String(error))] });
  }
  const invalid = validate(schema, document, [...specifiedRules, ...limits.validationRules]);
  if (invalid.length) return sendJson(res, 400, { errors: invalid });
  const result = await execute({
    schema,
    document,
    variableValues: request.variables ?? null,
    operationName: request.operationName ?? null,
    contextValue: { db: ctx.db, viewer: ctx.viewer, now: ctx.now },
  });
  const errors = result.errors?.map((e) => publicError(e.toJSON(), e.originalError));
  sendJson(res, 200, { ...result, ...(errors ? { errors } : {}) });
}

export const SUBGRAPH_ROUTES: Route[] = [{ method: "POST", path: SUBGRAPH_PATH, handle: handleSubgraph }];
