import type { FeedAdapter, FeedInput } from "../types.ts";
import { parseXlsx, type XlsxConfig } from "./parse.ts";

export { xlsxConfigSchema, type XlsxConfig } from "./parse.ts";

const XLSX_TYPE = /spreadsheetml|application\/vnd\.ms-excel/i;

/** A ZIP whose local entries name the workbook parts; the content type alone is a hint. */
function detectXlsx(input: FeedInput): number {
  const bytes = input.bytes;
  const isZip =
    bytes.byteLength > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const hint = XLSX_TYPE.test(input.contentType ?? "") || /\.xlsx(\?|$)/i.test(input.url);
  if (!isZip) return hint && bytes.byteLength === 0 ? 0.3 : 0;
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 64 * 1024));
  if (/xl\/workbook\.xml|xl\/worksheets\//.test(head) || (head.includes("[Content_Types].xml") && hint)) return 0.95;
  return hint ? 0.6 : 0.2;
}

export const xlsxAdapter: FeedAdapter<XlsxConfig> = {
  kind: "XLSX",
  version: "1.0.0",
  detect: detectXlsx,
  parse: (input, config) => parseXlsx(input, config),
};
