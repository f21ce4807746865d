// Validates Kubernetes objects against the schemas of the npm package kubernetes-models.
//
//   node .ci/kubernetes-models/validate.mjs < objects.json
//
// stdin: a JSON array of objects (apiVersion, kind, ...). stdout: a JSON array with one entry per
// object, in order: { apiVersion, kind, name, status, errors }, where status is "valid", "invalid"
// (errors lists what the schema rejects) or "unknown" (kubernetes-models has no such kind, e.g.
// a custom resource such as a ServiceMonitor). Exit code 0 unless the input cannot be read.
// kubernetes-models checks types, required fields and formats; it does not reject unknown fields.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const modelsRoot = process.env.KUBERNETES_MODELS_DIR
  ?? join(here, '..', '..', '.tools', 'node', 'node_modules', 'kubernetes-models');

// "apps/v1" -> <root>/apps/v1/index.js; "v1" (the core group) -> <root>/v1/index.js.
async function modelsOf(apiVersion) {
  const parts = String(apiVersion ?? '').split('/');
  if (parts.some(p => p === '' || p.includes('..'))) {
    return null;
  }
  try {
    return await import(pathToFileURL(join(modelsRoot, ...parts, 'index.js')).href);
  } catch {
    return null;
  }
}

function describe(error) {
  const path = error.instancePath || '/';
  return `${path} ${error.message}`;
}

const objects = JSON.parse(readFileSync(0, 'utf8'));
const results = [];
for (const object of objects) {
  const entry = {
    apiVersion: object?.apiVersion ?? null,
    kind: object?.kind ?? null,
    name: object?.metadata?.name ?? null,
    status: 'unknown',
    errors: [],
  };
  const models = await modelsOf(entry.apiVersion);
  const Model = models?.[entry.kind];
  if (typeof Model === 'function') {
    try {
      new Model(object).validate();
      entry.status = 'valid';
    } catch (error) {
      entry.status = 'invalid';
      entry.errors = Array.isArray(error?.errors) ? error.errors.map(describe) : [String(error?.message ?? error)];
    }
  }
  results.push(entry);
}
process.stdout.write(JSON.stringify(results));
