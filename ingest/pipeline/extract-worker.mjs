// Entry of an extract worker thread: the code is TypeScript run through tsx's loader,
// registered here because a worker does not inherit a loader registered through the API
// (bin/hub.mjs) and vitest's transform does not reach worker threads.
import { register } from "tsx/esm/api";

register();
await import("./extract-worker.ts");
