/**
 * JSON Lines in, JSON Lines out: the engine of `hub classify`. One output line per
 * non-empty input line, in order. A bad line never stops the stream: it gets
 * {"id": null, "error": "…"} (German) and processing continues.
 */
import { createInterface } from "node:readline";
import { classifyOffer, type ClassifierInput } from "./classifier.ts";

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === "string");

/** Validates one parsed line; returns the input or a German error message. */
export const toClassifierInput = (value: unknown): ClassifierInput | string => {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "Zeile ist kein JSON-Objekt";
  const record = value as Record<string, unknown>;
  if (typeof record.title !== "string" || record.title.trim() === "") return "Feld „title“ fehlt oder ist leer";
  const optionalString = (key: string): string | undefined | null => {
    const field = record[key];
    if (field === undefined || field === null) return undefined;
    return typeof field === "string" ? field : null;
  };
  const description = optionalString("description");
  const provider = optionalString("provider");
  const durationText = optionalString("durationText");
  if (description === null) return "Feld „description“ muss ein Text sein";
  if (provider === null) return "Feld „provider“ muss ein Text sein";
  if (durationText === null) return "Feld „durationText“ muss ein Text sein";
  if (record.keywords !== undefined && !isStringArray(record.keywords))
    return "Feld „keywords“ muss eine Liste von Texten sein";
  if (record.audience !== undefined && !isStringArray(record.audience))
    return "Feld „audience“ muss eine Liste von Texten sein";
  const units = record.teachingUnits;
  if (units !== undefined && units !== null && (typeof units !== "number" || !Number.isFinite(units))) {
    return "Feld „teachingUnits“ muss eine Zahl sein";
  }
  const id = record.id;
  return {
    id: typeof id === "string" ? id : typeof id === "number" ? String(id) : undefined,
    title: record.title,
    description,
    provider,
    durationText,
    keywords: record.keywords as string[] | undefined,
    audience: record.audience as string[] | undefined,
    teachingUnits: (units as number | null | undefined) ?? null,
  };
};

/** The output line for one input line (already trimmed, non-empty). */
export const classifyLine = (line: string): { output: Record<string, unknown>; ok: boolean } => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return { output: { id: null, error: "Zeile ist kein gültiges JSON" }, ok: false };
  }
  const input = toClassifierInput(parsed);
  if (typeof input === "string") {
    const rawId = (parsed as { id?: unknown } | null)?.id;
    return { output: { id: typeof rawId === "string" ? rawId : null, error: input }, ok: false };
  }
  const result = classifyOffer(input);
  return {
    output: {
      id: input.id ?? null,
      relevant: result.relevant,
      score: result.score,
      learningAreas: result.learningAreas,
      modules: result.modules,
      learningFormat: result.learningFormat,
      roles: result.roles,
      knowledgeVersion: result.knowledgeVersion,
      areaConfidence: result.areaConfidence,
      needsReview: result.needsReview,
      reviewReasons: result.reviewReasons,
    },
    ok: true,
  };
};

const write = (output: NodeJS.WritableStream, text: string): Promise<void> =>
  new Promise((resolve, reject) => {
    if (output.write(text)) resolve();
    else {
      output.once("drain", resolve);
      output.once("error", reject);
    }
  });

export async function runClassifyStream(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
): Promise<{ lines: number; errors: number }> {
  const reader = createInterface({ input, crlfDelay: Infinity });
  let lines = 0;
  let errors = 0;
  for await (const raw of reader) {
    const line = raw.trim();
    if (line === "") continue;
    lines += 1;
    const { output: result, ok } = classifyLine(line);
    if (!ok) errors += 1;
    await write(output, `${JSON.stringify(result)}\n`);
  }
  return { lines, errors };
}
