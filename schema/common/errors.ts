import { GraphQLError } from "graphql";

/**
 * The small catalogue of error codes clients can rely on. Resolvers throw these; the
 * gateway turns anything else into INTERNAL_SERVER_ERROR without leaking its message.
 * Messages are German: they reach people (providers, analysts) through the portal.
 */
export const ERROR_CODES = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  NOT_FOUND: "NOT_FOUND",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  RATE_LIMITED: "RATE_LIMITED",
  CONFLICT: "CONFLICT",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export const KNOWN_CODES = new Set<string>([
  ...Object.keys(ERROR_CODES),
  // Apollo's own codes for malformed requests
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
]);

export function hubError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

/** A user input problem, naming the field concerned (dotted path, e.g. "filter.first"). */
export function badInput(field: string, message: string): GraphQLError {
  return hubError("BAD_USER_INPUT", message, { field });
}

export function notFound(entity: string, id: string): GraphQLError {
  return hubError("NOT_FOUND", `${entity} ${id} wurde nicht gefunden.`, { entity, id });
}
