import type { FetchErrorCode } from "../fetch/errors.ts";
import type { FetchOptions, FetchResult } from "../fetch/fetcher.ts";
import type { ExtractResult, FeedSource } from "./extract.ts";

/** Messages between the main thread and an extract worker (structured clone). */

export type ErrorWire =
  | {
      kind: "fetch";
      code: FetchErrorCode;
      url: string;
      detail?: string;
      status?: number;
      retryable: boolean;
      retryAfterMs?: number;
    }
  | { kind: "unreadable"; message: string }
  | { kind: "other"; name: string; message: string; stack?: string };

export type ToWorker =
  | {
      type: "extract";
      job: number;
      source: FeedSource;
      /** The caller's clock at dispatch (epoch ms): tests run with fixed clocks. */
      now: number;
      maxDetailPages?: number;
      maxGraphqlPages?: number;
    }
  | { type: "fetched"; job: number; request: number; result: FetchResult }
  | { type: "fetchFailed"; job: number; request: number; error: ErrorWire };

export type ToMain =
  | { type: "fetch"; job: number; request: number; url: string; options: FetchOptions | undefined }
  | { type: "done"; job: number; result: ExtractResult; threadId: number }
  | { type: "failed"; job: number; error: ErrorWire };
