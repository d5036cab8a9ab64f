// Times CustomerInsight pages in Debian's Chromium (bench/pages.sh starts the app and calls this).
// Per page and per run, in a new tab of one signed-in browser context (HTTP cache warm, new circuit each time):
//   html        navigation start -> last byte of the server's prerendered HTML (PerformanceNavigationTiming.responseEnd)
//   interactive navigation start -> the page's figures are displayed by the interactive circuit:
//               its Chart.js charts exist (they are created through JS interop, so only once the circuit runs; a dashboard
//               block may say instead why it has nothing to draw: an empty segment)
//               or, for a page without charts, its grid rows are there after the circuit's WebSocket opened
//   complete    navigation start -> every chart of the page exists and no progress bar is left (later loads)
// Each run's line also shows where the time goes: scripts (DOMContentLoaded: blazor.web.js, MudBlazor, Chart.js
// parsed) and circuit (the Blazor WebSocket open; the interactive render follows, data loaded again, then charts).
// Usage: node pages.mjs   environment: BASE_URL, EMAIL, PASSWORD, RUNS (5), WARMUP (1), PAGES ("/,/segments,/customers"),
//        TARGET_MS (1000, for the dashboard "/"), SERVER_PID (to report the server's CPU time), JSON_OUT (file for raw runs),
//        PAGE_TIMEOUT_S (120: how long one load may take before the run fails),
//        SETTLE_MS (2000: how long a new tab waits before its navigation, so that Chromium starting its renderer does not take the
//        CPU the server's prerender needs on this 2-core machine; 0 measures them sharing it: bench/RESULTS.md, 2026-12-06)
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';

const env = process.env;
const baseUrl = (env.BASE_URL || 'http://127.0.0.1:5000').replace(/\/$/, '');
const email = env.EMAIL || 'admin@demo.local';
const password = env.PASSWORD || 'Demo!2026';
const runs = Number(env.RUNS || 5);
const warmup = Number(env.WARMUP || 1);
const pages = (env.PAGES || '/,/segments,/customers').split(',').map((p) => p.trim()).filter(Boolean);
const targetMs = Number(env.TARGET_MS || 1000);
const serverPid = env.SERVER_PID ? Number(env.SERVER_PID) : null;
const chromiumPath = env.CHROMIUM || '/usr/bin/chromium';
const pageTimeoutMs = Number(env.PAGE_TIMEOUT_S || 120) * 1000;
const settleMs = Number(env.SETTLE_MS ?? 2000);

// Runs in every document before the page's own scripts: notes when the Blazor circuit's WebSocket opens
// and checks the page's markers on every DOM mutation and every 5 ms, stamping performance.now().
const instrument = () => {
  const marks = (window.__ciBench = { wsOpen: null, interactive: null, complete: null, prerenderedMarker: null });
  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(url, protocols) {
      super(url, protocols);
      if (String(url).includes('/_blazor')) {
        this.addEventListener('open', () => { marks.wsOpen ??= performance.now(); });
      }
    }
  };
  const hasChart = (canvas) => !!(window.Chart && window.Chart.getChart(canvas));
  const chartsReady = (selectors) => selectors.every((s) => {
    const c = document.querySelector(s);
    return c !== null && hasChart(c);
  });
  // A dashboard chart block shows its chart, or the sentence saying why it has nothing to draw (an empty segment, no responses).
  const drawnOrEmpty = (testId) => document.querySelector(`[data-testid=${testId}-empty]`) !== null
    || chartsReady([`[data-testid=${testId}]`]);
  const dashboardDrawn = () => document.querySelector('[data-testid=kpi-cards]') !== null
    && drawnOrEmpty('chart-sales') && drawnOrEmpty('chart-active')
    && (document.querySelector('[data-testid=chart-satisfaction]') === null || chartsReady(['[data-testid=chart-satisfaction]']));
  const markers = {
    '/': {
      // The satisfaction chart is drawn only when the period has survey responses (not with the public file alone).
      interactive: dashboardDrawn,
      complete: () => dashboardDrawn() && document.querySelector('.mud-progress-linear') === null
        && [...document.querySelectorAll('main canvas, .mud-main-content canvas')].every(hasChart),
    },
    '/segments': {
      interactive: () => chartsReady(['[data-testid=segments-sizes-chart]', '[data-testid=segments-bubble-chart]']),
      complete: () => chartsReady(['[data-testid=segments-sizes-chart]', '[data-testid=segments-bubble-chart]', '[data-testid=segments-flow-chart]'])
        && document.querySelector('.mud-progress-linear') === null,
    },
    '/value': {
      interactive: () => marks.wsOpen !== null && document.querySelector('[data-testid=value-bgnbd]') !== null,
      complete: () => marks.wsOpen !== null && document.querySelector('[data-testid=value-bgnbd]') !== null
        && document.querySelector('.mud-progress-linear') === null,
    },
    '/customers': {
      interactive: () => marks.wsOpen !== null && document.querySelector('[data-testid=customer-grid] [data-testid=customer-link]') !== null,
      complete: () => marks.wsOpen !== null && document.querySelector('[data-testid=customer-grid] [data-testid=customer-link]') !== null
        && document.querySelector('[data-testid=customer-grid] .mud-table-loading-progress, [data-testid=customer-grid] .mud-progress-linear') === null,
    },
  };
  const m = markers[location.pathname];
  if (!m) return;
  const check = () => {
    const now = performance.now();
    if (marks.interactive === null && m.interactive()) marks.interactive = now;
    if (marks.complete === null && marks.interactive !== null && m.complete()) marks.complete = now;
    return marks.complete !== null;
  };
  const start = () => {
    // Was the interactive marker already in the server's HTML? Then it would not prove interactivity.
    marks.prerenderedMarker = marks.wsOpen === null && m.interactive();
    new MutationObserver(check).observe(document.documentElement, { subtree: true, childList: true });
    // Chart.js draws inside the interop call that creates the chart (no DOM node added): poll every 5 ms too.
    const timer = setInterval(() => { if (check()) clearInterval(timer); }, 5);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
};

const clkTck = 100; // Linux USER_HZ
const serverCpuSeconds = () => {
  if (!serverPid) return null;
  try {
    const stat = readFileSync(`/proc/${serverPid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clkTck; // utime, stime
  } catch {
    return null;
  }
};

const median = (xs) => {
  const v = [...xs].sort((a, b) => a - b);
  const n = v.length;
  return n === 0 ? NaN : n % 2 ? v[(n - 1) / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
};
const fmt = (x) => (Number.isFinite(x) ? String(Math.round(x)).padStart(6) : '     -');

const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic'],
});
let exitCode = 0;
try {
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'fr-FR', viewport: { width: 1400, height: 900 } });
  context.setDefaultTimeout(pageTimeoutMs);
  await context.addInitScript(instrument);

  // Sign in through the login form, as a person would.
  const login = await context.newPage();
  await login.goto('/Account/Login');
  await login.fill('#email', email);
  await login.fill('#password', password);
  await login.click('button[type=submit]');
  try {
    await login.waitForURL((url) => !url.pathname.startsWith('/Account/Login'), { timeout: 30_000 });
  } catch {
    throw new Error(`sign-in as ${email} failed (still on the login page)`);
  }
  await login.close();

  const results = [];
  for (const path of pages) {
    const samples = [];
    const cpuBefore = serverCpuSeconds();
    for (let i = 0; i < warmup + runs; i++) {
      const page = await context.newPage();
      // The new tab's renderer starts on the server's two cores here; a person's browser runs on their own machine.
      await new Promise((resolve) => setTimeout(resolve, settleMs));
      const response = await page.goto(path, { waitUntil: 'commit' });
      // A path may carry a query (a view nobody opened before: /segments?date=…); the markers go by its path alone.
      if (!response || response.status() !== 200 || new URL(page.url()).pathname !== new URL(path, baseUrl).pathname) {
        throw new Error(`${path}: HTTP ${response?.status()} at ${page.url()} (not allowed or not signed in?)`);
      }
      try {
        await page.waitForFunction(() => window.__ciBench && window.__ciBench.complete !== null, null, { timeout: pageTimeoutMs, polling: 100 });
      } catch {
        const marks = await page.evaluate(() => window.__ciBench).catch(() => null);
        throw new Error(`${path}: its markers did not appear within ${pageTimeoutMs / 1000} s (marks ${JSON.stringify(marks)}); `
          + 'did the page\'s data-testid attributes change? See "markers" in bench/pages/pages.mjs');
      }
      const m = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0];
        return { ttfb: nav.responseStart, html: nav.responseEnd, dcl: nav.domContentLoadedEventEnd, ...window.__ciBench };
      });
      await page.close();
      if (m.prerenderedMarker) {
        console.error(`warning: ${path}: the interactive marker was already in the server HTML; 'interactive' = first check after load`);
      }
      const label = i < warmup ? 'warm-up' : `run ${i - warmup + 1}`;
      console.error(`   ${path.padEnd(11)} ${label.padEnd(7)} html ${fmt(m.html)}  scripts ${fmt(m.dcl)}  circuit ${fmt(m.wsOpen)}  interactive ${fmt(m.interactive)}  complete ${fmt(m.complete)} ms`);
      if (i >= warmup) samples.push(m);
    }
    const cpuAfter = serverCpuSeconds();
    const pick = (k) => samples.map((s) => s[k]);
    results.push({
      path,
      runs: samples.length,
      html: pick('html'),
      scripts: pick('dcl'),
      circuit: pick('wsOpen'),
      interactive: pick('interactive'),
      complete: pick('complete'),
      serverCpuPerLoadMs: cpuBefore !== null && cpuAfter !== null ? ((cpuAfter - cpuBefore) * 1000) / (warmup + runs) : null,
    });
  }

  console.log('');
  console.log(`page         runs |  html (server prerender) ms | interactive (figures + circuit) ms | complete ms          | server CPU`);
  console.log(`                  |  median    min    max       |  median    min    max              |  median    min    max | ms/load`);
  for (const r of results) {
    const row = (xs) => `${fmt(median(xs))} ${fmt(Math.min(...xs))} ${fmt(Math.max(...xs))}`;
    const cpu = r.serverCpuPerLoadMs === null ? '-' : String(Math.round(r.serverCpuPerLoadMs));
    console.log(`${r.path.padEnd(12)} ${String(r.runs).padStart(4)} | ${row(r.html)}       | ${row(r.interactive)}              | ${row(r.complete)} | ${cpu}`);
  }
  const dashboard = results.find((r) => r.path === '/');
  if (dashboard) {
    const med = median(dashboard.interactive);
    const met = med <= targetMs;
    console.log('');
    console.log(`dashboard first interactive render: median ${Math.round(med)} ms, target <= ${targetMs} ms: ${met ? 'MET' : 'NOT MET'}`);
  }
  if (env.JSON_OUT) writeFileSync(env.JSON_OUT, JSON.stringify({ baseUrl, runs, warmup, results }, null, 2));
} catch (e) {
  console.error(`pages benchmark failed: ${e.message}`);
  exitCode = 1;
} finally {
  await browser.close();
}
process.exit(exitCode);
