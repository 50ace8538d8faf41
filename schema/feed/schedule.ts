import cron from "node-cron";

/**
 * Providers choose how often the hub pulls their feed, within politeness: five-field
 * cron only (no seconds field) and never more often than every MIN_GAP minutes.
 */
export const MIN_GAP_MINUTES = 15;

/** Expands one cron field (numbers, ranges, steps, lists, *) over [min, max]; null when unreadable. */
export function expandField(field: string, min: number, max: number): number[] | null {
  const values = new Set<number>();
  for (const part of field.split(",")) {
    const match = /^(\*|\d{1,2}(?:-\d{1,2})?)(?:\/(\d{1,2}))?$/.exec(part.trim());
    if (!match) return null;
    const [, range = "*", stepText] = match;
    const step = stepText ? Number(stepText) : 1;
    if (step < 1) return null;
    const [from, to] =
      range === "*"
        ? [min, max]
        : range.includes("-")
          ? range.split("-").map(Number)
          : [Number(range), stepText ? max : Number(range)];
    if (from === undefined || to === undefined || from < min || to > max || from > to) return null;
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return [...values].sort((a, b) => a - b);
}

/** Smallest gap in minutes between two runs within an hour, wrapping to the next hour. */
function smallestGap(minutes: number[]): number {
  if (minutes.length < 2) return 60;
  let gap = 60 - (minutes[minutes.length - 1] ?? 0) + (minutes[0] ?? 0);
  for (let i = 1; i < minutes.length; i++) gap = Math.min(gap, (minutes[i] ?? 0) - (minutes[i - 1] ?? 0));
  return gap;
}

/** German reasons a schedule is refused; empty when it is fine. */
export function scheduleProblems(schedule: string): string[] {
  const fields = schedule.trim().split(/\s+/);
  if (fields.length !== 5) {
    return ["Zeitplan: bitte fünf Felder (Minute Stunde Tag Monat Wochentag), ohne Sekundenfeld, z. B. „0 5 * * *“."];
  }
  if (!cron.validate(schedule)) return [`Zeitplan „${schedule}“ ist kein gültiger Cron-Ausdruck.`];
  const minutes = expandField(fields[0] ?? "", 0, 59);
  if (!minutes)
    return [`Zeitplan: das Minutenfeld „${fields[0]}“ ist nicht lesbar (erlaubt: Zahlen, Bereiche, Listen, Schritte).`];
  // With one minute value per hour the feed runs at most hourly; several must lie far enough apart.
  if (smallestGap(minutes) < MIN_GAP_MINUTES) {
    return [`Zeitplan „${schedule}“ ist zu häufig: höchstens alle ${MIN_GAP_MINUTES} Minuten.`];
  }
  return [];
}
