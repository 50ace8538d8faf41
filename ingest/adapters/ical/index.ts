import type { FeedAdapter, FeedInput } from "../types.ts";
import { parseIcal } from "./parse.ts";

const ICAL_TYPE = /text\/calendar|application\/ics/i;

function detectIcal(input: FeedInput): number {
  const head = (input.text !== "" ? input.text : new TextDecoder().decode(input.bytes.subarray(0, 2048)))
    .slice(0, 2048)
    .replace(/^\uFEFF/, "")
    .trimStart();
  if (/^BEGIN:VCALENDAR/i.test(head)) return /BEGIN:VEVENT/i.test(input.text) ? 1 : 0.9;
  if (ICAL_TYPE.test(input.contentType ?? "") || /\.ics(\?|$)/i.test(input.url)) return 0.4;
  return 0;
}

export const icalAdapter: FeedAdapter = {
  kind: "ICAL",
  version: "1.0.0",
  detect: detectIcal,
  parse: (input) => parseIcal(input),
};
