/// The page `HTMLReport` fills in: `{{title}}`, `{{data}}` (the JSON result) and `{{phaseOrder}}` (LoadPhase's cases).
enum HTMLTemplate {
    static let page = #"""
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}}</title>
<style>
:root { --pass:#1a7f37; --fail:#cf222e; --warn:#bc4c00; --skip:#9a6700; --error:#8250df; --ink:#1f2328; --muted:#656d76; --line:#d0d7de; --bg:#f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); }
header { padding: 20px 28px; border-bottom: 1px solid var(--line); display: flex; gap: 24px; align-items: center; flex-wrap: wrap; }
h1 { font-size: 20px; margin: 0; }
h2 { font-size: 16px; margin: 28px 0 10px; }
main { padding: 0 28px 40px; max-width: 1400px; }
.verdict { font-weight: 700; font-size: 18px; padding: 6px 14px; border-radius: 6px; color: #fff; }
.verdict.pass { background: var(--pass); } .verdict.fail { background: var(--fail); }
.meta { color: var(--muted); display: grid; grid-template-columns: auto auto; gap: 2px 12px; font-size: 13px; }
.cards { display: flex; gap: 12px; flex-wrap: wrap; margin-top: 18px; align-items: center; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 16px; min-width: 110px; }
.card b { display: block; font-size: 24px; }
:is(.badge, b).passed { color: var(--pass); } :is(.badge, b).failed { color: var(--fail); }
:is(.badge, b).skipped { color: var(--skip); } :is(.badge, b).warned { color: var(--warn); } :is(.badge, b).error { color: var(--error); }
.mismatch { color: var(--fail); font-weight: 600; }
.filters { display: flex; gap: 14px; align-items: center; flex-wrap: wrap; margin: 10px 0; }
.filters input[type=search] { padding: 5px 8px; border: 1px solid var(--line); border-radius: 6px; min-width: 260px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
td.figure { white-space: nowrap; }
th { background: var(--bg); font-weight: 600; }
tr.case { cursor: pointer; } tr.case:hover { background: var(--bg); }
.badge { font-weight: 600; text-transform: uppercase; font-size: 12px; }
.refs { color: var(--muted); font-size: 12px; }
tr.details > td { background: #fbfcfd; padding: 12px 16px; }
pre { margin: 6px 0; padding: 8px 10px; background: var(--bg); border-radius: 6px; overflow-x: auto; font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, monospace; white-space: pre-wrap; word-break: break-all; }
.step { margin: 8px 0; padding-left: 10px; border-left: 3px solid var(--line); }
.step.failed { border-left-color: var(--fail); }
.diff .bad { background: #ffebe9; display: block; }
mark { background: #fff8c5; outline: 1px solid #d4a72c; }
.finding { color: var(--fail); font-family: ui-monospace, monospace; font-size: 12px; }
.finding.warning { color: var(--skip); }
svg text { font: 11px system-ui, sans-serif; fill: var(--muted); }
.charts { display: flex; gap: 28px; flex-wrap: wrap; }
.server { display: grid; grid-template-columns: max-content 1fr; gap: 4px 14px; align-items: baseline; }
.server code { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; word-break: break-all; }
.chip { display: inline-block; margin: 2px 6px 2px 0; padding: 1px 8px; border: 1px solid var(--line); border-radius: 10px;
        background: var(--bg); font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; }
.muted { color: var(--muted); }
@media print {
  .filters { display: none; }
  tr.details { display: table-row !important; }
  header { border: none; }
  pre { white-space: pre-wrap; }
}
</style>
</head>
<body>
<header>
  <div id="verdict" class="verdict"></div>
  <div><h1 id="heading"></h1><div id="meta" class="meta"></div></div>
</header>
<main>
  <div class="cards" id="cards"></div>
  <div id="server"></div>
  <div id="baseline"></div>
  <div id="load"></div>
  <section id="conformance">
  <h2>Charts</h2>
  <div class="charts" id="charts"></div>
  <h2>Conformance</h2>
  <div class="filters">
    <label><input type="checkbox" data-status="passed" checked> passed</label>
    <label><input type="checkbox" data-status="failed" checked> failed</label>
    <label><input type="checkbox" data-status="warned" checked> warned</label>
    <label><input type="checkbox" data-status="skipped" checked> skipped</label>
    <label><input type="checkbox" data-status="error" checked> error</label>
    <input type="search" id="search" placeholder="filter by title, file, RFC or reason">
    <button id="expand">expand failures</button>
  </div>
  <table>
    <thead><tr><th>Status</th><th>Scenario</th><th>RFC</th><th>Account</th><th>Time</th><th>Reason</th></tr></thead>
    <tbody id="rows"></tbody>
  </table>
  </section>
</main>
<script type="application/json" id="result">{{data}}</script>
<script>
"use strict";
const result = JSON.parse(document.getElementById("result").textContent);
const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value; else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
};
const svg = (tag, attrs = {}, ...children) => {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
};
const ms = seconds => seconds < 1 ? (seconds * 1000).toFixed(1) + " ms" : seconds.toFixed(2) + " s";
const statuses = ["passed", "failed", "warned", "skipped", "error"];
const colors = { passed: "#1a7f37", failed: "#cf222e", warned: "#bc4c00", skipped: "#9a6700", error: "#8250df" };
const count = status => result.scenarios.filter(s => s.status === status).length;

// Summary: the verdict at a glance; for `check`, failures the baseline accepts do not count.
const breached = (result.load?.thresholds || []).some(t => !t.passed) || (result.load?.sessions.failed ?? 0) > 0;
const ok = !breached && (result.conformance
  ? result.conformance.newFailures.length === 0 && result.conformance.staleEntries.length === 0 && count("error") === 0
  : count("failed") === 0 && count("error") === 0);
const verdict = document.getElementById("verdict");
verdict.textContent = ok ? "PASS" : "FAIL";
verdict.classList.add(ok ? "pass" : "fail");
document.getElementById("heading").textContent = result.target;
const meta = document.getElementById("meta");
for (const [key, value] of [["tool", result.tool.name + " " + result.tool.version], ["started", result.startedAt],
                            ["finished", result.finishedAt], ["command", result.commandLine.join(" ")]]) {
  meta.append(el("span", {}, key), el("span", {}, value));
}
const cards = document.getElementById("cards");
if (result.scenarios.length) for (const status of statuses) cards.append(el("div", { class: "card" }, el("b", { class: status }, count(status)), status));

// What the server said about itself during the run.
if (result.server) {
  const server = result.server, box = el("div", { class: "server" });
  const row = (label, ...value) => box.append(el("span", { class: "muted" }, label), el("span", {}, ...value));
  row("greeting", el("code", {}, server.greeting));
  const tls = server.tls, certificate = tls?.certificate;
  row("TLS", tls ? tls.version : el("span", { class: "muted" }, "none: the greeting came over a plain connection"));
  if (certificate) {
    row("certificate", el("code", {}, certificate.subject),
        el("span", { class: "muted" }, ` · issued by ${certificate.issuer} · valid until ${certificate.notAfter.slice(0, 10)}`));
  }
  if (server.capabilities) row("capabilities", ...server.capabilities.map(capability => el("span", { class: "chip" }, capability)));
  document.getElementById("server").append(el("h2", {}, "Server"), box);
}

// `check` results: how failures compare with the known-deviation baseline.
if (result.conformance) {
  const c = result.conformance, box = document.getElementById("baseline");
  box.append(el("h2", {}, "Baseline" + (c.baseline ? " — " + c.baseline : "")),
             el("div", {}, `suites: ${c.suites.join(", ")} · new failures: ${c.newFailures.length} · accepted: ${c.acceptedFailures.length} · stale entries: ${c.staleEntries.length}`));
  const list = el("ul");
  for (const id of c.newFailures) list.append(el("li", {}, el("b", { class: "failed badge" }, "new failure "), id));
  for (const id of c.staleEntries) list.append(el("li", {}, el("b", { class: "failed badge" }, "stale entry "), id, " — passes now; remove it from the baseline"));
  for (const accepted of c.acceptedFailures) list.append(el("li", {}, el("b", { class: "skipped badge" }, "accepted "), accepted.id, " — ", accepted.reason));
  box.append(list);
  // One grammar defect behind several failed cases is one thing to fix, shown once.
  for (const defect of c.defects ?? []) {
    box.append(el("div", {}, el("b", { class: "failed badge" }, `1 defect behind ${defect.cases.length} cases`), ` ${defect.rule} (${defect.reference}): ${defect.message}`),
               el("pre", {}, `${defect.example}\n${defect.cases.join("\n")}`));
  }
}

// Charts, drawn as inline SVG. Ticks fall on "nice" values, 1, 2 or 5 times a power of ten,
// about `count` of them over `span`; `whole` keeps the step at 1 or more (whole seconds).
function niceStep(span, count, whole = false) {
  const raw = span / count || 1, power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map(m => m * power).find(candidate => candidate >= raw * 0.999);
  return whole ? Math.max(1, Math.round(step)) : step;
}
const tickLabel = (value, step) => value.toFixed(step >= 1 ? 0 : Math.ceil(-Math.log10(step) - 1e-9));
function lineChart(title, series, { width = 620, height = 260, xLabel = "", yLabel = "", xTick = null, logX = false, wholeX = false } = {}) {
  // The legend sits between the title and the plot, in as many rows of 110 px entries as it needs.
  const perRow = Math.max(1, Math.floor((width - 80) / 110)), legendRows = Math.ceil(series.length / perRow);
  const pad = { left: 56, right: 16, top: 30 + legendRows * 16, bottom: 40 };
  const points = series.flatMap(s => s.points);
  const xs = points.map(p => p[0]), ys = points.map(p => p[1]);
  const [x0, x1] = [Math.min(...xs, 0), Math.max(...xs, 1e-9)];
  // The y axis ends on the first tick above the data.
  const yMax = Math.max(...ys, 1e-9), yStep = niceStep(yMax, 4), y1 = Math.ceil(yMax * 1.02 / yStep) * yStep;
  const X = x => pad.left + (x - x0) / (x1 - x0 || 1) * (width - pad.left - pad.right);
  const Y = y => height - pad.bottom - y / y1 * (height - pad.top - pad.bottom);
  const chart = svg("svg", { width, height, role: "img", class: "chart", "aria-label": title });
  chart.append(svg("text", { x: 0, y: 14, style: "font-weight:600;fill:#1f2328" }, title));
  for (let i = 0; i * yStep <= y1 * (1 + 1e-9); i++) {
    const y = i * yStep;
    chart.append(svg("line", { x1: pad.left, x2: width - pad.right, y1: Y(y), y2: Y(y), stroke: "#eaeef2" }),
                 svg("text", { x: pad.left - 6, y: Y(y) + 4, "text-anchor": "end" }, tickLabel(y, yStep)));
  }
  const xStep = logX ? 1 : niceStep(x1 - x0, 6, wholeX);
  for (let i = Math.ceil(x0 / xStep); i * xStep <= x1 * (1 + 1e-9); i++) {
    const x = i * xStep;
    chart.append(svg("text", { x: X(x), y: height - pad.bottom + 16, "text-anchor": "middle" }, xTick ? xTick(x) : tickLabel(x, xStep)));
  }
  // The y caption runs up the left edge, clear of the tick labels.
  chart.append(svg("text", { x: (width + pad.left) / 2, y: height - 6, "text-anchor": "middle" }, xLabel),
               svg("text", { transform: `translate(14 ${(pad.top + height - pad.bottom) / 2}) rotate(-90)`, "text-anchor": "middle" }, yLabel));
  const palette = ["#0969da", "#1a7f37", "#bf3989", "#9a6700", "#8250df", "#cf222e", "#1b7c83", "#57606a"];
  series.forEach((s, i) => {
    const color = s.color || palette[i % palette.length];
    chart.append(svg("polyline", { points: s.points.map(p => `${X(p[0])},${Y(p[1])}`).join(" "), fill: "none", stroke: color, "stroke-width": 2 },
                     svg("title", {}, s.label)));
    const [column, row] = [i % perRow, Math.floor(i / perRow)];
    chart.append(svg("rect", { x: pad.left + 8 + column * 110, y: 22 + row * 16, width: 10, height: 10, fill: color }),
                 svg("text", { x: pad.left + 22 + column * 110, y: 31 + row * 16 }, s.label));
  });
  return chart;
}

// `bench` results: throughput, latency percentile curves from the lossless histograms, errors.
if (result.load) {
  const load = result.load, box = document.getElementById("load");
  const rate = load.measuredSeconds > 0 ? load.sessions.passed / load.measuredSeconds : 0;
  box.append(el("h2", {}, "Load — " + load.scenario),
             el("div", { class: "muted" }, `${load.model.kind} model · concurrency ${load.model.concurrency ?? "-"} · rate ${load.model.ratePerSecond ?? "-"}/s · check ${load.check} · stopped by ${load.stoppedBy} · ${load.measuredSeconds.toFixed(1)} s measured`));
  const loadCards = el("div", { class: "cards" });
  for (const [label, value, cls] of [["sessions passed", load.sessions.passed, "passed"], ["sessions failed", load.sessions.failed, "failed"],
                                      ["sessions/s", rate.toFixed(1), ""], ["p99 session", ms((load.phases.session?.percentiles.p99 ?? 0) / 1e6), ""],
                                      ["generator CPU s / 1000 sessions", (load.generator.cpuSecondsPer1000Sessions ?? 0).toFixed(2), ""],
                                      ["generator peak RSS", (load.generator.peakRSSBytes / 1048576).toFixed(1) + " MB", ""]]) {
    loadCards.append(el("div", { class: "card" }, el("b", { class: cls }, value), label));
  }
  box.append(loadCards);
  for (const threshold of load.thresholds || []) {
    box.append(el("div", {}, el("b", { class: (threshold.passed ? "passed" : "failed") + " badge" }, threshold.passed ? "met " : "BREACHED "),
                  `${threshold.name} — measured ${threshold.observed}`));
  }
  const loadCharts = el("div", { class: "charts" });
  // The run rarely ends on a whole second, and the part of one it ends with is no per-second
  // rate: drawn as counted it looks like a dip, scaled up it swings wildly (a few sessions in a
  // few milliseconds of draining). It is left out of the lines, and the caption says what it held.
  const last = load.series.at(-1), lastLength = last ? load.measuredSeconds - last.second : 1;
  const partial = lastLength > 0 && lastLength < 1;
  const full = partial ? load.series.slice(0, -1) : load.series;
  loadCharts.append(lineChart("Throughput per second", [
    { label: "sessions/s", points: full.map(s => [s.second, s.sessions]) },
    { label: "commands/s", points: full.map(s => [s.second, s.commands]) },
    { label: "errors/s", points: full.map(s => [s.second, s.errors]), color: "#cf222e" }],
    { xLabel: "seconds into the measured period" + (partial ? ` · not drawn: the final ${lastLength.toFixed(2)} s (${last.sessions} sessions)` : ""),
      yLabel: "per second", wholeX: true }));
  // Percentile curves: x is the number of nines, so p50 = 0.3, p90 = 1, p99 = 2, p99.9 = 3.
  const curve = distribution => {
    const points = [];
    let seen = 0;
    for (const [micros, count] of distribution.buckets) {
      seen += count;
      const fraction = Math.min(seen / distribution.count, 0.99999);
      points.push([-Math.log10(1 - fraction), micros / 1000]);
    }
    return points;
  };
  // Phases in the order a session goes through them (LoadPhase's cases), then verbs by name.
  const phaseOrder = {{phaseOrder}};
  const inPhaseOrder = Object.entries(load.phases).sort(([a], [b]) => phaseOrder.indexOf(a) - phaseOrder.indexOf(b));
  const phases = inPhaseOrder.filter(([, d]) => d.count > 0);
  loadCharts.append(lineChart("Latency by percentile, per phase (ms)", phases.map(([name, d]) => ({ label: name, points: curve(d) })),
    { xLabel: "percentile", yLabel: "ms", logX: true, xTick: v => ["0", "90", "99", "99.9", "99.99"][Math.round(v)] ?? "" }));
  box.append(loadCharts);
  const table = el("table", {}, el("thead", {}, el("tr", {}, ...["", "count", "p50", "p90", "p99", "p99.9", "max"].map(h => el("th", {}, h)))));
  const body = el("tbody");
  for (const [group, entries] of [["phase", inPhaseOrder], ["command", Object.entries(load.commands).sort(([a], [b]) => a < b ? -1 : 1)]]) {
    for (const [name, d] of entries) {
      const p = d.percentiles;
      body.append(el("tr", {}, el("td", {}, `${group}: ${name}`), el("td", {}, d.count),
                      ...[p.p50, p.p90, p.p99, p.p999, p.max].map(v => el("td", {}, ms(v / 1e6)))));
    }
  }
  table.append(body);
  box.append(el("h2", {}, "Latency"), table);
  const errors = Object.entries(load.errors);
  box.append(el("h2", {}, "Errors by kind"));
  if (!errors.length) box.append(el("div", { class: "muted" }, "No errors."));
  for (const [kind, tally] of errors.sort((a, b) => b[1].count - a[1].count)) {
    box.append(el("div", {}, el("b", { class: "failed badge" }, kind), ` × ${tally.count}`),
               el("pre", {}, tally.examples.join("\n")));
  }
}

function donut(parts, size = 150) {
  const total = parts.reduce((sum, part) => sum + part.value, 0) || 1;
  const chart = svg("svg", { width: size, height: size, viewBox: "-1.2 -1.2 2.4 2.4", role: "img", class: "chart", "aria-label": "scenarios by status" });
  let angle = -Math.PI / 2;
  for (const part of parts.filter(p => p.value > 0)) {
    const sweep = part.value / total * Math.PI * 2;
    const [x1, y1, x2, y2] = [Math.cos(angle), Math.sin(angle), Math.cos(angle + sweep - 1e-6), Math.sin(angle + sweep - 1e-6)];
    chart.append(svg("path", { d: `M ${x1} ${y1} A 1 1 0 ${sweep > Math.PI ? 1 : 0} 1 ${x2} ${y2}`, fill: "none", stroke: part.color, "stroke-width": 0.35 },
                     svg("title", {}, `${part.label}: ${part.value}`)));
    angle += sweep;
  }
  chart.append(svg("text", { x: 0, y: 0.12, "text-anchor": "middle", style: "font-size:0.35px;fill:#1f2328" }, result.scenarios.length));
  return chart;
}
function bars(title, items, width = 560) {
  const rowHeight = 18, left = 220, height = items.length * rowHeight + 30;
  const max = Math.max(...items.map(item => item.value), 1e-9);
  const chart = svg("svg", { width, height, role: "img", class: "chart", "aria-label": title });
  chart.append(svg("text", { x: 0, y: 12, style: "font-weight:600;fill:#1f2328" }, title));
  items.forEach((item, index) => {
    const y = 22 + index * rowHeight, w = Math.max(1, (width - left - 70) * item.value / max);
    chart.append(svg("text", { x: left - 6, y: y + 12, "text-anchor": "end", "data-room": left - 8 }, item.label));
    chart.append(svg("rect", { x: left, y: y + 2, width: w, height: rowHeight - 6, fill: item.color || "#0969da" }, svg("title", {}, `${item.label}: ${ms(item.value)}`)));
    chart.append(svg("text", { x: left + w + 4, y: y + 12 }, ms(item.value)));
  });
  return chart;
}
// Labels wider than their `data-room` lose characters from the end. Glyph widths vary too much
// to count characters, so this measures, once the chart is on the page.
function fitLabels(root) {
  for (const label of root.querySelectorAll("text[data-room]")) {
    const full = label.textContent;
    for (let keep = full.length - 1; label.getComputedTextLength() > Number(label.dataset.room) && keep > 0; keep--) {
      label.textContent = full.slice(0, keep).trimEnd() + "…";
    }
  }
}
const charts = document.getElementById("charts");
charts.append(donut(statuses.map(status => ({ label: status, value: count(status), color: colors[status] }))));
const byVerb = {};
for (const scenario of result.scenarios) for (const step of scenario.steps) {
  const verb = step.command ? step.command.replace(/^[A-Za-z0-9]+ (?=[A-Z])/, "").split(" ")[0].toUpperCase() : "greeting";
  (byVerb[verb] = byVerb[verb] || []).push(step.latencySeconds);
}
const median = values => { const sorted = [...values].sort((a, b) => a - b); return sorted[Math.floor((sorted.length - 1) / 2)]; };
const verbs = Object.entries(byVerb).map(([verb, values]) => ({ label: `${verb} (${values.length})`, value: median(values) }))
  .sort((a, b) => b.value - a.value).slice(0, 20);
if (verbs.length) charts.append(bars("Median step latency by command", verbs));
const slowest = [...result.scenarios].filter(s => s.status !== "skipped").sort((a, b) => b.durationSeconds - a.durationSeconds).slice(0, 12)
  .map(s => ({ label: s.title, value: s.durationSeconds, color: colors[s.status] }));
if (slowest.length) charts.append(bars("Slowest scenarios", slowest));
fitLabels(charts);

// The conformance table: one row per scenario, details on demand.
function escapedBytes(bytes) {
  return bytes.map(b => b === 13 ? "\\r" : b === 10 ? "\\n" : b === 9 ? "\\t" : b >= 32 && b < 127 ? String.fromCharCode(b) : "\\x" + b.toString(16).toUpperCase().padStart(2, "0")).join("");
}
function highlighted(text, needles) {
  const node = el("span");
  let rest = text;
  while (rest.length) {
    let best = -1, needle = "";
    for (const candidate of needles) {
      const at = candidate ? rest.indexOf(candidate) : -1;
      if (at >= 0 && (best < 0 || at < best)) { best = at; needle = candidate; }
    }
    if (best < 0) { node.append(rest); break; }
    node.append(rest.slice(0, best), el("mark", {}, needle));
    rest = rest.slice(best + needle.length);
  }
  return node;
}
function details(scenario) {
  const cell = el("td", { colspan: 6 });
  const needles = scenario.steps.flatMap(step => step.findings.map(f => escapedBytes(f.bytes).replace(/(\\r|\\n)+$/, ""))).filter(n => n.length > 1);
  for (const step of scenario.steps) {
    const box = el("div", { class: "step " + step.status });
    box.append(el("div", {}, el("b", {}, { passed: "✓ ", unmet: "– ", warned: "! " }[step.status] || "✗ "), `${step.location} · ${step.connection} · `,
                  el("code", {}, step.command || "(greeting)"), el("span", { class: "muted" }, " · " + ms(step.latencySeconds))));
    if (step.mismatch) {
      box.append(el("div", { class: "mismatch" }, step.mismatch.message));
      const diff = el("pre", { class: "diff" });
      step.expected.forEach((line, i) => diff.append(el("span", { class: i === step.mismatch.expectedLine ? "bad" : "" }, "expected: " + line + "\n")));
      step.actual.forEach((line, i) => diff.append(el("span", { class: i === step.mismatch.actualLine ? "bad" : "" }, "actual:   " + line + "\n")));
      box.append(diff);
    }
    for (const finding of step.findings) {
      box.append(el("div", { class: "finding " + finding.severity }, `${finding.severity}: ${finding.rule} (${finding.reference}): ${finding.message}: `,
                    el("mark", {}, escapedBytes(finding.bytes))));
    }
    if (step.status !== "passed" || step.findings.length) cell.append(box);
  }
  if (scenario.transcript.length) {
    const transcript = el("pre", { class: "transcript" });
    for (const line of scenario.transcript) {
      transcript.append(`${line.connection} ${line.direction}: `, highlighted(line.text, needles), "\n");
    }
    cell.append(el("div", { class: "muted" }, "Transcript"), transcript);
  }
  return el("tr", { class: "details", style: "display:none" }, cell);
}
const rows = document.getElementById("rows");
const entries = result.scenarios.map(scenario => {
  const row = el("tr", { class: "case" },
    el("td", {}, el("span", { class: "badge " + scenario.status }, scenario.status)),
    el("td", {}, scenario.title, el("div", { class: "refs" }, scenario.file)),
    el("td", { class: "refs" }, scenario.references.join(", ")),
    el("td", {}, scenario.account),
    el("td", { class: "figure" }, ms(scenario.durationSeconds)),
    el("td", {}, scenario.reason || ""));
  const more = details(scenario);
  row.addEventListener("click", () => { more.style.display = more.style.display === "none" ? "table-row" : "none"; });
  rows.append(row, more);
  return { scenario, row, more, text: [scenario.title, scenario.file, scenario.references.join(" "), scenario.reason || ""].join(" ").toLowerCase() };
});
function applyFilters() {
  const shown = new Set([...document.querySelectorAll("[data-status]")].filter(box => box.checked).map(box => box.dataset.status));
  const query = document.getElementById("search").value.toLowerCase();
  for (const entry of entries) {
    const visible = shown.has(entry.scenario.status) && entry.text.includes(query);
    entry.row.style.display = visible ? "" : "none";
    if (!visible) entry.more.style.display = "none";
  }
}
document.querySelectorAll("[data-status]").forEach(box => box.addEventListener("change", applyFilters));
document.getElementById("search").addEventListener("input", applyFilters);
const expandFailures = () => {
  for (const entry of entries) if (entry.scenario.status === "failed" || entry.scenario.status === "error") entry.more.style.display = "table-row";
};
document.getElementById("expand").addEventListener("click", expandFailures);
// A link to `report.html#failures` opens with every failure expanded.
if (location.hash === "#failures") expandFailures();
// A load-only result has no scenario rows to show.
if (!result.scenarios.length) document.getElementById("conformance").style.display = "none";
document.body.dataset.rendered = "true";
</script>
</body>
</html>
"""#
}
