/**
 * A small, tolerant XML tree for open-Qcat: element names upper-cased with namespace
 * prefixes stripped (providers' tools differ), DOCTYPE entities refused outright.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

const ATTR = "@_";

const parser = new XMLParser({
  preserveOrder: true,
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: ATTR,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  htmlEntities: false,
  // Defence in depth: documents declaring entities are refused before parsing anyway.
  processEntities: {
    enabled: true,
    maxEntityCount: 10,
    maxEntitySize: 1_000,
    maxTotalExpansions: 1_000,
    maxExpandedLength: 100_000,
  },
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function toNodes(items: unknown): XmlNode[] {
  if (!Array.isArray(items)) return [];
  const nodes: XmlNode[] = [];
  for (const item of items) {
    if (!isRecord(item)) continue;
    const attrs: Record<string, string> = {};
    const rawAttrs = item[":@"];
    if (isRecord(rawAttrs)) {
      for (const [k, v] of Object.entries(rawAttrs)) attrs[k.slice(ATTR.length).toUpperCase()] = String(v);
    }
    for (const [key, value] of Object.entries(item)) {
      if (key === ":@") continue;
      if (key === "#text") {
        nodes.push({ name: "#text", attrs: {}, children: [], text: String(value) });
        continue;
      }
      const children = toNodes(value);
      const text = children
        .filter((c) => c.name === "#text")
        .map((c) => c.text)
        .join(" ");
      nodes.push({ name: key.toUpperCase(), attrs, children: children.filter((c) => c.name !== "#text"), text });
    }
  }
  return nodes;
}

export type ParsedXml = { ok: true; roots: XmlNode[] } | { ok: false; reason: string };

/** Refuses `<!ENTITY` (billion laughs, external entities) and reports malformed XML with its line. */
export function parseXml(xml: string): ParsedXml {
  if (/<!ENTITY/i.test(xml)) {
    return { ok: false, reason: "DOCTYPE mit Entity-Deklarationen wird aus Sicherheitsgründen nicht gelesen" };
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const where = valid.err.line > 1 ? `Zeile ${valid.err.line}: ` : "";
    return { ok: false, reason: `kein wohlgeformtes XML (${where}${valid.err.msg})` };
  }
  try {
    return { ok: true, roots: toNodes(parser.parse(xml)) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

export function child(node: XmlNode | undefined, ...names: string[]): XmlNode | undefined {
  return node?.children.find((c) => names.includes(c.name));
}

export function childrenNamed(node: XmlNode | undefined, ...names: string[]): XmlNode[] {
  return node?.children.filter((c) => names.includes(c.name)) ?? [];
}

/** Every descendant with one of the names, document order, not descending into matches. */
export function descendants(node: XmlNode | undefined, ...names: string[]): XmlNode[] {
  if (!node) return [];
  return node.children.flatMap((c) => (names.includes(c.name) ? [c] : descendants(c, ...names)));
}

/** Every descendant with one of the names at any depth, including matches inside matches. */
export function allDescendants(node: XmlNode | undefined, ...names: string[]): XmlNode[] {
  if (!node) return [];
  return node.children.flatMap((c) => [...(names.includes(c.name) ? [c] : []), ...allDescendants(c, ...names)]);
}

/** All text below a node (an XHTML description keeps its words, not its tags). */
export function deepText(node: XmlNode | undefined): string {
  if (!node) return "";
  return [node.text, ...node.children.map(deepText)]
    .filter((t) => t !== "")
    .join(" ")
    .trim();
}

/** Trimmed text of the first child with one of the names, undefined when empty. */
export function textOf(node: XmlNode | undefined, ...names: string[]): string | undefined {
  const text = deepText(child(node, ...names));
  return text === "" ? undefined : text;
}
