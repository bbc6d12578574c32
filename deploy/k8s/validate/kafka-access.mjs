// Who may reach and use Kafka, checked against the code (used by validate.mjs):
//   - listeners: every client is authenticated and ACLs decide (authorization simple); the internal listener
//     admits the suite's backends only, the external one only outside consumers' addresses (ipBlocks), both TLS;
//   - the services' client settings (suite-config, each Deployment's login secret and the cluster CA) match the
//     internal listener, and their egress policy its port;
//   - each service's KafkaUser grants exactly what its code needs: WRITE on the topics of its own events, READ
//     on what its application.properties consumes, READ on its group (dead letters stay in its own database);
//   - the outside-consumer template grants READ on exactly the public topics (Topics.PUBLIC) and its own group
//     prefix, nothing else;
//   - events' dataschema base URL and the AsyncAPI production server agree with the gateway and the listener.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

/** Topic names and the public set, read from platform/events' Topics.java. */
export function topicsFromJava(repo) {
  const src = readFileSync(path.join(repo, 'platform/events/src/main/java/com/clinicsuite/events/Topics.java'), 'utf8');
  const constants = Object.fromEntries([...src.matchAll(/static final String (\w+)\s*=\s*"([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const suffix = constants.DEAD_LETTER_SUFFIX ?? '.dlq';
  delete constants.DEAD_LETTER_SUFFIX;
  const set = (name) => {
    const m = new RegExp(`static final Set<String> ${name}\\s*=\\s*Set\\.of\\(([^)]*)\\)`).exec(src);
    return m ? m[1].split(',').map((c) => c.trim()).filter(Boolean).map((c) => constants[c] ?? `?${c}`) : [];
  };
  return { names: Object.values(constants), suffix, publicTopics: set('PUBLIC'), internalTopics: set('INTERNAL') };
}

/** The producing service of a topic: the events' domain (auth.*, credit.*, ...) names it. */
const PRODUCER_BY_DOMAIN = {
  auth: 'auth-service',
  credit: 'credit-balance-service',
  debtors: 'debtor-service',
  imports: 'import-service',
  notifications: 'notification-service',
};

/**
 * What a service consumes, from its application.properties: topics (`topic` or a `topics` list), dead-letter topics,
 * and the consumer groups: a channel's own `group.id`, or the service's group for a channel without one. A group id
 * made per instance (`${quarkus.application.name}-settings-${quarkus.uuid}`: caches dropped on every replica) is a
 * prefix: the text before `${quarkus.uuid}`.
 */
function consumedBy(repo, service) {
  const file = path.join(repo, service, 'src/main/resources/application.properties');
  // plus the channels of the platform modules the service depends on (platform-security's auth-users: every instance
  // reads auth.users with a group of its own), from their META-INF/microprofile-config.properties
  const pom = readFileSync(path.join(repo, service, 'pom.xml'), 'utf8');
  const platform = [...pom.matchAll(/<artifactId>platform-([\w-]+)<\/artifactId>/g)]
    .map((m) => path.join(repo, 'platform', m[1], 'src/main/resources/META-INF/microprofile-config.properties'))
    .filter((f) => existsSync(f));
  const props = [file, ...platform].filter((f) => existsSync(f)).map((f) => readFileSync(f, 'utf8')).join('\n');
  const entries = [...props.matchAll(/^mp\.messaging\.incoming\.([\w-]+)\.([\w.-]+)=(.+)$/gm)]
    .map((m) => ({ channel: m[1], key: m[2], value: m[3].trim() }));
  const of = (key) => entries.filter((e) => e.key === key);
  const topics = [...of('topic'), ...of('topics')].flatMap((e) => e.value.split(',').map((t) => t.trim()));
  const channels = new Set([...of('topic'), ...of('topics')].map((e) => e.channel));
  const groupOf = Object.fromEntries(of('group.id').map((e) => [e.channel, e.value]));
  const groups = [...channels].map((c) => {
    const id = (groupOf[c] ?? service).replaceAll('${quarkus.application.name}', service);
    const uuid = id.indexOf('${quarkus.uuid}');
    return uuid >= 0 ? { name: id.slice(0, uuid), pattern: 'prefix' } : { name: id, pattern: 'literal' };
  });
  return { topics, dlqs: of('dead-letter-queue.topic').map((e) => e.value), groups };
}

const acl = (type, name, patternType, op) => `${type}:${patternType}:${name}:${op}`;
const aclsOf = (user) => new Set((user.spec.authorization?.acls ?? []).flatMap((r) => (r.operations ?? [])
  .map((op) => acl(r.resource.type, r.resource.name ?? '*', r.resource.patternType ?? 'literal', op))));
const sameSet = (a, b) => a.size === b.size && [...a].every((x) => b.has(x));
const diff = (a, b) => [...a].filter((x) => !b.has(x));

export function kafkaAccessRules(docs, overlay, repo, check) {
  const by = (kind) => docs.filter((o) => o.kind === kind);
  const find = (kind, name) => docs.find((o) => o.kind === kind && o.metadata.name === name);
  const kafka = by('Kafka')[0];
  if (!kafka) return;
  const cluster = kafka.metadata.name;
  const spec = kafka.spec.kafka;
  const listeners = spec.listeners ?? [];
  check(spec.authorization?.type === 'simple', `${overlay} Kafka: authorization simple (ACLs from the KafkaUsers)`);
  check(kafka.spec.entityOperator?.userOperator, `${overlay} Kafka: the User Operator runs (it applies the KafkaUsers)`);
  for (const l of listeners) {
    check(['scram-sha-512', 'tls'].includes(l.authentication?.type),
      `${overlay} Kafka listener ${l.name}: authenticated (no anonymous client once ACLs are on)`);
    check(l.tls === true, `${overlay} Kafka listener ${l.name}: TLS`);
  }
  const internal = listeners.filter((l) => l.type === 'internal');
  const external = listeners.filter((l) => l.type !== 'internal' && l.type !== 'cluster-ip');
  check(internal.length === 1, `${overlay} Kafka: one internal listener for the services`);
  check(external.length === 1, `${overlay} Kafka: one external listener for outside consumers`);
  const inner = internal[0];
  if (inner) {
    const peers = inner.networkPolicyPeers ?? [];
    check(peers.length > 0 && peers.every((p) => !p.ipBlock && !p.namespaceSelector
      && p.podSelector?.matchLabels?.['app.kubernetes.io/component'] === 'backend'),
    `${overlay} Kafka listener ${inner.name}: admits the suite's backends only`);
  }
  const outer = external[0];
  if (outer) {
    const peers = outer.networkPolicyPeers ?? [];
    check(peers.length > 0 && peers.every((p) => p.ipBlock?.cidr && !p.podSelector && !p.namespaceSelector),
      `${overlay} Kafka listener ${outer.name}: admits outside consumers' addresses (ipBlocks) only`);
    check(outer.authentication?.type === 'scram-sha-512', `${overlay} Kafka listener ${outer.name}: SCRAM-SHA-512 logins`);
    check(outer.port !== inner?.port, `${overlay} Kafka: external and internal listeners on different ports`);
  }
  // no hand-written policy opens Kafka's pods: Strimzi derives their ingress from the listeners' peers
  check(!by('NetworkPolicy').some((np) => np.spec.podSelector?.matchLabels?.['strimzi.io/cluster'] && np.spec.ingress),
    `${overlay}: no NetworkPolicy besides the listeners' peers admits anyone to Kafka`);

  // the services' client settings match the internal listener
  const cfg = find('ConfigMap', 'suite-config')?.data ?? {};
  if (inner) {
    check(cfg.KAFKA_BOOTSTRAP_SERVERS === `${cluster}-kafka-bootstrap:${inner.port}`,
      `${overlay} suite-config: KAFKA_BOOTSTRAP_SERVERS is the ${inner.name} listener (${cfg.KAFKA_BOOTSTRAP_SERVERS})`);
    check(cfg.KAFKA_SECURITY_PROTOCOL === (inner.tls ? 'SASL_SSL' : 'SASL_PLAINTEXT') && cfg.KAFKA_SASL_MECHANISM === 'SCRAM-SHA-512',
      `${overlay} suite-config: SCRAM-SHA-512 over ${inner.tls ? 'TLS' : 'plaintext'} like the listener`);
    const egress = find('NetworkPolicy', 'backends-egress-kafka');
    check(egress?.spec.egress?.every((e) => e.ports.every((p) => p.port === inner.port)),
      `${overlay} backends-egress-kafka: the ${inner.name} listener's port ${inner.port}`);
  }
  // every Deployment is a Kafka client but api-docs (static nginx serving /openapi.json)
  const clients = by('Deployment').filter((d) => d.metadata.name !== 'api-docs');
  const services = clients.map((d) => d.metadata.name);
  for (const d of clients) {
    const pod = d.spec.template.spec;
    const c = pod.containers[0];
    const jaas = (c.env ?? []).find((e) => e.name === 'KAFKA_SASL_JAAS_CONFIG')?.valueFrom?.secretKeyRef;
    check(jaas?.name === d.metadata.name && jaas?.key === 'sasl.jaas.config',
      `${overlay} Deployment/${d.metadata.name}: Kafka login from its KafkaUser's secret`);
    const user = find('KafkaUser', d.metadata.name);
    check(user?.spec.authentication?.type === 'scram-sha-512' && user.metadata.labels['strimzi.io/cluster'] === cluster,
      `${overlay} Deployment/${d.metadata.name}: KafkaUser ${d.metadata.name} (SCRAM-SHA-512) of the cluster`);
    if (inner?.tls) {
      const mount = (c.volumeMounts ?? []).find((m) => cfg.KAFKA_SSL_TRUSTSTORE_LOCATION?.startsWith(`${m.mountPath}/`));
      const vol = mount && (pod.volumes ?? []).find((v) => v.name === mount.name);
      check(cfg.KAFKA_SSL_TRUSTSTORE_TYPE === 'PEM' && vol?.secret?.secretName === `${cluster}-cluster-ca-cert`
        && vol.secret.items?.some((i) => i.key === 'ca.crt' && cfg.KAFKA_SSL_TRUSTSTORE_LOCATION.endsWith(`/${i.path}`)),
      `${overlay} Deployment/${d.metadata.name}: trusts the cluster CA at KAFKA_SSL_TRUSTSTORE_LOCATION`);
    }
  }

  // each service's ACLs are exactly what its code produces and consumes
  const { names, suffix } = topicsFromJava(repo);
  for (const service of services) {
    const user = find('KafkaUser', service);
    if (!user) continue;
    const expected = new Set();
    for (const t of names.filter((n) => PRODUCER_BY_DOMAIN[n.split('.')[0]] === service)) {
      expected.add(acl('topic', t, 'literal', 'Write')).add(acl('topic', t, 'literal', 'Describe'));
    }
    const consumed = consumedBy(repo, service);
    for (const t of consumed.topics) expected.add(acl('topic', t, 'literal', 'Read')).add(acl('topic', t, 'literal', 'Describe'));
    for (const t of consumed.dlqs) expected.add(acl('topic', t, 'literal', 'Write')).add(acl('topic', t, 'literal', 'Describe'));
    // a channel without its own group.id is in the service's group (platform-outbox's connector default:
    // quarkus.application.name, the service's name)
    for (const g of consumed.groups) expected.add(acl('group', g.name, g.pattern, 'Read'));
    check(consumed.dlqs.every((q) => consumed.topics.some((t) => q === t + suffix)), `${overlay} ${service}: dead-letter topics are <topic>${suffix}`);
    const granted = aclsOf(user);
    check(sameSet(granted, expected) && (user.spec.authorization.acls ?? []).every((r) => (r.type ?? 'allow') === 'allow'),
      `${overlay} KafkaUser/${service}: ACLs are exactly its code's (missing ${diff(expected, granted).join(' ') || '-'}; extra ${diff(granted, expected).join(' ') || '-'})`);
  }
  check(by('KafkaUser').every((u) => services.includes(u.metadata.name)),
    `${overlay}: the overlays hold the services' KafkaUsers only (outside consumers' come from the template)`);

  // dataschema URLs point at this overlay's gateway; the AsyncAPI production server is the external listener
  const host = by('Gateway')[0]?.spec.listeners?.[0]?.hostname;
  check(cfg.EVENTS_SCHEMA_BASE_URL === `https://${host}/events/schemas/`,
    `${overlay} suite-config: EVENTS_SCHEMA_BASE_URL is the gateway's /events/schemas/ (${cfg.EVENTS_SCHEMA_BASE_URL})`);
  if (overlay === 'prod' && outer) {
    const asyncapi = YAML.parse(readFileSync(path.join(repo, 'platform/events/src/main/resources/com/clinicsuite/events/asyncapi.yaml'), 'utf8'));
    const server = asyncapi.servers?.production;
    const names = outer.configuration?.bootstrap?.alternativeNames ?? [];
    check(server?.protocol === 'kafka-secure' && names.some((n) => server.host === `${n}:${outer.port}`),
      `asyncapi.yaml production server ${server?.host}: the prod external listener (${names.join(', ')}:${outer.port})`);
    check(JSON.stringify(asyncapi).includes(`https://${host}/events/schemas/`),
      `asyncapi.yaml: dataschema examples use the prod gateway's https://${host}/events/schemas/`);
  }
}

/** The outside-consumer KafkaUser template: READ on the public topics and the user's own group prefix only. */
export function outsideConsumerRules(docs, where, repo, check, clusterName) {
  check(docs.length === 1 && docs[0].kind === 'KafkaUser', `${where}: one KafkaUser`);
  const user = docs[0];
  if (!user || user.kind !== 'KafkaUser') return;
  const name = user.metadata.name;
  const { publicTopics, suffix } = topicsFromJava(repo);
  check(publicTopics.length > 0, `${where}: Topics.PUBLIC read from Topics.java (${publicTopics.length} topics)`);
  check(user.metadata.labels?.['strimzi.io/cluster'] === clusterName, `${where}: belongs to the Kafka cluster ${clusterName}`);
  check(user.spec.authentication?.type === 'scram-sha-512', `${where}: SCRAM-SHA-512 login (the external listener's)`);
  const rules = user.spec.authorization?.acls ?? [];
  check(rules.every((r) => (r.type ?? 'allow') === 'allow'), `${where}: allow rules only`);
  const expected = new Set([
    ...publicTopics.flatMap((t) => [acl('topic', t, 'literal', 'Read'), acl('topic', t, 'literal', 'Describe')]),
    acl('group', `${name}.`, 'prefix', 'Read'),
  ]);
  const granted = aclsOf(user);
  check(sameSet(granted, expected),
    `${where}: READ on exactly the public topics and groups ${name}.* (missing ${diff(expected, granted).join(' ') || '-'}; extra ${diff(granted, expected).join(' ') || '-'})`);
  check(!rules.some((r) => r.resource.type === 'topic' && (r.resource.patternType === 'prefix' || r.resource.name.endsWith(suffix))),
    `${where}: no topic prefix and no dead-letter topic`);
}
