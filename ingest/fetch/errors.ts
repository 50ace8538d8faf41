/**
 * The error catalogue of the fetcher. Every failure leaves this module as a FetchError
 * with a machine code, a German message a provider can act on, and whether a later
 * retry can help (the scheduler uses `retryable` to decide between "try again next run"
 * and "tell the provider").
 */

export type FetchErrorCode =
  | "BLOCKED_ADDRESS"
  | "INVALID_URL"
  | "DNS_FAILURE"
  | "CONNECT_FAILED"
  | "TIMEOUT"
  | "TOO_LARGE"
  | "TOO_MANY_REDIRECTS"
  | "HTTP_STATUS"
  | "ROBOTS_DISALLOWED"
  | "DECOMPRESSION_FAILED"
  | "DECODE_FAILED";

interface CodeInfo {
  retryable: boolean;
  /** The German message; `detail` is appended when given. */
  message: string;
}

// Default retryability per code; HTTP_STATUS and DNS_FAILURE are refined per case.
const CODE_INFO: Record<FetchErrorCode, CodeInfo> = {
  BLOCKED_ADDRESS: {
    retryable: false,
    message:
      "Die Adresse zeigt auf ein internes oder reserviertes Netz (z. B. localhost, private oder Metadaten-Adressen) und wird aus Sicherheitsgründen nicht abgerufen",
  },
  INVALID_URL: {
    retryable: false,
    message: "Die Adresse ist keine gültige http(s)-Adresse",
  },
  DNS_FAILURE: {
    retryable: false,
    message: "Der Servername konnte nicht aufgelöst werden (DNS)",
  },
  CONNECT_FAILED: {
    retryable: true,
    message: "Der Server ist nicht erreichbar (Verbindung fehlgeschlagen)",
  },
  TIMEOUT: {
    retryable: true,
    message: "Der Server hat nicht rechtzeitig geantwortet (Zeitüberschreitung)",
  },
  TOO_LARGE: {
    retryable: false,
    message: "Die Antwort ist größer als erlaubt",
  },
  TOO_MANY_REDIRECTS: {
    retryable: false,
    message: "Zu viele Weiterleitungen (möglicherweise eine Weiterleitungsschleife)",
  },
  HTTP_STATUS: {
    retryable: false,
    message: "Der Server hat mit einem Fehlerstatus geantwortet",
  },
  ROBOTS_DISALLOWED: {
    retryable: false,
    message: "Die robots.txt des Servers verbietet den Abruf dieser Adresse",
  },
  DECOMPRESSION_FAILED: {
    retryable: false,
    message: "Die komprimierte Antwort konnte nicht entpackt werden",
  },
  DECODE_FAILED: {
    retryable: false,
    message: "Der Text der Antwort konnte nicht dekodiert werden",
  },
};

export interface FetchErrorInit {
  url: string;
  /** Extra German detail appended to the message ("HTTP 404", "Limit 10 MiB"). */
  detail?: string;
  status?: number;
  retryable?: boolean;
  /** Milliseconds the server asked us to wait (Retry-After), used by the retry loop. */
  retryAfterMs?: number;
  cause?: unknown;
}

export class FetchError extends Error {
  override readonly name = "FetchError";
  readonly code: FetchErrorCode;
  readonly retryable: boolean;
  readonly status?: number;
  readonly url: string;
  readonly retryAfterMs?: number;
  /** The German detail given at construction, kept so the error can be re-addressed. */
  readonly detail?: string;
  private readonly init: FetchErrorInit;

  constructor(code: FetchErrorCode, init: FetchErrorInit) {
    const info = CODE_INFO[code];
    const detail = init.detail ? `: ${init.detail}` : "";
    super(`${info.message}${detail} (${init.url})`, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = code;
    this.retryable = init.retryable ?? info.retryable;
    this.url = init.url;
    if (init.status !== undefined) this.status = init.status;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
    if (init.detail !== undefined) this.detail = init.detail;
    this.init = init;
  }

  /** The same error for another URL (errors raised below the request only know the host). */
  withUrl(url: string): FetchError {
    return new FetchError(this.code, { ...this.init, url, cause: this.init.cause ?? this });
  }
}

export function isFetchError(value: unknown): value is FetchError {
  return value instanceof FetchError;
}

/** Finds a FetchError anywhere in a cause chain (undici wraps errors raised in `connect.lookup`). */
export function findFetchError(value: unknown): FetchError | undefined {
  let current: unknown = value;
  for (let depth = 0; depth < 8 && current !== undefined && current !== null; depth++) {
    if (current instanceof FetchError) return current;
    current = current instanceof Error ? current.cause : undefined;
  }
  return undefined;
}
