#!/usr/bin/env node
// Checks that the Kubernetes HTTPRoutes (deploy/k8s/base/gateway/httproutes.yaml) agree with routes.tsv, the
// source of truth the local nginx gateway is rendered from:
//   1. the committed file is exactly what generate-httproutes.mjs writes from routes.tsv (not stale);
//   2. every path of the HTTP contract (docs/http-api.md, plus fixed samples) goes to
//      the same service under nginx's rules (routes.tsv) and under the Gateway API's rules (the YAML as
//      committed, parsed), and no path is matched both by a regex and by an exact/prefix rule or by two
//      regexes to different services (Gateway API leaves regex precedence to the implementation);
//   3. every contract path reaches some service;
//   4. every endpoint of endpoints.tsv (the authorization matrix) is well formed, listed once, and routed to its
//      service by both nginx (routes.tsv) and the HTTPRoutes.
// Prints one line per check and "N passed, M failed"; exits 1 on any failure.
// Usage: node deploy/gateway/check-routes.mjs [path/to/http-api.md]
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HTTPROUTES_YAML, PORTS, readRoutes, render } from './generate-httproutes.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '..', 'k8s', 'package.json'));
const YAML = require('yaml');

let passed = 0;
let failed = 0;
const ok = (msg) => { passed++; console.log(`ok    ${msg}`); };
const fail = (msg) => { failed++; console.log(`FAIL  ${msg}`); };

// --- 1. generated file up to date
const routes = readRoutes();
const committed = existsSync(HTTPROUTES_YAML) ? readFileSync(HTTPROUTES_YAML, 'utf8') : '';
if (committed === render(routes)) ok('httproutes.yaml is up to date with routes.tsv');
else fail('httproutes.yaml is stale: run node deploy/gateway/generate-httproutes.mjs');

// --- nginx resolution over routes.tsv
function nginx(p) {
  const exact = routes.find((r) => r.kind === 'exact' && r.value === p);
  if (exact) return exact.service;
  const prefixes = routes.filter((r) => r.kind === 'prefix' && p.startsWith(r.value));
  prefixes.sort((a, b) => b.value.length - a.value.length);
  if (prefixes.length) return prefixes[0].service; // every prefix is "^~": a match stops the regex search
  const re = routes.find((r) => r.kind === 'regex' && new RegExp(r.value).test(p));
  return re ? re.service : null;
}

// --- Gateway API resolution over the committed HTTPRoutes
const rules = [];
for (const doc of YAML.parseAllDocuments(committed)) {
  const o = doc.toJS();
  if (!o || o.kind !== 'HTTPRoute') continue;
  for (const rule of o.spec.rules ?? []) {
    const backend = rule.backendRefs?.[0]?.name ?? null;
    for (const m of rule.matches ?? [{ path: { type: 'PathPrefix', value: '/' } }]) {
      rules.push({ route: o.metadata.name, type: m.path?.type ?? 'PathPrefix', value: m.path?.value ?? '/', backend });
    }
  }
}
function gateway(p) {
  const exact = rules.filter((r) => r.type === 'Exact' && r.value === p);
  const prefix = rules.filter((r) => r.type === 'PathPrefix'
    && (r.value === '/' || p === r.value || p.startsWith(`${r.value.replace(/\/$/, '')}/`)));
  // RE2 full match; the generated regexes are anchored both ends, so search and full match agree.
  const regex = rules.filter((r) => r.type === 'RegularExpression' && new RegExp(r.value).test(p));
  const regexServices = new Set(regex.map((r) => r.backend));
  if (regexServices.size > 1) return { error: `regexes to different services match: ${[...regexServices]}` };
  if (regex.length && (exact.length || prefix.length)) {
    return { error: 'matched by a regex and by an exact/prefix rule (implementation-specific precedence)' };
  }
  if (exact.length) return { service: exact[0].backend };
  if (prefix.length) {
    prefix.sort((a, b) => b.value.length - a.value.length);
    return { service: prefix[0].backend };
  }
  return { service: regex.length ? regex[0].backend : null };
}

// --- sample paths: the contract's, with parameters filled in, plus edge cases
function contractPaths(file) {
  const out = [];
  let base = '';
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    // a section (##) sets or clears the base path; a subsection (###) sets it when it names one, else keeps it
    const h = /^###?\s.*base `([^`]+)`/.exec(line);
    if (line.startsWith('## ')) base = h ? h[1] : '';
    else if (line.startsWith('### ') && h) base = h[1];
    if (!line.startsWith('| ') || line.startsWith('|---')) continue;
    const cell = line.split('|')[1].replace(/\{[^}]*\}/g, (b) => b.replace(/\s+/g, '+'));
    if (!/\b(GET|POST|PUT|DELETE|PATCH)\b/.test(cell)) continue;
    if (/\(the base path\)/.test(cell) && base) out.push(base);
    for (const m of cell.matchAll(/(?<=\s|^)(\/[^\s;,`|]*)/g)) {
      const p = m[1];
      out.push(base && !p.startsWith('/pharmacies') && !p.startsWith(`/${base.split('/')[1]}`) ? base + p : p);
    }
  }
  return out;
}
function fill(p) {
  const variants = [p];
  const out = [];
  while (variants.length) {
    const v = variants.pop();
    const m = /\{([^}]+)\}/.exec(v);
    if (!m) { out.push(v); continue; }
    const values = m[1].includes('+or+') ? m[1].split('+or+')
      : m[1] === 'center_name' ? ['GK2'] : ['42'];
    for (const val of values) variants.push(v.replace(m[0], val));
  }
  return out;
}
const contractFile = process.argv[2] ?? path.join(here, '..', '..', 'docs', 'http-api.md');
let contract = [];
if (contractFile && existsSync(contractFile)) contract = [...new Set(contractPaths(contractFile).flatMap(fill))];
else console.log('note  contract http-api.md not found: checking the fixed samples only');

const samples = [
  '/login', '/token', '/users/me', '/admin/users', '/admin/users/7/pharmacies/3', '/.well-known/jwks.json',
  '/auth/refresh', '/credit-balances/', '/credit-balances/import', '/credit-balances/by-voucher', '/api-logs',
  '/imports', '/imports/abc', '/pharmacies/1/debtors', '/pharmacies/1/debtors/', '/pharmacies/1/debtors/upload',
  '/pharmacies/1/debtors/upload/x', '/pharmacies/1/debtors/uploads', '/pharmacies/1/debtors/uplo',
  '/pharmacies/1/debtors/5/communications', '/pharmacies/12/notification-settings', '/pharmacies/3/templates/sms',
  '/pharmacies/3/templates/email/preview', '/notifications/webhooks/sendgrid', '/q/health/live', '/unknown',
  '/events/asyncapi.yaml', '/events/schemas/debtors.report-processed.v1.json',
];
const all = [...new Set([...contract, ...samples])];
for (const p of all) {
  const want = nginx(p);
  const got = gateway(p);
  if (got.error) fail(`${p}: ${got.error}`);
  else if (got.service !== want) fail(`${p}: nginx (routes.tsv) -> ${want}, HTTPRoutes -> ${got.service}`);
  else if (contract.includes(p) && !want) fail(`${p}: contract path reaches no service`);
  else ok(`${p} -> ${want ?? '(no route)'}`);
}
if (contract.length === 0 && contractFile) fail(`no paths read from ${contractFile}`);

// --- 4. the authorization matrix's endpoints reach their service
const ENDPOINTS_TSV = path.join(here, 'endpoints.tsv');
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
const seen = new Map();
readFileSync(ENDPOINTS_TSV, 'utf8').split('\n').forEach((text, i) => {
  if (!text.trim() || text.startsWith('#')) return;
  const where = `endpoints.tsv:${i + 1}`;
  const cols = text.split('\t');
  if (cols.length !== 4 || cols.some((c) => c !== c.trim() || !c)) {
    fail(`${where}: expected 4 tab-separated columns (method, path, service, access): "${text}"`);
    return;
  }
  const [method, template, service, access] = cols;
  if (!METHODS.has(method)) { fail(`${where}: unknown method "${method}"`); return; }
  if (!/^\/\S*$/.test(template)) { fail(`${where}: path "${template}" must start with / and have no spaces`); return; }
  if (!PORTS[service] && service !== '*') { fail(`${where}: unknown service "${service}"`); return; }
  const key = `${method} ${template}`;
  if (seen.has(key)) { fail(`${where}: ${key} is listed twice (also line ${seen.get(key)})`); return; }
  seen.set(key, i + 1);
  if (service === '*') {
    // served by every service (platform-outbox's /ops/*): reached as /services/<service>/..., never publicly routed
    if (!template.startsWith('/ops/') || access !== 'admin') fail(`${where}: ${key}: rows of every service ("*") are admin /ops/ paths`);
    else if (nginx(template) || gateway(template).service) fail(`${where}: ${key}: an operations path must not be routed publicly`);
    else ok(`${key} -> every service at /services/<service>${template} (${access})`);
    return;
  }
  // parameters filled as a request would: ids with digits (the pharmacy regexes need them), others with a word
  const p = template.replace(/\{([^}]+)\}/g, (_, name) => (/id$/.test(name) ? '42' : 'sample'));
  const want = nginx(p);
  const got = gateway(p);
  if (want !== service) fail(`${where}: ${key} (${access}) belongs to ${service}, but routes.tsv sends ${p} to ${want ?? 'no service'}`);
  else if (got.error) fail(`${where}: ${p}: ${got.error}`);
  else if (got.service !== service) fail(`${where}: ${key} belongs to ${service}, but the HTTPRoutes send ${p} to ${got.service}`);
  else ok(`${key} -> ${service} (${access})`);
});
if (seen.size === 0) fail('no endpoints read from endpoints.tsv');

console.log(`route check: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
