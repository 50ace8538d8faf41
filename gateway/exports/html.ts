import { cellText, formatDay, formatTime, type Cell, type Column, type ExportDocument } from "./table.ts";

/**
 * A printable German page of an export, fit to publish: every value escaped, links only
 * for http(s), no script at all (the route sends a CSP without script-src), print CSS
 * that repeats table headers on each page and keeps a group heading with its rows.
 */

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);

const STYLE = `
:root{color:#1a1a1a;background:#fff;font-family:system-ui,"Segoe UI",Arial,sans-serif;line-height:1.4}
body{max-width:75rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.3rem;margin:2rem 0 .5rem;border-bottom:2px solid #1f4e79}
h3{font-size:1.05rem;margin:1.25rem 0 .4rem}
.meta{color:#444;margin:0 0 1rem}
table{border-collapse:collapse;width:100%;font-size:.85rem;margin-bottom:1rem}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid #9aa5b1;padding:.3rem .4rem;vertical-align:top;text-align:left}
thead th{background:#dce6f1}
td.num{text-align:right;font-variant-numeric:tabular-nums}
a{color:#0b57d0}
.notes{font-size:.85rem;color:#444}
@media print{
  body{margin:0;max-width:none;font-size:9pt}
  a{color:inherit;text-decoration:none}
  thead{display:table-header-group}
  tr,h3{break-inside:avoid}
  h2,h3{break-after:avoid}
  h2{break-before:auto}
  @page{size:A4 landscape;margin:12mm}
}`;

function td(cell: Cell, column: Column | undefined): string {
  const text = cellText(cell, column);
  if (column?.link && typeof cell === "string" && /^https?:\/\//i.test(cell)) {
    return `<td><a href="${escapeHtml(cell)}" rel="noopener nofollow">${escapeHtml(shortLink(cell))}</a></td>`;
  }
  return column?.numeric ? `<td class="num">${escapeHtml(text)}</td>` : `<td>${escapeHtml(text)}</td>`;
}

/** The host (and a path hint) reads better on paper than a full tracking URL. */
function shortLink(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.host + (parsed.pathname.length > 1 ? "/…" : "");
  } catch {
    return url;
  }
}

function table(columns: Column[], rows: Cell[][], caption?: string): string {
  const head = columns.map((c) => `<th scope="col">${escapeHtml(c.header)}</th>`).join("");
  const body = rows.length
    ? rows.map((row) => `<tr>${row.map((cell, i) => td(cell, columns[i])).join("")}</tr>`).join("\n")
    : `<tr><td colspan="${columns.length}">Keine Einträge.</td></tr>`;
  return `<table>${caption ? `<caption>${escapeHtml(caption)}</caption>` : ""}<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody></table>`;
}

/**
 * `hiddenColumns`: columns the HTML leaves out because a heading already says them
 * (learning area and module in the grouped overview).
 */
export function toHtml(doc: ExportDocument, options: { hiddenColumns?: number[] } = {}): string {
  const hidden = new Set(options.hiddenColumns ?? []);
  const keep = <T>(items: T[]): T[] => items.filter((_, i) => !hidden.has(i));
  const sections = doc.sections
    .map((section) => {
      const columns = keep(section.columns);
      const content = section.groups
        ? section.groups.length === 0
          ? "<p>Derzeit keine Einträge.</p>"
          : section.groups
              .map(
                (g) =>
                  `<section><h3>${escapeHtml(g.title)}</h3>\n${table(
                    columns,
                    g.rows.map((r) => keep(r)),
                  )}</section>`,
              )
              .join("\n")
        : table(
            columns,
            section.rows.map((r) => keep(r)),
          );
      return `<section><h2>${escapeHtml(section.title)}</h2>\n${content}</section>`;
    })
    .join("\n");
  const notes = doc.notes?.length
    ? `<div class="notes">${doc.notes.map((n) => `<p>${escapeHtml(n)}</p>`).join("")}</div>`
    : "";
  return `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
<style>${STYLE}</style></head>
<body><header><h1>${escapeHtml(doc.title)}</h1>
<p class="meta">${escapeHtml(doc.subtitle)} · Stand: ${escapeHtml(formatDay(doc.stateOf))}, ${escapeHtml(
    formatTime(doc.stateOf),
  )} Uhr</p></header>
<main>
${sections}
${notes}
</main>
<footer class="notes"><p>Quelle: Quartier-Angebotsdrehscheibe, Curriculum „Qualifiziert ins Quartier!“. Angaben der Anbieter ohne Gewähr.</p></footer>
</body></html>
`;
}
