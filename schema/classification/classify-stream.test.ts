import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { runClassifyStream } from "./classify-stream.ts";

const run = async (text: string): Promise<{ lines: unknown[]; counts: { lines: number; errors: number } }> => {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on("data", (chunk: Buffer) => chunks.push(chunk));
  const counts = await runClassifyStream(Readable.from([text]), output);
  output.end();
  const lines = Buffer.concat(chunks)
    .toString("utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as unknown);
  return { lines, counts };
};

describe("runClassifyStream", () => {
  it("answers every line in order and keeps going after a malformed one", async () => {
    const input = [
      JSON.stringify({
        id: "q1",
        title: "Die Quartierskonferenz",
        description: "Akteure an einen Tisch bringen und moderieren.",
      }),
      "{kein json",
      "",
      JSON.stringify({ id: "q2", description: "ohne Titel" }),
      JSON.stringify({
        id: "q3",
        title: "Babymassage für Eltern",
        description: "Sanfte Massage für Säuglinge.",
        keywords: ["Familie"],
      }),
    ].join("\n");
    const { lines, counts } = await run(input);
    expect(counts).toEqual({ lines: 4, errors: 2 });
    expect(lines).toHaveLength(4);
    const [first, second, third, fourth] = lines as Record<string, unknown>[];
    expect(first).toMatchObject({ id: "q1", relevant: true, learningAreas: ["LB4"] });
    expect((first?.modules as { code: string }[])[0]?.code).toBe("M14");
    expect(typeof first?.knowledgeVersion).toBe("string");
    expect(second).toEqual({ id: null, error: "Zeile ist kein gültiges JSON" });
    expect(third).toMatchObject({ id: "q2" });
    expect(String(third?.error)).toMatch(/title/);
    expect(fourth).toMatchObject({ id: "q3", relevant: false, modules: [], learningFormat: null });
  });
});
