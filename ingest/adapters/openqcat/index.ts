import type { FeedAdapter, FeedInput } from "../types.ts";
import { parseOpenQcat } from "./parse.ts";

function detectOpenQcat(input: FeedInput): number {
  const head = (input.text !== "" ? input.text : new TextDecoder().decode(input.bytes.subarray(0, 4096))).slice(
    0,
    4096,
  );
  if (/<(?:[\w-]+:)?OPENQCAT[\s>]/i.test(head)) return 1;
  if (/<(?:[\w-]+:)?(NEW_CATALOG|UPDATE_CATALOG|SERVICE_DETAILS)[\s>]/i.test(head)) return 0.7;
  return /open-?qcat/i.test(input.url) && /^\s*<\?xml/.test(head) ? 0.4 : 0;
}

export const openqcatAdapter: FeedAdapter = {
  kind: "OPENQCAT",
  version: "1.0.0",
  detect: detectOpenQcat,
  parse: (input) => parseOpenQcat(input),
};
