/**
 * The curriculum "Qualifiziert ins Quartier!" as one reviewable data table.
 *
 * Source: the guide "Qualifiziert ins Quartier! Leitfaden zum Fortbildungsprogramm der
 * Landesstrategie ‚Quartier 2020 – Gemeinsam.Gestalten‘" (KDA for the Ministerium für
 * Soziales und Integration Baden-Württemberg, 2019), kept as
 * ../shared/seeds/001_8818ee1f33209a63.txt. Line numbers below refer to that text.
 * Section 5 gives the structure (formats, areas, modules, the X-table); sections 2–4 give
 * the competences the module descriptions are drawn from. The guide has no text per
 * module, so every `description` is our summary of the competence text that fits the
 * module's title; titles, numbers, areas and role marks are the guide's, verbatim.
 *
 * taxonomy.test.ts re-reads the guide and fails when titles, X marks or counts drift.
 * Bump TAXONOMY_VERSION whenever any entry changes: stored classifications record it.
 */
import type { AudienceCode, LearningAreaCode, LearningFormatCode, ModuleCode, RoleCode } from "./codes.ts";

export const TAXONOMY_VERSION = "qiq-2019.1";

export interface LearningArea {
  code: LearningAreaCode;
  number: number;
  /** The guide's name, e.g. "Person/Lebenswelt". */
  name: string;
  /** German guiding question of the area. */
  guidingQuestion: string;
  description: string;
  /** Teaching units (WSt.) of the area's Basis modules: 12 or 24. */
  basisTeachingUnits: number;
}

export interface CurriculumModule {
  code: ModuleCode;
  /** 1..18 for Basis, 1..11 for Vertiefung (the guide's order). */
  number: number;
  /** The guide's title, verbatim (German). */
  title: string;
  learningArea: LearningAreaCode;
  format: "BASIS" | "VERTIEFUNG";
  /** Basis: from the X-table (upper "X" and lower "x" both count); Vertiefung: both roles. */
  roles: RoleCode[];
  /** 6 WSt. for every Basis module; null for Vertiefung (no fixed learning time). */
  teachingUnits: number | null;
  /** 1–3 German sentences: the competences the module builds. */
  description: string;
}

export interface LearningFormat {
  code: LearningFormatCode;
  name: string;
  description: string;
  timeFrame: string;
  teachingUnits: number | null;
}

export interface Role {
  code: RoleCode;
  name: string;
  description: string;
  teachingUnits: number;
  inPersonUnits: number;
  selfStudyUnits: number;
}

export interface Audience {
  code: AudienceCode;
  name: string;
  description: string;
}

export interface ExternalModule {
  code: string;
  title: string;
  description: string;
  crosswalk: { module: ModuleCode; strength: "FULL" | "PARTIAL" }[];
  /** Why this crosswalk. */
  note: string;
}

export interface ExternalCurriculum {
  code: "KOQUMA";
  name: string;
  source: string;
  modules: ExternalModule[];
}

/**
 * Names and WSt. from the X-table headings (lines 290–309). The guiding questions follow
 * the guide's "Grundlagen von Quartiersansätzen" (lines 100–126) in the question form the
 * guide itself uses for LB3 (line 329: "Wie Betroffene in die Umsetzung einbinden?");
 * only LB3's is verbatim, the other four are that line of the guide turned into a question.
 */
export const LEARNING_AREAS: readonly LearningArea[] = [
  {
    code: "LB1",
    number: 1,
    name: "Person/Lebenswelt",
    guidingQuestion: "Wie die Lebenslagen der Menschen vor Ort berücksichtigen?",
    description:
      "Im Mittelpunkt stehen die Menschen mit ihren unterschiedlichen Lebenslagen, Lebenswelten und Bedürfnissen. Ziel ist, bedarfsgerechte Lebenswelten für alle Menschen vor Ort zu schaffen.",
    basisTeachingUnits: 12,
  },
  {
    code: "LB2",
    number: 2,
    name: "Sozialraum",
    guidingQuestion: "Wie Sozialräume in den Fokus rücken und weiterentwickeln?",
    description:
      "Soziale Nahräume – Dörfer, Stadtteile, Gemeinden – werden analysiert und so weiterentwickelt, dass alters- und generationengerechte Lebenswelten entstehen.",
    basisTeachingUnits: 24,
  },
  {
    code: "LB3",
    number: 3,
    name: "Beteiligung/Teilhabe",
    guidingQuestion: "Wie Betroffene in die Umsetzung einbinden?",
    description:
      "Die Menschen vor Ort werden systematisch eingebunden: Mit- und Selbstverantwortung der Betroffenen fördern, ihre Ressourcen aktivieren und sie bei der Beteiligung an Entwicklungsprozessen unterstützen.",
    basisTeachingUnits: 24,
  },
  {
    code: "LB4",
    number: 4,
    name: "Vernetzung",
    guidingQuestion: "Wie örtliche Akteure aktivieren und vernetzen?",
    description:
      "Kommunale, marktwirtschaftliche und zivilgesellschaftliche Akteure werden aktiviert und sektorenübergreifend vernetzt, damit die örtlichen Ressourcen synergetisch genutzt werden.",
    basisTeachingUnits: 24,
  },
  {
    code: "LB5",
    number: 5,
    name: "Steuerung",
    guidingQuestion: "Wie eine integrative Gesamtstrategie entwickeln?",
    description:
      "Die Umsetzungsprozesse werden in einer integrativen Gesamtstrategie gesteuert: Stärken und Schwächen der Quartiere untersuchen, Perspektiven entwickeln und Maßnahmen mit systematischem Projektmanagement umsetzen.",
    basisTeachingUnits: 24,
  },
];

const BOTH: RoleCode[] = ["KOORDINATION", "STEUERUNG"];
const K: RoleCode[] = ["KOORDINATION"];
const S: RoleCode[] = ["STEUERUNG"];

/**
 * Basis modules: the X-table of section 5 (lines 291–313); a cell counts whether it holds
 * "X" or "x" (the guide does not explain the case difference). Modul 4, 10, 12 and 16–18
 * have their only mark in the Q-Steuerung column (two tabs before the mark). Each role
 * gets 12 modules × 6 WSt. = 72 WSt.
 * Vertiefung modules: the 11 "Modul: …" lines under "Vertiefungsqualifizierung"
 * (lines 323–338), numbered in that order; the guide offers them to round off the
 * profile "in den beiden Aufgabenfeldern" (line 322), hence both roles.
 */
export const MODULES: readonly CurriculumModule[] = [
  // LB1 Person/Lebenswelt (2 Module, 12 WSt.)
  {
    code: "M01",
    number: 1,
    learningArea: "LB1",
    format: "BASIS",
    roles: BOTH,
    teachingUnits: 6,
    title: "Grundlagen personenzentrierter Ansätze kennenlernen",
    description:
      "Kenntnisse über unterschiedliche Lebenslagen und Lebenswelten verschiedener Zielgruppen sowie über Lebenslagen-/Lebensweltansätze erwerben. Den inklusiven Blick einüben: Quartiere so weiterentwickeln, dass alle Menschen vor Ort ein gutes Leben führen können.",
  },
  {
    code: "M02",
    number: 2,
    learningArea: "LB1",
    format: "BASIS",
    roles: K,
    teachingUnits: 6,
    title: "Bedarfe der Quartiersbewohner/innen selbst ermitteln",
    description:
      "Örtliche Ressourcen und Bedarfe eines Quartiers selbst ermitteln, z. B. durch Bürgerbefragungen und Quartiersbegehungen.",
  },
  // LB2 Sozialraum (4 Module, 24 WSt.)
  {
    code: "M03",
    number: 3,
    learningArea: "LB2",
    format: "BASIS",
    roles: BOTH,
    teachingUnits: 6,
    title: "Grundlagen: Sozialraumorientiertes Arbeiten verstehen lernen",
    description:
      "Kenntnisse über den Ansatz der Sozialraumorientierung und der Gemeinwesenarbeit erwerben. Verstehen, warum der Sozialraum und nicht der Hilfebereich das Gliederungsprinzip quartiersorientierter Arbeit ist.",
  },
  {
    code: "M04",
    number: 4,
    learningArea: "LB2",
    format: "BASIS",
    roles: S,
    teachingUnits: 6,
    title: "Sozialräume analysieren",
    description:
      "Kompetenzen zur Erstellung von Sozialraumanalysen: Quartiere in der Kommune identifizieren und partizipativ analysieren. Kommunale Daten sammeln, aufbereiten und zu einem für alle verfügbaren Wissen machen.",
  },
  {
    code: "M05",
    number: 5,
    learningArea: "LB2",
    format: "BASIS",
    roles: K,
    teachingUnits: 6,
    title: "Sozialräume entwickeln I",
    description:
      "Kenntnisse zur bedarfsgerechten Gestaltung einzelner Handlungsfelder im Quartier erwerben, z. B. Wohnen, Begegnungsräume, Alltagshilfen und Beratungsangebote.",
  },
  {
    code: "M06",
    number: 6,
    learningArea: "LB2",
    format: "BASIS",
    roles: K,
    teachingUnits: 6,
    title: "Sozialräume entwickeln II",
    description:
      "Kleinteilige, dezentrale und passgenaue Angebote im Quartier entwickeln (z. B. Bürgerbusse, Einkaufsmöglichkeiten, wohnortnahe Beratung) und einen niedrigschwelligen Zugang sichern.",
  },
  // LB3 Beteiligung/Teilhabe (4 Module, 24 WSt.)
  {
    code: "M07",
    number: 7,
    learningArea: "LB3",
    format: "BASIS",
    roles: BOTH,
    teachingUnits: 6,
    title: "Grundlagen von Beteiligung erarbeiten",
    description:
      "Grundlagen von Partizipation und Empowerment-Ansätzen erarbeiten. Kompetenzen zur Initiierung und Begleitung von Beteiligungsprozessen erwerben, auch für stille Gruppen.",
  },
  {
    code: "M08",
    number: 8,
    learningArea: "LB3",
    format: "BASIS",
    roles: BOTH,
    teachingUnits: 6,
    title: "Bürgerschaftliches Engagement initiieren und steuern",
    description:
      "Bürgerschaft aktivieren und in Maßnahmenplanung und -entwicklung einbeziehen, z. B. über Bürgerforen und Arbeitsgruppen. Engagement so steuern, dass Bürgerinnen und Bürger Verantwortung für einzelne Maßnahmen übernehmen können.",
  },
  {
    code: "M09",
    number: 9,
    learningArea: "LB3",
    format: "BASIS",
    roles: K,
    teachingUnits: 6,
    title: "Zusammenarbeit mit Ehrenamtlichen erfolgreich gestalten",
    description:
      "Die Zusammenarbeit mit ehrenamtlich Engagierten bei der Umsetzung konkreter Maßnahmen im Quartier gestalten und begleiten, einschließlich Konfliktmanagement.",
  },
  {
    code: "M10",
    number: 10,
    learningArea: "LB3",
    format: "BASIS",
    roles: S,
    teachingUnits: 6,
    title: "Rahmenbedingungen bei Beteiligungsprozessen berücksichtigen",
    description:
      "Rechtliche und kommunale Rahmenbedingungen der Bürgerbeteiligung kennen (z. B. Gemeindeordnung) und sicherstellen, dass sich die Bürgerschaft entsprechend ihrer Möglichkeiten beteiligen kann.",
  },
  // LB4 Vernetzung (4 Module, 24 WSt.)
  {
    code: "M11",
    number: 11,
    learningArea: "LB4",
    format: "BASIS",
    roles: BOTH,
    teachingUnits: 6,
    title: "Grundlagen der Netzwerkarbeit kennenlernen",
    description:
      "Netzwerk- und Sozialkapital-Konzepte kennenlernen. Kompetenzen zur Initiierung und Moderation von Netzwerken erwerben.",
  },
  {
    code: "M12",
    number: 12,
    learningArea: "LB4",
    format: "BASIS",
    roles: S,
    teachingUnits: 6,
    title: "Besondere Rolle einzelner Akteure im Sozialraum und Zusammenarbeit mit diesen gestalten lernen",
    description:
      "Rollen und Verantwortlichkeiten von Kommune, Bürgerschaft sowie markt- und zivilgesellschaftlichen Akteuren unterscheiden (Welfare-Mix, Triolog der drei Sektoren). Die Zusammenarbeit mit ihnen in geteilter Verantwortung gestalten, einschließlich der Beauftragung Dritter mit der Quartierskoordination.",
  },
  {
    code: "M13",
    number: 13,
    learningArea: "LB4",
    format: "BASIS",
    roles: K,
    teachingUnits: 6,
    title: "Kooperationspartner im Sozialraum aktivieren",
    description:
      "Verbündete im Quartier suchen und örtliche Akteure aus Kommune, Wirtschaft und Zivilgesellschaft für die Quartiersentwicklung aktivieren.",
  },
  {
    code: "M14",
    number: 14,
    learningArea: "LB4",
    format: "BASIS",
    roles: K,
    teachingUnits: 6,
    title: "Erfolgreich im Sozialraum zusammenarbeiten",
    description:
      "Örtliche Akteure koordinieren und vernetzen (z. B. Quartierskonferenzen) und in lokalen Netzwerken gemeinsam Maßnahmenplanungen erarbeiten. Teamfähigkeit und Moderationsfähigkeit stärken.",
  },
  // LB5 Steuerung (4 Module, 24 WSt.)
  {
    code: "M15",
    number: 15,
    learningArea: "LB5",
    format: "BASIS",
    roles: BOTH,
    teachingUnits: 6,
    title: "Grundlagen: Steuerungsprozesse verstehen lernen",
    description:
      "Governance-Ansätze und wirkungsorientierte Steuerung kennenlernen. Maßnahmen mit systematischem Projektmanagement umsetzen, Entwicklungsschritte regelmäßig überprüfen (Evaluation, Controlling).",
  },
  {
    code: "M16",
    number: 16,
    learningArea: "LB5",
    format: "BASIS",
    roles: S,
    teachingUnits: 6,
    title: "Quartiersentwicklung in die Kommune integrieren",
    description:
      "Quartiersorientierung als Leitbild in der Kommune abstimmen und kommunale Gremien sensibilisieren. Die interne Organisationsstruktur für sozialräumliches Arbeiten weiterentwickeln (fachbereichsübergreifende Kooperation, Change-Management, Organisations- und Personalentwicklung).",
  },
  {
    code: "M17",
    number: 17,
    learningArea: "LB5",
    format: "BASIS",
    roles: S,
    teachingUnits: 6,
    title: "Prof. Kommunikation und Öffentlichkeitsarbeit sichern",
    description:
      "Eine professionelle Öffentlichkeitsarbeit gestalten, die Erfolge sichtbar macht und Transparenz über Akteure und Arbeitsschritte der Quartiersentwicklung sichert (z. B. über Quartiersportale).",
  },
  {
    code: "M18",
    number: 18,
    learningArea: "LB5",
    format: "BASIS",
    roles: S,
    teachingUnits: 6,
    title: "Finanzierung für die Quartiersarbeit kennenlernen",
    description:
      "Finanzierungs- und Fördermöglichkeiten der Quartiersarbeit kennen, auch raum- statt fallbezogene Abrechnungsverfahren, um das Quartiersmanagement nachhaltig zu sichern.",
  },

  // Vertiefung (lines 323–338): no fixed learning time, open to both roles.
  {
    code: "V01",
    number: 1,
    learningArea: "LB1",
    format: "VERTIEFUNG",
    roles: BOTH,
    teachingUnits: null,
    title: "Ausgewählte Konzepte zum Lebenslagen/Lebensweltansatz vertiefen",
    description:
      "Vertiefte Kenntnisse ausgewählter Konzepte des Lebenslagen- und Lebensweltansatzes für die Quartiersarbeit erwerben.",
  },
  {
    code: "V02",
    number: 2,
    learningArea: "LB1",
    format: "VERTIEFUNG",
    roles: BOTH,
    teachingUnits: null,
    title: "Lebenswelten und Bedarfe besonderer Gruppen verstehen lernen",
    description:
      "Lebenswelten und Bedarfe besonderer Zielgruppen im Quartier verstehen, z. B. älterer Menschen, Menschen mit Behinderung, Familien oder Zugewanderter.",
  },
  {
    code: "V03",
    number: 3,
    learningArea: "LB2",
    format: "VERTIEFUNG",
    roles: BOTH,
    teachingUnits: null,
    title: "Ausgewählte Konzepte zum sozialraumorientierten Arbeiten vertiefen",
    description:
      "Ausgewählte Konzepte der Sozialraumorientierung, Gemeinwesenarbeit und integrierter Entwicklungsansätze vertiefen.",
  },
  {
    code: "V04",
    number: 4,
    learningArea: "LB2",
    format: "VERTIEFUNG",
    roles: BOTH,
    teachingUnits: null,
    title: "Ausgewählte Aspekte, um sozialraumorientiertes Arbeiten einzuüben",
    description:
      "Sozialraumorientiertes Arbeiten an ausgewählten Aspekten praktisch einüben, z. B. Sozialraumanalyse oder die Gestaltung einzelner Handlungsfelder.",
  },
  {
    code: "V05",
    number: 5,
    learningArea: "LB3",
    format: "VERTIEFUNG",
    roles: BOTH,
    teachingUnits: null,
    title: "Ausgewählte Theorieansätze zu Beteiligungsaspekten vertiefen",
    description: "Ausgewählte Theorieansätze zu Partizipation und Empowerment vertiefen.",
  },
  {
    code: "V06",
    number: 6,
    learningArea: "LB3",
    format: "VERTIEFUNG",
    roles: BOTH,
    teachingUnits: null,
    title: "Ausgewählte Beteiligungsansätze umsetzen lernen",
    description:
      "Ausgewählte Beteiligungsmethoden (z. B. Bürgerforen, Quartiersbegehungen, Arbeitsgruppen) in der Praxis umsetzen lernen.",
  },
  {
    code: "V07",
    number: 7,
    learningArea: "LB3",
    format: "VERTIEFUNG",
    roles: BOTH,
    teachingUnits: null,
    title: "Beteiligung besonderer Gruppen ermöglichen",
    description: "Beteiligung von Gruppen ermöglichen, die sonst schwer erreicht werden, auch der stillen Gruppen.",
  },
  {
    code: "V08",
    number: 8,
    learningArea: "LB4",
    format: "VERTIEFUNG",
    roles: BOTH,
    teachingUnits: null,
    title: "Ausgewählte Konzepte zur Vernetzung vertiefen",
    description:
      "Ausgewählte Netzwerk- und Sozialkapital-Konzepte sowie Konzepte sektorenübergreifender Kooperation vertiefen.",
  },
  {
    code: "V09",
    number: 9,
    learningArea: "LB4",
    format: "VERTIEFUNG",
    roles: BOTH,
    teachingUnits: null,
    title: "Ausgewählte Aspekte der Netzwerkarbeit einüben",
    description:
      "Ausgewählte Aspekte der Netzwerkarbeit praktisch einüben, z. B. Moderation von Netzwerken und Quartierskonferenzen.",
  },
  {
    code: "V10",
    number: 10,
    learningArea: "LB5",
    format: "VERTIEFUNG",
    roles: BOTH,
    teachingUnits: null,
    title: "Ausgewählte Steuerungskonzepte vertiefen",
    description:
      "Ausgewählte Steuerungskonzepte vertiefen, z. B. Governance-Ansätze, wirkungsorientierte Steuerung und Change-Management.",
  },
  {
    code: "V11",
    number: 11,
    learningArea: "LB5",
    format: "VERTIEFUNG",
    roles: BOTH,
    teachingUnits: null,
    title: "Ausgewählte Steuerungsinstrumente umsetzen lernen",
    description:
      "Ausgewählte Steuerungsinstrumente anwenden lernen, z. B. Projektmanagement, Evaluation, Controlling und Öffentlichkeitsarbeit.",
  },
];

/** Lines 263–345 and the overview table (lines 342–345). */
export const LEARNING_FORMATS: readonly LearningFormat[] = [
  {
    code: "EINFUEHRUNG",
    name: "Einführungsqualifizierung",
    description:
      "Kompakter Überblick zum Einstieg und zur Sensibilisierung für Quartiersansätze, z. B. als Inhouse-Schulung für kommunale Akteure einer Stadt, einer Gemeinde oder eines Landkreises.",
    timeFrame: "1 Tag (6 WSt. à 45 Min.)",
    teachingUnits: 6,
  },
  {
    code: "BASIS",
    name: "Basisqualifizierung",
    description:
      "Kernstück des Fortbildungsangebots: Grundlagen der Quartiersarbeit in 5 Lernbereichen mit 18 Modulen für das Aufgabenfeld Quartierskoordination bzw. Quartierssteuerung; 1/3 Präsenzlernzeit (2 Tage à 6 WSt. zweimal im Jahr), 2/3 (begleitete) Selbstlernzeit.",
    timeFrame: "ca. 100 WSt. in 1,5 Jahren",
    teachingUnits: 100,
  },
  {
    code: "VERTIEFUNG",
    name: "Vertiefungsqualifizierung",
    description:
      "Vertiefender Einblick für Akteure mit Vorkenntnissen: Module der Basisqualifizierung oder 11 Vertiefungsmodule in den 5 Lernbereichen, frei zusammenstellbar.",
    timeFrame: "frei wählbar",
    teachingUnits: null,
  },
];

/**
 * Tasks from section 3 (lines 158–177). Learning time and its split are stated by the
 * guide itself (line 285: Koordination "72 WSt. … davon 36 WSt. Präsenzlernzeit, 36 WSt.
 * Selbstlernzeit", Steuerung "72 WSt. … davon 54 Präsenzlernzeit und 18 Selbstlernzeit");
 * the glossary (/work/shared/notes/glossary.md) repeats the same figures.
 */
export const ROLES: readonly Role[] = [
  {
    code: "KOORDINATION",
    name: "Quartierskoordination",
    description:
      "Koordination der Prozesse in einem konkreten Quartier: Ressourcen und Bedarfe ermitteln, Bürgerbeteiligung aktivieren, örtliche Akteure vernetzen, Maßnahmen mit Projektmanagement umsetzen und Transparenz sichern. Höherer Anteil Selbstlernzeit für ein begleitetes Praxisprojekt.",
    teachingUnits: 72,
    inPersonUnits: 36,
    selfStudyUnits: 36,
  },
  {
    code: "STEUERUNG",
    name: "Quartierssteuerung",
    description:
      "Steuerung aller Aktivitäten der Quartiersentwicklung einer Kommune: Gremien sensibilisieren, die interne Organisationsstruktur weiterentwickeln, Quartiersinitiativen unterstützen, Transparenz sichern und den Gesamtprozess controllen.",
    teachingUnits: 72,
    inPersonUnits: 54,
    selfStudyUnits: 18,
  },
];

/** "Zielgruppen", lines 245–254. */
export const AUDIENCES: readonly Audience[] = [
  {
    code: "MUNICIPAL_STAFF",
    name: "Kommunale Fach- und Führungskräfte (Verwaltung)",
    description:
      "Fach- und Führungskräfte in Verwaltungen von Städten, Gemeinden und Landkreisen, die sich für koordinierende oder steuernde Aufgaben im Quartier qualifizieren wollen.",
  },
  {
    code: "LOCAL_POLITICIANS",
    name: "Kommunalpolitik",
    description:
      "Kommunale Führungskräfte in der Politik, z. B. Bürgermeisterinnen und Bürgermeister sowie Mitglieder kommunaler Gremien.",
  },
  {
    code: "CIVIL_SOCIETY_PROFESSIONALS",
    name: "Markt- und zivilgesellschaftliche Fachkräfte",
    description:
      "Fachkräfte von Wohlfahrtsverbänden, Kirchen, Vereinen, Initiativen und Marktakteuren (z. B. Wohnungsunternehmen, Pflegedienste), die Quartiersarbeit koordinieren oder daran mitwirken.",
  },
  {
    code: "VOLUNTEERS",
    name: "Ehrenamtlich Engagierte",
    description: "Ehrenamtlich Engagierte, die mit den Kommunen bzw. zivilgesellschaftlichen Akteuren zusammenwirken.",
  },
];

/**
 * KoQuMa (NRW, ../shared/seeds/002_fd90fef8c41ac086.txt): the seed gives only the eight
 * module titles (lines 27–34) and no contents, so the crosswalk reads each title against
 * our module titles and the guide's competence text. Both curricula come from the KDA,
 * which makes the overlap large.
 * Strength: FULL = the KoQuMa module's title names the same competence as our module, so
 * an offer teaching it can be classified onto ours; PARTIAL = it covers a part or one
 * aspect of our module. Targets are Basis modules only: Vertiefung modules deepen the
 * same topics and are reached through the Basis module of their area.
 */
export const EXTERNAL_CURRICULA: readonly ExternalCurriculum[] = [
  {
    code: "KOQUMA",
    name: "Qualifizierungsmaßnahme für das kommunale Quartiersmanagement (KoQuMa)",
    source:
      "Ausschreibung KoQuMa, Nordrhein-Westfalen (KDA mit dem Evangelischen Johanneswerk); ../shared/seeds/002_fd90fef8c41ac086.txt",
    modules: [
      {
        code: "KQ1",
        title: "Lokalspezifische Bedarfslagen und Strukturen ermitteln",
        description: "Bedarfe und vorhandene Strukturen eines Quartiers erheben.",
        crosswalk: [
          { module: "M02", strength: "FULL" },
          { module: "M04", strength: "FULL" },
        ],
        note: "Bedarfslagen ermitteln ist M02 (Bedarfe der Quartiersbewohner/innen selbst ermitteln); Strukturen ermitteln ist die Sozialraumanalyse von M04.",
      },
      {
        code: "KQ2",
        title: "Sozialräumliche Wohn-, Infra- und Versorgungsstrukturen gestalten",
        description: "Wohnen, Infrastruktur und Versorgung im Sozialraum bedarfsgerecht gestalten.",
        crosswalk: [
          { module: "M05", strength: "FULL" },
          { module: "M06", strength: "PARTIAL" },
        ],
        note: "Gestalten von Handlungsfeldern im Sozialraum ist 'Sozialräume entwickeln'; der Leitfaden teilt I und II nicht inhaltlich auf, ein KoQuMa-Modul deckt etwa einen der beiden Teile ab.",
      },
      {
        code: "KQ3",
        title: "Lokale Beteiligungsstrukturen stärken und selbsttragende Strukturen aufbauen",
        description: "Beteiligung vor Ort stärken und bürgerschaftlich getragene Strukturen aufbauen.",
        crosswalk: [
          { module: "M08", strength: "FULL" },
          { module: "M07", strength: "PARTIAL" },
          { module: "M09", strength: "PARTIAL" },
        ],
        note: "Selbsttragende Strukturen aufbauen ist Engagement initiieren und steuern (M08); Beteiligungsstrukturen stärken berührt die Grundlagen (M07) und die Zusammenarbeit mit Ehrenamtlichen (M09).",
      },
      {
        code: "KQ4",
        title: "Moderation und Netzwerkarbeit",
        description: "Netzwerke initiieren, moderieren und pflegen.",
        crosswalk: [
          { module: "M11", strength: "FULL" },
          { module: "M14", strength: "PARTIAL" },
        ],
        note: "Netzwerkarbeit ist M11; Moderation der Zusammenarbeit örtlicher Akteure (Quartierskonferenzen) ist ein Teil von M14.",
      },
      {
        code: "KQ5",
        title: "Welfare-Mix vor Ort gestalten",
        description: "Zusammenwirken von Kommune, Markt, Zivilgesellschaft und primären Netzwerken gestalten.",
        crosswalk: [
          { module: "M12", strength: "FULL" },
          { module: "M13", strength: "PARTIAL" },
        ],
        note: "Welfare-Mix ist die pluralistische Wohlfahrtsproduktion der drei Sektoren (Leitfaden, Abschnitt 2): die Rollen der Akteure und die Zusammenarbeit mit ihnen (M12); Kooperationspartner aktivieren (M13) gehört dazu.",
      },
      {
        code: "KQ6",
        title: "Projektmanagement",
        description: "Maßnahmen der Quartiersentwicklung als Projekte planen, umsetzen und überprüfen.",
        crosswalk: [{ module: "M15", strength: "PARTIAL" }],
        note: "Der Leitfaden hat kein eigenes Modul Projektmanagement; systematisches Projektmanagement gehört zur Steuerung der Umsetzungsprozesse (Lernbereich 5, Grundlagenmodul M15), das aber mehr umfasst.",
      },
      {
        code: "KQ7",
        title: "Organisations- und Personalentwicklung",
        description: "Organisations- und Personalstrukturen der Kommune auf sozialräumliches Arbeiten ausrichten.",
        crosswalk: [{ module: "M16", strength: "FULL" }],
        note: "Change-Management der Organisations- und Personalentwicklung und die Anpassung der Organisationsstruktur (Abschnitt 4) sind der Kern von 'Quartiersentwicklung in die Kommune integrieren'.",
      },
      {
        code: "KQ8",
        title: "Nachhaltige Finanzierung des Quartiersmanagements",
        description: "Finanzierungswege für ein dauerhaftes Quartiersmanagement kennen und sichern.",
        crosswalk: [{ module: "M18", strength: "FULL" }],
        note: "Gleiches Thema wie M18 (Finanzierung für die Quartiersarbeit kennenlernen).",
      },
    ],
  },
];
