import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compareContracts } from "../../schema/federation/breaking.ts";

const RELEASED = `
  type Query { offers: [Offer!]! }
  type Offer { id: ID! title: String! priceText: String }
`;

describe("the public contract check", () => {
  it("calls a removed field breaking and names it", async () => {
    const result = await compareContracts(
      RELEASED,
      `type Query { offers: [Offer!]! } type Offer { id: ID! title: String! }`,
    );
    expect(result.breaking).toHaveLength(1);
    expect(result.report).toMatch(/INKOMPATIBEL.*Offer\.priceText/);
  });

  it("lets a deprecation and an added field pass", async () => {
    const result = await compareContracts(
      RELEASED,
      `type Query { offers: [Offer!]! }
       type Offer { id: ID! title: String! priceText: String @deprecated(reason: "Preis steht in price.") price: Float }`,
    );
    expect(result.breaking).toEqual([]);
    expect(result.changes.length).toBeGreaterThanOrEqual(2);
  });

  it("finds no breaking change between the committed schema and the released baseline", async () => {
    const root = path.join(import.meta.dirname, "..", "..");
    const [released, current] = await Promise.all([
      readFile(path.join(root, "schema/released/schema.graphql"), "utf8"),
      readFile(path.join(root, "schema/schema.graphql"), "utf8"),
    ]);
    const result = await compareContracts(released, current);
    expect(result.report, result.report).toBeTruthy();
    expect(result.breaking.map((c) => c.message)).toEqual([]);
  });
});
