import { describe, expect, it } from "vitest";
import { classifyOffer } from "./classifier.ts";
import { KNOWLEDGE_VERSION } from "./knowledge.data.ts";

const codes = (title: string, description: string, keywords?: string[]): string[] =>
  classifyOffer({ title, description, keywords }).modules.map((m) => m.code);

describe("classifyOffer", () => {
  it("assigns the analysis module with its evidence and records the knowledge version", () => {
    const result = classifyOffer({
      title: "Sozialraumanalyse für Einsteiger",
      description: "Wie Gemeinden mit Daten, Befragungen und Begehungen ihren Sozialraum analysieren.",
    });
    expect(result.relevant).toBe(true);
    expect(result.learningAreas).toContain("LB2");
    expect(result.modules[0]?.code).toBe("M04");
    expect(result.modules[0]?.evidence.join(" ")).toMatch(/Sozialraumanalyse/);
    expect(result.knowledgeVersion).toBe(KNOWLEDGE_VERSION);
    const confidences = result.modules.map((m) => m.confidence);
    expect([...confidences].sort((a, b) => b - a)).toEqual(confidences);
    for (const c of confidences) expect(c).toBeGreaterThanOrEqual(0);
  });

  it("matches compound parts: Ehrenamtskoordination → M09", () => {
    expect(codes("Grundkurs Ehrenamtskoordination", "Freiwillige gewinnen und begleiten.")).toContain("M09");
  });

  it("matches two-word terms in either order", () => {
    const result = classifyOffer({ title: "Die Beteiligung der Bürger stärken", description: "" });
    const m07 = result.modules.find((m) => m.code === "M07");
    expect(m07?.evidence.join(" ")).toMatch(/Beteiligung (der )?Bürger/);
  });

  it("is deterministic", () => {
    const input = { title: "Quartierskonferenzen moderieren", description: "Akteure an einen Tisch bringen." };
    expect(classifyOffer(input)).toEqual(classifyOffer(input));
  });

  it("takes provider categories as strong evidence", () => {
    const result = classifyOffer({
      title: "Werkstatttag",
      description: "Austausch unter Kolleginnen.",
      keywords: ["Lernfeld Sozialraum", "Modul 4"],
    });
    expect(result.relevant).toBe(true);
    expect(result.learningAreas).toContain("LB2");
    expect(result.modules[0]?.code).toBe("M04");
  });

  it("reads KoQuMa module titles through the crosswalk", () => {
    const result = classifyOffer({ title: "Nachhaltige Finanzierung des Quartiersmanagements", description: "" });
    expect(result.modules[0]?.code).toBe("M18");
  });

  it("does not read the provider's own module numbering in a title as ours", () => {
    const result = classifyOffer({
      title: "Modul 3: Pressearbeit für Vereine",
      description: "Pressemitteilungen schreiben.",
    });
    expect(result.modules.map((m) => m.code)).not.toContain("M03");
  });
});

describe("keyword traps", () => {
  it("Quartier in pure architecture/Städtebau is not relevant", () => {
    const result = classifyOffer({
      title: "Das neue Stadtquartier am Bahnhof",
      description:
        "Architekten und Stadtplanung diskutieren Nachverdichtung, Energieeffizienz und Baufelder im künftigen Quartier.",
    });
    expect(result.relevant).toBe(false);
    expect(result.reviewReasons.join(" ")).toMatch(/Städtebau/);
  });

  it("the same Quartier with a social focus stays relevant", () => {
    const result = classifyOffer({
      title: "Das neue Stadtquartier am Bahnhof",
      description:
        "Stadtplanung trifft Gemeinwesenarbeit: wie Nachbarschaft, Begegnung und Beteiligung der Bewohnerschaft im Quartier entstehen.",
    });
    expect(result.relevant).toBe(true);
  });

  it("Nachbarschaft in liturgy is not relevant", () => {
    const result = classifyOffer({
      title: "Gottesdienst in der Nachbarschaft",
      description: "Liturgie und Predigt für Gottesdienste mit den Nachbargemeinden im Kirchenbezirk.",
    });
    expect(result.relevant).toBe(false);
  });

  it("Vereinsbuchhaltung is not M18 and not relevant", () => {
    const result = classifyOffer({
      title: "Vereinsbuchhaltung für Kassenwarte",
      description:
        "Buchführung, Kassenführung und Jahresabschluss im gemeinnützigen Verein; Finanzierung über Mitgliedsbeiträge richtig verbuchen.",
    });
    expect(result.relevant).toBe(false);
    expect(result.modules.map((m) => m.code)).not.toContain("M18");
  });

  it("financing neighbourhood work is M18", () => {
    const result = classifyOffer({
      title: "Fördermittel für die Quartiersarbeit",
      description:
        "Förderprogramme von Land und Stiftungen, Anträge und die nachhaltige Finanzierung eines Quartiersbüros.",
    });
    expect(result.relevant).toBe(true);
    expect(result.modules[0]?.code).toBe("M18");
  });
});
