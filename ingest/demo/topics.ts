/**
 * The demo's offer topics: realistic German titles and descriptions of continuing
 * education for neighbourhood work, each with the curriculum modules a careful reader
 * would assign ("intended modules", the ground truth for classification), plus offers a
 * provider publishes that are NOT about neighbourhood development.
 */
import type { AudienceCode, ModuleCode } from "../../schema/taxonomy/codes.ts";

/** How an offer's dates are laid out; renderers choose their wording from it. */
export const DATE_SHAPES = [
  "EVENING", // one evening, 2–3 hours
  "HALF_DAY", // one afternoon or morning
  "DAY", // one full day
  "TWO_DAY", // two consecutive days
  "WEEKLY", // a weekly series of evenings
  "CERTIFICATE", // a certificate course: two-day blocks over months
  "WEBINAR", // a short online session
  "ALL_DAY_RANGE", // several whole days (Sommerakademie, Klausur), published as dates only
] as const;
export type DateShape = (typeof DATE_SHAPES)[number];

export interface Topic {
  key: string;
  title: string;
  description: string;
  modules: readonly ModuleCode[];
  keywords: readonly string[];
  audiences: readonly AudienceCode[];
  /** Date shapes that suit the topic; the first is the most typical. */
  shapes: readonly DateShape[];
  relevant: boolean;
  /** Audience as the provider words it, for offers outside the curriculum. */
  audienceText?: string;
}

const STAFF: readonly AudienceCode[] = ["MUNICIPAL_STAFF", "CIVIL_SOCIETY_PROFESSIONALS"];
const ALL: readonly AudienceCode[] = ["MUNICIPAL_STAFF", "CIVIL_SOCIETY_PROFESSIONALS", "VOLUNTEERS"];
const LEAD: readonly AudienceCode[] = ["MUNICIPAL_STAFF", "LOCAL_POLITICIANS"];
const VOL: readonly AudienceCode[] = ["VOLUNTEERS", "CIVIL_SOCIETY_PROFESSIONALS"];

function topic(
  key: string, title: string, modules: readonly ModuleCode[], shapes: readonly DateShape[],
  description: string, keywords: readonly string[], audiences: readonly AudienceCode[] = STAFF,
): Topic {
  return { key, title, modules, shapes, description, keywords, audiences, relevant: true };
}

function other(
  key: string, title: string, shapes: readonly DateShape[], description: string, keywords: readonly string[], audienceText: string,
): Topic {
  return { key, title, modules: [], shapes, description, keywords, audiences: [], relevant: false, audienceText };
}

export const RELEVANT_TOPICS: readonly Topic[] = [
  topic("einfuehrung-quartier", "Quartiersentwicklung kompakt: Einführungstag für Kommunen", ["M03", "M15"], ["DAY"],
    "Warum Quartiersansätze für die Zukunft von Städten und Gemeinden wichtig sind, welche Rollen Verwaltung, Träger und Bürgerschaft übernehmen und welche Gelingensbedingungen es vor Ort braucht. Ein kompakter Überblick mit Beispielen aus Baden-Württemberg.",
    ["Quartiersentwicklung", "Einführung", "Kommune"], LEAD),
  topic("personenzentriert", "Personenzentriert arbeiten im Quartier", ["M01"], ["DAY", "HALF_DAY"],
    "Grundhaltung und Methoden personenzentrierter Ansätze: Menschen mit ihren Wünschen und Ressourcen in den Mittelpunkt stellen, Unterstützung gemeinsam planen und im Quartier verankern.",
    ["Personenzentrierung", "Lebenswelt"], STAFF),
  topic("lebenswelten-alleinerziehende", "Lebenswelten verstehen: Alleinerziehende und Familien mit kleinem Einkommen", ["V02", "M01"], ["EVENING", "HALF_DAY"],
    "Was den Alltag von Alleinerziehenden und Familien in knappen Verhältnissen prägt, welche Angebote sie erreichen und wie Nachbarschaft entlasten kann.",
    ["Familie", "Armut", "Lebenslagen"], ALL),
  topic("bedarfe-ermitteln", "Bedarfe der Bewohnerinnen und Bewohner selbst ermitteln", ["M02"], ["DAY", "TWO_DAY"],
    "Aktivierende Befragung, Haustürgespräche, Stadtteilspaziergang und Nadelmethode: wie man erfährt, was Menschen im Quartier wirklich brauchen, und die Ergebnisse auswertet.",
    ["Bedarfsermittlung", "Aktivierende Befragung"], STAFF),
  topic("lebenslagen-alter", "Lebenslagen im Alter: Einsamkeit erkennen, Teilhabe ermöglichen", ["V01", "V02"], ["HALF_DAY", "WEBINAR"],
    "Armut, Alleinleben und Mobilitätseinschränkungen im Alter: Zugänge zu zurückgezogen lebenden älteren Menschen und niedrigschwellige Angebote im Wohnumfeld.",
    ["Alter", "Einsamkeit", "Teilhabe"], ALL),
  topic("sozialraumorientierung-grundlagen", "Grundlagen der Sozialraumorientierung", ["M03"], ["DAY", "TWO_DAY"],
    "Die fünf Prinzipien der Sozialraumorientierung nach Hinte, der Unterschied zwischen Fall und Feld und was sozialraumorientiertes Arbeiten für Träger und Verwaltung bedeutet.",
    ["Sozialraumorientierung", "Fachkonzept"], STAFF),
  topic("sozialraumanalyse", "Sozialraumanalyse in der Praxis", ["M04"], ["TWO_DAY", "DAY"],
    "Daten der Kommunalstatistik, Begehungen, Nadelmethode und Expertengespräche: Werkzeuge der Sozialraumanalyse, ihre Auswahl für kleine Gemeinden und die Aufbereitung für den Gemeinderat.",
    ["Sozialraumanalyse", "Sozialplanung"], STAFF),
  topic("sozialraumanalyse-daten", "Kleinräumige Daten für die Sozialplanung nutzen", ["M04", "V11"], ["DAY", "WEBINAR"],
    "Einwohnerstatistik, Sozialmonitoring und Kartendarstellungen: wie Kommunen kleinräumige Daten aufbereiten und für Quartiersentscheidungen nutzen.",
    ["Sozialmonitoring", "Daten", "Sozialplanung"], LEAD),
  topic("sozialraum-entwickeln", "Sozialräume entwickeln: vom Konzept zur Umsetzung", ["M05", "M06"], ["TWO_DAY"],
    "Aus Analyseergebnissen Ziele ableiten, Maßnahmen mit Akteuren planen, Treffpunkte und Angebote im Quartier schaffen und die Entwicklung auswerten.",
    ["Quartiersentwicklung", "Konzeptentwicklung"], STAFF),
  topic("quartierstreff", "Einen offenen Treffpunkt im Quartier aufbauen", ["M05", "M13"], ["WEEKLY", "DAY"],
    "Vom Konzept bis zur Eröffnung: Raum, Trägerschaft, Ehrenamtliche, Öffnungszeiten und Programm eines Quartierstreffs oder Nachbarschaftscafés.",
    ["Quartierstreff", "Begegnung"], ALL),
  topic("altersgerechtes-quartier", "Altersgerechte Quartiere gestalten", ["M06", "V04"], ["DAY", "TWO_DAY"],
    "Wohnen, Versorgung, Mobilität und Begegnung im Alter: Bausteine altersgerechter Quartiere und wie Kommune, Wohnungswirtschaft und Pflege zusammen planen.",
    ["Alter", "Wohnen", "Pflege"], STAFF),
  topic("sorgende-gemeinschaft", "Sorgende Gemeinschaften: Versorgung im Quartier gemeinsam sichern", ["M06", "M14"], ["DAY"],
    "Pflege, Nachbarschaftshilfe, Beratung und Ehrenamt als Hilfemix organisieren: Rollen von Kommune, Pflegediensten und Zivilgesellschaft im Sorgenetz.",
    ["Caring Community", "Pflege", "Hilfemix"], ALL),
  topic("inklusion-sozialraum", "Inklusion im Sozialraum: Barrieren erkennen und abbauen", ["V07", "M06"], ["DAY", "HALF_DAY"],
    "Inklusive Quartiere für Menschen mit und ohne Behinderung: Barrierecheck im Stadtteil, Teilhabeplanung und Beteiligung von Selbstvertretungen.",
    ["Inklusion", "Barrierefreiheit", "Teilhabe"], ALL),
  topic("sozialraum-vertiefung", "Sozialraumorientierung vertiefen: Fachkonzept und Praxisreflexion", ["V03"], ["TWO_DAY"],
    "Für Fachkräfte mit Erfahrung: Weiterentwicklung des Fachkonzepts, kollegiale Fallberatung an Beispielen aus den eigenen Quartieren.",
    ["Sozialraumorientierung", "Vertiefung"], STAFF),
  topic("stadtteilbegehung", "Stadtteilbegehungen planen und auswerten", ["V04", "M02"], ["HALF_DAY"],
    "Wie man mit Bewohnerinnen, Kindern oder Menschen im Rollstuhl das Quartier erkundet, Beobachtungen dokumentiert und in die Planung einbringt.",
    ["Stadtteilbegehung", "Methoden"], ALL),
  topic("beteiligung-grundlagen", "Grundlagen der Bürgerbeteiligung", ["M07"], ["DAY", "WEBINAR"],
    "Stufen der Beteiligung, informelle und formelle Verfahren, Beteiligungsleitlinien: was gute Beteiligung ausmacht und wo ihre Grenzen liegen.",
    ["Bürgerbeteiligung", "Partizipation"], ALL),
  topic("beteiligung-formate", "Beteiligungsformate im Quartier: Zukunftswerkstatt, Bürgerrat, Planungszelle", ["V06", "M07"], ["TWO_DAY", "DAY"],
    "Methoden kennen und ausprobieren: Zukunftswerkstatt, World Café, Bürgerrat mit Zufallsauswahl und digitale Beteiligung, jeweils mit Aufwand, Chancen und Stolpersteinen.",
    ["Beteiligungsmethoden", "Zukunftswerkstatt", "Bürgerrat"], STAFF),
  topic("beteiligung-rahmen", "Rahmenbedingungen von Beteiligungsprozessen: Recht, Politik, Ressourcen", ["M10"], ["DAY"],
    "Gemeindeordnung, Einwohnerversammlung, Gemeinderatsbeschlüsse und Budget: was vor einem Beteiligungsprozess geklärt sein muss, damit Ergebnisse Wirkung entfalten.",
    ["Bürgerbeteiligung", "Gemeindeordnung", "Kommunalpolitik"], LEAD),
  topic("beteiligung-jugend", "Jugendliche beteiligen: Formate, die funktionieren", ["V07"], ["HALF_DAY", "WEBINAR"],
    "Jugendgemeinderat, Projektbeteiligung und digitale Formate: wie Kommunen und Vereine junge Menschen wirksam an der Gestaltung ihres Quartiers beteiligen.",
    ["Jugendbeteiligung", "Partizipation"], ALL),
  topic("beteiligung-migranten", "Beteiligung von Menschen mit Migrationsgeschichte", ["V07", "M07"], ["DAY"],
    "Mehrsprachige Zugänge, Schlüsselpersonen und migrantische Vereine: Beteiligung so gestalten, dass auch schwer erreichbare Gruppen mitreden.",
    ["Migration", "Beteiligung", "Vielfalt"], STAFF),
  topic("beteiligung-theorie", "Demokratie vor Ort: Theorien der Beteiligung", ["V05"], ["EVENING", "WEBINAR"],
    "Deliberative und partizipative Demokratie, Repräsentation und Legitimation: ein Abend über die Theorie hinter Beteiligungsverfahren.",
    ["Demokratie", "Beteiligung"], ALL),
  topic("engagement-initiieren", "Bürgerschaftliches Engagement initiieren und begleiten", ["M08"], ["DAY", "TWO_DAY"],
    "Engagementförderung als kommunale Aufgabe: Anlaufstellen, Anerkennungskultur und neue Engagementformen im Quartier anstoßen und steuern.",
    ["Bürgerschaftliches Engagement", "Engagementförderung"], STAFF),
  topic("ehrenamtskoordination", "Ehrenamtskoordination: Freiwillige gewinnen, begleiten, halten", ["M09"], ["TWO_DAY", "WEEKLY", "DAY"],
    "Aufgabenprofile, Erstgespräch, Einarbeitung, Anerkennung und Abschied: das Handwerkszeug der Freiwilligenkoordination für Quartiersprojekte.",
    ["Ehrenamtskoordination", "Freiwilligenmanagement", "Ehrenamt"], VOL),
  topic("ehrenamt-junge", "Junge Menschen für Engagement gewinnen", ["M08", "V07"], ["HALF_DAY", "WEBINAR"],
    "Projektorientiertes, kurzes Engagement, digitale Beteiligung und Schulkooperationen: was Jugendliche und junge Erwachsene zum Mitmachen bewegt.",
    ["Engagement", "Jugend"], VOL),
  topic("ehrenamt-konflikte", "Konflikte im Ehrenamt gut lösen", ["M09"], ["EVENING", "HALF_DAY"],
    "Wenn Hauptamt und Ehrenamt aneinandergeraten: Rollen klären, Gespräche führen und Vereinbarungen treffen.",
    ["Ehrenamt", "Konfliktlösung"], VOL),
  topic("netzwerk-grundlagen", "Netzwerkarbeit im Quartier: Grundlagen", ["M11"], ["DAY"],
    "Was ein Netzwerk trägt, wie man Partner findet, Ziele vereinbart und Treffen so gestaltet, dass alle Beteiligten einen Nutzen haben.",
    ["Netzwerkarbeit", "Kooperation"], STAFF),
  topic("netzwerkanalyse", "Netzwerke sichtbar machen: Netzwerkanalyse und Akteurslandkarte", ["V09", "M11"], ["DAY", "WEBINAR"],
    "Akteurslandkarten erstellen, Beziehungen bewerten und Lücken im Netzwerk entdecken: Methoden der Netzwerkanalyse für die Quartiersarbeit.",
    ["Netzwerkanalyse", "Akteursmapping"], STAFF),
  topic("akteure-rolle", "Kirchengemeinden, Vereine, Wirtschaft: Akteure im Sozialraum gewinnen", ["M12", "M13"], ["DAY"],
    "Welche Interessen und Ressourcen Kirchengemeinden, Vereine, Wohnungsunternehmen und lokale Betriebe mitbringen und wie man mit ihnen verlässlich zusammenarbeitet.",
    ["Akteure", "Kooperation", "Kirchengemeinde"], STAFF),
  topic("kooperationspartner", "Kooperationspartner im Sozialraum aktivieren", ["M13"], ["HALF_DAY", "DAY"],
    "Von der ersten Ansprache bis zur Kooperationsvereinbarung: Partner für Quartiersprojekte gewinnen und Zuständigkeiten klären.",
    ["Kooperation", "Partnerschaften"], STAFF),
  topic("quartierskonferenz", "Die Quartierskonferenz: Akteure an einen Tisch bringen", ["M14"], ["DAY"],
    "Planung, Einladung und Moderation einer Quartierskonferenz, Verabredungen festhalten und Arbeitsgruppen begleiten.",
    ["Quartierskonferenz", "Moderation"], STAFF),
  topic("runder-tisch", "Runde Tische moderieren", ["M14", "V09"], ["HALF_DAY"],
    "Unterschiedliche Interessen zusammenführen, Ergebnisse sichern und Verbindlichkeit herstellen: Moderationstechniken für Runde Tische im Stadtteil.",
    ["Moderation", "Runder Tisch"], STAFF),
  topic("vernetzung-vertiefen", "Netzwerkmanagement vertiefen: Steuerung von Netzwerken", ["V08"], ["TWO_DAY"],
    "Netzwerke steuern ohne Hierarchie: Governance, Rollen der Netzwerkkoordination und die Frage, wann ein Netzwerk enden darf.",
    ["Netzwerkmanagement", "Governance"], STAFF),
  topic("steuerung-grundlagen", "Steuerungsprozesse in der Quartiersentwicklung verstehen", ["M15"], ["DAY"],
    "Zielsysteme, Steuerungsgruppen und Lenkungskreise: wie Quartiersprozesse geführt werden und wer worüber entscheidet.",
    ["Steuerung", "Prozessmanagement"], LEAD),
  topic("quartier-kommune", "Quartiersentwicklung als Querschnittsaufgabe der Verwaltung", ["M16"], ["DAY"],
    "Fachbereichsübergreifend arbeiten: Sozial-, Bau- und Planungsamt gemeinsam, Steuerungsgruppe, Ratsbeschluss und Controlling einer kommunalen Quartiersstrategie.",
    ["Verwaltung", "Querschnittsaufgabe", "Quartiersstrategie"], LEAD),
  topic("kommunalpolitik-quartier", "Quartiersentwicklung für Gemeinderätinnen und Gemeinderäte", ["M16", "M15"], ["EVENING"],
    "Was der Gemeinderat zur Quartiersentwicklung beitragen kann: Beschlüsse, Haushaltsmittel, Beteiligungskultur. Ein Abend für Mandatsträgerinnen und Mandatsträger.",
    ["Kommunalpolitik", "Gemeinderat"], ["LOCAL_POLITICIANS"]),
  topic("oeffentlichkeitsarbeit", "Öffentlichkeitsarbeit für Quartiersprojekte", ["M17"], ["DAY", "WEBINAR"],
    "Pressemitteilung, Social Media, Gemeindeblatt und Aushang: wie Quartiersprojekte sichtbar werden und unterschiedliche Zielgruppen erreichen.",
    ["Öffentlichkeitsarbeit", "Pressearbeit", "Social Media"], ALL),
  topic("kommunikation-konflikt", "Professionell kommunizieren im Quartier: Gesprächsführung und Konflikte", ["M17", "M14"], ["TWO_DAY"],
    "Schwierige Gespräche mit Anwohnenden, Beschwerden und Konflikte zwischen Gruppen: Methoden der Gesprächsführung und Deeskalation.",
    ["Kommunikation", "Konfliktmanagement"], STAFF),
  topic("foerdermittel", "Fördermittel für die Quartiersarbeit finden und beantragen", ["M18"], ["DAY", "WEBINAR"],
    "Landesprogramme, Bundesmittel, Stiftungen und EU-Förderung im Überblick, Antragsstrategie und Kofinanzierung. Mit Beispielen aus Baden-Württemberg.",
    ["Fördermittel", "Finanzierung", "Antragstellung"], ALL),
  topic("stiftungsmittel", "Stiftungsmittel für Nachbarschaftsprojekte gewinnen", ["M18"], ["WEBINAR", "EVENING"],
    "Wie Bürgerstiftungen und Förderstiftungen entscheiden, wie ein überzeugender Antrag aussieht und wie man Projekte über mehrere Jahre finanziert.",
    ["Stiftungen", "Fundraising", "Finanzierung"], VOL),
  topic("verstetigung", "Quartiersarbeit verstetigen: Finanzierung nach dem Förderende", ["M18", "V10"], ["DAY"],
    "Wenn die Projektförderung ausläuft: Regelfinanzierung, Mischfinanzierung, Trägermodelle und Argumente für den Haushalt.",
    ["Verstetigung", "Finanzierung"], LEAD),
  topic("projektmanagement", "Projektmanagement für Quartiersprojekte", ["V11", "M15"], ["TWO_DAY", "DAY"],
    "Projektauftrag, Meilensteine, Zeit- und Kostenplan, Risiken: schlanke Werkzeuge des Projektmanagements für Vorhaben im Quartier.",
    ["Projektmanagement", "Planung"], STAFF),
  topic("wirkung", "Wirkung von Quartiersarbeit messen", ["V11", "V10"], ["DAY", "WEBINAR"],
    "Wirkungslogik, Indikatoren und einfache Evaluationsverfahren: wie Quartiersprojekte ihre Wirkung belegen und daraus lernen.",
    ["Wirkungsorientierung", "Evaluation"], STAFF),
  topic("steuerung-vertiefen", "Strategische Steuerung der Quartiersentwicklung auf Landkreisebene", ["V10", "M16"], ["TWO_DAY"],
    "Kreisweite Quartiersstrategien, Unterstützung kreisangehöriger Gemeinden und Sozialplanung als Steuerungsinstrument.",
    ["Landkreis", "Sozialplanung", "Strategie"], LEAD),
  topic("moderation", "Moderation von Bürgerversammlungen und Workshops", ["V06", "M14"], ["TWO_DAY", "DAY"],
    "Ablauf planen, Visualisieren, mit Vielrednern und Konflikten umgehen: Moderationsmethoden für Veranstaltungen mit Bürgerinnen und Bürgern.",
    ["Moderation", "Bürgerversammlung"], ALL),
  topic("quartiersmanagement-lehrgang", "Zertifikatskurs Quartiersmanagement", ["M03", "M04", "M07", "M11", "M15", "M18"], ["CERTIFICATE"],
    "Berufsbegleitende Weiterbildung in fünf Modulen: Sozialraum, Beteiligung, Netzwerke, Steuerung und Finanzierung. Mit Praxisprojekt, kollegialer Beratung und Zertifikat.",
    ["Quartiersmanagement", "Zertifikat", "Weiterbildung"], STAFF),
  topic("quartierskoordination-basis", "Basisqualifizierung Quartierskoordination", ["M01", "M02", "M03", "M05", "M06", "M07", "M08", "M09", "M11", "M13", "M14", "M15"], ["CERTIFICATE"],
    "Die Grundlagen für Quartierskoordinatorinnen und -koordinatoren in allen fünf Lernbereichen: Präsenzblöcke, begleitete Selbstlernphasen und ein eigenes Praxisprojekt.",
    ["Quartierskoordination", "Basisqualifizierung", "Qualifiziert ins Quartier"], STAFF),
  topic("quartierssteuerung-basis", "Basisqualifizierung Quartierssteuerung für Kommunen", ["M03", "M04", "M07", "M10", "M12", "M15", "M16", "M17", "M18"], ["CERTIFICATE"],
    "Für Führungs- und Fachkräfte der Kommunalverwaltung: Sozialräume analysieren, Beteiligung rahmen, Akteure einbinden, Quartiersentwicklung in Verwaltung und Haushalt verankern.",
    ["Quartierssteuerung", "Basisqualifizierung", "Verwaltung"], LEAD),
  topic("dienstleistungen-quartier", "Neue Dienstleistungen im Quartier entwickeln", ["M06", "M13"], ["TWO_DAY"],
    "Von der Idee zum Angebot: Mittagstisch, Fahrdienst oder Nachbarschaftshilfe gemeinsam mit Bewohnerinnen und Partnern aufbauen.",
    ["Dienstleistungsentwicklung", "Nachbarschaftshilfe"], STAFF),
  topic("nachbarschaftshilfe", "Organisierte Nachbarschaftshilfe aufbauen", ["M09", "M08"], ["WEEKLY", "EVENING"],
    "Rechtsform, Versicherung, Aufwandsentschädigung und Einsatzplanung: was Initiativen für eine verlässliche Nachbarschaftshilfe klären müssen.",
    ["Nachbarschaftshilfe", "Ehrenamt"], VOL),
  topic("wohnen-generationen", "Wohnen für alle Generationen im Dorf", ["M05"], ["HALF_DAY", "EVENING"],
    "Barrierearme Wohnungen, Wohngemeinschaften, Mehrgenerationenhäuser: welche Wohnangebote ein Dorf braucht und wie Gemeinde, Investoren und Bürgerschaft sie gemeinsam entwickeln.",
    ["Wohnen", "Generationen", "ländlicher Raum"], ALL),
  topic("digitale-teilhabe", "Digitale Teilhabe im Quartier fördern", ["V02", "M06"], ["HALF_DAY", "WEBINAR"],
    "Digitallotsen, offene Sprechstunden und Leihgeräte: wie ältere Menschen und andere Gruppen digital teilhaben können.",
    ["Digitalisierung", "Teilhabe", "Senioren"], ALL),
  topic("gemeinwesenarbeit", "Gemeinwesenarbeit heute: Haltung und Methoden", ["V03", "M03"], ["TWO_DAY"],
    "Tradition und Gegenwart der Gemeinwesenarbeit, aktivierende Methoden und das Verhältnis zu Quartiersmanagement und Sozialraumorientierung.",
    ["Gemeinwesenarbeit", "Aktivierung"], STAFF),
  topic("fachtag-quartier", "Fachtag Quartier: Gemeinsam gestalten im ländlichen Raum", ["M11", "M16"], ["DAY"],
    "Impulsvorträge, Praxisforen und Austausch zu Quartiersprojekten in kleinen Gemeinden: Nahversorgung, Mobilität, Pflege und Engagement.",
    ["Fachtag", "ländlicher Raum", "Austausch"], ALL),
  topic("netzwerktreffen-koordination", "Netzwerktreffen der Quartierskoordinatorinnen und -koordinatoren", ["V09", "M11"], ["HALF_DAY", "WEBINAR"],
    "Austausch unter Kolleginnen und Kollegen, kollegiale Beratung zu aktuellen Fragen und Impulse aus der Praxis.",
    ["Netzwerktreffen", "Austausch", "Quartierskoordination"], STAFF),
  topic("sommerakademie", "Sommerakademie Quartier: Methodenwerkstatt", ["V04", "V06", "V09"], ["ALL_DAY_RANGE"],
    "Drei Tage Methoden ausprobieren: Stadtteilbegehung, Beteiligungswerkstatt, Netzwerkkarte und kreative Zugänge für die Quartiersarbeit.",
    ["Methoden", "Sommerakademie", "Werkstatt"], STAFF),
  topic("quartier-klausur", "Klausurtage für Quartiersteams: Ziele und Rollen klären", ["M15", "V10"], ["ALL_DAY_RANGE"],
    "Zwei Tage Abstand vom Alltag: Quartiersteams aus Verwaltung und Trägern klären Ziele, Rollen und Arbeitsweise für das kommende Jahr.",
    ["Teamentwicklung", "Steuerung", "Klausur"], STAFF),
];

export const OTHER_TOPICS: readonly Topic[] = [
  other("vereinsbuchhaltung", "Vereinsbuchhaltung für Kassiererinnen und Kassierer", ["EVENING", "WEEKLY"],
    "Einnahmen-Überschuss-Rechnung, Kassenprüfung, Spendenquittungen und Gemeinnützigkeit: Grundlagen der Kassenführung im Verein.",
    ["Verein", "Buchhaltung", "Steuern"], "Kassiererinnen und Kassierer von Vereinen"),
  other("kirchenchor", "Offene Chorprobe: Neue Stimmen für den Kirchenchor", ["WEEKLY"],
    "Wir singen geistliche und weltliche Chorliteratur und freuen uns über neue Sängerinnen und Sänger aller Stimmlagen. Notenkenntnisse sind nicht erforderlich.",
    ["Chor", "Musik"], "alle, die gerne singen"),
  other("architekturfuehrung", "Architekturführung: Quartier am Hafen", ["HALF_DAY"],
    "Rundgang durch das neue Wohn- und Geschäftsquartier am Hafen mit Erläuterungen zu Fassaden, Materialien und Preisträgerentwürfen des Architektenwettbewerbs.",
    ["Architektur", "Führung", "Baukultur"], "alle Interessierten"),
  other("edv-excel", "EDV-Kurs: Excel für Einsteigerinnen und Einsteiger", ["WEEKLY", "DAY"],
    "Tabellen anlegen, Formeln und Funktionen, Diagramme und Druckeinstellungen: ein praxisnaher Einstieg in die Tabellenkalkulation.",
    ["EDV", "Excel", "Computer"], "Einsteigerinnen und Einsteiger ohne Vorkenntnisse"),
  other("powerpoint", "Präsentieren mit PowerPoint", ["HALF_DAY", "WEBINAR"],
    "Folien gestalten, Vorlagen nutzen, Animationen sparsam einsetzen und sicher vortragen.",
    ["EDV", "Präsentation"], "Beschäftigte in Büro und Verwaltung"),
  other("erste-hilfe", "Erste-Hilfe-Kurs für Übungsleitende", ["DAY"],
    "Lebensrettende Sofortmaßnahmen, Wundversorgung und Verhalten bei Sportunfällen. Anerkannt für die Übungsleiterlizenz.",
    ["Erste Hilfe", "Sport"], "Übungsleiterinnen und Übungsleiter"),
  other("vergaberecht", "Vergaberecht für Kommunen: Aktuelle Rechtsprechung", ["DAY"],
    "Neuerungen im Vergaberecht, Schwellenwerte und Praxisfälle aus Bauvergaben und Dienstleistungsausschreibungen.",
    ["Vergaberecht", "Verwaltung"], "Beschäftigte in Vergabestellen der Kommunen"),
  other("babymassage", "Babymassage für Eltern", ["WEEKLY"],
    "Sanfte Massage für Säuglinge von sechs Wochen bis zum Krabbelalter. Bitte ein großes Handtuch mitbringen.",
    ["Eltern", "Baby"], "Eltern mit Babys"),
  other("dsgvo-verein", "Datenschutz im Verein: die DSGVO praktisch umsetzen", ["EVENING", "WEBINAR"],
    "Mitgliederdaten, Fotos auf der Website, Auftragsverarbeitung: was Vereinsvorstände zum Datenschutz wissen müssen.",
    ["Datenschutz", "Verein"], "Vereinsvorstände"),
  other("stimmbildung", "Stimmbildung und Sprechtechnik", ["DAY"],
    "Atmung, Resonanz und Artikulation: Übungen für eine tragfähige Stimme im Beruf.",
    ["Stimme", "Rhetorik"], "Menschen, die beruflich viel sprechen"),
];
