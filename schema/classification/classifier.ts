/**
 * The explainable classifier: an offer's text → relevance, learning areas, modules with
 * confidence and evidence, learning format and roles. Deterministic (no randomness, no
 * clock), explainable (every module carries the phrases that matched) and fast (the
 * knowledge is compiled once into a key index; an offer is one pass over its words).
 *
 * Scoring in one paragraph: every matched knowledge term counts its weight times the
 * weight of the field it was found in (title and provider categories count more than the
 * description). A module's raw score is the sum of its terms minus its counter-terms; an
 * area's is its own terms plus its best module and a share of the others. Relevance is
 * the sum of field anchors plus a module-specific share of the module scores, minus
 * off-topic terms and fired traps. Raw scores become confidences by 1 − e^(−raw/3).
 */
import {
  LEARNING_AREA_CODES,
  MODULE_CODES,
  type LearningAreaCode,
  type LearningFormatCode,
  type ModuleCode,
  type RoleCode,
} from "../taxonomy/codes.ts";
import { EXTERNAL_CURRICULA, LEARNING_AREAS, MODULES } from "../taxonomy/taxonomy.data.ts";
import {
  AREA_KNOWLEDGE,
  EXTRA_COMPOUND_PARTS,
  FORMAT_CUES,
  KNOWLEDGE_VERSION,
  MODULE_KNOWLEDGE,
  OFF_TOPIC,
  RELEVANCE_ANCHORS,
  ROLE_CUES,
  TRAPS,
  type WeightedTerm,
} from "./knowledge.data.ts";
import { BOUNDARY, createDecompounder, createNormaliser, foldGerman, type NormalisedText } from "./normalise.ts";

export interface ClassifierInput {
  id?: string;
  title: string;
  description?: string;
  provider?: string;
  keywords?: string[];
  audience?: string[];
  durationText?: string;
  teachingUnits?: number | null;
}

export interface ModuleAssignment {
  code: ModuleCode;
  confidence: number;
  evidence: string[];
}

export interface Classification {
  relevant: boolean;
  score: number;
  learningAreas: LearningAreaCode[];
  areaConfidence: Partial<Record<LearningAreaCode, number>>;
  modules: ModuleAssignment[];
  learningFormat: LearningFormatCode | null;
  roles: RoleCode[];
  knowledgeVersion: string;
  /** Low confidence or conflicting signals: an analyst should look. */
  needsReview: boolean;
  /** German. */
  reviewReasons: string[];
}

/** Tuned on the curriculum's logic and checked on the dev set; see README.md. */
export const CLASSIFIER_SETTINGS = {
  fieldWeight: { title: 1.6, keywords: 2, description: 1, audience: 0.6, provider: 0.3, duration: 0 },
  relevanceThreshold: 2.8,
  /** Raw score that gives confidence 1 − 1/e ≈ 0.63. */
  confidenceScale: 3,
  moduleMinConfidence: 0.6,
  moduleRelativeToTop: 0.55,
  maxModules: 3,
  /** Raw score a relevant offer's best module (or area) needs when nothing reached the bar. */
  fallbackMinRaw: 1.5,
  areaMinConfidence: 0.6,
  areaRelativeToTop: 0.6,
  /** Bonus for a provider category naming an area or module ("Lernfeld Sozialraum", "Modul 4"). */
  categoryBonus: 6,
  /** Bonus for a KoQuMa module title (FULL crosswalk; PARTIAL gets half). */
  crosswalkBonus: 4,
  formatMinScore: 2,
} as const;

type Field = keyof typeof CLASSIFIER_SETTINGS.fieldWeight;

interface CompiledTerm {
  keys: string[];
  label: string;
}

interface Compiled {
  normalise: (text: string, into?: NormalisedText) => NormalisedText;
  terms: CompiledTerm[];
  /** Key sequences by their first key: [term id, keys]. A two-key term is indexed both ways. */
  byFirstKey: Map<string, [number, readonly string[]][]>;
  termId: (text: string) => number;
}

const round = (value: number, digits = 3): number => Math.round(value * 10 ** digits) / 10 ** digits;

const allKnowledgeStrings = (): string[] => {
  const out: string[] = [];
  const addTerms = (terms: readonly WeightedTerm[] | undefined): void => {
    for (const [term] of terms ?? []) out.push(term);
  };
  for (const area of AREA_KNOWLEDGE) {
    addTerms(area.terms);
    out.push(...area.categoryNames);
  }
  for (const module of MODULE_KNOWLEDGE) {
    addTerms(module.terms);
    addTerms(module.counterTerms);
    out.push(...(module.requiresAny ?? []));
  }
  addTerms(RELEVANCE_ANCHORS);
  addTerms(OFF_TOPIC);
  for (const trap of TRAPS) out.push(...trap.when, ...trap.unless, ...trap.suppress);
  for (const cues of Object.values(FORMAT_CUES)) addTerms(cues);
  for (const cues of Object.values(ROLE_CUES)) addTerms(cues);
  return out;
};

/**
 * The decompounder's vocabulary must hold atoms only: were "sozialraumanalyse" a part of
 * its own, "Sozialraum" would never match inside it. Words are added shortest first and
 * kept only when the atoms so far cannot already split them.
 */
const buildAtoms = (strings: readonly string[]): string[] => {
  const words = new Set<string>();
  for (const text of strings) {
    for (const word of foldGerman(text).split(/[^a-z0-9]+/)) if (word.length >= 3) words.add(word);
  }
  for (const part of EXTRA_COMPOUND_PARTS) words.add(foldGerman(part));
  const sorted = [...words].sort((a, b) => a.length - b.length || a.localeCompare(b));
  const atoms: string[] = [];
  for (const word of sorted) {
    const probe = createDecompounder(atoms);
    if (probe.split(word).length === 1) atoms.push(word);
  }
  return atoms;
};

let compiled: Compiled | undefined;

const compile = (): Compiled => {
  if (compiled) return compiled;
  const strings = allKnowledgeStrings();
  const externalTitles = EXTERNAL_CURRICULA.flatMap((c) => c.modules.map((m) => m.title));
  const moduleTitles = MODULES.map((m) => m.title);
  const normaliser = createNormaliser(createDecompounder(buildAtoms([...strings, ...externalTitles, ...moduleTitles])));
  const terms: CompiledTerm[] = [];
  const ids = new Map<string, number>();
  const byFirstKey = new Map<string, [number, readonly string[]][]>();
  const index = (id: number, keys: readonly string[]): void => {
    const first = keys[0];
    if (first !== undefined) byFirstKey.set(first, [...(byFirstKey.get(first) ?? []), [id, keys]]);
  };
  const termId = (text: string): number => {
    const known = ids.get(text);
    if (known !== undefined) return known;
    const keys = normaliser.normalise(text).keys.filter((k) => k !== BOUNDARY);
    const id = terms.length;
    terms.push({ keys, label: text });
    ids.set(text, id);
    index(id, keys);
    // German word order varies ("Bedarfe erheben" / "erheben die Bedarfe", "Beteiligung
    // der Bürger" / "Bürgerbeteiligung"): two-key terms match in either order.
    const [a, b] = keys;
    if (keys.length === 2 && a !== undefined && b !== undefined && a !== b) index(id, [b, a]);
    return id;
  };
  for (const text of [...strings, ...externalTitles, ...moduleTitles]) termId(text);
  compiled = { normalise: normaliser.normalise, terms, byFirstKey, termId };
  return compiled;
};

/** A term's words in the offer: the field weight it reached and the surface text. */
interface Hit {
  weight: number;
  /** The offer's words the match spans (first..last): the evidence, joined only when shown. */
  words: readonly string[];
  first: number;
  last: number;
}

const evidenceText = (hit: Hit): string => hit.words.slice(hit.first, hit.last + 1).join(" ");

/** Keys of a multi-word term may be separated by at most this many other keys. */
const MAX_GAP = 2;

const matchField = (c: Compiled, text: NormalisedText, weight: number, hits: Map<number, Hit>): void => {
  const { keys, wordIndex, words } = text;
  for (let start = 0; start < keys.length; start += 1) {
    const candidates = c.byFirstKey.get(keys[start] ?? "");
    if (!candidates) continue;
    for (const [id, termKeys] of candidates) {
      let position = start;
      let ok = true;
      for (let k = 1; k < termKeys.length && ok; k += 1) {
        ok = false;
        for (let next = position + 1; next <= position + 1 + MAX_GAP && next < keys.length; next += 1) {
          if (keys[next] === BOUNDARY) break;
          if (keys[next] === termKeys[k]) {
            position = next;
            ok = true;
            break;
          }
        }
      }
      if (!ok) continue;
      const previous = hits.get(id);
      if (previous && previous.weight >= weight) continue;
      const first = wordIndex[start] ?? 0;
      const last = wordIndex[position] ?? first;
      hits.set(id, { weight, words, first, last });
    }
  }
};

interface Signals {
  hits: Map<number, Hit>;
  /** Strong evidence from provider categories and crosswalks, per area or module code. */
  strong: Map<string, { bonus: number; evidence: string }>;
  /** How many of `strong` came from provider categories (they also vouch for relevance). */
  categoryCount: number;
}

const AREA_BY_NAME = new Map<string, LearningAreaCode>();
for (const area of AREA_KNOWLEDGE) for (const name of area.categoryNames) AREA_BY_NAME.set(foldGerman(name), area.code);
for (const area of LEARNING_AREAS) AREA_BY_NAME.set(foldGerman(area.name), area.code);

const addStrong = (strong: Signals["strong"], code: string, bonus: number, evidence: string): void => {
  const previous = strong.get(code);
  if (!previous || previous.bonus < bonus) strong.set(code, { bonus, evidence });
};

/**
 * Provider categories: "Lernbereich 2", "Lernfeld Sozialraum", "Modul 4", "Vertiefungsmodul 7".
 * Only keywords count: a title "Modul 3: …" numbers the provider's own course, not ours.
 */
const readCategories = (keywords: readonly string[], strong: Signals["strong"]): void => {
  const bonus = CLASSIFIER_SETTINGS.categoryBonus;
  for (const keyword of keywords) {
    const folded = foldGerman(keyword).trim();
    const area = /^(?:lernbereich|lernfeld|lb)\s*([1-5])\b/.exec(folded);
    if (area?.[1]) addStrong(strong, `LB${area[1]}`, bonus, keyword);
    const areaName = /^(?:lernbereich|lernfeld)\s+(.+)$/.exec(folded);
    const named = areaName?.[1] ? AREA_BY_NAME.get(areaName[1].trim()) : undefined;
    if (named) addStrong(strong, named, bonus, keyword);
    const advanced = /^vertiefungsmodul\s*(\d{1,2})\b/.exec(folded) ?? /^v(\d{2})$/.exec(folded);
    const basis = /^(?:basis)?modul\s*(\d{1,2})\b/.exec(folded) ?? /^m(\d{2})$/.exec(folded);
    const code = advanced?.[1]
      ? `V${advanced[1].padStart(2, "0")}`
      : basis?.[1]
        ? `M${basis[1].padStart(2, "0")}`
        : undefined;
    if (code && (MODULE_CODES as readonly string[]).includes(code)) addStrong(strong, code, bonus, keyword);
  }
};

const gatherSignals = (c: Compiled, input: ClassifierInput): Signals => {
  const hits = new Map<number, Hit>();
  const weights = CLASSIFIER_SETTINGS.fieldWeight;
  const fields: [Field, string][] = [
    ["title", input.title],
    ["description", input.description ?? ""],
    ["keywords", (input.keywords ?? []).join(" | ")],
    ["audience", (input.audience ?? []).join(" | ")],
    ["provider", input.provider ?? ""],
  ];
  for (const [field, text] of fields) if (text) matchField(c, c.normalise(text), weights[field], hits);
  const strong: Signals["strong"] = new Map();
  readCategories(input.keywords ?? [], strong);
  // Curriculum titles (ours and KoQuMa's) in title or keywords name the module outright.
  const categoryCount = strong.size;
  // Only titles of two or more content words: a bare "Projektmanagement" (KoQuMa 6) is
  // a generic skill, not proof of a curriculum module.
  // (A title from the provider's categories always counts.)
  const specific = (title: string, hit: Hit): boolean =>
    hit.weight >= weights.keywords || title.trim().split(/\s+/).length >= 2;
  for (const module of MODULES) {
    const hit = hits.get(c.termId(module.title));
    if (hit && hit.weight >= weights.title && specific(module.title, hit)) {
      addStrong(strong, module.code, CLASSIFIER_SETTINGS.crosswalkBonus, module.title);
    }
  }
  for (const curriculum of EXTERNAL_CURRICULA) {
    for (const external of curriculum.modules) {
      const hit = hits.get(c.termId(external.title));
      if (!hit || !specific(external.title, hit)) continue;
      for (const link of external.crosswalk) {
        const bonus = CLASSIFIER_SETTINGS.crosswalkBonus * (link.strength === "FULL" ? 1 : 0.5);
        addStrong(strong, link.module, bonus, `${curriculum.code}: ${external.title}`);
      }
    }
  }
  return { hits, strong, categoryCount };
};

const moduleArea = new Map(MODULES.map((m) => [m.code, m.learningArea] as const));
/** Vertiefung modules are open to both roles, so only Basis modules say which role an offer serves. */
const basisRoles = new Map(MODULES.map((m) => [m.code, m.format === "BASIS" ? m.roles : []] as const));

const NOTHING: ReadonlySet<number> = new Set();

const confidenceOf = (raw: number): number => 1 - Math.exp(-Math.max(0, raw) / CLASSIFIER_SETTINGS.confidenceScale);

interface Scored {
  raw: number;
  evidence: { text: string | Hit; contribution: number }[];
}

/** Term tables resolved to term ids once, so scoring an offer does no string lookups. */
const resolvedTables = new WeakMap<readonly WeightedTerm[], Int32Array>();
const resolve = (c: Compiled, terms: readonly WeightedTerm[]): Int32Array => {
  let ids = resolvedTables.get(terms);
  if (!ids) {
    ids = Int32Array.from(terms, ([term]) => c.termId(term));
    resolvedTables.set(terms, ids);
  }
  return ids;
};

const scoreTerms = (
  c: Compiled,
  hits: Map<number, Hit>,
  terms: readonly WeightedTerm[],
  suppressed: ReadonlySet<number>,
): Scored => {
  let raw = 0;
  const evidence: Scored["evidence"] = [];
  const ids = resolve(c, terms);
  for (let index = 0; index < terms.length; index += 1) {
    const id = ids[index] ?? -1;
    const weight = terms[index]?.[1] ?? 0;
    if (suppressed.has(id)) continue;
    const hit = hits.get(id);
    if (!hit) continue;
    const contribution = weight * hit.weight;
    raw += contribution;
    evidence.push({ text: hit, contribution });
  }
  return { raw, evidence };
};

interface ModuleUsage {
  module: number;
  weight: number;
  counter: boolean;
}
let moduleUsageCache: Map<number, ModuleUsage[]> | undefined;
/** Term id → the modules whose terms or counter-terms use it, with the weight. */
const moduleUsageIndex = (c: Compiled): Map<number, ModuleUsage[]> => {
  if (moduleUsageCache) return moduleUsageCache;
  const index = new Map<number, ModuleUsage[]>();
  const add = (terms: readonly WeightedTerm[], module: number, counter: boolean): void => {
    for (const [term, weight] of terms) {
      const id = c.termId(term);
      index.set(id, [...(index.get(id) ?? []), { module, weight, counter }]);
    }
  };
  MODULE_KNOWLEDGE.forEach((module, position) => {
    add(module.terms, position, false);
    add(module.counterTerms ?? [], position, true);
  });
  moduleUsageCache = index;
  return index;
};

const resolvedLists = new WeakMap<readonly string[], Int32Array>();
const anyPresent = (c: Compiled, hits: Map<number, Hit>, terms: readonly string[]): boolean => {
  let ids = resolvedLists.get(terms);
  if (!ids) {
    ids = Int32Array.from(terms, (term) => c.termId(term));
    resolvedLists.set(terms, ids);
  }
  for (const id of ids) if (hits.has(id)) return true;
  return false;
};

const uniqueEvidence = (evidence: Scored["evidence"], limit = 6): string[] => {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of [...evidence].sort((a, b) => b.contribution - a.contribution)) {
    const text = typeof item.text === "string" ? item.text : evidenceText(item.text);
    const key = text.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(text);
    if (out.length === limit) break;
  }
  return out;
};

const chooseFormat = (c: Compiled, input: ClassifierInput, offerHits: Map<number, Hit>): LearningFormatCode | null => {
  // Title and description hits are reused; only the duration text is matched here.
  let hits = offerHits;
  if (input.durationText) {
    hits = new Map(offerHits);
    matchField(c, c.normalise(input.durationText), 1, hits);
  }
  let best: LearningFormatCode | null = null;
  let bestScore = CLASSIFIER_SETTINGS.formatMinScore - 1e-9;
  const units = input.teachingUnits ?? null;
  for (const [format, cues] of Object.entries(FORMAT_CUES) as [LearningFormatCode, readonly WeightedTerm[]][]) {
    let score = scoreTerms(c, hits, cues, NOTHING).raw;
    // The guide's time frames: Einführung 6 WSt., Basis about 100 WSt.
    if (units !== null && format === "EINFUEHRUNG" && units <= 8) score += 2;
    if (units !== null && format === "BASIS" && units >= 60) score += 3;
    if (score > bestScore) {
      best = format;
      bestScore = score;
    }
  }
  return best;
};

/** Classify one offer. Pure and deterministic. */
export function classifyOffer(input: ClassifierInput): Classification {
  const c = compile();
  const settings = CLASSIFIER_SETTINGS;
  const { hits, strong, categoryCount } = gatherSignals(c, input);
  const reviewReasons: string[] = [];

  // Traps first: they decide which evidence is not to be trusted.
  const suppressed = new Set<number>();
  const suppressedModules = new Set<ModuleCode>();
  let penalty = 0;
  for (const trap of TRAPS) {
    if (!anyPresent(c, hits, trap.when) || anyPresent(c, hits, trap.unless)) continue;
    for (const term of trap.suppress) suppressed.add(c.termId(term));
    for (const code of trap.suppressModules) suppressedModules.add(code);
    penalty += trap.penalty;
    reviewReasons.push(`Begriffsfalle: ${trap.reason}`);
  }

  // Walk the offer's hits (a few dozen), not the module tables (hundreds of terms).
  const moduleUsage = moduleUsageIndex(c);
  const perModule: Scored[] = MODULE_KNOWLEDGE.map(() => ({ raw: 0, evidence: [] }));
  for (const [id, hit] of hits) {
    for (const usage of moduleUsage.get(id) ?? []) {
      const scored = perModule[usage.module];
      if (!scored) continue;
      const contribution = usage.weight * hit.weight;
      if (usage.counter) scored.raw -= contribution;
      else if (!suppressed.has(id)) {
        scored.raw += contribution;
        scored.evidence.push({ text: hit, contribution });
      }
    }
  }
  const moduleScores = new Map<ModuleCode, Scored>();
  for (const [position, module] of MODULE_KNOWLEDGE.entries()) {
    if (suppressedModules.has(module.code)) continue;
    if (module.requiresAny && !anyPresent(c, hits, module.requiresAny)) continue;
    const scored = perModule[position] ?? { raw: 0, evidence: [] };
    const category = strong.get(module.code);
    if (category) {
      scored.raw += category.bonus;
      scored.evidence.push({ text: category.evidence, contribution: category.bonus });
    }
    if (scored.raw > 0) moduleScores.set(module.code, scored);
  }

  let relevance = scoreTerms(c, hits, RELEVANCE_ANCHORS, suppressed).raw;
  for (const module of MODULE_KNOWLEDGE)
    relevance += (moduleScores.get(module.code)?.raw ?? 0) * module.relevanceFactor;
  relevance -= scoreTerms(c, hits, OFF_TOPIC, NOTHING).raw;
  relevance -= penalty;
  if (categoryCount > 0) relevance += settings.categoryBonus;
  const relevant = relevance >= settings.relevanceThreshold;
  const score = round(1 / (1 + Math.exp(-(relevance - settings.relevanceThreshold) / 1.5)));

  // Per area: its best module counts fully, the others by 0.3 (best + 0.3 × (sum − best)).
  const bestOfArea = new Map<LearningAreaCode, number>();
  const sumOfArea = new Map<LearningAreaCode, number>();
  for (const [code, scored] of moduleScores) {
    const area = moduleArea.get(code);
    if (!area) continue;
    bestOfArea.set(area, Math.max(bestOfArea.get(area) ?? 0, scored.raw));
    sumOfArea.set(area, (sumOfArea.get(area) ?? 0) + scored.raw);
  }
  const areaRaw = new Map<LearningAreaCode, number>();
  for (const area of AREA_KNOWLEDGE) {
    const own = scoreTerms(c, hits, area.terms, suppressed).raw + (strong.get(area.code)?.bonus ?? 0);
    const best = bestOfArea.get(area.code) ?? 0;
    areaRaw.set(area.code, own + best + 0.3 * ((sumOfArea.get(area.code) ?? 0) - best));
  }

  const areaConfidence: Partial<Record<LearningAreaCode, number>> = {};
  for (const code of LEARNING_AREA_CODES) {
    const raw = areaRaw.get(code) ?? 0;
    if (raw > 0) areaConfidence[code] = round(confidenceOf(raw));
  }

  let learningAreas: LearningAreaCode[] = [];
  let modules: ModuleAssignment[] = [];
  if (relevant) {
    const topArea = Math.max(0, ...areaRaw.values());
    learningAreas = LEARNING_AREA_CODES.filter((code) => {
      const raw = areaRaw.get(code) ?? 0;
      return raw > 0 && confidenceOf(raw) >= settings.areaMinConfidence && raw >= settings.areaRelativeToTop * topArea;
    });
    const ranked = [...moduleScores.entries()].sort((a, b) => b[1].raw - a[1].raw || a[0].localeCompare(b[0]));
    const topModule = ranked[0]?.[1].raw ?? 0;
    modules = ranked
      .filter(
        ([, s]) =>
          confidenceOf(s.raw) >= settings.moduleMinConfidence && s.raw >= settings.moduleRelativeToTop * topModule,
      )
      .slice(0, settings.maxModules)
      .map(([code, s]) => ({ code, confidence: round(confidenceOf(s.raw)), evidence: uniqueEvidence(s.evidence) }));
    // Short offers (a title and a line) rarely reach the bar: a relevant offer still gets
    // its best module when that has some evidence, flagged for review.
    const best = ranked[0];
    if (modules.length === 0 && best && best[1].raw >= settings.fallbackMinRaw) {
      modules = [
        { code: best[0], confidence: round(confidenceOf(best[1].raw)), evidence: uniqueEvidence(best[1].evidence) },
      ];
      reviewReasons.push("Modul nur mit geringer Sicherheit zugeordnet");
    }
    if (learningAreas.length === 0 && topArea >= settings.fallbackMinRaw) {
      const bestArea = LEARNING_AREA_CODES.find((code) => (areaRaw.get(code) ?? 0) === topArea);
      if (bestArea) learningAreas = [bestArea];
    }
    if (modules.length === 0) reviewReasons.push("Relevant, aber kein Modul mit ausreichender Sicherheit erkannt");
    if (learningAreas.length === 0)
      reviewReasons.push("Relevant, aber kein Lernbereich mit ausreichender Sicherheit erkannt");
    if (learningAreas.length >= 4)
      reviewReasons.push("Signale für viele Lernbereiche zugleich (Überblicksveranstaltung?)");
  }
  if (Math.abs(relevance - settings.relevanceThreshold) < 1.5) {
    reviewReasons.push("Relevanz knapp an der Schwelle: bitte prüfen");
  }

  const roles = new Set<RoleCode>();
  if (relevant) {
    for (const module of modules) for (const role of basisRoles.get(module.code) ?? []) roles.add(role);
    for (const [role, cues] of Object.entries(ROLE_CUES) as [RoleCode, readonly WeightedTerm[]][]) {
      if (scoreTerms(c, hits, cues, suppressed).raw >= 2) roles.add(role);
    }
  }

  return {
    relevant,
    score,
    learningAreas,
    areaConfidence,
    modules,
    learningFormat: relevant ? chooseFormat(c, input, hits) : null,
    roles: (["KOORDINATION", "STEUERUNG"] as const).filter((r) => roles.has(r)),
    knowledgeVersion: KNOWLEDGE_VERSION,
    needsReview: reviewReasons.length > 0,
    reviewReasons,
  };
}

/** For tests and tools: the part keys the classifier sees for a text. */
export const normalisedKeys = (text: string): string[] =>
  compile()
    .normalise(text)
    .keys.filter((k) => k !== BOUNDARY);
