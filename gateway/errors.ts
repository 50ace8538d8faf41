import type { GraphQLFormattedError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import { KNOWN_CODES } from "../schema/common/errors.ts";

/**
 * Error normalisation for every GraphQL response: known codes pass with their message;
 * anything else (a database error, a bug) becomes INTERNAL_SERVER_ERROR with a neutral
 * German message, so no SQL, path or stack reaches a client. Stack traces appear only
 * in development (Apollo's includeStacktraceInErrorResponses).
 */
export function createFormatError(log: (error: unknown) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    // Apollo labels every unexpected exception INTERNAL_SERVER_ERROR but keeps its message.
    if (typeof code === "string" && code !== "INTERNAL_SERVER_ERROR" && KNOWN_CODES.has(code)) return formatted;
    log(unwrapResolverError(error));
    return {
      message: "Interner Fehler. Die Anfrage wurde protokolliert.",
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    };
  };
}
