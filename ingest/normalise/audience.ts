import type { AudienceCode } from "../../schema/taxonomy/codes.ts";
import { matchTable } from "./phrases.ts";

/**
 * Audience prose → the guide's four audiences. Patterns run on folded text (lower case,
 * umlauts as ae/oe/ue, ß as ss); gender forms (*innen, :innen, Innen) are covered by
 * matching the word stem.
 */
export const AUDIENCE_TABLE: readonly { code: AudienceCode; patterns: readonly RegExp[] }[] = [
  {
    code: "MUNICIPAL_STAFF",
    patterns: [
      /verwaltung/,
      /kommunal(?:e|en)?\s+(?:fach|fuehrung|mitarbeit|beschaeftigt|bedienstet)/,
      /mitarbeit\w*\s+(?:\w+\s+){0,3}(?:kommune|gemeinde|stadt|staedte|landkreis|rathaus|mitgliedskommune)/,
      /(?:fach|fuehrungs)kraefte\s+(?:\w+\s+){0,2}(?:kommune|gemeinde|stadt|verwaltung)/,
      /beschaeftigte\s+(?:\w+\s+){0,2}(?:kommune|gemeinde|stadt)/,
      /\bamtsleit/,
      /\bsachgebiet/,
      /quartiersmanag|quartierskoordinat/,
      /sozialplan|stadtplan|stadtentwickl/,
    ],
  },
  {
    code: "LOCAL_POLITICIANS",
    patterns: [
      /gemeinderaet|gemeinderat|stadtraet|stadtrat|kreisraet|kreistag|ortschaftsraet|ortsvorsteh/,
      /buergermeister/,
      /kommunalpolitik|mandatstraeg|ratsmitglied|\bpolitik/,
    ],
  },
  {
    code: "CIVIL_SOCIETY_PROFESSIONALS",
    patterns: [
      /\bfachkraefte\b(?!\s+(?:\w+\s+){0,2}(?:kommune|gemeinde|stadt|verwaltung))/,
      /sozialarbeit|sozialpaedagog|gemeinwesenarbeit/,
      /\btraeger|wohlfahrtsverb|diakonie|caritas|paritaet/,
      /wohnungswirtschaft|wohnungsunternehm|wohnungsbau|genossenschaft/,
      /pflegedienst|pflegefachkr|beratungsstell|hauptamtlich/,
      /kirchengemeinde|einrichtungen/,
    ],
  },
  {
    code: "VOLUNTEERS",
    patterns: [
      /ehrenamt/,
      /buergerschaftlich\w*\s+engagiert|engagierte/,
      /freiwillig/,
      /buergerinnen|buerger\*?innen|buerger und/,
      /initiativen|vereine|nachbarschaftshilfe/,
    ],
  },
];

export const audiencesFromText = (texts: readonly string[]): AudienceCode[] =>
  matchTable(AUDIENCE_TABLE, texts.join(" \n "));
