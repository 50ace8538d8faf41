/**
 * German text normalisation for the classifier: case and umlaut folding, a Snowball stem
 * with two repairs, stop words, and decompounding against the knowledge vocabulary.
 *
 * Every text (offer fields and knowledge terms alike) becomes a stream of "part keys":
 * "Bürgerbeteiligungsverfahren" → buerg·beteil·verfahr, "Bürger-Beteiligung" → buerg·beteil.
 * A knowledge term matches when its keys occur in order in the stream, so a term for
 * "Beteiligung" matches inside the compound and "Sozialraumanalyse" matches "Analyse des
 * Sozialraums" only if written as a term of its own. Terms and texts go through the same
 * function, which is what keeps the two sides consistent.
 */
import { createRequire } from "node:module";

interface SnowballStemmer {
  stem(word: string): string;
}
const require = createRequire(import.meta.url);
const snowball = require("snowball-stemmers") as { newStemmer(language: string): SnowballStemmer };
const germanStemmer = snowball.newStemmer("german");

/** Marks a boundary (sentence, list item, field) that a multi-word term may not cross. */
export const BOUNDARY = "|";

const FOLD: Readonly<Record<string, string>> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss", é: "e", è: "e", á: "a", à: "a" };

/** Lower case and write umlauts/ß the way people type them without a German keyboard. */
export const foldGerman = (text: string): string => text.toLowerCase().replace(/[äöüßéèáà]/g, (c) => FOLD[c] ?? c);

/**
 * Feminine and gender-inclusive forms to the base noun: "Koordinatorinnen" and
 * "Moderatorin" must meet "Koordinator" and "Moderator". Only after the agent suffixes,
 * so "Termin" or "Medizin" stay as they are.
 */
const FEMININE = /(er|or|ent|eur|ant|ist|ier|ent)(innen|in)$/;
const stripFeminine = (word: string): string =>
  word.length > 6 && FEMININE.test(word) ? word.replace(/(innen|in)$/, "") : word;

/**
 * Snowball German with two repairs found on curriculum pairs: the stemmer strips a final
 * -s only after some letters ("sprachkurs" → "sprachkur" but "sprachkurse" → "sprachkurs"),
 * and it keeps folded umlauts apart from plain vowels ("sozialraeume" vs "sozialraum").
 * Dropping any final s (all of them: "bus"/"busse") and collapsing ae/oe/ue after stemming makes both pairs meet.
 */
/** Latin plurals the stemmer cannot relate to their singular ("Bürgerforen" / "Bürgerforum"). */
const IRREGULAR_PLURALS: Readonly<Record<string, string>> = {
  foren: "forum",
  zentren: "zentrum",
  gremien: "gremium",
  themen: "thema",
  museen: "museum",
  praktika: "praktikum",
  studien: "studie",
};

export const stemGerman = (foldedWord: string): string => {
  const word = stripFeminine(foldedWord);
  const stem = germanStemmer.stem(IRREGULAR_PLURALS[word] ?? word);
  return stem.replace(/ae/g, "a").replace(/oe/g, "o").replace(/ue/g, "u").replace(/s+$/, "");
};

export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "der die das den dem des ein eine einer eines einem einen und oder aber auch als an am auf aus bei bis " +
    "durch fuer gegen in im ins ist sind war waren wird werden wurde wurden mit nach ohne ueber um unter von vom " +
    "vor zu zum zur sowie wie wo was wer sich sie er es wir ihr ihre ihren ihrem ihres sein seine seinen " +
    "dass damit dabei dazu hier dort so nicht nur noch schon sehr mehr viele alle allen jeden jede jeder " +
    "kann koennen soll sollen muss muessen hat haben gibt etwa z b u a bzw ca inkl usw etc dieser diese dieses " +
    "diesem diesen welche welcher welches zwischen sowohl weder doch denn weil wenn ob man einem eigene eigenen"
  ).split(" "),
);

/** Inflection endings that may follow the last part of a compound ("-analysen", "-vereinen"). */
const ENDINGS = new Set(["", "e", "en", "n", "s", "es", "er", "ern", "nen", "em", "ens"]);
/** Linking elements (Fugen) between compound parts: Quartier-s-entwicklung, Familie-n-wohnen. */
const LINKS = ["", "s", "es", "n", "en", "e"];
const MIN_PART = 3;
const SUFFIX_LIKE = /^(lich|keit|heit|schaft|ung|isch|ier|bar|tion|ion|ell|iv|sam|haft|los|voll|ig|er|end|te|ten|st)/;
/** At an unknown tail a linking element is taken first: "Einwanderung-s-gesellschaft". */
const EDGE_LINKS = ["s", "es", "en", "n", ""];
const MIN_COMPOUND = 7;

export interface Decompounder {
  /** Folded surface parts of a folded word, or the word itself when it is no known compound. */
  split(foldedWord: string): string[];
}

/**
 * Splits against a vocabulary of folded surface parts (taken from the knowledge table).
 * Longest first parts, fewest parts win; every part must be known, so an unknown word is
 * never cut into nonsense.
 */
export const createDecompounder = (vocabulary: Iterable<string>): Decompounder => {
  const parts = new Set<string>();
  let maxLength = 0;
  for (const raw of vocabulary) {
    const part = foldGerman(raw);
    if (part.length < MIN_PART) continue;
    parts.add(part);
    maxLength = Math.max(maxLength, part.length);
  }
  const memo = new Map<string, string[]>();

  const splitFrom = (word: string, start: number, depth: number): string[] | null => {
    if (depth > 5) return null;
    const rest = word.length - start;
    for (let length = Math.min(maxLength, rest); length >= MIN_PART; length -= 1) {
      const candidate = word.slice(start, start + length);
      if (!parts.has(candidate)) continue;
      const after = start + length;
      if (ENDINGS.has(word.slice(after))) return [candidate];
      for (const link of LINKS) {
        if (!word.startsWith(link, after)) continue;
        const next = after + link.length;
        if (word.length - next < MIN_PART) continue;
        const tail = splitFrom(word, next, depth + 1);
        if (tail) return [candidate, ...tail];
      }
    }
    return null;
  };

  /**
   * Fallback for compounds with one unknown part ("Engagementlotsen", "Demografiekonferenz"):
   * a known head of ≥ 5 letters before an unknown tail, or an unknown head before a known
   * tail of ≥ 6 letters. Tails that are derivational suffixes ("-lich", "-schaft") are
   * not parts.
   */
  /** Known atoms (≥ 4 letters) at the front of an otherwise unknown word. */
  const splitKnownPrefix = (word: string): string[] | null => {
    for (let length = Math.min(maxLength, word.length - 3); length >= 4; length -= 1) {
      const head = word.slice(0, length);
      if (!parts.has(head)) continue;
      const tail = word.slice(length);
      if (SUFFIX_LIKE.test(tail)) continue;
      return [head, ...(splitFrom(tail, 0, 1) ?? splitKnownPrefix(tail) ?? [tail])];
    }
    return null;
  };

  const splitEdge = (word: string): string[] | null => {
    for (let length = Math.min(maxLength, word.length - 3); length >= 5; length -= 1) {
      const head = word.slice(0, length);
      if (!parts.has(head)) continue;
      for (const link of EDGE_LINKS) {
        if (!word.startsWith(link, length)) continue;
        const tail = word.slice(length + link.length);
        if (tail.length < 3 || SUFFIX_LIKE.test(tail)) continue;
        // Known parts may follow before the unknown end: "Sozialraumbudget" → sozial·raum·budget.
        return [head, ...(splitFrom(tail, 0, 1) ?? splitKnownPrefix(tail) ?? [tail])];
      }
    }
    for (let start = 4; start <= word.length - 6; start += 1) {
      const rest = word.slice(start);
      for (let length = rest.length; length >= 6; length -= 1) {
        if (parts.has(rest.slice(0, length)) && ENDINGS.has(rest.slice(length))) return [word.slice(0, start), rest];
      }
    }
    return null;
  };

  return {
    split(word) {
      const cached = memo.get(word);
      if (cached) return cached;
      let result = [word];
      if (word.length >= MIN_COMPOUND) {
        const found = splitFrom(word, 0, 0) ?? splitEdge(word);
        if (found && found.length > 1) result = found;
      }
      if (memo.size < 200_000) memo.set(word, result);
      return result;
    },
  };
};

export interface NormalisedText {
  /** Part keys (stems) in text order, BOUNDARY between sentences, list items and fields. */
  keys: string[];
  /** For each key the index of the word in `words` it came from (−1 for a boundary). */
  wordIndex: number[];
  /** Original surface words, for evidence. */
  words: string[];
}

export interface Normaliser {
  normalise(text: string, into?: NormalisedText): NormalisedText;
  /** Keys of one folded word (memoised): its compound parts, stemmed, without stop words. */
  wordKeys(word: string): readonly string[];
}

// Letters incl. umlauts and digits make words; hyphen and slash join compound parts that
// stay one "word" for evidence but are split for keys; everything else separates.
const TOKEN = /[\p{L}\p{N}]+(?:[-/][\p{L}\p{N}]+)*|[.;:!?,()[\]"„“”|–—]/gu;
const BOUNDARY_CHARS = new Set([".", ";", ":", "!", "?", ",", "(", ")", "[", "]", '"', "„", "“", "”", "|", "–", "—"]);

export const createNormaliser = (decompounder: Decompounder): Normaliser => {
  const cache = new Map<string, readonly string[]>();

  const wordKeys = (surface: string): readonly string[] => {
    const cached = cache.get(surface);
    if (cached) return cached;
    const keys: string[] = [];
    for (const rawPiece of foldGerman(surface).split(/[-/]/)) {
      if (rawPiece.length === 0 || STOP_WORDS.has(rawPiece)) continue;
      const piece = stripFeminine(rawPiece);
      for (const part of decompounder.split(piece)) {
        const key = stemGerman(part);
        if (key.length > 0) keys.push(key);
      }
    }
    if (cache.size < 200_000) cache.set(surface, keys);
    return keys;
  };

  const normalise = (text: string, into?: NormalisedText): NormalisedText => {
    const out = into ?? { keys: [], wordIndex: [], words: [] };
    for (const match of text.matchAll(TOKEN)) {
      const token = match[0];
      if (BOUNDARY_CHARS.has(token)) {
        if (out.keys.length > 0 && out.keys[out.keys.length - 1] !== BOUNDARY) {
          out.keys.push(BOUNDARY);
          out.wordIndex.push(-1);
        }
        continue;
      }
      const keys = wordKeys(token);
      if (keys.length === 0) continue;
      const index = out.words.length;
      out.words.push(token);
      for (const key of keys) {
        out.keys.push(key);
        out.wordIndex.push(index);
      }
    }
    if (out.keys.length > 0 && out.keys[out.keys.length - 1] !== BOUNDARY) {
      out.keys.push(BOUNDARY);
      out.wordIndex.push(-1);
    }
    return out;
  };

  return { normalise, wordKeys };
};

/** Plain tokenisation with no stemming: the reference figure of the benchmark. */
export const tokeniseOnly = (text: string): string[] => {
  const out: string[] = [];
  for (const match of text.matchAll(TOKEN)) out.push(foldGerman(match[0]));
  return out;
};
