import { describe, expect, it } from "vitest";
import { normalisedKeys } from "./classifier.ts";
import { createDecompounder, foldGerman, stemGerman } from "./normalise.ts";

describe("foldGerman", () => {
  it("folds case, umlauts and ß to the spelling without a German keyboard", () => {
    expect(foldGerman("Bürgerschaftliches Engagement")).toBe("buergerschaftliches engagement");
    expect(foldGerman("Öffentlichkeitsarbeit für Straßenfeste")).toBe("oeffentlichkeitsarbeit fuer strassenfeste");
  });
});

describe("stemGerman", () => {
  it.each([
    ["sprachkurs", "sprachkurse"],
    ["sozialraum", "sozialraeume"],
    ["quartier", "quartiere"],
    ["netzwerk", "netzwerke"],
    ["kommune", "kommunen"],
    ["akteur", "akteure"],
    ["analyse", "analysen"],
    ["lebenswelt", "lebenswelten"],
    ["moderator", "moderatorin"],
    ["koordinator", "koordinatorinnen"],
  ])("maps %s and %s to one stem", (singular, plural) => {
    expect(stemGerman(foldGerman(singular))).toBe(stemGerman(foldGerman(plural)));
  });

  it("does not cut -in off words that are not feminine forms", () => {
    expect(stemGerman("termin")).not.toBe(stemGerman("term"));
  });
});

describe("decompounding", () => {
  const splitter = createDecompounder([
    "buerger",
    "beteiligung",
    "verfahren",
    "ehrenamt",
    "koordination",
    "sozial",
    "raum",
    "analyse",
  ]);

  it("splits with and without Fugen-s", () => {
    expect(splitter.split("buergerbeteiligungsverfahren")).toEqual(["buerger", "beteiligung", "verfahren"]);
    expect(splitter.split("ehrenamtskoordination")).toEqual(["ehrenamt", "koordination"]);
    expect(splitter.split("sozialraumanalysen")).toEqual(["sozial", "raum", "analyse"]);
  });

  it("leaves unknown words whole", () => {
    expect(splitter.split("babymassage")).toEqual(["babymassage"]);
  });

  it("lets knowledge terms match the parts of compounds in offer texts", () => {
    const text = normalisedKeys("Bürgerbeteiligungsverfahren in der Sozialraumanalyse");
    for (const term of ["Beteiligung", "Bürgerbeteiligung", "Beteiligungsverfahren", "Sozialraum", "Analyse"]) {
      const keys = normalisedKeys(term);
      const joined = ` ${text.join(" ")} `;
      expect(joined).toContain(` ${keys.join(" ")} `);
    }
    expect(normalisedKeys("Ehrenamtskoordination")).toEqual([
      ...normalisedKeys("Ehrenamt"),
      ...normalisedKeys("Koordination"),
    ]);
  });

  it("splits compounds with an unknown last part after known parts", () => {
    expect(normalisedKeys("Sozialraumbudget").slice(0, 2)).toEqual(normalisedKeys("Sozialraum"));
    expect(normalisedKeys("Engagementlotsen")[0]).toBe(normalisedKeys("Engagement")[0]);
  });

  it("treats umlaut and ae/oe/ue spellings alike", () => {
    expect(normalisedKeys("Bürgerbeteiligung für Sozialräume")).toEqual(
      normalisedKeys("Buergerbeteiligung fuer Sozialraeume"),
    );
  });

  it.each([
    ["Bürgerbus", "Bürgerbusse"],
    ["Quartierstreff", "Quartierstreffs"],
    ["Sozialraumanalyse", "Sozialraumanalysen"],
    ["Beteiligungsprozess", "Beteiligungsprozesse"],
    ["Mehrgenerationenhaus", "Mehrgenerationenhäuser"],
    ["Begegnungsraum", "Begegnungsräume"],
    ["Ehrenamtliche", "Ehrenamtlichen"],
    ["Quartierskonferenz", "Quartierskonferenzen"],
    ["Bürgerforum", "Bürgerforen"],
  ])("gives compounds %s and %s the same keys", (singular, plural) => {
    expect(normalisedKeys(plural)).toEqual(normalisedKeys(singular));
  });

  it("drops stop words", () => {
    expect(normalisedKeys("der Quartiere und die Akteure")).toEqual(normalisedKeys("Quartier Akteur"));
  });
});
