import { z } from "zod";
import { CSV_ENCODINGS } from "./decode.ts";
import { DELIMITERS } from "./delimiter.ts";
import { TARGET_FIELDS } from "./headers.ts";

/** Per-feed options of the CSV adapter (the XLSX adapter extends them). */
export const csvConfigSchema = z.object({
  /** Source header → field, for columns the synonym table does not know or gets wrong. */
  headerMap: z.record(z.string(), z.enum(TARGET_FIELDS)).optional(),
  delimiter: z.enum(DELIMITERS).optional(),
  encoding: z.enum(CSV_ENCODINGS).optional(),
});
export type CsvConfig = z.infer<typeof csvConfigSchema>;
