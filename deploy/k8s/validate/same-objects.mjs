#!/usr/bin/env node
// Compares two multi-document YAML files as sets of objects (keyed by kind/namespace/name), ignoring order.
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import YAML from 'yaml';

const read = (f) => new Map(YAML.parseAllDocuments(readFileSync(f, 'utf8')).map((d) => d.toJS()).filter(Boolean)
  .map((o) => [`${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`, o]));
const [a, b] = process.argv.slice(2).map(read);
let diffs = 0;
for (const key of new Set([...a.keys(), ...b.keys()])) {
  if (!a.has(key) || !b.has(key)) { console.log(`${key}: only in ${a.has(key) ? 'the first' : 'the second'}`); diffs++; }
  else if (!isDeepStrictEqual(a.get(key), b.get(key))) { console.log(`${key}: differs`); diffs++; }
}
process.exit(diffs ? 1 : 0);
