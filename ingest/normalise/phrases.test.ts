import { describe, expect, it } from "vitest";
import { accessibilityFromTexts } from "./accessibility.ts";
import { audiencesFromText } from "./audience.ts";
import { fundingFromTexts } from "./funding.ts";
import { kindFromTexts } from "./kind.ts";

describe("audiencesFromText", () => {
  it.each([
    ["Verwaltung", ["MUNICIPAL_STAFF"]],
    ["Mitarbeitende von Kommunen", ["MUNICIPAL_STAFF"]],
    ["Fach- und Führungskräfte der Kommunen", ["MUNICIPAL_STAFF"]],
    ["Gemeinderät*innen und Bürgermeister", ["LOCAL_POLITICIANS"]],
    ["Kommunalpolitik", ["LOCAL_POLITICIANS"]],
    ["Fachkräfte der Sozialarbeit", ["CIVIL_SOCIETY_PROFESSIONALS"]],
    ["Träger, Wohlfahrtsverbände und Wohnungswirtschaft", ["CIVIL_SOCIETY_PROFESSIONALS"]],
    ["Ehrenamtliche", ["VOLUNTEERS"]],
    ["bürgerschaftlich Engagierte", ["VOLUNTEERS"]],
    ["Hauptamtliche und Ehrenamtliche in der Quartiersarbeit", ["CIVIL_SOCIETY_PROFESSIONALS", "VOLUNTEERS"]],
    ["Alle Interessierten", []],
  ])("%s", (text, codes) => {
    expect(audiencesFromText([text])).toEqual(codes);
  });
});

describe("kindFromTexts", () => {
  it.each([
    [["Seminar: Moderation im Quartier"], "SEMINAR"],
    [["Workshop Beteiligung"], "SEMINAR"],
    [["Modulreihe Quartiersentwicklung"], "MODULE_SERIES"],
    [["Zertifikatskurs Quartiersmanagement"], "CERTIFICATE_COURSE"],
    [["Lehrgang Gemeinwesenarbeit"], "CERTIFICATE_COURSE"],
    [["3. Fachtag Quartier"], "CONFERENCE"],
    [["Jahrestagung der Quartiersakademie"], "CONFERENCE"],
    [["Webinar: Fördermittel"], "WEBINAR"],
    [["Online-Seminar Beteiligung"], "WEBINAR"],
    [["Netzwerktreffen Quartierskoordination"], "NETWORK_MEETING"],
    [["Inhouse-Schulung Sozialraumanalyse"], "IN_HOUSE"],
    [["Sozialraumanalyse kompakt", "Ein Workshop in zwei Teilen"], "SEMINAR"],
    [["Fachtag Pflege", "mit Workshops am Nachmittag"], "CONFERENCE"],
    [["Babymassage für Eltern"], null],
  ])("%j", (texts, kind) => {
    expect(kindFromTexts(texts)).toBe(kind);
  });

  it("reads a description by position: the first kind word wins", () => {
    const texts = ["Quartierskoordination", "Das Seminar bietet Raum für Erfahrungsaustausch."];
    expect(kindFromTexts(texts, { proseLast: true })).toBe("SEMINAR");
    expect(kindFromTexts(texts)).toBe("NETWORK_MEETING");
  });

  it("does not take a network meeting from a description's subject matter", () => {
    expect(
      kindFromTexts(["Netzwerke im Sozialraum aufbauen", "Akteursanalyse; Netzwerktreffen moderieren"], {
        proseLast: true,
      }),
    ).toBeNull();
  });
});

describe("fundingFromTexts", () => {
  it.each([
    ["Gefördert durch das Land Baden-Württemberg", ["Landesförderung Quartiersakademie"]],
    ["Ein Angebot der Quartiersakademie", ["Landesförderung Quartiersakademie"]],
    ["im Rahmen der Landesstrategie Quartier 2030", ["Landesförderung Quartiersakademie"]],
    ["Anerkannt als Bildungszeit nach BzG BW", ["Bildungszeit"]],
    ["Bildungsurlaub möglich", ["Bildungsurlaub"]],
    ["Einlösbar mit dem Qualifizierungsgutschein", ["Gutschein"]],
    ["Teilnahmegebühr 40 €", []],
  ])("%s", (text, labels) => {
    expect(fundingFromTexts([text])).toEqual(labels);
  });
});

describe("accessibilityFromTexts", () => {
  it.each([
    ["Die Räume sind barrierefrei.", "barrierefrei"],
    ["rollstuhlgerecht, mit Aufzug", "rollstuhlgerecht, Aufzug"],
    ["Übersetzung in Gebärdensprache", "Gebärdensprache"],
    ["Induktionsschleife vorhanden", "Induktionsschleife"],
    ["Der Saal ist leider nicht barrierefrei.", "nicht barrierefrei"],
    ["Keine Angaben", null],
  ])("%s", (text, label) => {
    expect(accessibilityFromTexts([text])).toBe(label);
  });
});
