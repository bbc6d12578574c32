#!/usr/bin/env node
// Checks that the request size limits and the gateways' error answers agree everywhere with the one table that
// states them, docs/operations.md "Request size limits and gateway errors":
//   1. the local nginx gateway: the template's client_max_body_size (JSON routes) and ./stack's
//      GATEWAY_UPLOAD_MAX_BODY (routes.tsv rows marked "upload");
//   2. Envoy Gateway: every BackendTrafficPolicy's requestBuffer.limit (upload figure on the *-uploads HTTPRoutes,
//      JSON figure on every other), in the manifests given (rendered overlays) or the base policies;
//   3. the services: quarkus.http.limits.max-body-size of each (import-service: upload figure, others: JSON figure),
//      import-service's file limits, and any Kubernetes env that overrides one of them;
//   4. nginx and Envoy answer 413/502/503/504 with the same JSON {"detail", "code"} bodies.
// Prints one line per check and "N passed, M failed"; exits 1 on any failure.
// Usage: node deploy/gateway/check-limits.mjs [rendered-manifests.yaml ...]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..', '..');
const require = createRequire(path.join(here, '..', 'k8s', 'package.json'));
const YAML = require('yaml');

let passed = 0;
let failed = 0;
const check = (cond, msg, why = '') => {
  if (cond) { passed++; console.log(`ok    ${msg}`); } else { failed++; console.log(`FAIL  ${msg}${why ? `: ${why}` : ''}`); }
};
const read = (rel) => readFileSync(path.join(root, rel), 'utf8');
const MIB = 1024 * 1024;
const mib = (bytes) => (bytes == null ? 'unset' : `${bytes / MIB} MiB`);

/** "26 MiB", "26m" (nginx), "26M" (Quarkus), "26Mi" (Kubernetes) in bytes; all binary units. */
function bytes(text) {
  const m = /^\s*([0-9]+)\s*(k|m|g|ki|mi|gi|kib|mib|gib)?b?\s*$/i.exec(String(text));
  if (!m) return null;
  const unit = (m[2] ?? '').toLowerCase()[0];
  return Number(m[1]) * ({ k: 1024, m: MIB, g: 1024 * MIB }[unit] ?? 1);
}

// --- the table
const table = {};
for (const line of read('docs/operations.md').split('\n')) {
  const cells = line.split('|').map((c) => c.trim());
  if (cells[1] === 'uploads' || cells[1] === 'JSON') table[cells[1]] = { body: bytes(cells[3]), file: bytes(cells[4]) };
}
check(table.uploads?.body && table.uploads?.file && table.JSON?.body,
  'docs/operations.md states the upload body, upload file and JSON body limits', JSON.stringify(table));
const UPLOAD = table.uploads?.body;
const FILE = table.uploads?.file;
const JSON_BODY = table.JSON?.body;
check(FILE < UPLOAD, `an upload file (${mib(FILE)}) fits in an upload body (${mib(UPLOAD)}) with its multipart envelope`);

// --- 1. nginx
const template = read('deploy/gateway/nginx.conf.template');
const nginxJson = /^\s*client_max_body_size\s+(\S+);/m.exec(template)?.[1];
check(bytes(nginxJson) === JSON_BODY, `nginx client_max_body_size ${nginxJson} is the JSON limit ${mib(JSON_BODY)}`);
const stackUpload = /^GATEWAY_UPLOAD_MAX_BODY=(\S+)$/m.exec(read('stack'))?.[1];
check(bytes(stackUpload) === UPLOAD, `./stack GATEWAY_UPLOAD_MAX_BODY ${stackUpload} is the upload limit ${mib(UPLOAD)}`);
const uploadRoutes = read('deploy/gateway/routes.tsv').split('\n').filter((l) => !l.startsWith('#') && l.split('\t')[3] === 'upload');
check(uploadRoutes.length > 0, `routes.tsv marks ${uploadRoutes.length} upload routes`);
const nginxErrors = {};
for (const m of template.matchAll(/return (413|502|503|504) '([^']*)';/g)) nginxErrors[m[1]] = m[2];

// --- 2. Envoy Gateway
const files = process.argv.slice(2).map((a) => a.replace(/^[^=]*=/, ''));
if (files.length === 0) files.push(path.join(root, 'deploy/k8s/base/gateway/policies.yaml'));
const objects = files.flatMap((f) => YAML.parseAllDocuments(readFileSync(f, 'utf8')).map((d) => ({ file: path.basename(f), o: d.toJS() })))
  .filter(({ o }) => o);
const policies = objects.filter(({ o }) => o.kind === 'BackendTrafficPolicy');
check(policies.length > 0, `BackendTrafficPolicies found in ${files.map((f) => path.basename(f)).join(', ')}`);
for (const { file, o } of policies) {
  const name = `${file} BackendTrafficPolicy/${o.metadata.name}`;
  const routes = (o.spec.targetRefs ?? []).filter((t) => t.kind === 'HTTPRoute').map((t) => t.name);
  const uploads = routes.filter((r) => r.endsWith('-uploads'));
  if (o.spec.requestBuffer || routes.length) {
    check(uploads.length === 0 || uploads.length === routes.length, `${name} targets upload routes only or none`, routes.join(', '));
    const want = uploads.length ? UPLOAD : JSON_BODY;
    const limit = o.spec.requestBuffer?.limit;
    check(bytes(limit) === want, `${name} requestBuffer.limit ${limit} is the ${uploads.length ? 'upload' : 'JSON'} limit ${mib(want)}`);
  }
  for (const status of ['413', '502', '503', '504']) {
    const rule = (o.spec.responseOverride ?? []).find((r) => r.match?.statusCodes?.some((c) => String(c.value) === status));
    const body = rule?.response?.body?.inline;
    let shape = false;
    try { const j = JSON.parse(body); shape = typeof j.detail === 'string' && typeof j.code === 'string'; } catch { /* not JSON */ }
    check(rule?.response?.contentType === 'application/json' && shape && body === nginxErrors[status],
      `${name} answers ${status} with the JSON {"detail","code"} nginx answers`, body ?? 'no override');
  }
}
for (const status of ['413', '502', '503', '504']) {
  let shape = false;
  try { const j = JSON.parse(nginxErrors[status]); shape = typeof j.detail === 'string' && typeof j.code === 'string'; } catch { /* */ }
  check(shape, `nginx answers ${status} with JSON {"detail","code"}`, nginxErrors[status] ?? 'no error_page body');
}

// --- 3. the services
const SERVICES = ['auth-service', 'credit-balance-service', 'debtor-service', 'import-service', 'notification-service'];
/** A property's value, or the default of a ${ENV:default} expression. */
function property(service, key) {
  const text = read(`${service}/src/main/resources/application.properties`);
  const m = new RegExp(`^${key.replace(/[.]/g, '\\.')}=(.*)$`, 'm').exec(text);
  if (!m) return undefined;
  const expr = /^\$\{[A-Z0-9_]+:(.*)\}$/.exec(m[1].trim());
  return expr ? expr[1] : m[1].trim();
}
for (const s of SERVICES) {
  const want = s === 'import-service' ? UPLOAD : JSON_BODY;
  const v = property(s, 'quarkus.http.limits.max-body-size');
  check(bytes(v) === want, `${s} quarkus.http.limits.max-body-size ${v} is ${mib(want)}`);
}
for (const key of ['credit-import.max-file-size', 'import.debtors.max-file-size']) {
  const v = property('import-service', key);
  check(bytes(v) === FILE, `import-service ${key} ${v} is the upload file limit ${mib(FILE)}`);
}
const ENV_LIMITS = { QUARKUS_HTTP_LIMITS_MAX_BODY_SIZE: 'body', CREDIT_IMPORT_MAX_FILE_SIZE: 'file', DEBTOR_REPORT_MAX_FILE_SIZE: 'file' };
const envs = [];
for (const { file, o } of objects) {
  const owner = `${file} ${o.kind}/${o.metadata?.name}`;
  const service = SERVICES.find((s) => o.metadata?.name?.startsWith(s));
  if (o.kind === 'ConfigMap') for (const [k, v] of Object.entries(o.data ?? {})) envs.push({ owner, service, k, v });
  for (const c of o.spec?.template?.spec?.containers ?? []) for (const e of c.env ?? []) envs.push({ owner, service, k: e.name, v: e.value });
}
for (const { owner, service, k, v } of envs.filter((e) => ENV_LIMITS[e.k])) {
  const want = ENV_LIMITS[k] === 'file' ? FILE : service === 'import-service' ? UPLOAD : JSON_BODY;
  check(bytes(v) === want, `${owner} ${k}=${v} is ${mib(want)}`);
}

console.log(`limits check: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
