/* global document, fetch, location, HTMLElement, HTMLButtonElement, HTMLFormElement, URLSearchParams */
/**
 * The analyst dashboard's behaviour: a plain ES module, no framework, no inline script
 * (the page's CSP allows only this file). It talks to /graphql with the session cookie
 * (JSON POST, which Apollo's CSRF prevention accepts as a non-simple request) and builds
 * every element with textContent, never innerHTML, so no value from a feed can become
 * markup. Colour is never the only carrier: every cell shows its number.
 */

// ---------------------------------------------------------------- small helpers

/** Creates an element; attributes starting with "on" are listeners, children are nodes or text. */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else if (key === "className") el.className = value;
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof HTMLElement ? child : document.createTextNode(String(child)));
  }
  return el;
}

const $ = (selector) => document.querySelector(selector);

const dayFormat = new Intl.DateTimeFormat("de-DE", {
  timeZone: "Europe/Berlin",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});
const timeFormat = new Intl.DateTimeFormat("de-DE", {
  timeZone: "Europe/Berlin",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});
const formatDay = (iso) => (iso ? dayFormat.format(new Date(iso)) : "–");
const formatTime = (iso) => (iso ? timeFormat.format(new Date(iso)) : "–");
const percent = (share) => `${Math.round((share ?? 0) * 100)} %`;
const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

class SessionExpired extends Error {}

/** One GraphQL request; errors become German messages (the server's own where it sent one). */
async function graphql(query, variables = {}) {
  let response;
  try {
    response = await fetch("/graphql", {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new Error("Der Hub ist nicht erreichbar. Bitte die Verbindung prüfen.");
  }
  if (response.status === 401) throw new SessionExpired("Die Sitzung ist abgelaufen. Bitte neu anmelden.");
  if (response.status === 429) throw new Error("Zu viele Anfragen. Bitte einen Moment warten.");
  let body;
  try {
    body = await response.json();
  } catch {
    throw new Error(`Unerwartete Antwort des Hubs (HTTP ${response.status}).`);
  }
  if (body.errors?.length) {
    const first = body.errors[0];
    if (first.extensions?.code === "UNAUTHENTICATED") throw new SessionExpired(first.message);
    throw new Error(first.message || "Unbekannter Fehler.");
  }
  return body.data;
}

const status = (text) => {
  const el = $("#status");
  if (el) el.textContent = text;
};

function showError(container, error) {
  container.replaceChildren(
    h(
      "p",
      { className: "error", role: "alert" },
      error.message,
      error instanceof SessionExpired ? [" ", h("a", { href: "/dashboard" }, "Zur Anmeldung")] : [],
    ),
  );
}

// ---------------------------------------------------------------- login page

function setUpLogin(form) {
  const error = $("#login-error");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const email = form.elements.namedItem("email").value.trim();
    const password = form.elements.namedItem("password").value;
    if (!email || !password) {
      error.textContent = "Bitte E-Mail-Adresse und Passwort eingeben.";
      return;
    }
    error.textContent = "";
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    try {
      const response = await fetch("/login", {
        method: "POST",
        credentials: "same-origin",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password }),
      });
      if (response.ok) {
        location.assign("/dashboard");
        return;
      }
      const body = await response.json().catch(() => ({}));
      error.textContent = body.errors?.[0]?.message ?? body.error ?? "Anmeldung fehlgeschlagen.";
      form.elements.namedItem("password").value = "";
      form.elements.namedItem("password").focus();
    } catch {
      error.textContent = "Der Hub ist nicht erreichbar. Bitte die Verbindung prüfen.";
    } finally {
      button.disabled = false;
    }
  });
}

// ---------------------------------------------------------------- filters

const ROLE_NAMES = { KOORDINATION: "Quartierskoordination", STEUERUNG: "Quartierssteuerung" };

/** The filter form → coverage input (dates as the start of the chosen UTC day; `to` is exclusive). */
function readFilters() {
  const form = $("#filters");
  const value = (name) => form.elements.namedItem(name).value;
  const input = {
    from: `${value("from")}T00:00:00.000Z`,
    to: `${value("to")}T00:00:00.000Z`,
    level: value("level"),
    countOnlineInRegions: form.elements.namedItem("countOnlineInRegions").checked,
  };
  for (const name of ["role", "learningFormat", "audience", "tier"]) if (value(name)) input[name] = value(name);
  return input;
}

/** The same filters as query parameters of the export URLs. */
function exportParams(input) {
  const params = new URLSearchParams();
  params.set("level", input.level);
  params.set("from", input.from.slice(0, 10));
  params.set("to", input.to.slice(0, 10));
  for (const name of ["role", "learningFormat", "audience", "tier"]) if (input[name]) params.set(name, input[name]);
  if (input.countOnlineInRegions) params.set("online", "counted");
  return params.toString();
}

function updateExportLinks(input) {
  const query = exportParams(input);
  for (const link of document.querySelectorAll("a[data-export=coverage], a[data-export=gaps]")) {
    const base = link.getAttribute("href").split("?")[0];
    link.setAttribute("href", `${base}?${query}`);
  }
}

// ---------------------------------------------------------------- heat map

const COVERAGE_QUERY = `query Coverage($input: CoverageInput) {
  coverage(input: $input) {
    level
    period { from to }
    previousPeriod { from to }
    modules { code title tier learningArea }
    regions { key name }
    cells { moduleCode regionKey offers providers sessions previousOffers }
    online { moduleCode offers providers sessions }
    gaps { moduleCode regionKey lastOfferedAt }
    totals { offers providers sessions online previousOffers }
  }
}`;

/** Colour steps; the legend lists them, and the number is always printed in the cell. */
const STEPS = [
  { min: 0, max: 0, label: "0" },
  { min: 1, max: 1, label: "1" },
  { min: 2, max: 2, label: "2" },
  { min: 3, max: 4, label: "3–4" },
  { min: 5, max: 9, label: "5–9" },
  { min: 10, max: Infinity, label: "10 und mehr" },
];
const stepOf = (n) => STEPS.findIndex((s) => n >= s.min && n <= s.max);

const state = { coverage: null, input: null, modules: new Map() };

function renderLegend() {
  $("#legend").replaceChildren(
    h("span", { className: "legend-title" }, "Angebote je Zelle:"),
    ...STEPS.map((step, i) =>
      h(
        "span",
        { className: "legend-item" },
        h("span", { className: `swatch c${i}`, "aria-hidden": "true" }),
        step.label,
      ),
    ),
  );
}

function cellButton(label, count, step, onActivate, position) {
  return h(
    "button",
    {
      type: "button",
      className: `cell c${step}`,
      "aria-label": label,
      tabindex: "-1",
      "data-row": position.row,
      "data-col": position.col,
      onclick: onActivate,
    },
    String(count),
  );
}

/**
 * `previous`: the numbers of the equally long period just before (the comparison the
 * issue asks for); each of them lists its offers too (coverageOffers with previous: true).
 */
function renderHeatmap(coverage, previous) {
  const levelWord = coverage.level === "REGION" ? "Regierungsbezirk" : "Kreis";
  const period = previous ? coverage.previousPeriod : coverage.period;
  const suffix = previous ? " in der Vorperiode" : "";
  const cells = new Map(coverage.cells.map((c) => [`${c.moduleCode}|${c.regionKey}`, c]));
  const online = new Map(coverage.online.map((o) => [o.moduleCode, o]));
  const table = h(
    "table",
    { className: "heatmap", "aria-describedby": "heatmap-hint" },
    h(
      "caption",
      {},
      `Angebote je Modul und ${levelWord}${suffix}, ${formatDay(period.from)} bis ${formatDay(period.to)}`,
    ),
  );
  const head = h(
    "tr",
    {},
    h("th", { scope: "col", className: "corner" }, "Modul"),
    ...coverage.regions.map((r) => h("th", { scope: "col", className: "region" }, h("span", {}, r.name))),
    h("th", { scope: "col", className: "region" }, h("span", {}, "Online")),
    h("th", { scope: "col", className: "region" }, h("span", {}, "Summe")),
  );
  table.append(h("thead", {}, head));
  const body = h("tbody");
  coverage.modules.forEach((module, row) => {
    const tr = h(
      "tr",
      {},
      h(
        "th",
        { scope: "row", className: "module" },
        h("abbr", { title: module.title }, module.code),
        h("span", { className: "module-title" }, ` ${module.title}`),
      ),
    );
    let sum = 0;
    coverage.regions.forEach((region, col) => {
      const cell = cells.get(`${module.code}|${region.key}`);
      const count = (previous ? cell?.previousOffers : cell?.offers) ?? 0;
      sum += count;
      const details =
        cell && !previous
          ? `, ${plural(cell.providers, "Anbieter", "Anbieter")}, ${plural(cell.sessions, "Termin", "Termine")}, Vorperiode ${cell.previousOffers}`
          : "";
      const label = `Modul ${module.code}, ${region.name}: ${plural(count, "Angebot", "Angebote")}${suffix}${details}`;
      tr.append(
        h(
          "td",
          {},
          cellButton(
            label,
            count,
            stepOf(count),
            () =>
              showCellOffers(
                { moduleCode: module.code, regionKey: region.key, ...(previous ? { previous: true } : {}) },
                `${module.code} · ${region.name}${suffix}`,
              ),
            { row, col },
          ),
        ),
      );
    });
    const onlineCount = online.get(module.code)?.offers ?? 0;
    tr.append(
      h(
        "td",
        { className: "online" },
        // The online row has no previous-period count.
        previous
          ? h("span", { className: "na", title: "für die Vorperiode nicht gezählt" }, "–")
          : cellButton(
              `Modul ${module.code}, online: ${plural(onlineCount, "Angebot", "Angebote")}`,
              onlineCount,
              stepOf(onlineCount),
              () => showCellOffers({ moduleCode: module.code, online: true }, `${module.code} · online`),
              { row, col: coverage.regions.length },
            ),
      ),
      h("td", { className: "sum" }, String(sum)),
    );
    body.append(tr);
  });
  table.append(body);
  const wrap = $("#heatmap");
  wrap.replaceChildren(table);
  const first = wrap.querySelector("button.cell");
  if (first) first.setAttribute("tabindex", "0");
  wrap.onkeydown = heatmapKeys;
  // Whatever cell got focus (arrow, click) becomes the heat map's one tab stop.
  wrap.onfocusin = (event) => {
    const cell = event.target;
    if (!(cell instanceof HTMLButtonElement) || !cell.classList.contains("cell")) return;
    for (const other of wrap.querySelectorAll('button.cell[tabindex="0"]')) other.setAttribute("tabindex", "-1");
    cell.setAttribute("tabindex", "0");
  };
}

/** Arrow keys, Home/End and PageUp/PageDown move through the grid: one tab stop for the whole map. */
function heatmapKeys(event) {
  const current = event.target;
  if (!(current instanceof HTMLButtonElement) || !current.classList.contains("cell")) return;
  let row = Number(current.dataset.row);
  let col = Number(current.dataset.col);
  const moves = {
    ArrowRight: () => (col += 1),
    ArrowLeft: () => (col -= 1),
    ArrowDown: () => (row += 1),
    ArrowUp: () => (row -= 1),
    Home: () => (col = 0),
    End: () => (col = 9999),
    PageDown: () => (row += 5),
    PageUp: () => (row -= 5),
  };
  const move = moves[event.key];
  if (!move) return;
  event.preventDefault();
  move();
  const buttons = [...$("#heatmap").querySelectorAll("button.cell")];
  const rows = Math.max(...buttons.map((b) => Number(b.dataset.row))) + 1;
  const cols = Math.max(...buttons.map((b) => Number(b.dataset.col))) + 1;
  row = Math.min(Math.max(row, 0), rows - 1);
  col = Math.min(Math.max(col, 0), cols - 1);
  const next = buttons.find((b) => Number(b.dataset.row) === row && Number(b.dataset.col) === col);
  next?.focus();
}

const CELL_OFFERS_QUERY = `query CellOffers($input: CoverageOffersInput!, $first: Int) {
  coverageOffers(input: $input, first: $first) {
    totalCount
    edges { node { id title firstStart online provider { name } location { municipality district } } }
  }
}`;

async function showCellOffers(selection, title) {
  const panel = $("#cell-offers");
  panel.replaceChildren(h("p", {}, `Lade die Angebote für ${title} …`));
  try {
    const data = await graphql(CELL_OFFERS_QUERY, { input: { ...state.input, ...selection }, first: 50 });
    const { totalCount, edges } = data.coverageOffers;
    const heading = h("h3", { tabindex: "-1" }, `${title}: ${plural(totalCount, "Angebot", "Angebote")}`);
    const list = h(
      "ul",
      { className: "offer-list" },
      ...edges.map(({ node }) =>
        h(
          "li",
          {},
          h("a", { href: `/offers/${encodeURIComponent(node.id)}` }, node.title),
          h(
            "span",
            { className: "meta" },
            ` – ${node.provider.name}, ${formatDay(node.firstStart)}, ${
              node.online
                ? "online"
                : [node.location?.municipality, node.location?.district].filter(Boolean).join(", ") || "Ort unbekannt"
            }`,
          ),
        ),
      ),
    );
    panel.replaceChildren(
      heading,
      edges.length ? list : h("p", {}, "Keine Angebote in diesem Zeitraum."),
      totalCount > edges.length ? h("p", {}, `Die ersten ${edges.length} von ${totalCount} werden gezeigt.`) : "",
      h(
        "button",
        { type: "button", className: "secondary", onclick: () => panel.replaceChildren() },
        "Liste schließen",
      ),
    );
    status(`${title}: ${plural(totalCount, "Angebot", "Angebote")} angezeigt.`);
  } catch (error) {
    showError(panel, error);
  }
}

// ---------------------------------------------------------------- gaps

const GAP_LIMIT = 300;

function renderGaps(coverage) {
  const regions = new Map(coverage.regions.map((r) => [r.key, r.name]));
  const modules = new Map(coverage.modules.map((m) => [m.code, m]));
  const levelWord = coverage.level === "REGION" ? "Regierungsbezirk" : "Kreis";
  const container = $("#gaps");
  if (!coverage.gaps.length) {
    container.replaceChildren(h("p", {}, "Keine Lücken: jedes Modul wird in jeder Region angeboten."));
    return;
  }
  const never = coverage.gaps.filter((g) => !g.lastOfferedAt).length;
  const shown = coverage.gaps.slice(0, GAP_LIMIT);
  container.replaceChildren(
    h(
      "p",
      {},
      `${plural(coverage.gaps.length, "Lücke", "Lücken")} (Modul ohne Angebot im Zeitraum), davon ${never} noch nie angeboten.`,
      coverage.gaps.length > GAP_LIMIT ? ` Die ersten ${GAP_LIMIT} stehen hier, alle im Export.` : "",
    ),
    h(
      "div",
      { className: "scroll" },
      h(
        "table",
        { className: "data" },
        h("caption", {}, "Lückenliste"),
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", { scope: "col" }, "Modul"),
            h("th", { scope: "col" }, "Titel"),
            h("th", { scope: "col" }, levelWord),
            h("th", { scope: "col" }, "Zuletzt angeboten"),
          ),
        ),
        h(
          "tbody",
          {},
          ...shown.map((g) =>
            h(
              "tr",
              {},
              h("th", { scope: "row" }, g.moduleCode),
              h("td", {}, modules.get(g.moduleCode)?.title ?? ""),
              h("td", {}, regions.get(g.regionKey) ?? g.regionKey),
              h("td", {}, g.lastOfferedAt ? formatDay(g.lastOfferedAt) : "noch nie"),
            ),
          ),
        ),
      ),
    ),
  );
}

// ---------------------------------------------------------------- coverage load

/** Karlsruhe and Heilbronn are Stadtkreis and Landkreis: add the kind (a key's last digit 1–4: Stadtkreis). */
function uniqueRegionNames(regions) {
  const counts = new Map();
  for (const r of regions) counts.set(r.name, (counts.get(r.name) ?? 0) + 1);
  return regions.map((r) =>
    counts.get(r.name) > 1 && /^\d{5}$/.test(r.key)
      ? { ...r, name: `${r.name} (${Number(r.key[4]) < 5 ? "Stadtkreis" : "Landkreis"})` }
      : r,
  );
}

async function loadCoverage() {
  const input = readFilters();
  if (input.from >= input.to) {
    status("Der Beginn des Zeitraums muss vor seinem Ende liegen.");
    return;
  }
  state.input = input;
  updateExportLinks(input);
  $("#heatmap").setAttribute("aria-busy", "true");
  status("Lade Abdeckung …");
  try {
    const { coverage: raw } = await graphql(COVERAGE_QUERY, { input });
    const coverage = { ...raw, regions: uniqueRegionNames(raw.regions) };
    state.coverage = coverage;
    const t = coverage.totals;
    $("#coverage-summary").textContent =
      `${plural(t.offers, "Angebot", "Angebote")} von ${t.providers} Anbietern mit ${plural(t.sessions, "Termin", "Termine")}, ` +
      `davon ${t.online} online (${input.countOnlineInRegions ? "in jeder Region mitgezählt" : "gesondert gezählt"}). ` +
      `Vorperiode ${formatDay(coverage.previousPeriod.from)} bis ${formatDay(coverage.previousPeriod.to)}: ${t.previousOffers} Angebote.`;
    renderHeatmap(coverage, $("#f-view").value === "previous");
    renderGaps(coverage);
    status(
      `Abdeckung geladen: ${plural(t.offers, "Angebot", "Angebote")}, ${plural(coverage.gaps.length, "Lücke", "Lücken")}` +
        (input.role ? `, Aufgabenfeld ${ROLE_NAMES[input.role] ?? input.role}` : "") +
        ".",
    );
    void loadDemand(coverage);
  } catch (error) {
    showError($("#heatmap"), error);
    status(error.message);
  } finally {
    $("#heatmap").removeAttribute("aria-busy");
  }
}

// ---------------------------------------------------------------- demand

const DEMAND_QUERY = `query Demand($input: DemandInput) {
  demand(input: $input) {
    period { from to }
    rows { moduleCode regionKey searches emptySearches uncoveredPathRequests supply }
    topTerms { term searches emptySearches }
  }
}`;

async function loadDemand(coverage) {
  const container = $("#demand");
  const regions = new Map(coverage.regions.map((r) => [r.key, r.name]));
  try {
    // Demand is what visitors asked for in the past (the server's default window ending
    // now), measured against what they could find; unmet demand comes first.
    const { demand } = await graphql(DEMAND_QUERY, { input: { level: state.input.level } });
    const rows = demand.rows;
    container.replaceChildren(
      h(
        "p",
        {},
        `Anonyme Zähler der Portalsuchen und Qualifizierungswege vom ${formatDay(demand.period.from)} bis ${formatDay(demand.period.to)}. ` +
          "Hervorgehoben: gesucht, aber kein Angebot.",
      ),
      rows.length
        ? h(
            "div",
            { className: "scroll" },
            h(
              "table",
              { className: "data" },
              h("caption", {}, "Suchen und Lernweg-Anfragen je Modul und Region gegen das Angebot"),
              h(
                "thead",
                {},
                h(
                  "tr",
                  {},
                  ...["Modul", "Region", "Suchen", "davon ohne Treffer", "Lernwege mit Lücke", "Angebote"].map((c) =>
                    h("th", { scope: "col" }, c),
                  ),
                ),
              ),
              h(
                "tbody",
                {},
                ...rows
                  .slice(0, 100)
                  .map((r) =>
                    h(
                      "tr",
                      { className: r.supply === 0 && r.searches + r.uncoveredPathRequests > 0 ? "unmet" : null },
                      h("th", { scope: "row" }, r.moduleCode ?? "ohne Modul"),
                      h("td", {}, r.regionKey ? (regions.get(r.regionKey) ?? r.regionKey) : "ohne Ort"),
                      h("td", { className: "num" }, r.searches),
                      h("td", { className: "num" }, r.emptySearches),
                      h("td", { className: "num" }, r.uncoveredPathRequests),
                      h("td", { className: "num" }, r.supply),
                    ),
                  ),
              ),
            ),
          )
        : h("p", {}, "Im Zeitraum wurde noch keine Nachfrage erfasst."),
      demand.topTerms.length
        ? h(
            "table",
            { className: "data narrow" },
            h("caption", {}, "Häufigste Suchbegriffe"),
            h(
              "thead",
              {},
              h("tr", {}, ...["Begriff", "Suchen", "ohne Treffer"].map((c) => h("th", { scope: "col" }, c))),
            ),
            h(
              "tbody",
              {},
              ...demand.topTerms.map((t) =>
                h(
                  "tr",
                  {},
                  h("th", { scope: "row" }, t.term),
                  h("td", { className: "num" }, t.searches),
                  h("td", { className: "num" }, t.emptySearches),
                ),
              ),
            ),
          )
        : "",
    );
  } catch (error) {
    showError(container, error);
  }
}

// ---------------------------------------------------------------- freshness

const FRESHNESS_QUERY = `query Freshness {
  providerFreshness {
    providerId name offers modules staleShare lastSuccessAt lastChangeAt flagged
    feeds { feedId url kind state lastSuccessAt lastChangeAt lastErrorAt lastError failingSince flagged runs failedRuns errorRate offers staleOffers }
  }
}`;

async function loadFreshness() {
  const container = $("#freshness");
  container.setAttribute("aria-busy", "true");
  try {
    const { providerFreshness } = await graphql(FRESHNESS_QUERY);
    const flagged = providerFreshness.filter((p) => p.flagged).length;
    container.replaceChildren(
      h(
        "p",
        {},
        `${plural(providerFreshness.length, "Anbieter", "Anbieter")}, davon ${flagged} auffällig (Feed fehlerhaft oder veraltet).`,
      ),
      h(
        "div",
        { className: "scroll" },
        h(
          "table",
          { className: "data" },
          h("caption", {}, "Anbieter mit Angeboten, Modulen und Aktualität; auffällige zuerst"),
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              ...[
                "Anbieter",
                "Zustand",
                "Angebote",
                "Module",
                "veraltet",
                "letzter Abruf",
                "letzte Änderung",
                "Feeds",
              ].map((c) => h("th", { scope: "col" }, c)),
            ),
          ),
          h(
            "tbody",
            {},
            ...[...providerFreshness]
              .sort((a, b) => Number(b.flagged) - Number(a.flagged) || a.name.localeCompare(b.name, "de"))
              .map((p) =>
                h(
                  "tr",
                  { className: p.flagged ? "flagged" : null },
                  h("th", { scope: "row" }, p.name),
                  h("td", {}, p.flagged ? h("strong", {}, "⚠ auffällig") : "in Ordnung"),
                  h("td", { className: "num" }, p.offers),
                  h("td", {}, p.modules.join(", ") || "–"),
                  h("td", { className: "num" }, percent(p.staleShare)),
                  h("td", {}, formatTime(p.lastSuccessAt)),
                  h("td", {}, formatTime(p.lastChangeAt)),
                  h("td", {}, feedDetails(p)),
                ),
              ),
          ),
        ),
      ),
    );
  } catch (error) {
    showError(container, error);
  } finally {
    container.removeAttribute("aria-busy");
  }
}

function feedDetails(provider) {
  return h(
    "details",
    {},
    h("summary", {}, plural(provider.feeds.length, "Feed", "Feeds")),
    h(
      "ul",
      { className: "feeds" },
      ...provider.feeds.map((f) =>
        h(
          "li",
          { className: f.flagged ? "flagged" : null },
          h("span", { className: "feed-url" }, f.url ?? "Direkteinspielung"),
          ` (${f.kind ?? "?"}, ${f.state}): ${f.runs} Läufe, Fehlerquote ${percent(f.errorRate)}, ${f.offers} Angebote, ${f.staleOffers} veraltet`,
          f.failingSince ? h("span", { className: "error" }, ` – fehlerhaft seit ${formatTime(f.failingSince)}`) : "",
          f.lastError ? h("span", { className: "meta" }, ` – letzter Fehler: ${f.lastError}`) : "",
        ),
      ),
    ),
  );
}

// ---------------------------------------------------------------- review queue and audit trail

const REVIEW_QUERY = `query Review($first: Int) {
  reviewQueue(first: $first) {
    totalCount
    items {
      reasons openObjections
      machineModules { moduleCode confidence evidence source }
      history { at actorName reason }
      offer { id title description firstStart provider { name } moduleCodes }
    }
  }
}`;

const DECIDE = `mutation Decide($input: ClassificationDecisionInput!) {
  decideClassification(input: $input) { id moduleCodes needsReview }
}`;

const SOURCE_NAMES = { AUTOMATIC: "Maschine", PROVIDER: "Anbieter", ANALYST: "Analyse" };

async function loadReview() {
  const container = $("#review");
  container.setAttribute("aria-busy", "true");
  try {
    const { reviewQueue } = await graphql(REVIEW_QUERY, { first: 20 });
    const count = h(
      "p",
      { id: "review-count" },
      `${plural(reviewQueue.totalCount, "Eintrag", "Einträge")} offen` +
        (reviewQueue.totalCount > reviewQueue.items.length
          ? `, die neuesten ${reviewQueue.items.length} stehen hier.`
          : "."),
    );
    container.replaceChildren(
      count,
      reviewQueue.items.length
        ? h("ol", { className: "review-list" }, ...reviewQueue.items.map((item) => reviewItem(item)))
        : h("p", {}, "Die Prüfliste ist leer."),
    );
  } catch (error) {
    showError(container, error);
  } finally {
    container.removeAttribute("aria-busy");
  }
}

function reviewItem(item) {
  const offer = item.offer;
  const headingId = `review-${offer.id}`;
  const message = h("p", { className: "error", role: "alert" });
  const li = h("li", { className: "review-item", "data-offer-id": offer.id });
  const proposal = item.machineModules;
  const modules = proposal.length
    ? h(
        "table",
        { className: "data narrow" },
        h("caption", {}, "Zuordnung der Maschine mit Fundstellen"),
        h(
          "thead",
          {},
          h("tr", {}, ...["Modul", "Sicherheit", "Fundstellen", "Herkunft"].map((c) => h("th", { scope: "col" }, c))),
        ),
        h(
          "tbody",
          {},
          ...proposal.map((m) =>
            h(
              "tr",
              {},
              h("th", { scope: "row" }, moduleLabel(m.moduleCode)),
              h("td", { className: "num" }, percent(m.confidence)),
              h("td", {}, m.evidence.length ? m.evidence.map((e) => `„${e}“`).join(", ") : "–"),
              h("td", {}, SOURCE_NAMES[m.source] ?? m.source),
            ),
          ),
        ),
      )
    : h("p", {}, "Die Maschine schlägt kein Modul vor.");
  const history = item.history.length
    ? h(
        "details",
        {},
        h("summary", {}, `Verlauf (${item.history.length})`),
        h(
          "ul",
          {},
          ...item.history.map((e) =>
            h("li", {}, `${formatTime(e.at)}, ${e.actorName ?? "unbekannt"}${e.reason ? `: ${e.reason}` : ""}`),
          ),
        ),
      )
    : "";
  const correction = correctionForm(offer, headingId, message, li);
  li.append(
    h("h3", { id: headingId, tabindex: "-1" }, offer.title),
    h("p", { className: "meta" }, `${offer.provider.name} · Beginn ${formatDay(offer.firstStart)}`),
    h(
      "ul",
      { className: "reasons", "aria-label": "Gründe für die Prüfung" },
      ...item.reasons.map((r) => h("li", {}, r)),
    ),
    modules,
    history,
    offer.description
      ? h("details", {}, h("summary", {}, "Beschreibung"), h("p", { className: "description" }, offer.description))
      : "",
    h(
      "div",
      { className: "actions" },
      h(
        "button",
        {
          type: "button",
          "aria-describedby": headingId,
          // Stays focusable without a proposal, and says why instead of silently doing nothing.
          onclick: () =>
            proposal.length
              ? decide(
                  li,
                  offer,
                  { offerId: offer.id, accept: true, reason: "Zuordnung der Maschine übernommen" },
                  message,
                  "übernommen",
                )
              : void (message.textContent = "Die Maschine schlägt kein Modul vor: bitte „Korrigieren“ wählen."),
        },
        "Übernehmen",
      ),
      h(
        "button",
        {
          type: "button",
          className: "secondary",
          "aria-describedby": headingId,
          "aria-expanded": "false",
          onclick: (event) => {
            const open = correction.hidden;
            correction.hidden = !open;
            event.currentTarget.setAttribute("aria-expanded", String(open));
            if (open) correction.querySelector("input, textarea")?.focus();
          },
        },
        "Korrigieren",
      ),
    ),
    correction,
    message,
  );
  return li;
}

function moduleLabel(code) {
  const module = state.modules.get(code);
  return module ? `${code} ${module.title}` : code;
}

function correctionForm(offer, headingId, message, li) {
  const id = (name) => `${name}-${offer.id}`;
  const removeBoxes = offer.moduleCodes.map((code) =>
    h(
      "div",
      { className: "check" },
      h("input", { type: "checkbox", id: id(`remove-${code}`), value: code }),
      h("label", { for: id(`remove-${code}`) }, moduleLabel(code)),
    ),
  );
  const form = h(
    "form",
    { className: "correction", hidden: true, "aria-labelledby": headingId, novalidate: true },
    removeBoxes.length ? h("fieldset", {}, h("legend", {}, "Module entfernen"), ...removeBoxes) : "",
    h(
      "div",
      { className: "field" },
      h("label", { for: id("add") }, "Module hinzufügen (Codes, mit Komma getrennt, z. B. M04, V02)"),
      h("input", { id: id("add"), name: "add", type: "text", autocomplete: "off", list: "module-codes" }),
    ),
    h(
      "div",
      { className: "field" },
      h("label", { for: id("reason") }, "Begründung (Pflicht, erscheint im Protokoll)"),
      h("textarea", { id: id("reason"), name: "reason", rows: "2", required: true, maxlength: "2000" }),
    ),
    h("button", { type: "submit" }, "Korrektur speichern"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const add = form.elements
      .namedItem("add")
      .value.split(/[\s,;]+/)
      .map((c) => c.trim().toUpperCase())
      .filter(Boolean);
    const unknown = add.filter((c) => !state.modules.has(c));
    const remove = removeBoxes
      .map((b) => b.querySelector("input"))
      .filter((i) => i.checked)
      .map((i) => i.value);
    const reason = form.elements.namedItem("reason").value.trim();
    if (unknown.length)
      return void (message.textContent = `Unbekannte Module: ${unknown.join(", ")} (M01–M18, V01–V11).`);
    if (!add.length && !remove.length)
      return void (message.textContent = "Bitte mindestens ein Modul hinzufügen oder entfernen.");
    if (!reason) {
      message.textContent = "Bitte eine Begründung angeben.";
      form.elements.namedItem("reason").focus();
      return;
    }
    void decide(
      li,
      offer,
      { offerId: offer.id, addModules: add, removeModules: remove, reason },
      message,
      "korrigiert",
    );
  });
  return form;
}

async function decide(li, offer, input, message, verb) {
  message.textContent = "";
  for (const button of li.querySelectorAll("button")) button.disabled = true;
  try {
    const { decideClassification } = await graphql(DECIDE, { input });
    const next = li.nextElementSibling ?? li.previousElementSibling;
    li.remove();
    const countEl = $("#review-count");
    const remaining = Math.max(0, Number(countEl?.textContent.match(/\d+/)?.[0] ?? 1) - 1);
    if (countEl) countEl.textContent = `${plural(remaining, "Eintrag", "Einträge")} offen.`;
    $("#review-status").textContent =
      `Einordnung von „${offer.title}“ ${verb}: ${decideClassification.moduleCodes.join(", ") || "keine Module"}. ` +
      `Noch ${plural(remaining, "Eintrag", "Einträge")} in der Prüfliste.`;
    // Keep keyboard users in the list rather than dropping focus on the page body.
    (next?.querySelector("h3") ?? $("#review-h")).focus();
    void loadAudit();
  } catch (error) {
    message.textContent = error.message;
    for (const button of li.querySelectorAll("button")) button.disabled = false;
  }
}

async function loadAudit() {
  const container = $("#audit");
  try {
    const response = await fetch("/dashboard/decisions.json", { credentials: "same-origin" });
    if (response.status === 401) throw new SessionExpired("Die Sitzung ist abgelaufen. Bitte neu anmelden.");
    if (!response.ok) throw new Error(`Protokoll nicht abrufbar (HTTP ${response.status}).`);
    const { decisions } = await response.json();
    container.replaceChildren(
      decisions.length
        ? h(
            "div",
            { className: "scroll" },
            h(
              "table",
              { className: "data", id: "audit-table" },
              h("caption", {}, "Die letzten Entscheidungen: wer, wann, was, warum"),
              h(
                "thead",
                {},
                h(
                  "tr",
                  {},
                  ...["Zeitpunkt", "Wer", "Angebot", "Module vorher", "Module nachher", "Begründung"].map((c) =>
                    h("th", { scope: "col" }, c),
                  ),
                ),
              ),
              h(
                "tbody",
                {},
                ...decisions.map((d) =>
                  h(
                    "tr",
                    {},
                    h("td", {}, formatTime(d.at)),
                    h("td", {}, d.actor ?? "–"),
                    h("th", { scope: "row" }, d.offerTitle ?? d.offerId ?? "–"),
                    h("td", {}, d.before.join(", ") || "–"),
                    h("td", {}, d.after.join(", ") || "–"),
                    h("td", {}, d.reason ?? "–"),
                  ),
                ),
              ),
            ),
          )
        : h("p", {}, "Noch keine Entscheidungen."),
    );
  } catch (error) {
    showError(container, error);
  }
}

// ---------------------------------------------------------------- start

const TAXONOMY_QUERY = `query Modules { taxonomy { modules { code title } } }`;

async function loadModules() {
  try {
    const { taxonomy } = await graphql(TAXONOMY_QUERY);
    state.modules = new Map(taxonomy.modules.map((m) => [m.code, m]));
    document.body.append(
      h("datalist", { id: "module-codes" }, ...taxonomy.modules.map((m) => h("option", { value: m.code }, m.title))),
    );
  } catch {
    // Labels fall back to bare codes; the correction form then accepts no codes, and says so.
  }
}

async function startDashboard() {
  renderLegend();
  $("#filters").addEventListener("submit", (event) => {
    event.preventDefault();
    $("#cell-offers").replaceChildren();
    void loadCoverage();
  });
  await loadModules();
  await Promise.all([loadCoverage(), loadFreshness(), loadReview(), loadAudit()]);
}

const loginForm = $("#login-form");
if (loginForm instanceof HTMLFormElement) setUpLogin(loginForm);
else if ($("#filters")) void startDashboard();
