#!/usr/bin/env node
// Minimal Kustomize renderer, used by validate.sh only where no kustomize >= v5 is installed. It supports what
// deploy/k8s's kustomizations use and nothing more: resources (files and directories), namespace, labels
// (pairs, without selectors), images (name/newName/newTag), patches (strategic-merge files or inline JSON 6902
// lists, with an optional target of kind/name). Anything else fails loudly. validate.sh compares its output
// with the real kustomize's whenever both are available.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

const KNOWN = new Set(['apiVersion', 'kind', 'resources', 'namespace', 'labels', 'images', 'patches']);

function load(file) {
  return YAML.parseAllDocuments(readFileSync(file, 'utf8')).map((d) => d.toJS()).filter(Boolean);
}
const isObj = (v) => v && typeof v === 'object' && !Array.isArray(v);

// strategic merge as kustomize does it for these manifests: maps merge, lists of named objects merge by name,
// other lists are replaced, null deletes.
function merge(base, patch) {
  if (!isObj(base) || !isObj(patch)) return patch;
  const out = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else if (Array.isArray(v) && Array.isArray(out[k]) && v.every((x) => isObj(x) && x.name) && out[k].every((x) => isObj(x) && x.name)) {
      const list = out[k].map((x) => ({ ...x }));
      for (const item of v) {
        const i = list.findIndex((x) => x.name === item.name);
        if (i >= 0) list[i] = merge(list[i], item); else list.push(item);
      }
      out[k] = list;
    } else out[k] = isObj(v) && isObj(out[k]) ? merge(out[k], v) : v;
  }
  return out;
}

function pointer(obj, p) {
  const parts = p.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const last = parts.pop();
  let cur = obj;
  for (const part of parts) {
    if (cur[part] === undefined) throw new Error(`JSON patch path ${p} not found`);
    cur = cur[part];
  }
  return [cur, last];
}
function jsonPatch(obj, ops) {
  const o = structuredClone(obj);
  for (const op of ops) {
    const [parent, key] = pointer(o, op.path);
    if (op.op === 'replace') {
      if (parent[key] === undefined) throw new Error(`replace: ${op.path} not found in ${o.kind}/${o.metadata.name}`);
      parent[key] = op.value;
    } else if (op.op === 'add') {
      if (Array.isArray(parent)) parent.splice(key === '-' ? parent.length : Number(key), 0, op.value); else parent[key] = op.value;
    } else if (op.op === 'remove') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1); else delete parent[key];
    } else throw new Error(`unsupported JSON patch op ${op.op}`);
  }
  return o;
}
const matches = (o, t = {}) => (!t.kind || t.kind === o.kind) && (!t.name || t.name === o.metadata.name);

function build(dir) {
  const k = load(path.join(dir, 'kustomization.yaml'))[0];
  for (const key of Object.keys(k)) if (!KNOWN.has(key)) throw new Error(`${dir}: unsupported kustomization field ${key}`);
  let objs = [];
  for (const r of k.resources ?? []) {
    const p = path.join(dir, r);
    objs.push(...(statSync(p).isDirectory() ? build(p) : load(p)));
  }
  for (const l of k.labels ?? []) {
    if (l.includeSelectors || l.includeTemplates) throw new Error(`${dir}: labels with selectors/templates unsupported`);
    for (const o of objs) o.metadata.labels = { ...(o.metadata.labels ?? {}), ...l.pairs };
  }
  for (const p of k.patches ?? []) {
    const docs = p.path ? load(path.join(dir, p.path)) : [YAML.parse(p.patch)];
    for (const doc of docs) {
      if (Array.isArray(doc)) {
        if (!p.target) throw new Error(`${dir}: JSON patch without target`);
        objs = objs.map((o) => (matches(o, p.target) ? jsonPatch(o, doc) : o));
      } else {
        const t = p.target ?? { kind: doc.kind, name: doc.metadata.name };
        let hit = false;
        objs = objs.map((o) => {
          if (!matches(o, t)) return o;
          hit = true;
          const { metadata, ...rest } = doc;
          const { name, ...meta } = metadata ?? {};
          return merge(o, { ...rest, metadata: meta, apiVersion: o.apiVersion, kind: o.kind });
        });
        if (!hit) throw new Error(`${dir}: patch ${p.path} matches nothing`);
      }
    }
  }
  for (const img of k.images ?? []) {
    for (const o of objs) {
      for (const c of o.spec?.template?.spec?.containers ?? []) {
        const [name, tag] = c.image.split(':');
        if (name !== img.name) continue;
        c.image = `${img.newName ?? name}:${img.newTag ?? tag}`;
      }
    }
  }
  if (k.namespace) for (const o of objs) o.metadata.namespace = k.namespace;
  return objs;
}

const objs = build(process.argv[2]);
process.stdout.write(`# rendered by render.mjs\n${objs.map((o) => YAML.stringify(o)).join('---\n')}`);
