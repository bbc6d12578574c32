#!/usr/bin/env node
// Offline validation of rendered Kustomize overlays and the observability files.
//   node validate/validate.mjs dev=.out/dev.yaml prod=.out/prod.yaml
// For every object: its schema (kubernetes-models for core kinds, @kubernetes-models/gateway-api for HTTPRoute
// and Gateway, hand-written schemas in schemas.mjs for Strimzi and Envoy Gateway policies); then the suite's own
// rules (probes, resources, security context, secrets only referenced, every topic and its DLQ, references
// that resolve, Kafka access: validate/kafka-access.mjs). Also checks the outside consumers' KafkaUser template:
//   node validate/validate.mjs ... outside-consumer=outside-consumers/kafkauser-template.yaml
// Prints "ok"/"FAIL" lines and "N passed, M failed"; exits 1 on any failure.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import Ajv from 'ajv';
import { schemas, defs } from './schemas.mjs';
import { kafkaAccessRules, outsideConsumerRules, topicsFromJava } from './kafka-access.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const k8sDir = path.join(here, '..');
const repo = path.join(k8sDir, '..', '..');

let passed = 0;
let failed = 0;
const ok = (m) => { passed++; if (process.env.VERBOSE) console.log(`ok    ${m}`); };
const fail = (m) => { failed++; console.log(`FAIL  ${m}`); };
const check = (cond, m) => (cond ? ok(m) : fail(m));

const ajv = new Ajv({ allErrors: true, strict: false });
const compiled = Object.fromEntries(Object.entries(schemas).map(([k, s]) => [k, ajv.compile({ ...s, $defs: defs })]));

async function modelClass(apiVersion, kind) {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  let mod;
  try {
    if (group === 'gateway.networking.k8s.io') mod = await import(`@kubernetes-models/gateway-api/${group}/${version}`);
    else if (group === 'monitoring.coreos.com') mod = await import(`@kubernetes-models/prometheus-operator/${group}/${version}`);
    else mod = await import(`kubernetes-models/${group ? `${group}/` : ''}${version}`);
  } catch {
    return null;
  }
  return mod[kind] ?? null;
}

async function validateSchema(o, where) {
  const id = `${where} ${o.kind}/${o.metadata?.name}`;
  const key = `${o.apiVersion}/${o.kind}`;
  if (compiled[key]) {
    const v = compiled[key];
    if (v(o)) ok(`${id}: schema (hand-checked CRD shape)`);
    else fail(`${id}: ${v.errors.map((e) => `${e.instancePath || '/'} ${e.message}${e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : ''}`).join('; ')}`);
    return;
  }
  const Cls = await modelClass(o.apiVersion, o.kind);
  if (!Cls) { fail(`${id}: no schema known for ${key}`); return; }
  try {
    new Cls(o).validate();
    ok(`${id}: schema`);
  } catch (e) {
    fail(`${id}: ${e.message.split('\n').slice(0, 5).join('; ')}`);
  }
}

function parseAll(text, where) {
  const docs = [];
  for (const d of YAML.parseAllDocuments(text)) {
    if (d.errors.length) { fail(`${where}: YAML ${d.errors[0].message}`); continue; }
    const o = d.toJS();
    if (o) docs.push(o);
  }
  return docs;
}

const readme = existsSync(path.join(k8sDir, 'README.md')) ? readFileSync(path.join(k8sDir, 'README.md'), 'utf8') : '';

function suiteRules(docs, overlay) {
  const by = (kind) => docs.filter((o) => o.kind === kind);
  const find = (kind, name) => docs.find((o) => o.kind === kind && o.metadata.name === name);
  const w = (o) => `${overlay} ${o.kind}/${o.metadata.name}`;
  const namespaces = new Set(docs.map((o) => o.metadata.namespace));
  check(namespaces.size === 1 && !namespaces.has(undefined), `${overlay}: every object in one namespace (${[...namespaces]})`);
  check(by('Secret').length === 0, `${overlay}: no Secret objects in the repo (references only)`);
  check(docs.some((o) => o.kind === 'NetworkPolicy' && Object.keys(o.spec.podSelector ?? {}).length === 0
    && o.spec.policyTypes?.includes('Ingress') && !o.spec.ingress), `${overlay}: default-deny ingress NetworkPolicy`);

  const SERVICES = ['auth-service', 'credit-balance-service', 'debtor-service', 'import-service', 'notification-service'];
  const deployments = by('Deployment').filter((d) => SERVICES.includes(d.metadata.name));
  check(deployments.length === 5, `${overlay}: five service Deployments`);
  check(by('Deployment').every((d) => SERVICES.includes(d.metadata.name) || d.metadata.name === 'api-docs'),
    `${overlay}: no Deployment but the five services and api-docs`);
  apiDocsRules(docs, overlay, find, w);
  for (const d of deployments) {
    const pod = d.spec.template.spec;
    const c = pod.containers[0];
    const name = d.metadata.name;
    check(c.livenessProbe?.httpGet?.path === '/q/health/live', `${w(d)}: liveness probe on /q/health/live`);
    check(c.readinessProbe?.httpGet?.path === '/q/health/ready', `${w(d)}: readiness probe on /q/health/ready`);
    const r = c.resources ?? {};
    check(r.requests?.cpu && r.requests?.memory && r.limits?.memory, `${w(d)}: cpu/memory requests and memory limit`);
    const sc = c.securityContext ?? {};
    check(pod.securityContext?.runAsNonRoot === true && pod.securityContext?.seccompProfile?.type === 'RuntimeDefault',
      `${w(d)}: pod runAsNonRoot and seccomp RuntimeDefault`);
    check(sc.readOnlyRootFilesystem === true && sc.allowPrivilegeEscalation === false
      && (sc.capabilities?.drop ?? []).includes('ALL'), `${w(d)}: read-only root, no privilege escalation, drop ALL`);
    const tmp = (c.volumeMounts ?? []).find((m) => m.mountPath === '/tmp');
    check(tmp && pod.volumes.find((v) => v.name === tmp.name)?.emptyDir, `${w(d)}: /tmp is an emptyDir`);
    for (const ref of c.envFrom ?? []) {
      if (ref.configMapRef) check(find('ConfigMap', ref.configMapRef.name), `${w(d)}: ConfigMap ${ref.configMapRef.name} exists`);
    }
    const secrets = new Set();
    for (const e of c.env ?? []) if (e.valueFrom?.secretKeyRef) secrets.add(e.valueFrom.secretKeyRef.name);
    for (const v of pod.volumes ?? []) if (v.secret) secrets.add(v.secret.secretName);
    for (const s of secrets) check(readme.includes(`\`${s}\``), `${w(d)}: secret ${s} documented in deploy/k8s/README.md`);
    for (const v of pod.volumes ?? []) {
      if (v.persistentVolumeClaim) check(find('PersistentVolumeClaim', v.persistentVolumeClaim.claimName), `${w(d)}: PVC ${v.persistentVolumeClaim.claimName} exists`);
    }
    const svc = find('Service', name);
    check(svc && Object.entries(svc.spec.selector).every(([k, v]) => d.spec.template.metadata.labels[k] === v),
      `${w(d)}: Service ${name} selects its pods`);
    check(find('PodDisruptionBudget', name), `${w(d)}: PodDisruptionBudget`);
    check(docs.some((o) => o.kind === 'NetworkPolicy' && o.spec.podSelector?.matchLabels?.['app.kubernetes.io/name'] === name
      && o.spec.ingress), `${w(d)}: ingress NetworkPolicy`);
    const port = c.ports?.[0]?.containerPort;
    const cfg = find('ConfigMap', `${name}-config`);
    check(cfg && Number(cfg.data.HTTP_PORT) === port, `${w(d)}: HTTP_PORT matches containerPort ${port}`);
  }
  for (const h of by('HorizontalPodAutoscaler')) {
    check(find('Deployment', h.spec.scaleTargetRef.name), `${w(h)}: target Deployment exists`);
    check(h.spec.minReplicas <= h.spec.maxReplicas, `${w(h)}: minReplicas <= maxReplicas`);
  }

  // import-service: stored files volume at IMPORT_STORAGE_DIR
  const imp = find('Deployment', 'import-service');
  if (imp) {
    const c = imp.spec.template.spec.containers[0];
    const dir = c.env.find((e) => e.name === 'IMPORT_STORAGE_DIR')?.value;
    const mount = c.volumeMounts.find((m) => m.mountPath === dir);
    const vol = mount && imp.spec.template.spec.volumes.find((v) => v.name === mount.name);
    check(vol?.persistentVolumeClaim, `${overlay} import-service: PVC mounted at IMPORT_STORAGE_DIR (${dir})`);
  }

  // Kafka: every topic and its DLQ, replication not above the broker count
  const { names, suffix } = topicsFromJava(repo);
  const topics = by('KafkaTopic');
  const pools = by('KafkaNodePool').filter((p) => p.spec.roles.includes('broker'));
  const brokers = pools.reduce((n, p) => n + p.spec.replicas, 0);
  const kafka = by('Kafka')[0];
  check(kafka, `${overlay}: Kafka cluster`);
  check(brokers >= 1, `${overlay}: broker node pool (${brokers} brokers)`);
  for (const t of [...names, ...names.map((n) => n + suffix)]) {
    const kt = topics.find((o) => (o.spec.topicName ?? o.metadata.name) === t);
    check(kt, `${overlay}: KafkaTopic for ${t}`);
    if (!kt) continue;
    check(kt.metadata.labels['strimzi.io/cluster'] === kafka?.metadata.name, `${overlay}: ${t} belongs to the Kafka cluster`);
    check(kt.spec.replicas <= brokers, `${overlay}: ${t} replicas ${kt.spec.replicas} <= ${brokers} brokers`);
    const minIsr = Number(kafka?.spec.kafka.config?.['min.insync.replicas'] ?? 1);
    check(kt.spec.replicas >= minIsr, `${overlay}: ${t} replicas >= min.insync.replicas`);
  }
  check(topics.length === names.length * 2, `${overlay}: no KafkaTopic beyond Topics.java and the DLQs`);

  // Gateway: routes go to existing Services and ports, policies target existing routes
  for (const r of by('HTTPRoute')) {
    for (const rule of r.spec.rules) {
      for (const b of rule.backendRefs ?? []) {
        const svc = find('Service', b.name);
        check(svc?.spec.ports.some((p) => p.port === b.port), `${w(r)}: backend ${b.name}:${b.port} is a Service port`);
      }
    }
    check(r.spec.parentRefs.every((p) => find('Gateway', p.name)), `${w(r)}: parent Gateway exists`);
  }
  for (const p of [...by('SecurityPolicy'), ...by('BackendTrafficPolicy'), ...by('ClientTrafficPolicy')]) {
    for (const t of p.spec.targetRefs) check(find(t.kind, t.name), `${w(p)}: target ${t.kind}/${t.name} exists`);
  }
  // the services trust X-Forwarded-For from the gateway, so it must carry the connecting address only (nginx:
  // proxy_set_header X-Forwarded-For $remote_addr)
  check(by('Gateway').every((g) => by('ClientTrafficPolicy').some((p) =>
      p.spec.targetRefs.some((t) => t.kind === 'Gateway' && t.name === g.metadata.name)
      && (p.spec.headers?.earlyRequestHeaders?.remove ?? []).some((h) => h.toLowerCase() === 'x-forwarded-for')
      && (p.spec.clientIPDetection?.xForwardedFor?.numTrustedHops ?? 0) === 0)),
    `${overlay}: every Gateway replaces the client's X-Forwarded-For with the connecting address`);
  check(by('HTTPRoute').every((r) => by('BackendTrafficPolicy').some((p) => p.spec.targetRefs.some((t) => t.kind === 'HTTPRoute' && t.name === r.metadata.name))),
    `${overlay}: every HTTPRoute has a request size limit`);

  kafkaAccessRules(docs, overlay, repo, check);
}

// api-docs: the merged OpenAPI document at /openapi.json, from a ConfigMap that must hold docs/openapi/openapi.json
function apiDocsRules(docs, overlay, find, w) {
  const d = find('Deployment', 'api-docs');
  check(d, `${overlay}: Deployment api-docs (serves /openapi.json)`);
  if (!d) return;
  const pod = d.spec.template.spec;
  const c = pod.containers[0];
  const sc = c.securityContext ?? {};
  check(pod.securityContext?.runAsNonRoot === true && pod.securityContext?.seccompProfile?.type === 'RuntimeDefault'
    && sc.readOnlyRootFilesystem === true && sc.allowPrivilegeEscalation === false && (sc.capabilities?.drop ?? []).includes('ALL'),
    `${w(d)}: non-root, seccomp, read-only root, no privilege escalation, drop ALL`);
  check(c.resources?.requests?.cpu && c.resources?.requests?.memory && c.resources?.limits?.memory, `${w(d)}: cpu/memory requests and memory limit`);
  check(c.readinessProbe?.httpGet?.path === '/openapi.json', `${w(d)}: readiness probe on /openapi.json`);
  const mount = (c.volumeMounts ?? []).find((m) => m.mountPath === '/usr/share/nginx/html');
  const cmName = mount && pod.volumes.find((v) => v.name === mount.name)?.configMap?.name;
  const cm = cmName && find('ConfigMap', cmName);
  check(cm, `${w(d)}: the document's ConfigMap is mounted at the web root`);
  let same = false;
  try {
    same = JSON.stringify(JSON.parse(cm.data['openapi.json'])) === JSON.stringify(JSON.parse(readFileSync(path.join(repo, 'docs/openapi/openapi.json'), 'utf8')));
  } catch { /* missing or not JSON */ }
  check(same, `${overlay} ConfigMap/${cmName}: openapi.json is docs/openapi/openapi.json (regenerate: -Dopenapi.write=true, see docs/openapi/README.md)`);
  check(cm && Buffer.byteLength(cm.data['openapi.json'] ?? '') < 900 * 1024, `${overlay} ConfigMap/${cmName}: below the 1 MiB ConfigMap limit with room`);
  check(find('Service', 'api-docs') && find('PodDisruptionBudget', 'api-docs'), `${w(d)}: Service and PodDisruptionBudget`);
  check(docs.some((o) => o.kind === 'NetworkPolicy' && o.spec.podSelector?.matchLabels?.['app.kubernetes.io/name'] === 'api-docs' && o.spec.ingress),
    `${w(d)}: ingress NetworkPolicy`);
  check(docs.some((o) => o.kind === 'HTTPRoute' && o.spec.rules.some((r) => r.matches.some((m) => m.path?.type === 'Exact' && m.path.value === '/openapi.json')
    && r.backendRefs.some((b) => b.name === 'api-docs'))), `${overlay}: HTTPRoute sends /openapi.json to api-docs`);
}

function overlayRules(docsByOverlay) {
  const prod = docsByOverlay.prod;
  if (prod) {
    const cb = prod.find((o) => o.kind === 'Deployment' && o.metadata.name === 'credit-balance-service');
    check(cb?.spec.template.spec.containers[0].image.endsWith('-mssql'), 'prod credit-balance-service: the mssql image variant');
    const cfg = prod.find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'credit-balance-service-config');
    check(cfg?.data.DB_JDBC_URL.startsWith('jdbc:sqlserver:') && cfg.data.DB_REACTIVE_URL.startsWith('sqlserver:'), 'prod credit-balance-service: SQL Server URLs');
    for (const o of prod.filter((x) => x.kind === 'KafkaTopic')) check(o.spec.replicas === 3, `prod ${o.spec.topicName}: replication 3`);
  }
  const dev = docsByOverlay.dev;
  if (dev) for (const o of dev.filter((x) => x.kind === 'KafkaTopic')) check(o.spec.replicas === 1, `dev ${o.spec.topicName}: replication 1`);
}

function observability() {
  const dir = path.join(repo, 'deploy', 'observability');
  const dashFile = path.join(dir, 'grafana-dashboard.json');
  let dash;
  try { dash = JSON.parse(readFileSync(dashFile, 'utf8')); ok('grafana-dashboard.json parses'); } catch (e) { fail(`grafana-dashboard.json: ${e.message}`); }
  if (dash) {
    const exprs = JSON.stringify(dash.panels ?? []);
    for (const metric of ['http_server_requests_seconds_count', 'http_server_requests_seconds_bucket', 'kafka_consumer_fetch_manager_records_lag_max',
      'outbox_backlog', 'outbox_relay_failures_total', 'inbox_dead_lettered_total', 'notification_deliveries_total']) {
      check(exprs.includes(metric), `grafana-dashboard.json: a panel on ${metric}`);
    }
    check((dash.panels ?? []).every((p) => p.type === 'row' || (p.targets ?? []).length > 0), 'grafana-dashboard.json: every panel has a query');
  }
  return ['alerts.yaml', 'podmonitor.yaml'].flatMap((f) => parseAll(readFileSync(path.join(dir, f), 'utf8'), f));
}

const args = process.argv.slice(2);
const docsByOverlay = {};
const outsideConsumerTemplates = [];
for (const a of args) {
  const [overlay, file] = a.split('=');
  if (overlay === 'outside-consumer') { outsideConsumerTemplates.push(file); continue; }
  docsByOverlay[overlay] = parseAll(readFileSync(file, 'utf8'), overlay);
  for (const o of docsByOverlay[overlay]) await validateSchema(o, overlay);
  suiteRules(docsByOverlay[overlay], overlay);
}
overlayRules(docsByOverlay);
// the KafkaUser template for systems outside the suite (not in the overlays: copied per consumer)
for (const file of outsideConsumerTemplates) {
  const docs = parseAll(readFileSync(file, 'utf8'), file);
  for (const o of docs) await validateSchema(o, file);
  const cluster = Object.values(docsByOverlay).flat().find((o) => o.kind === 'Kafka')?.metadata.name;
  outsideConsumerRules(docs, file, repo, check, cluster);
}
for (const rule of observability()) {
  await validateSchema(rule, 'observability');
  for (const g of rule.spec?.groups ?? []) {
    for (const r of g.rules) {
      check(r.annotations?.summary && r.annotations?.description, `alerts.yaml ${r.alert}: summary and description`);
      check(readme.includes(r.alert), `alerts.yaml ${r.alert}: explained in deploy/k8s/README.md`);
    }
  }
}
console.log(`manifests: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
