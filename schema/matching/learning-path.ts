/**
 * The learning path as a set-cover problem, pure (no database): cover the remaining
 * Basis modules with dated offers whose sessions do not overlap, within a budget,
 * preferring fewer, then cheaper-and-nearer offers. A greedy pass gives a first answer
 * and a bound; a depth-first search then finds the best answer exactly, giving up
 * after NODE_LIMIT expansions on large instances (the greedy answer, or the best found
 * so far, stands then). README.md explains the order of preferences.
 */

export interface PathCandidate {
  id: string;
  /** The remaining modules this offer covers (already intersected). */
  covers: string[];
  /** Known price in EUR; free = 0; unknown = null (counted as 0, flagged by the caller). */
  price: number | null;
  distanceKm: number | null;
  online: boolean;
  firstStart: number;
  /** Busy intervals [start, end) in ms. */
  busy: [number, number][];
}

export interface PathChoice {
  ids: string[];
  covered: string[];
  uncovered: string[];
  cost: number;
}

const NODE_LIMIT = 50_000;
/** One more offer weighs as much as this much cost: fewer offers first. */
const OFFER_WEIGHT = 1000;

/** Cost of one offer beyond its count: euros plus 2 € per km (online counts as 0 km). */
export function offerCost(c: PathCandidate): number {
  const km = c.online ? 0 : (c.distanceKm ?? 40);
  return (c.price ?? 0) + 2 * km;
}

export function overlaps(a: readonly [number, number][], b: readonly [number, number][]): boolean {
  return a.some(([s1, e1]) => b.some(([s2, e2]) => s1 < e2 && s2 < e1));
}

interface State {
  chosen: PathCandidate[];
  covered: Set<string>;
  price: number;
}

const compatible = (state: State, c: PathCandidate, maxBudget: number | null): boolean =>
  (maxBudget === null || state.price + (c.price ?? 0) <= maxBudget) &&
  !state.chosen.some((x) => overlaps(x.busy, c.busy));

/** Lexicographic objective: more modules covered, then fewer offers, then lower cost. */
const objective = (covered: number, chosen: readonly PathCandidate[]): [number, number] => [
  -covered,
  chosen.length * OFFER_WEIGHT + chosen.reduce((s, c) => s + offerCost(c), 0),
];
const better = (a: [number, number], b: [number, number]): boolean => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);

function greedy(
  modules: readonly string[],
  candidates: readonly PathCandidate[],
  maxBudget: number | null,
): PathCandidate[] {
  const state: State = { chosen: [], covered: new Set(), price: 0 };
  for (;;) {
    let best: PathCandidate | null = null;
    let bestRatio = 0;
    for (const c of candidates) {
      const gain = c.covers.filter((m) => !state.covered.has(m)).length;
      if (!gain || !compatible(state, c, maxBudget)) continue;
      const ratio = gain / (OFFER_WEIGHT + offerCost(c));
      if (ratio > bestRatio) {
        best = c;
        bestRatio = ratio;
      }
    }
    if (!best) return state.chosen;
    state.chosen.push(best);
    state.price += best.price ?? 0;
    for (const m of best.covers) state.covered.add(m);
    if (modules.every((m) => state.covered.has(m))) return state.chosen;
  }
}

/** The best path for `modules` from `candidates`. */
export function planPath(
  modules: readonly string[],
  candidates: readonly PathCandidate[],
  maxBudget: number | null,
): PathChoice {
  const wanted = new Set(modules);
  const useful = candidates.filter((c) => c.covers.some((m) => wanted.has(m)));
  let best = greedy(modules, useful, maxBudget);
  let bestValue = objective(new Set(best.flatMap((c) => c.covers)).size, best);
  const byModule = new Map(modules.map((m) => [m, useful.filter((c) => c.covers.includes(m))]));
  let nodes = 0;

  // Branch on the first module not yet decided: cover it with one of its offers, or give
  // it up (then no offer covering it may join later, which keeps the bounds exact).
  const banned = new Set<string>();
  function search(index: number, state: State): void {
    if (++nodes > NODE_LIMIT) return;
    const reachable = modules.length - banned.size;
    // Bounds: even covering every module still open cannot beat the best, or only ties it at a higher cost.
    if (-reachable > bestValue[0]) return;
    const value = objective(state.covered.size, state.chosen);
    if (-reachable === bestValue[0] && value[1] >= bestValue[1]) return;
    let i = index;
    while (i < modules.length && state.covered.has(modules[i] ?? "")) i++;
    if (i >= modules.length) {
      if (better(value, bestValue)) {
        best = [...state.chosen];
        bestValue = value;
      }
      return;
    }
    const module = modules[i] ?? "";
    for (const c of byModule.get(module) ?? []) {
      if (state.chosen.includes(c) || c.covers.some((m) => banned.has(m)) || !compatible(state, c, maxBudget)) continue;
      const added = c.covers.filter((m) => !state.covered.has(m));
      state.chosen.push(c);
      state.price += c.price ?? 0;
      for (const m of added) state.covered.add(m);
      search(i + 1, state);
      for (const m of added) state.covered.delete(m);
      state.price -= c.price ?? 0;
      state.chosen.pop();
    }
    banned.add(module);
    search(i + 1, state);
    banned.delete(module);
  }
  search(0, { chosen: [], covered: new Set(), price: 0 });

  const covered = new Set(best.flatMap((c) => c.covers).filter((m) => wanted.has(m)));
  return {
    ids: [...best].sort((a, b) => a.firstStart - b.firstStart).map((c) => c.id),
    covered: modules.filter((m) => covered.has(m)),
    uncovered: modules.filter((m) => !covered.has(m)),
    cost: objective(covered.size, best)[1],
  };
}

/**
 * Up to `count` alternatives: the best path without one of the main path's offers at a
 * time, kept when it covers as many modules and differs from the paths found so far.
 */
export function alternativePaths(
  modules: readonly string[],
  candidates: readonly PathCandidate[],
  maxBudget: number | null,
  main: PathChoice,
  count = 2,
): PathChoice[] {
  const seen = new Set([[...main.ids].sort().join(",")]);
  const out: PathChoice[] = [];
  for (const excluded of main.ids) {
    if (out.length >= count) break;
    const alt = planPath(
      modules,
      candidates.filter((c) => c.id !== excluded),
      maxBudget,
    );
    const key = [...alt.ids].sort().join(",");
    if (alt.covered.length < main.covered.length || !alt.ids.length || seen.has(key)) continue;
    seen.add(key);
    out.push(alt);
  }
  return out.sort((a, b) => a.cost - b.cost);
}
