#!/usr/bin/env node
// Generates deploy/k8s/base/gateway/httproutes.yaml (Kubernetes Gateway API HTTPRoutes) from routes.tsv, the
// single source of truth of the gateway's routes. Run it after editing routes.tsv:
//   node deploy/gateway/generate-httproutes.mjs
// deploy/gateway/check-routes.mjs fails when the committed file is not what this script writes.
//
// Translation of the nginx locations (nginx picks: "=" exact, then the longest "^~" prefix, then the first
// matching "~" regex in file order):
//   = /p          -> PathMatch Exact /p
//   ^~ /p         -> PathMatch PathPrefix /p   (Gateway API prefixes match whole path segments: /imports
//                    matches /imports and /imports/1 but not /importsX, which no contract path uses)
//   ~ ^re$        -> PathMatch RegularExpression ^re$
//   ~ ^re         -> PathMatch RegularExpression ^re.*$ (nginx regexes search; anchored both ends here so a
//                    full-match implementation (Envoy) and a search implementation (nginx-based) agree)
// Gateway API leaves the precedence of regular expressions implementation-specific, while nginx takes the
// first regex in file order. So where an earlier regex is a literal extension of a later one that goes to a
// different service (the upload paths inside the debtor paths), the later regex is rewritten to exclude the
// earlier ones' literal suffixes (RE2 has no lookahead): the regexes then never overlap and any order agrees.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROUTES_TSV = path.join(here, 'routes.tsv');
export const HTTPROUTES_YAML = path.join(here, '..', 'k8s', 'base', 'gateway', 'httproutes.yaml');

/** Service ports (each service's HTTP_PORT). */
export const PORTS = {
  'auth-service': 8081,
  'credit-balance-service': 8082,
  'debtor-service': 8083,
  'import-service': 8084,
  'notification-service': 8085,
};

export const GATEWAY_NAME = 'clinicsuite';

/** Parses routes.tsv into [{kind, raw, value, service, upload, line}]; upload: the 4th column says "upload". */
export function readRoutes(file = ROUTES_TSV) {
  const routes = [];
  readFileSync(file, 'utf8').split('\n').forEach((text, i) => {
    if (!text.trim() || text.startsWith('#')) return;
    const cols = text.split('\t');
    if (cols.length !== 3 && cols.length !== 4) throw new Error(`routes.tsv:${i + 1}: expected 3 or 4 tab-separated columns`);
    const [match, raw, service, cls = ''] = cols.map((c) => c.trim());
    if (cls !== '' && cls !== 'upload') throw new Error(`routes.tsv:${i + 1}: unknown class "${cls}" (only "upload")`);
    const m = /^(=|\^~|~)\s+(\S+)$/.exec(raw);
    if (!m) throw new Error(`routes.tsv:${i + 1}: cannot read location "${raw}"`);
    const kind = { '=': 'exact', '^~': 'prefix', '~': 'regex' }[m[1]];
    if (kind !== match) throw new Error(`routes.tsv:${i + 1}: match column "${match}" disagrees with "${raw}"`);
    if (!PORTS[service]) throw new Error(`routes.tsv:${i + 1}: unknown service "${service}"`);
    routes.push({ kind, raw, value: m[2], service, upload: cls === 'upload', line: i + 1 });
  });
  return routes;
}

const META = /[\\^$.|?*+()[\]{}]/;
const escapeRe = (s) => s.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');

/**
 * A regex (RE2 syntax) of every string except the excluded literals: an exact one (`/upload`, from an anchored
 * regex) excludes itself only, a prefix one (`/uploads/`, from an unanchored regex) every string it starts. Built
 * from the literals' trie, so several exclusions that share a beginning combine (RE2 has no lookahead).
 */
function everythingBut(exclusions) {
  const root = { children: new Map(), exact: false, prefix: false };
  for (const { lit, prefix } of exclusions) {
    let node = root;
    for (const ch of lit) {
      if (!node.children.has(ch)) node.children.set(ch, { children: new Map(), exact: false, prefix: false });
      node = node.children.get(ch);
    }
    if (prefix) node.prefix = true;
    else node.exact = true;
  }
  const complement = (node) => {
    if (node.prefix) return null;
    const alts = node.exact ? [] : [''];
    const chars = [...node.children.keys()];
    alts.push(chars.length ? `[^${chars.map(escapeRe).join('')}].*` : '.+');
    for (const [ch, child] of node.children) {
      const rest = complement(child);
      if (rest !== null) alts.push(`${escapeRe(ch)}${rest}`);
    }
    return `(?:${alts.join('|')})`;
  };
  return complement(root);
}

/** Translates the routes into Gateway API path matches, in routes.tsv order. */
export function toMatches(routes) {
  return routes.map((r, idx) => {
    if (r.kind === 'exact') return { ...r, type: 'Exact', match: r.value };
    if (r.kind === 'prefix') {
      const v = r.value.length > 1 ? r.value.replace(/\/$/, '') : r.value;
      return { ...r, type: 'PathPrefix', match: v };
    }
    let body = r.value;
    if (!body.startsWith('^')) body = `^.*${body}`;
    const anchored = body.endsWith('$') && !body.endsWith('\\$');
    if (anchored) return { ...r, type: 'RegularExpression', match: body };
    // Exclude earlier regexes to other services that are literal extensions of this one: anchored ones exactly
    // (`.../debtors/upload$`), unanchored ones as prefixes (`.../debtors/uploads/`).
    const exclusions = routes.slice(0, idx)
      .filter((e) => e.kind === 'regex' && e.service !== r.service && e.value.startsWith(body))
      .map((e) => {
        const prefix = !e.value.endsWith('$');
        return { prefix, lit: e.value.slice(body.length, prefix ? undefined : -1) };
      })
      .filter((e) => e.lit.length > 0 && !META.test(e.lit));
    if (exclusions.length > 0) {
      return { ...r, type: 'RegularExpression', match: `${body}${everythingBut(exclusions)}$` };
    }
    return { ...r, type: 'RegularExpression', match: `${body}.*$` };
  });
}

/**
 * Groups the matches into HTTPRoutes: one per service, plus <service>-uploads for its upload routes (their own body
 * limit and timeout: BackendTrafficPolicy upload-body-limit).
 */
export function toHttpRoutes(matches) {
  const groups = new Map();
  for (const m of matches) {
    const name = m.upload ? `${m.service}-uploads` : m.service;
    if (!groups.has(name)) groups.set(name, { name, service: m.service, matches: [] });
    groups.get(name).matches.push(m);
  }
  return [...groups.values()];
}

const q = (s) => `'${s.replace(/'/g, "''")}'`;

export function render(routes = readRoutes()) {
  const httpRoutes = toHttpRoutes(toMatches(routes));
  const out = [
    '# GENERATED by deploy/gateway/generate-httproutes.mjs from deploy/gateway/routes.tsv: do not edit by hand.',
    '# deploy/gateway/check-routes.mjs (run by deploy/k8s/validate.sh) fails when this file is stale or',
    '# routes a contract path to another service than the local nginx gateway does.',
  ];
  for (const r of httpRoutes) {
    out.push('---');
    out.push('apiVersion: gateway.networking.k8s.io/v1');
    out.push('kind: HTTPRoute');
    out.push('metadata:');
    out.push(`  name: ${r.name}`);
    out.push('  labels:');
    out.push(`    app.kubernetes.io/name: ${r.service}`);
    out.push('spec:');
    out.push('  parentRefs:');
    out.push(`    - name: ${GATEWAY_NAME}`);
    out.push('      sectionName: https');
    out.push('  rules:');
    out.push('    - matches:');
    for (const m of r.matches) {
      out.push(`        # routes.tsv:${m.line} ${m.raw}`);
      out.push('        - path:');
      out.push(`            type: ${m.type}`);
      out.push(`            value: ${q(m.match)}`);
    }
    out.push('      backendRefs:');
    out.push(`        - name: ${r.service}`);
    out.push(`          port: ${PORTS[r.service]}`);
    out.push('      timeouts:');
    out.push(`        request: ${r.name.endsWith('-uploads') ? '120s' : '60s'}`);
  }
  return `${out.join('\n')}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(HTTPROUTES_YAML, render());
  console.log(`wrote ${path.relative(process.cwd(), HTTPROUTES_YAML)}`);
}
