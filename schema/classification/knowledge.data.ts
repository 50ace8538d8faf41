/**
 * What the classifier knows, as one reviewable table. Nothing here names a single offer:
 * terms come from the guide's competence descriptions (../shared/seeds/001_…, sections
 * 2–5: "Fachkompetenzen", "Methodenkompetenzen", the tasks of Quartierskoordination and
 * -steuerung, the phases of Quartiersentwicklung) and from the field's everyday words
 * (seeds 000, 002–004: Quartiersakademie, KoQuMa, Fachtag, "Qualifiziert fürs Quartier").
 *
 * How to edit (see README.md): a term is a German word or phrase written naturally
 * ("Bürgerschaftliches Engagement"); case, umlauts, plural and inflection do not matter,
 * and a term matches inside compounds ("Beteiligung" in "Bürgerbeteiligungsverfahren").
 * Weight 1 = a hint, 2 = typical of the module, 3+ = names the module's core competence.
 * Bump KNOWLEDGE_VERSION with every change: each stored classification records it.
 */
import type { LearningAreaCode, LearningFormatCode, ModuleCode, RoleCode } from "../taxonomy/codes.ts";

export const KNOWLEDGE_VERSION = "qiq-knowledge-2026.11.1";

/** [term, weight] */
export type WeightedTerm = readonly [string, number];

export interface ModuleKnowledge {
  code: ModuleCode;
  /** One German line: which competence of the guide the terms stand for. */
  focus: string;
  terms: readonly WeightedTerm[];
  /** Terms that speak against this module (subtracted). */
  counterTerms?: readonly WeightedTerm[];
  /** The module only counts when at least one of these terms is present too. */
  requiresAny?: readonly string[];
  /**
   * How much this module's evidence says "the offer belongs in the overview at all".
   * Generic skills (press work, funding, project management) say little on their own.
   */
  relevanceFactor: number;
}

export interface AreaKnowledge {
  code: LearningAreaCode;
  /** Names providers use for the area in categories ("Lernfeld Sozialraum"). */
  categoryNames: readonly string[];
  /** Terms that point to the area without pointing to one module. */
  terms: readonly WeightedTerm[];
}

export interface Trap {
  id: string;
  /** German: shown to analysts as a review reason when the trap fires. */
  reason: string;
  /** The trap fires when any of these terms is present … */
  when: readonly string[];
  /** … and none of these (the social focus that makes the offer ours after all). */
  unless: readonly string[];
  /** Relevance anchors and module terms whose evidence is dropped when it fires. */
  suppress: readonly string[];
  suppressModules: readonly ModuleCode[];
  /** Subtracted from the relevance score. */
  penalty: number;
}

export const AREA_KNOWLEDGE: readonly AreaKnowledge[] = [
  {
    code: "LB1",
    categoryNames: ["Person", "Lebenswelt", "Person/Lebenswelt", "Lebenslagen"],
    terms: [["Lebenslage", 1.5], ["Lebenswelt", 1.5], ["Bedürfnisse", 1], ["Zielgruppe im Quartier", 1], ["Menschen mit Demenz", 1], ["Demenz", 1], ["Inklusion", 0.8], ["Menschen mit Behinderung", 1], ["Alter und Altern", 1]],
  },
  {
    code: "LB2",
    categoryNames: ["Sozialraum", "Sozialraumorientierung"],
    terms: [["Sozialraum", 1.5], ["sozialräumlich", 1.5], ["Gemeinwesen", 1.5], ["Wohnen", 1], ["Stadtteil", 0.6], ["Dorf", 0.5], ["Quartiersprojekt", 0.8], ["Öffnung ins Quartier", 1.5]],
  },
  {
    code: "LB3",
    categoryNames: ["Beteiligung", "Teilhabe", "Beteiligung/Teilhabe", "Partizipation", "Engagement"],
    terms: [["Beteiligung", 1.5], ["Partizipation", 1.5], ["Teilhabe", 1], ["Engagement", 1], ["Ehrenamt", 1], ["Demokratie", 1], ["Mitgestaltung", 1], ["Bürgerschaft", 0.8], ["Seniorenrat", 1.5], ["Interessenvertretung", 1]],
  },
  {
    code: "LB4",
    categoryNames: ["Vernetzung", "Netzwerk", "Netzwerkarbeit", "Kooperation"],
    terms: [["Vernetzung", 1.5], ["Netzwerk", 1.2], ["Kooperation", 0.8], ["Akteure", 0.6], ["Sorgende Gemeinschaft", 1.5], ["Caring Community", 1.5], ["Zusammenarbeit", 0.5]],
  },
  {
    code: "LB5",
    categoryNames: ["Steuerung", "Management", "Quartiersmanagement und Steuerung"],
    terms: [["Steuerung", 1.2], ["Verwaltung", 0.6], ["Strategie", 0.8], ["Finanzierung", 1], ["Öffentlichkeitsarbeit", 1], ["Projektmanagement", 1], ["Verankerung", 1]],
  },
];

const GROUPS: readonly WeightedTerm[] = [
  ["Menschen mit Behinderung", 2.5], ["Menschen mit Demenz", 2.5], ["Demenz", 2], ["Kinder und Jugendliche", 1.5],
  ["Jugendliche", 1.2], ["Kinder", 1.2], ["Senioren", 1.2], ["ältere Menschen", 1.5], ["Älteren", 1], ["Alter und Altern", 1.5], ["Familien", 1.5],
  ["Alleinerziehende", 2], ["pflegende Angehörige", 2], ["Migrationsgeschichte", 2], ["Migration", 1.2], ["Geflüchtete", 1.5],
  ["Zugewanderte", 1.5], ["Einwanderung", 1], ["Menschen mit Migrationshintergrund", 2], ["Armut", 1.2], ["Einsamkeit", 1.5],
];

const PARTICIPATION = ["Beteiligung", "Partizipation", "Mitgestaltung", "Mitsprache", "Teilhabe", "Mitbestimmung", "Beteiligungsprozess"];

export const MODULE_KNOWLEDGE: readonly ModuleKnowledge[] = [
  // LB1 Person/Lebenswelt
  {
    code: "M01", relevanceFactor: 0.3,
    focus: "Kenntnisse über Lebenslagen/Lebenswelten verschiedener Zielgruppen; inklusiver Blick",
    terms: [["Lebenslage", 2], ["Lebenswelt", 2], ["Lebensweltansatz", 3], ["Lebenslagenansatz", 3], ["personenzentriert", 3], ["inklusiver Blick", 2.5], ["gutes Leben", 1.5], ["Vielfalt", 1], ["Diversität", 1], ["soziale Ungleichheit", 1.5], ["demografischer Wandel", 1], ["Inklusion", 1], ["inklusiv", 1.5], ["inklusive Quartiersentwicklung", 2], ["Barrieren abbauen", 1.5], ["Menschen mit und ohne Behinderung", 2]],
  },
  {
    code: "M02", relevanceFactor: 0.3,
    focus: "Ressourcen und Bedarfe eines Quartiers selbst ermitteln (Bürgerbefragung, Quartiersbegehung)",
    terms: [["Bedarfe ermitteln", 3], ["Bedarfe erheben", 3], ["Bedarfserhebung", 3], ["Bedarfsanalyse", 2.5], ["Bedarfe erfassen", 2.5], ["Bürgerbefragung", 3], ["Bewohnerbefragung", 3], ["aktivierende Befragung", 3], ["Befragung", 1.2], ["Quartiersbegehung", 2], ["Bedürfnisse", 1.2], ["Ressourcen und Bedarfe", 2.5], ["Bedarfe", 1], ["Bewohnerschaft", 0.8], ["Lebenswelten erfassen", 2]],
    counterTerms: [["Sozialraumanalyse", 1.5]],
  },
  // LB2 Sozialraum
  {
    code: "M03", relevanceFactor: 0.35,
    focus: "Grundlagen der Sozialraumorientierung und Gemeinwesenarbeit",
    terms: [["Sozialraumorientierung", 3], ["sozialraumorientiert", 3], ["Gemeinwesenarbeit", 3], ["Gemeinwesen", 2], ["sozialräumliches Arbeiten", 2], ["Sozialraum", 1.2], ["Quartiersansatz", 1.5], ["Grundlagen des Quartiersmanagements", 2.5], ["Quartiersmanagement", 1], ["Quartiersmanager", 1.5], ["Quartiersarbeit", 0.8], ["Stadtteilarbeit", 2]],
  },
  {
    code: "M04", relevanceFactor: 0.35,
    focus: "Sozialraumanalysen erstellen; Quartiere identifizieren und partizipativ analysieren; kommunale Daten aufbereiten",
    terms: [["Sozialraumanalyse", 4], ["Sozialräume analysieren", 3.5], ["Quartiersanalyse", 3.5], ["Stadtteilanalyse", 3.5], ["Sozialraumbeschreibung", 3], ["Sozialmonitoring", 3], ["Sozialdaten", 2], ["kommunale Daten", 2], ["kleinräumig", 1.2], ["Quartiere identifizieren", 3], ["Nadelmethode", 2.5], ["Bevölkerungsentwicklung", 2], ["Demografie", 1.2], ["Sozialbericht", 2.5], ["subjektive Landkarte", 2.5], ["Daten", 0.8], ["Begehung", 1], ["Quartiersbegehung", 1], ["Befragung", 0.6]],
  },
  {
    code: "M05", relevanceFactor: 0.3,
    focus: "Handlungsfelder im Quartier bedarfsgerecht gestalten: Wohnen, Begegnungsräume, Alltagshilfen, Beratung, Pflege",
    terms: [["Wohnen", 1.5], ["Wohnformen", 2.5], ["Wohnangebote", 2.5], ["Wohnstrukturen", 2], ["gemeinschaftliches Wohnen", 2.5], ["Mehrgenerationenwohnen", 2.5], ["barrierearm", 1.5], ["barrierefrei", 1.2], ["Wohngemeinschaft", 2], ["Wohnumfeld", 2], ["Begegnungsraum", 2], ["Gemeinschaftsräume", 1.5], ["Alltagshilfe", 2], ["Beratungsangebot", 1.5], ["Pflegeformen", 1.5], ["Unterstützung und Pflege", 2], ["Versorgung", 1], ["Versorgungsstrukturen", 2], ["Daseinsvorsorge", 1.5], ["Handlungsfeld", 1.2], ["Sorgestrukturen", 1.5], ["Generationen", 0.8], ["Wohnen im Alter", 2.5], ["betreutes Wohnen", 2.5], ["Pflege-WG", 2.5], ["Tagespflege", 1.5], ["Wohnungswirtschaft", 1], ["Mieter", 1.5]],
  },
  {
    code: "M06", relevanceFactor: 0.4,
    focus: "Kleinteilige, dezentrale, niedrigschwellige Angebote im Quartier entwickeln (Bürgerbus, Einkauf, Treffpunkt)",
    terms: [["Bürgerbus", 3], ["Mitfahrbank", 2.5], ["Mobilität im ländlichen Raum", 2.5], ["Mobilität", 1], ["Einkaufsmöglichkeit", 2.5], ["Nahversorgung", 2.5], ["Dorfladen", 2.5], ["wohnortnah", 2], ["niedrigschwellig", 2], ["offener Treff", 3], ["Treffpunkt", 2.5], ["Quartierstreff", 3], ["Nachbarschaftstreff", 3], ["Quartierscafé", 2.5], ["Quartiersbüro", 2.5], ["Anlaufstelle", 2], ["Sprechzeiten", 1], ["Café", 1], ["Mittagstisch", 2], ["aufsuchende Quartiersarbeit", 2.5], ["mobile Quartiersarbeit", 2.5], ["Öffnung ins Quartier", 2], ["Angebote entwickeln", 1.5], ["kleinteilig", 1.5], ["dezentral", 1.2], ["Öffnungszeiten", 1], ["Trägerschaft", 1], ["Eröffnung", 1], ["gründen", 1], ["Mehrgenerationenhaus", 1]],
  },
  // LB3 Beteiligung/Teilhabe
  {
    code: "M07", relevanceFactor: 0.35,
    focus: "Grundlagen von Partizipation und Empowerment; Beteiligungsprozesse initiieren und begleiten",
    terms: [["Grundlagen von Beteiligung", 3], ["Bürgerbeteiligung", 2.5], ["Beteiligung", 1.8], ["Partizipation", 2.5], ["Beteiligungsprozess", 2.5], ["Beteiligungsformen", 2.5], ["Beteiligungsverfahren", 1.5], ["Empowerment", 2.5], ["Mitsprache", 1.5], ["Mitbestimmung", 1.5], ["E-Partizipation", 2], ["Online-Beteiligung", 2], ["stille Gruppen", 1.5], ["Demokratie", 1.2], ["Teilhabe", 1]],
  },
  {
    code: "M08", relevanceFactor: 0.35,
    focus: "Bürgerschaft aktivieren, bürgerschaftliches Engagement initiieren und steuern",
    terms: [["Bürgerschaftliches Engagement", 3.5], ["Engagement", 2], ["Engagementförderung", 3], ["Engagementstrategie", 2.5], ["Engagementpolitik", 2.5], ["Engagierte", 1.2], ["freiwilliges Engagement", 2], ["Bürgermentor", 3], ["Bürgerforum", 2], ["Bürgerschaft aktivieren", 3], ["Bürgerschaft", 1], ["Gemeinwohl", 1.5], ["selbsttragende Strukturen", 2.5], ["Projektwerkstatt", 1.5], ["Ideenwerkstatt", 1.5], ["Mitmachen", 1.5], ["Engagement gewinnen", 2.5], ["Nachbarschaftsfest", 2], ["Stadtteilfest", 2], ["Zivilgesellschaft", 0.8]],
  },
  {
    code: "M09", relevanceFactor: 0.3,
    focus: "Zusammenarbeit mit Ehrenamtlichen gestalten und begleiten, einschließlich Konfliktmanagement",
    terms: [["Ehrenamtskoordination", 4], ["Ehrenamtsmanagement", 4], ["Ehrenamtskoordinator", 3.5], ["Freiwilligenmanagement", 3.5], ["Freiwilligenkoordination", 3.5], ["Ehrenamtliche begleiten", 3], ["Ehrenamtliche gewinnen", 2.5], ["Gewinnung Ehrenamtlicher", 2.5], ["Ehrenamtsgewinnung", 2.5], ["Ehrenamtliche", 1.5], ["Ehrenamt", 1.5], ["Hauptamt und Ehrenamt", 3], ["Anerkennungskultur", 2.5], ["Anerkennung", 1.5], ["Einsatzleitung", 2.5], ["Einsatzleiterin", 2.5], ["Nachbarschaftshilfe", 2], ["Besuchsdienst", 1.5], ["Konfliktmanagement", 1.5], ["Freiwillige", 1.2], ["Helfer", 1]],
  },
  {
    code: "M10", relevanceFactor: 0.3,
    focus: "Rechtliche und kommunale Rahmenbedingungen der Bürgerbeteiligung (Gemeindeordnung, Gremien)",
    terms: [["Gemeindeordnung", 3], ["rechtliche Rahmenbedingungen", 2.5], ["Rahmenbedingungen", 1], ["Bürgerentscheid", 2.5], ["Einwohnerversammlung", 2.5], ["Bürgerhaushalt", 2], ["Jugendgemeinderat", 2.5], ["Seniorenrat", 2], ["Seniorenvertretung", 2], ["Seniorenbeirat", 2], ["Beirat", 1.2], ["Interessenvertretung", 1.5], ["Kommunalpolitik", 1.2], ["formelle Beteiligung", 2.5], ["Bürgerversammlung", 2], ["Einwohnerantrag", 2.5], ["Bürgerbegehren", 2.5]],
  },
  // LB4 Vernetzung
  {
    code: "M11", relevanceFactor: 0.35,
    focus: "Netzwerk- und Sozialkapitalkonzepte; Netzwerke initiieren und moderieren",
    terms: [["Netzwerkarbeit", 3.5], ["Netzwerke aufbauen", 3], ["Netzwerkmanagement", 3], ["Netzwerk", 1.8], ["Vernetzung", 1.8], ["vernetzen", 1.8], ["Sozialkapital", 2.5], ["Netzwerkbildung", 2], ["Netzwerkmoderation", 3], ["soziale Netzwerke", 1.5], ["Kooperation", 0.8]],
  },
  {
    code: "M12", relevanceFactor: 0.35,
    focus: "Rollen von Kommune, Bürgerschaft, Markt und Zivilgesellschaft (Welfare-Mix); Zusammenarbeit in geteilter Verantwortung",
    terms: [["Welfare-Mix", 4], ["Wohlfahrtsmix", 3.5], ["Hilfemix", 3.5], ["Triolog", 3], ["geteilte Verantwortung", 3], ["Verantwortung teilen", 2.5], ["Rollen von Kommune", 2.5], ["Rolle der Kommune", 2.5], ["Sorgende Gemeinschaft", 2.5], ["Caring Community", 2.5], ["Kirchengemeinde", 1.2], ["Kirche und Diakonie", 1.2], ["Wohnungsunternehmen", 1.5], ["Wohnungswirtschaft", 1.5], ["Wohlfahrtsverband", 1.2], ["Pflegedienst", 1], ["Unternehmen", 0.8], ["Sektoren", 1.5], ["soziale Träger", 1.2]],
  },
  {
    code: "M13", relevanceFactor: 0.3,
    focus: "Verbündete suchen, Kooperationspartner im Quartier aktivieren",
    terms: [["Kooperationspartner", 2.5], ["Verbündete", 3], ["Akteure aktivieren", 3], ["Partner gewinnen", 2], ["lokale Akteure", 1.5], ["örtliche Akteure", 1.5], ["Bündnis", 1.5], ["Allianz", 1.2], ["Kooperationskultur", 1.5], ["Kooperation", 1.2], ["Partner", 1]],
  },
  {
    code: "M14", relevanceFactor: 0.35,
    focus: "Örtliche Akteure koordinieren (Quartierskonferenz), gemeinsam Maßnahmen planen, moderieren",
    terms: [["Quartierskonferenz", 4], ["Stadtteilkonferenz", 3.5], ["Akteure an einen Tisch", 3], ["Runder Tisch", 1.5], ["Moderation", 1.2], ["Maßnahmenplanung", 2], ["Teamfähigkeit", 2], ["Zusammenarbeit der Akteure", 2], ["Verknüpfung von Akteuren", 2.5], ["Akteure koordinieren", 2.5], ["Akteure", 0.8], ["Arbeitsgruppe", 1], ["Zusammenarbeit", 0.8]],
  },
  // LB5 Steuerung
  {
    code: "M15", relevanceFactor: 0.15,
    focus: "Governance, wirkungsorientierte Steuerung, systematisches Projektmanagement, Evaluation und Controlling",
    terms: [["Projektmanagement", 3], ["wirkungsorientiert", 3], ["Wirkungsorientierung", 3], ["Steuerungsprozesse", 3], ["Governance", 3], ["Evaluation", 2.5], ["Controlling", 2], ["Steuerung", 1.5], ["Qualitätsmanagement", 1.5], ["Monitoring", 1.2], ["Wirkung", 1], ["Projekte planen", 2], ["Projektplanung", 2], ["Meilensteine", 1.5], ["Wirkungen überprüfen", 2.5], ["Ziele setzen", 1], ["steuern", 1], ["Kennzahlen", 1]],
  },
  {
    code: "M16", relevanceFactor: 0.3,
    focus: "Quartiersentwicklung in der Kommune verankern: Leitbild, Gremien, fachbereichsübergreifende Organisation, Change-Management",
    terms: [["Querschnittsaufgabe", 3], ["fachbereichsübergreifend", 3], ["ressortübergreifend", 3], ["ämterübergreifend", 3], ["Organisationsentwicklung", 2.5], ["Personalentwicklung", 2], ["Change-Management", 3], ["Leitbild", 1.5], ["Gremien sensibilisieren", 3], ["Ratsbeschluss", 2.5], ["Gemeinderat", 1.2], ["Steuerungsgruppe", 2], ["strukturelle Verankerung", 3], ["verankern", 2], ["Verwaltungseinheiten", 2], ["Quartiersstrategie", 2.5], ["Verwaltung", 1], ["Sozialplanung", 1.5], ["interkommunal", 1.2], ["Verstetigung", 2], ["Entscheidungsträger", 1.2]],
  },
  {
    code: "M17", relevanceFactor: 0.08,
    focus: "Professionelle Öffentlichkeitsarbeit, Transparenz über Akteure und Arbeitsschritte (Quartiersportal)",
    terms: [["Öffentlichkeitsarbeit", 3], ["Pressearbeit", 3], ["Medienarbeit", 2.5], ["Pressemitteilung", 2.5], ["Social Media", 2.5], ["Quartiersportal", 3], ["verständlich kommunizieren", 2.5], ["Kommunikation", 1.2], ["Transparenz", 1.2], ["Newsletter", 1.5], ["Internetauftritt", 1.5]],
  },
  {
    code: "M18", relevanceFactor: 0.1,
    focus: "Finanzierungs- und Fördermöglichkeiten der Quartiersarbeit; Quartiersmanagement nachhaltig sichern",
    terms: [["Finanzierung", 3], ["Fördermittel", 3], ["Fördermöglichkeiten", 3], ["Förderprogramm", 2.5], ["Fundraising", 3], ["Förderantrag", 3], ["Stiftungsmittel", 3], ["Stiftung", 1.2], ["Refinanzierung", 3], ["Städtebauförderung", 2], ["Crowdfunding", 2.5], ["finanzieren", 2], ["Spenden", 1.5], ["Sponsoring", 1.5], ["Antrag", 1], ["Förderung", 0.8]],
    counterTerms: [["Buchhaltung", 5], ["Buchführung", 5], ["Kassenführung", 5], ["Jahresabschluss", 4], ["Steuerrecht", 3]],
  },
  // Vertiefung: the same topics, deeper or applied; weights lower so a Basis module wins ties.
  {
    code: "V01", relevanceFactor: 0.2,
    focus: "Konzepte zum Lebenslagen-/Lebensweltansatz vertiefen",
    terms: [["Lebensweltansatz", 2], ["Lebenslagenansatz", 2], ["Lebensweltorientierung", 2.5], ["Lebenslagen", 1], ["Lebenswelten", 1]],
  },
  {
    code: "V02", relevanceFactor: 0.15,
    focus: "Lebenswelten und Bedarfe besonderer Gruppen verstehen (Ältere, Menschen mit Behinderung, Familien, Zugewanderte)",
    terms: [...GROUPS, ["Lebenswelten verstehen", 2]],
    counterTerms: [["Beteiligung", 1.5], ["Partizipation", 1.5]],
  },
  {
    code: "V03", relevanceFactor: 0.25,
    focus: "Konzepte sozialraumorientierten Arbeitens vertiefen (Gemeinwesenarbeit, sozialer Zusammenhalt, Integration im Sozialraum)",
    terms: [["sozialräumliches Arbeiten", 2], ["sozialer Zusammenhalt", 2.5], ["Integration im Sozialraum", 2.5], ["Zusammenleben im Stadtteil", 2], ["Integration", 1], ["Konzepte", 0.8], ["Sozialräume", 1], ["Gemeinwesen", 1]],
  },
  {
    code: "V04", relevanceFactor: 0.2,
    focus: "Sozialraumorientiertes Arbeiten an ausgewählten Aspekten praktisch einüben",
    terms: [["Sozialraumanalyse", 1.5], ["Praxisprojekt", 1], ["Exkursion", 1], ["Ortsbegehung", 1.5]],
  },
  {
    code: "V05", relevanceFactor: 0.2,
    focus: "Theorieansätze zu Partizipation und Empowerment vertiefen",
    terms: [["Partizipationstheorie", 3], ["Stufen der Partizipation", 3], ["Empowerment", 1.5], ["Demokratie", 1.2], ["Demokratiebildung", 2]],
  },
  {
    code: "V06", relevanceFactor: 0.4,
    focus: "Ausgewählte Beteiligungsmethoden in der Praxis umsetzen (Runder Tisch, Bürgerrat, Zukunftswerkstatt …)",
    terms: [["Beteiligungsmethoden", 3], ["Beteiligungsverfahren", 2.5], ["Runder Tisch", 3], ["Dynamic Facilitation", 3.5], ["Bürgerrat", 2.5], ["Zukunftswerkstatt", 3], ["World Café", 2.5], ["Open Space", 2.5], ["Planungszelle", 3], ["Großgruppenmethoden", 3], ["Moderationsmethode", 2.5], ["Bürgerversammlung moderieren", 2.5], ["Dorfgespräch", 2], ["Bürgerdialog", 2], ["Beteiligungswerkstatt", 2.5], ["Moderation", 1.2], ["Mediation", 1.5], ["Prozessdesign", 1.5]],
  },
  {
    code: "V07", relevanceFactor: 0.3,
    focus: "Beteiligung besonderer, schwer erreichbarer Gruppen ermöglichen",
    terms: [...GROUPS.map(([term, weight]): WeightedTerm => [term, weight * 1.2]), ["Kinder- und Jugendbeteiligung", 3.5], ["Kinderbeteiligung", 3], ["Beteiligung von Kindern", 3], ["Jugendbeteiligung", 3], ["Seniorenbeteiligung", 3], ["stille Gruppen", 2.5], ["schwer erreichbar", 2.5], ["Barrieren", 1]],
    requiresAny: PARTICIPATION,
  },
  {
    code: "V08", relevanceFactor: 0.2,
    focus: "Netzwerk-, Sozialkapital- und Kooperationskonzepte vertiefen",
    terms: [["Netzwerktheorie", 3], ["sektorenübergreifend", 2.5], ["Sozialkapital", 1.5], ["Kooperationsmodelle", 2]],
  },
  {
    code: "V09", relevanceFactor: 0.2,
    focus: "Netzwerkarbeit praktisch einüben (Moderation von Netzwerken, Netzwerkkarten)",
    terms: [["Beziehungslandkarte", 2.5], ["Netzwerkkarte", 2.5], ["Netzwerktreffen", 1.5], ["Netzwerke moderieren", 2.5]],
  },
  {
    code: "V10", relevanceFactor: 0.15,
    focus: "Steuerungskonzepte vertiefen (Governance, wirkungsorientierte Steuerung, Change-Management)",
    terms: [["Steuerungskonzepte", 3], ["integrierte Sozialplanung", 2.5], ["Governance", 1.2], ["wirkungsorientierte Steuerung", 1.5]],
  },
  {
    code: "V11", relevanceFactor: 0.15,
    focus: "Steuerungsinstrumente anwenden (Wirkungsmessung, Kennzahlen, Evaluation)",
    terms: [["Steuerungsinstrumente", 3], ["Wirkungsmessung", 2.5], ["Kennzahlen", 2], ["Evaluation", 1]],
  },
];

/**
 * Words that place an offer in the field of Quartiersentwicklung at all, whatever its
 * module. "Quartier" matches every compound with it (Quartiersarbeit, Stadtquartier).
 */
export const RELEVANCE_ANCHORS: readonly WeightedTerm[] = [
  ["Quartier", 2], ["Quartiersentwicklung", 1], ["Sozialraum", 2], ["sozialräumlich", 1.5], ["Gemeinwesen", 2],
  ["Nachbarschaft", 1.8], ["Bürgerbeteiligung", 2], ["Beteiligung", 1], ["Partizipation", 1.5], ["Bürgerschaftliches Engagement", 2],
  ["Engagement", 0.8], ["Ehrenamt", 0.5], ["Kommune", 0.8], ["kommunal", 0.8], ["Gemeinde", 0.4], ["Dorf", 0.5], ["Stadtteil", 1],
  ["Teilhabe", 1], ["Sorgende Gemeinschaft", 2], ["Caring Community", 2], ["Landesstrategie", 1.5], ["Vernetzung", 0.8],
  ["Netzwerk", 0.5], ["Seniorenrat", 1.5], ["Seniorenvertretung", 1.5], ["Bürgerschaft", 1], ["Mehrgenerationenhaus", 1],
  ["Zivilgesellschaft", 0.5], ["Demokratie", 0.5], ["Bürgermentor", 1.5], ["Bürgerrat", 1], ["Gemeinwohl", 1],
  ["Quartiersmanagement", 1], ["Welfare-Mix", 2], ["Daseinsvorsorge", 1], ["ländlicher Raum", 1], ["Bürgerversammlung", 1.5], ["Bürgerdialog", 1.5], ["Dorfentwicklung", 1.5], ["Stadtteilarbeit", 1.5], ["Bürgerbus", 1.5], ["Nachbarschaftshilfe", 1], ["Bürgerinnen und Bürger", 0.8], ["Sozialer Zusammenhalt", 2], ["integriertes Entwicklungskonzept", 1.5], ["demografischer Wandel", 1], ["Demografie", 0.8], ["Anlaufstelle", 0.8],
];

/**
 * Topics of continuing education that share words with the field but are not part of the
 * curriculum: care and medicine, liturgy, youth-welfare institutions, office skills,
 * bookkeeping, procurement and data-protection law, parenting courses, sports clubs.
 */
export const OFF_TOPIC: readonly WeightedTerm[] = [
  ["Palliative Care", 4], ["Palliativ", 3], ["Hospiz", 2], ["Sterbebegleitung", 2], ["Wundexperte", 4], ["Wundversorgung", 3],
  ["Pflegefachkräfte", 1.5], ["Pflegeversicherung", 1.5], ["Alltagsbegleiter", 2], ["Umgang mit Menschen mit Demenz", 2],
  ["Hilfen zur Erziehung", 4], ["Erziehungshilfe", 3], ["Heimerziehung", 3], ["Datenschutz", 3], ["Datenschutzbeauftragte", 3],
  ["PowerPoint", 4], ["Excel", 3], ["Folien gestalten", 2], ["Vergaberecht", 4], ["Schwellenwerte", 1.5], ["Babymassage", 4], ["Säugling", 2],
  ["Tierschutz", 4], ["Taufe", 3], ["Gottesdienst", 2.5], ["Liturgie", 3], ["Buchhaltung", 4], ["Buchführung", 4], ["Finanzbuchhaltung", 4],
  ["Steuerrecht", 2.5], ["Sportverein", 3], ["Sport", 1.5], ["Übungsleiter", 2], ["Vereinsmanagement", 1.5], ["Vereinsmanager", 2.5], ["Schulprojekte", 2], ["Lehrkräfte", 1.5], ["Schülerinnen und Schüler", 1.5],
  ["Schulsozialarbeit", 2], ["Familienpolitik", 1.5], ["Familienbildung", 1.5], ["Abendvortrag", 1], ["Vortrag", 0.5], ["politische Projekte", 2],
  ["Pressemitteilung", 0.5], ["Verbandsvertreter", 2], ["Berufsverband", 2],
];

/** The field's keyword traps (issue 4): a field word in a context that is not ours. */
export const TRAPS: readonly Trap[] = [
  {
    id: "quartier-staedtebau",
    reason: "„Quartier“ nur im Sinn von Städtebau/Architektur, ohne sozialen Fokus",
    when: ["Städtebau", "Stadtplanung", "Architektur", "Architekt", "Städteplaner", "Landschaftsplaner", "Bebauungsplan", "Bauleitplanung", "nachverdichten", "Nachverdichtung", "Energieeffizienz", "Baugebiet", "Freiraumplanung", "Stadtführung", "Altstadt", "Fachwerk", "Denkmalschutz", "Denkmalpflege", "Stadtgeschichte"],
    unless: ["Beteiligung", "Partizipation", "Teilhabe", "Gemeinwesen", "Sozialraum", "Nachbarschaft", "Begegnung", "inklusiv", "Inklusion", "Engagement", "Quartiersarbeit", "Quartiersmanagement", "Diakonie", "Caritas", "Zusammenhalt", "Ehrenamt"],
    suppress: ["Quartier", "Quartiersentwicklung", "Stadtteil", "Wohnen", "Wohnformen", "Mobilität", "Kommune", "kommunal"],
    suppressModules: ["M05", "M06"],
    penalty: 2,
  },
  {
    id: "nachbarschaft-liturgie",
    reason: "„Nachbarschaft“/„Gemeinde“ im Sinn von Gottesdienst und Kirchengemeinde, ohne Quartiersbezug",
    when: ["Gottesdienst", "Liturgie", "Predigt", "Taufe", "Abendmahl", "Kirchenmusik", "Gottesdienstlandschaft", "Ökumene", "Geistliche"],
    unless: ["Quartiersarbeit", "Quartiersentwicklung", "Sozialraum", "Gemeinwesen", "Diakonie", "Caritas", "Nachbarschaftshilfe", "Kommune"],
    suppress: ["Nachbarschaft", "Gemeinde", "Quartier", "Dorf"],
    suppressModules: [],
    penalty: 2,
  },
  {
    id: "vereinsbuchhaltung",
    reason: "Buchhaltung/Kassenführung (z. B. für Vereine) ist nicht Finanzierung der Quartiersarbeit (M18)",
    when: ["Buchhaltung", "Buchführung", "Kassenführung", "Kassenwart", "Jahresabschluss", "Finanzbuchhaltung", "Vereinsbuchhaltung", "Steuererklärung"],
    unless: ["Quartiersarbeit", "Quartiersmanagement", "Fördermittel", "Förderprogramm", "Fundraising"],
    suppress: ["Finanzierung", "Verein", "Ehrenamt"],
    suppressModules: ["M18"],
    penalty: 2,
  },
];

/** Cues for the learning format; the highest sum wins, nothing found → null. */
export const FORMAT_CUES: Readonly<Record<LearningFormatCode, readonly WeightedTerm[]>> = {
  EINFUEHRUNG: [["Fachtag", 3], ["Tagung", 2.5], ["Jahrestagung", 2.5], ["Expertentalk", 3], ["Impulstag", 3], ["Einstieg", 2], ["Einführung", 2.5], ["Überblick", 1.5], ["Einsteiger", 2], ["Vortrag", 1.5], ["Exkursion", 2], ["Regionaltagung", 3], ["Landesfachtag", 3], ["1 Tag", 2], ["eintägig", 2], ["Abschlussveranstaltung", 2], ["Online-Fachveranstaltung", 2], ["Kongress", 2], ["Infoveranstaltung", 2], ["Sensibilisierung", 1.5]],
  BASIS: [["Basisqualifizierung", 4], ["Basiskurs", 3.5], ["Lehrgang", 2.5], ["Qualifizierungsprogramm", 2.5], ["Grundkurs", 3], ["modulare Fortbildungsreihe", 3], ["Zertifikat", 1], ["berufsbegleitend", 1], ["Grundlagen", 1], ["Qualifizierung", 1], ["Module", 1.5], ["Weiterbildung", 1], ["wissenschaftliche Weiterbildung", 1.5], ["Fortbildungsreihe", 2], ["Bürgermentorenkurs", 2], ["zertifiziert", 1]],
  VERTIEFUNG: [["Vertiefung", 3], ["Vertiefungsmodul", 3.5], ["vertiefen", 2.5], ["Aufbaukurs", 3], ["Aufbauseminar", 3], ["für Fortgeschrittene", 3], ["Vorkenntnisse", 2], ["Ausbildung zum", 2], ["Ausbildung zur", 2], ["Mehrtägiges Seminar", 1.5], ["Zweitägiges Seminar", 1.5], ["Moderatorin", 1]],
};

/** Audience words that point to a role beyond the roles of the assigned modules. */
export const ROLE_CUES: Readonly<Record<RoleCode, readonly WeightedTerm[]>> = {
  KOORDINATION: [["Quartierskoordination", 3], ["Quartierskoordinator", 3], ["Quartiersmanager", 2.5], ["Quartiersmanagement", 2], ["Gemeinwesenarbeiter", 2], ["Fachkräfte", 0.5], ["Ehrenamtskoordination", 1.5]],
  STEUERUNG: [["Quartierssteuerung", 3], ["Führungskräfte", 2], ["Verwaltung", 1.5], ["Bürgermeister", 2], ["Gemeinderat", 2], ["Entscheidungsträger", 2], ["Landesverwaltung", 1.5], ["Amtsleitung", 2], ["Sozialplanung", 1.5]],
};

/**
 * Compound parts not spelled as a term of their own; they let the decompounder cut
 * words such as "Nachbarschaftshilfevereinen" or "Mehrgenerationenhäuser".
 */
export const EXTRA_COMPOUND_PARTS: readonly string[] = [
  "sozial", "raum", "raeume", "analyse", "buerger", "verfahren", "arbeit", "hilfe", "verein", "verband", "quartier", "stadt", "dorf",
  "entwicklung", "konferenz", "koordination", "management", "netz", "werk", "treff", "punkt", "haus", "haeuser", "wohnen", "familie",
  "generation", "senior", "jugend", "kinder", "rat", "beirat", "projekt", "strategie", "amt", "ehrenamt", "land", "kreis", "kommune",
  "gemeinde", "kirche", "leben", "welt", "lage", "bedarf", "bildung", "beratung", "planung", "pflege", "mittel", "stiftung", "antrag",
  "foerder", "programm", "politik", "tag", "fach", "beteiligung", "engagement", "forum", "mentor", "trainer", "kurs", "modul",
  "verwaltung", "team", "kultur", "kooperation", "partner", "akteur", "daten", "gruppe", "steuerung", "prozess", "form", "wandel",
  "sorge", "struktur", "begegnung", "zentrum", "cafe", "nachbarschaft", "versorgung", "gemeinschaft", "demenz", "moderation",
];
