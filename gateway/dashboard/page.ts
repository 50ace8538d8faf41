import { escapeHtml } from "../exports/html.ts";
import { AUDIENCES, LEARNING_FORMATS, ROLES } from "../../schema/taxonomy/taxonomy.ts";

/**
 * The dashboard's HTML: a login form for the public, the analyst view's skeleton for
 * analysts and admins. No inline script or style (the CSP forbids both): behaviour is
 * /dashboard/dashboard.js, looks are /dashboard/dashboard.css. Every control has a
 * label; sections are landmarks with headings; results arrive in live regions.
 */

export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

function shell(title: string, body: string, assetVersion: string): string {
  return `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/dashboard/dashboard.css?v=${escapeHtml(assetVersion)}">
<script type="module" src="/dashboard/dashboard.js?v=${escapeHtml(assetVersion)}"></script>
</head>
<body>
<a class="skip" href="#inhalt">Zum Inhalt springen</a>
${body}
</body></html>
`;
}

export function loginPage(assetVersion: string, message?: string): string {
  return shell(
    "Anmeldung – Koordinierungsstelle Quartier",
    `<header class="top"><p class="brand">Quartier-Angebotsdrehscheibe</p></header>
<main id="inhalt" class="login">
<h1>Anmeldung für die Koordinierungsstelle</h1>
<p>Abdeckung, Lücken, Prüfliste und Exporte sind für angemeldete Analystinnen und Analysten.</p>
<form id="login-form" method="post" action="/login" novalidate>
  <div class="field"><label for="login-email">E-Mail-Adresse</label>
  <input id="login-email" name="email" type="email" autocomplete="username" required></div>
  <div class="field"><label for="login-password">Passwort</label>
  <input id="login-password" name="password" type="password" autocomplete="current-password" required></div>
  <p id="login-error" class="error" role="alert">${message ? escapeHtml(message) : ""}</p>
  <button type="submit">Anmelden</button>
</form>
</main>`,
    assetVersion,
  );
}

export function forbiddenPage(assetVersion: string): string {
  return shell(
    "Keine Berechtigung – Koordinierungsstelle Quartier",
    `<main id="inhalt" class="login"><h1>Keine Berechtigung</h1>
<p>Das Dashboard ist der Koordinierungsstelle (Rolle Analyse) vorbehalten.</p>
<form method="post" action="/logout"><button type="submit">Abmelden</button></form></main>`,
    assetVersion,
  );
}

const options = (items: readonly { code: string; name: string }[]) =>
  items.map((i) => `<option value="${escapeHtml(i.code)}">${escapeHtml(i.name)}</option>`).join("");

/** Berlin calendar day of a date, for the date inputs' defaults. */
const day = (date: Date) =>
  new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Berlin",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(date);

export function dashboardPage(assetVersion: string, viewer: { name: string; role: string }, now: Date): string {
  const inYear = new Date(now);
  inYear.setUTCFullYear(inYear.getUTCFullYear() + 1);
  return shell(
    "Dashboard – Koordinierungsstelle Quartier",
    `<header class="top">
<p class="brand">Quartier-Angebotsdrehscheibe · Koordinierungsstelle</p>
<nav aria-label="Abschnitte"><ul>
<li><a href="#abdeckung">Abdeckung</a></li><li><a href="#luecken">Lücken</a></li>
<li><a href="#nachfrage">Nachfrage</a></li><li><a href="#anbieter">Anbieter</a></li>
<li><a href="#pruefliste">Prüfliste</a></li><li><a href="#exporte">Exporte</a></li></ul></nav>
<div class="who"><span>Angemeldet: ${escapeHtml(viewer.name)}</span>
<form method="post" action="/logout"><button type="submit" class="secondary">Abmelden</button></form></div>
</header>
<main id="inhalt">
<h1>Überblick über das Fortbildungsangebot</h1>
<section aria-labelledby="filter-h" class="panel">
<h2 id="filter-h">Filter</h2>
<form id="filters" class="filters">
  <div class="field"><label for="f-from">Zeitraum von</label><input id="f-from" name="from" type="date" value="${day(now)}" required></div>
  <div class="field"><label for="f-to">bis (ausschließlich)</label><input id="f-to" name="to" type="date" value="${day(inYear)}" required></div>
  <div class="field"><label for="f-level">Gliederung</label><select id="f-level" name="level">
    <option value="DISTRICT">Land- und Stadtkreise</option><option value="REGION">Regierungsbezirke</option></select></div>
  <div class="field"><label for="f-role">Aufgabenfeld</label><select id="f-role" name="role">
    <option value="">alle</option>${options(ROLES)}</select></div>
  <div class="field"><label for="f-format">Lernformat</label><select id="f-format" name="learningFormat">
    <option value="">alle</option>${options(LEARNING_FORMATS)}</select></div>
  <div class="field"><label for="f-audience">Zielgruppe</label><select id="f-audience" name="audience">
    <option value="">alle</option>${options(AUDIENCES)}</select></div>
  <div class="field"><label for="f-tier">Module</label><select id="f-tier" name="tier">
    <option value="">Basis und Vertiefung</option><option value="BASIS">nur Basismodule</option><option value="VERTIEFUNG">nur Vertiefungsmodule</option></select></div>
  <div class="field"><label for="f-view">Zahlen der Karte</label><select id="f-view" name="view">
    <option value="current">im Zeitraum</option><option value="previous">in der Vorperiode (gleich lang, davor)</option></select></div>
  <div class="field check"><input id="f-online" name="countOnlineInRegions" type="checkbox">
    <label for="f-online">Online-Angebote in jeder Region mitzählen</label></div>
  <div class="field"><button type="submit">Anwenden</button></div>
</form>
<p id="status" class="status" role="status" aria-live="polite"></p>
</section>

<section id="abdeckung" aria-labelledby="coverage-h" class="panel">
<h2 id="coverage-h">Abdeckung: Angebote je Modul und Region</h2>
<p id="coverage-summary"></p>
<div id="legend" class="legend" aria-label="Legende der Farbstufen"></div>
<p class="hint" id="heatmap-hint">Zellen sind Schaltflächen: mit Pfeiltasten bewegen, mit Eingabe oder Leertaste die Angebote anzeigen.</p>
<div id="heatmap" class="heatmap-wrap"></div>
<div id="cell-offers" class="cell-offers" aria-live="polite"></div>
</section>

<section id="luecken" aria-labelledby="gaps-h" class="panel">
<h2 id="gaps-h">Lücken</h2>
<div id="gaps"></div>
</section>

<section id="nachfrage" aria-labelledby="demand-h" class="panel">
<h2 id="demand-h">Nachfrage und Angebot</h2>
<div id="demand"></div>
</section>

<section id="anbieter" aria-labelledby="freshness-h" class="panel">
<h2 id="freshness-h">Anbieter und Aktualität der Feeds</h2>
<div id="freshness"></div>
</section>

<section id="pruefliste" aria-labelledby="review-h" class="panel">
<h2 id="review-h" tabindex="-1">Prüfliste der Einordnungen</h2>
<p id="review-status" role="status" aria-live="polite"></p>
<div id="review"></div>
<h3 id="audit-h">Entscheidungen (Protokoll)</h3>
<div id="audit"></div>
</section>

<section id="exporte" aria-labelledby="exports-h" class="panel">
<h2 id="exports-h">Exporte</h2>
<p>Die Abdeckungs- und Lückenexporte folgen den Filtern oben.</p>
<ul class="exports">
<li>Übersicht der Fortbildungsangebote: <a data-export="offers" href="/exports/offers.xlsx">Excel</a> · <a data-export="offers" href="/exports/offers.csv">CSV</a> · <a data-export="offers" href="/exports/offers.html">Druckansicht</a></li>
<li>Abdeckungsmatrix: <a data-export="coverage" href="/exports/coverage.xlsx">Excel</a> · <a data-export="coverage" href="/exports/coverage.csv">CSV</a> · <a data-export="coverage" href="/exports/coverage.html">Druckansicht</a></li>
<li>Lückenliste: <a data-export="gaps" href="/exports/gaps.xlsx">Excel</a> · <a data-export="gaps" href="/exports/gaps.csv">CSV</a> · <a data-export="gaps" href="/exports/gaps.html">Druckansicht</a></li>
</ul>
</section>
</main>`,
    assetVersion,
  );
}
