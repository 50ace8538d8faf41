/**
 * Per-feed selector configuration of the HTML adapter. Each field is a CSS selector relative to
 * the item; `selector@attr` reads an attribute instead of the text ("a.more@href", "@data-id" for
 * the item's own attribute). Links (url, registrationUrl, detail.link) read `href` by default.
 */
import { load } from "cheerio/slim";
import { z } from "zod";

const selector = z.string().trim().min(1);

/** Field names with a meaning of their own; any other name lands in `extra`. */
export const HTML_FIELD_NAMES = [
  "title",
  "url",
  "sourceKey",
  "date",
  "location",
  "price",
  "description",
  "teachingUnits",
  "audience",
  "keywords",
  "registrationUrl",
  "registrationDeadline",
  "organizer",
] as const;

const knownFields = {
  url: selector.optional(),
  sourceKey: selector.optional(),
  date: selector.optional(),
  location: selector.optional(),
  price: selector.optional(),
  description: selector.optional(),
  teachingUnits: selector.optional(),
  audience: selector.optional(),
  keywords: selector.optional(),
  registrationUrl: selector.optional(),
  registrationDeadline: selector.optional(),
  organizer: selector.optional(),
};

export const htmlFieldsSchema = z.object({ title: selector, ...knownFields }).catchall(selector);
/** On a detail page every field is optional: it only fills what the list lacked. */
export const htmlDetailFieldsSchema = z.object({ title: selector.optional(), ...knownFields }).catchall(selector);

/** A selector cheerio cannot compile is a config error, found before the first fetch. */
function selectorProblem(spec: string): string | null {
  const at = splitSpec(spec);
  if (!at.selector) return null;
  try {
    load("<div></div>")("div").find(at.selector);
    return null;
  } catch (err) {
    return `Selektor „${at.selector}“ ungültig: ${err instanceof Error ? err.message : String(err)}`;
  }
}

export const htmlConfigSchema = z
  .object({
    item: selector,
    fields: htmlFieldsSchema,
    /** Attribute to read per field, as an alternative to `selector@attr`. */
    attributes: z.record(z.string(), z.string().regex(/^[A-Za-z_:][-\w:.]*$/)).optional(),
    detail: z.object({ link: selector, fields: htmlDetailFieldsSchema }).optional(),
    /** Base for relative links when the page URL is not the right one (e.g. a CMS serving from a CDN host). */
    baseUrl: z.url().optional(),
  })
  .superRefine((config, ctx) => {
    const specs: Array<[string[], string]> = [
      [["item"], config.item],
      ...Object.entries(config.fields).map(([k, v]): [string[], string] => [["fields", k], v]),
      ...(config.detail
        ? [
            [["detail", "link"], config.detail.link] as [string[], string],
            ...Object.entries(config.detail.fields).map(([k, v]): [string[], string] => [["detail", "fields", k], v]),
          ]
        : []),
    ];
    for (const [path, spec] of specs) {
      if (typeof spec !== "string") continue;
      const problem = selectorProblem(spec);
      if (problem) ctx.addIssue({ code: "custom", path, message: problem });
    }
  });

export type HtmlConfig = z.infer<typeof htmlConfigSchema>;
export type HtmlFields = z.infer<typeof htmlDetailFieldsSchema>;

export type HtmlConfigOutcome = { ok: true; config: HtmlConfig } | { ok: false; errors: string[] };

// A feed's config object is validated once, not once per detail page: checking the
// selectors builds a document per selector and was a seventh of extract time.
const checked = new WeakMap<object, HtmlConfigOutcome>();

export function parseHtmlConfig(raw: unknown): HtmlConfigOutcome {
  const cached = typeof raw === "object" && raw !== null ? checked.get(raw) : undefined;
  if (cached) return cached;
  const result = htmlConfigSchema.safeParse(raw);
  const outcome: HtmlConfigOutcome = result.success
    ? { ok: true, config: result.data }
    : { ok: false, errors: result.error.issues.map((i) => `${i.path.join(".") || "Konfiguration"}: ${i.message}`) };
  if (typeof raw === "object" && raw !== null) checked.set(raw, outcome);
  return outcome;
}

/** "h3 a@href" → selector "h3 a", attribute "href"; "@data-id" → the item itself. */
export function splitSpec(spec: string): { selector: string; attr?: string } {
  const match = /^(.*?)\s*@([A-Za-z_:][-\w:.]*)$/.exec(spec.trim());
  if (!match) return { selector: spec.trim() };
  return { selector: (match[1] ?? "").trim(), attr: match[2] };
}
