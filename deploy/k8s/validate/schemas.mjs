// Hand-written JSON schemas (checked by hand against the CRDs of Strimzi 0.46-0.48 and Envoy Gateway 1.4+) for
// the custom resources no npm package ships models for. They cover the fields this repo uses, reject unknown
// fields where the CRD does (structural schemas prune them silently, which hides typos), and enforce the
// CRD's enums, types and bounds for those fields. Widen them when a manifest starts using another field.
const quantity = { anyOf: [{ type: 'string', pattern: '^[0-9]+(\\.[0-9]+)?(m|Ki|Mi|Gi|Ti|k|M|G|T)?$' }, { type: 'integer' }] };
const resources = {
  type: 'object',
  additionalProperties: false,
  properties: {
    requests: { type: 'object', additionalProperties: quantity },
    limits: { type: 'object', additionalProperties: quantity },
  },
};
const labelSelector = {
  type: 'object',
  properties: {
    matchLabels: { type: 'object', additionalProperties: { type: 'string' } },
    matchExpressions: { type: 'array' },
  },
  additionalProperties: false,
};
const metadata = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$', maxLength: 253 },
    namespace: { type: 'string' },
    labels: { type: 'object', additionalProperties: { type: 'string' } },
    annotations: { type: 'object', additionalProperties: { type: 'string' } },
  },
};
const strimziClusterLabel = {
  type: 'object',
  required: ['name', 'labels'],
  properties: {
    ...metadata.properties,
    labels: { type: 'object', required: ['strimzi.io/cluster'], additionalProperties: { type: 'string' } },
  },
};
const storageVolume = {
  type: 'object',
  required: ['type'],
  additionalProperties: false,
  properties: {
    id: { type: 'integer', minimum: 0 },
    type: { enum: ['ephemeral', 'persistent-claim'] },
    size: { type: 'string' },
    sizeLimit: { type: 'string' },
    class: { type: 'string' },
    deleteClaim: { type: 'boolean' },
    kraftMetadata: { enum: ['shared'] },
  },
};
const jvmOptions = {
  type: 'object',
  additionalProperties: false,
  properties: {
    '-Xms': { type: 'string', pattern: '^[0-9]+[mMgG]?$' },
    '-Xmx': { type: 'string', pattern: '^[0-9]+[mMgG]?$' },
    '-XX': { type: 'object' },
    gcLoggingEnabled: { type: 'boolean' },
    javaSystemProperties: { type: 'array' },
  },
};
const listenerAuthentication = {
  type: 'object',
  required: ['type'],
  additionalProperties: false,
  properties: { type: { enum: ['tls', 'scram-sha-512', 'oauth', 'custom'] } },
};
// GenericKafkaListenerConfiguration: the fields used here (external listener of type loadbalancer).
const listenerConfiguration = {
  type: 'object',
  additionalProperties: false,
  properties: {
    externalTrafficPolicy: { enum: ['Local', 'Cluster'] },
    loadBalancerSourceRanges: { type: 'array', items: { type: 'string' } },
    bootstrap: {
      type: 'object',
      additionalProperties: false,
      properties: {
        alternativeNames: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$' } },
        host: { type: 'string' },
        annotations: { type: 'object', additionalProperties: { type: 'string' } },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
  },
};
const aclRule = {
  type: 'object',
  required: ['resource', 'operations'],
  additionalProperties: false,
  properties: {
    type: { enum: ['allow', 'deny'] },
    resource: {
      type: 'object',
      required: ['type'],
      additionalProperties: false,
      properties: {
        type: { enum: ['topic', 'group', 'cluster', 'transactionalId'] },
        name: { type: 'string', minLength: 1 },
        patternType: { enum: ['literal', 'prefix'] },
      },
    },
    host: { type: 'string' },
    operations: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: { enum: ['Read', 'Write', 'Create', 'Delete', 'Alter', 'Describe', 'ClusterAction', 'AlterConfigs', 'DescribeConfigs', 'IdempotentWrite', 'All'] },
    },
  },
};
const operatorResources = {
  type: 'object',
  additionalProperties: false,
  properties: {
    watchedNamespace: { type: 'string' },
    reconciliationIntervalMs: { type: 'integer', minimum: 0 },
    resources,
    jvmOptions,
    logging: { type: 'object' },
  },
};
const topLevel = (apiVersion, kind, meta, spec) => ({
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  additionalProperties: false,
  properties: { apiVersion: { const: apiVersion }, kind: { const: kind }, metadata: meta, spec },
});

export const schemas = {
  'kafka.strimzi.io/v1beta2/Kafka': topLevel('kafka.strimzi.io/v1beta2', 'Kafka', metadata, {
    type: 'object',
    required: ['kafka'],
    additionalProperties: false,
    properties: {
      kafka: {
        type: 'object',
        required: ['listeners'],
        additionalProperties: false,
        properties: {
          version: { type: 'string', pattern: '^[0-9]+\\.[0-9]+\\.[0-9]+$' },
          metadataVersion: { type: 'string' },
          replicas: { type: 'integer', minimum: 1 },
          listeners: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              required: ['name', 'port', 'type', 'tls'],
              additionalProperties: false,
              properties: {
                name: { type: 'string', pattern: '^[a-z0-9]{1,11}$' },
                port: { type: 'integer', minimum: 9092 },
                type: { enum: ['internal', 'route', 'loadbalancer', 'nodeport', 'ingress', 'cluster-ip'] },
                tls: { type: 'boolean' },
                authentication: listenerAuthentication,
                configuration: listenerConfiguration,
                networkPolicyPeers: {
                  type: 'array',
                  items: {
                    type: 'object',
                    additionalProperties: false,
                    properties: { podSelector: labelSelector, namespaceSelector: labelSelector, ipBlock: { type: 'object' } },
                  },
                },
              },
            },
          },
          config: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] } },
          authorization: {
            type: 'object',
            required: ['type'],
            additionalProperties: false,
            properties: {
              type: { enum: ['simple', 'opa', 'keycloak', 'custom'] },
              superUsers: { type: 'array', items: { type: 'string' } },
            },
          },
          resources,
          jvmOptions,
          metricsConfig: { type: 'object' },
          logging: { type: 'object' },
          template: { type: 'object' },
          rack: { type: 'object' },
        },
      },
      entityOperator: {
        type: 'object',
        additionalProperties: false,
        properties: {
          topicOperator: operatorResources,
          userOperator: { ...operatorResources, properties: { ...operatorResources.properties, secretPrefix: { type: 'string' } } },
          template: { type: 'object' },
        },
      },
      cruiseControl: { type: 'object' },
      kafkaExporter: { type: 'object' },
    },
  }),
  'kafka.strimzi.io/v1beta2/KafkaNodePool': topLevel('kafka.strimzi.io/v1beta2', 'KafkaNodePool', strimziClusterLabel, {
    type: 'object',
    required: ['replicas', 'roles', 'storage'],
    additionalProperties: false,
    properties: {
      replicas: { type: 'integer', minimum: 0 },
      roles: { type: 'array', minItems: 1, items: { enum: ['controller', 'broker'] }, uniqueItems: true },
      storage: {
        type: 'object',
        required: ['type'],
        additionalProperties: false,
        properties: {
          type: { enum: ['ephemeral', 'persistent-claim', 'jbod'] },
          size: { type: 'string' },
          deleteClaim: { type: 'boolean' },
          kraftMetadata: { enum: ['shared'] },
          volumes: { type: 'array', minItems: 1, items: storageVolume },
        },
      },
      resources,
      jvmOptions,
      template: { type: 'object' },
    },
  }),
  'kafka.strimzi.io/v1beta2/KafkaTopic': topLevel('kafka.strimzi.io/v1beta2', 'KafkaTopic', strimziClusterLabel, {
    type: 'object',
    additionalProperties: false,
    properties: {
      topicName: { type: 'string', pattern: '^[a-zA-Z0-9._-]{1,249}$' },
      partitions: { type: 'integer', minimum: 1 },
      replicas: { type: 'integer', minimum: 1, maximum: 32767 },
      config: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean', 'array'] } },
    },
  }),
  'kafka.strimzi.io/v1beta2/KafkaUser': topLevel('kafka.strimzi.io/v1beta2', 'KafkaUser', strimziClusterLabel, {
    type: 'object',
    additionalProperties: false,
    properties: {
      authentication: {
        type: 'object',
        required: ['type'],
        additionalProperties: false,
        properties: {
          type: { enum: ['tls', 'tls-external', 'scram-sha-512'] },
          password: { type: 'object' },
        },
      },
      authorization: {
        type: 'object',
        required: ['type', 'acls'],
        additionalProperties: false,
        properties: { type: { const: 'simple' }, acls: { type: 'array', items: aclRule } },
      },
      quotas: { type: 'object' },
      template: { type: 'object' },
    },
  }),
  'gateway.envoyproxy.io/v1alpha1/SecurityPolicy': topLevel('gateway.envoyproxy.io/v1alpha1', 'SecurityPolicy', metadata, {
    type: 'object',
    required: ['targetRefs'],
    additionalProperties: false,
    properties: {
      targetRefs: { $ref: '#/$defs/targetRefs' },
      cors: {
        type: 'object',
        additionalProperties: false,
        properties: {
          allowOrigins: { type: 'array', items: { type: 'string', pattern: '^(\\*|https?:\\/\\/(\\*\\.)?[a-z0-9.-]+(:[0-9]+)?)$' } },
          allowMethods: { type: 'array', items: { type: 'string' } },
          allowHeaders: { type: 'array', items: { type: 'string' } },
          exposeHeaders: { type: 'array', items: { type: 'string' } },
          maxAge: { type: 'string', pattern: '^([0-9]{1,5}(h|m|s|ms)){1,4}$' },
          allowCredentials: { type: 'boolean' },
        },
      },
    },
  }),
  'gateway.envoyproxy.io/v1alpha1/ClientTrafficPolicy': topLevel('gateway.envoyproxy.io/v1alpha1', 'ClientTrafficPolicy', metadata, {
    type: 'object',
    required: ['targetRefs'],
    additionalProperties: false,
    properties: {
      targetRefs: { $ref: '#/$defs/targetRefs' },
      headers: {
        type: 'object',
        additionalProperties: false,
        properties: {
          // a Gateway API HTTPHeaderFilter
          earlyRequestHeaders: {
            type: 'object',
            additionalProperties: false,
            properties: {
              set: { $ref: '#/$defs/headerValues' },
              add: { $ref: '#/$defs/headerValues' },
              remove: { type: 'array', maxItems: 16, items: { type: 'string', minLength: 1, maxLength: 256 } },
            },
          },
        },
      },
      clientIPDetection: {
        type: 'object',
        additionalProperties: false,
        properties: {
          xForwardedFor: {
            type: 'object',
            additionalProperties: false,
            properties: { numTrustedHops: { type: 'integer', minimum: 0 } },
          },
        },
      },
    },
  }),
  'gateway.envoyproxy.io/v1alpha1/BackendTrafficPolicy': topLevel('gateway.envoyproxy.io/v1alpha1', 'BackendTrafficPolicy', metadata, {
    type: 'object',
    required: ['targetRefs'],
    additionalProperties: false,
    properties: {
      targetRefs: { $ref: '#/$defs/targetRefs' },
      requestBuffer: {
        type: 'object',
        required: ['limit'],
        additionalProperties: false,
        properties: { limit: { type: 'string', pattern: '^[0-9]+(Ki|Mi|Gi)?$' } },
      },
      timeout: { type: 'object' },
      retry: { type: 'object' },
      // Envoy Gateway >= 1.2 (CustomResponse): at most 4096 bytes of body, status ranges within 100-599
      responseOverride: {
        type: 'array',
        items: {
          type: 'object',
          required: ['match', 'response'],
          additionalProperties: false,
          properties: {
            match: {
              type: 'object',
              required: ['statusCodes'],
              additionalProperties: false,
              properties: {
                statusCodes: {
                  type: 'array',
                  minItems: 1,
                  items: {
                    type: 'object',
                    required: ['type'],
                    additionalProperties: false,
                    properties: {
                      type: { enum: ['Value', 'Range'] },
                      value: { type: 'integer', minimum: 100, maximum: 599 },
                      range: {
                        type: 'object',
                        required: ['start', 'end'],
                        additionalProperties: false,
                        properties: {
                          start: { type: 'integer', minimum: 100, maximum: 599 },
                          end: { type: 'integer', minimum: 100, maximum: 599 },
                        },
                      },
                    },
                    oneOf: [
                      { properties: { type: { const: 'Value' } }, required: ['value'], not: { required: ['range'] } },
                      { properties: { type: { const: 'Range' } }, required: ['range'], not: { required: ['value'] } },
                    ],
                  },
                },
              },
            },
            response: {
              type: 'object',
              additionalProperties: false,
              properties: {
                contentType: { type: 'string' },
                statusCode: { type: 'integer', minimum: 100, maximum: 599 },
                body: {
                  type: 'object',
                  required: ['type'],
                  additionalProperties: false,
                  properties: {
                    type: { enum: ['Inline', 'ValueRef'] },
                    inline: { type: 'string', maxLength: 4096 },
                    valueRef: {
                      type: 'object',
                      required: ['group', 'kind', 'name'],
                      additionalProperties: false,
                      properties: { group: { const: '' }, kind: { const: 'ConfigMap' }, name: { type: 'string' } },
                    },
                  },
                  oneOf: [
                    { properties: { type: { const: 'Inline' } }, required: ['inline'] },
                    { properties: { type: { const: 'ValueRef' } }, required: ['valueRef'] },
                  ],
                },
              },
            },
          },
        },
      },
    },
  }),
};

export const defs = {
  headerValues: {
    type: 'array',
    maxItems: 16,
    items: {
      type: 'object',
      required: ['name', 'value'],
      additionalProperties: false,
      properties: { name: { type: 'string', minLength: 1, maxLength: 256 }, value: { type: 'string', maxLength: 4096 } },
    },
  },
  targetRefs: {
    type: 'array',
    minItems: 1,
    items: {
      type: 'object',
      required: ['group', 'kind', 'name'],
      additionalProperties: false,
      properties: {
        group: { const: 'gateway.networking.k8s.io' },
        kind: { enum: ['Gateway', 'HTTPRoute', 'GRPCRoute'] },
        name: { type: 'string' },
        sectionName: { type: 'string' },
      },
    },
  },
};
