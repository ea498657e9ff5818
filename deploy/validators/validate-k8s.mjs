#!/usr/bin/env node
// Validates Kubernetes manifests offline against the Kubernetes API schemas, with two real
// validators bundled in npm packages (no cluster, no network):
//   1. kubernetes-models: the JSON schemas of every built-in kind (from the Kubernetes OpenAPI
//      spec), compiled with Ajv: types, required fields, enums, int-or-string, formats.
//   2. @kubernetes/client-node: the generated model of each kind, to reject fields the API does not
//      have (a misspelt `readinesProbe`, a mis-indented block), which the API server would drop or
//      refuse under strict field validation.
// Custom resources (Strimzi, MongoDB operator) have no bundled schema: they are checked for
// apiVersion/kind/metadata.name only and reported as such.
//
//   node validate-k8s.mjs [--name LABEL] FILE...     (FILE may be - for stdin, e.g. kubectl kustomize output)
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import * as k8s from "@kubernetes/client-node";

const CUSTOM_GROUPS = ["kafka.strimzi.io", "mongodbcommunity.mongodb.com", "monitoring.coreos.com"];
const args = process.argv.slice(2);
let label = null;
if (args[0] === "--name") { label = args[1]; args.splice(0, 2); }
if (args.length === 0) { console.error("usage: validate-k8s.mjs [--name LABEL] FILE..."); process.exit(2); }

let checked = 0, custom = 0;
const problems = [];

function modelPath(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : [null, apiVersion];
  return group ? `kubernetes-models/${group}/${version}/${kind}` : `kubernetes-models/${version}/${kind}`;
}

function clientModel(apiVersion, kind) {
  const version = apiVersion.split("/").pop();
  return k8s[version.charAt(0).toUpperCase() + version.slice(1) + kind];
}

// walks data along the client model's attribute types, collecting fields the API does not define
function unknownFields(data, type, path, out) {
  if (data === null || data === undefined) return;
  let m;
  if ((m = /^Array<(.+)>$/.exec(type))) {
    if (Array.isArray(data)) data.forEach((d, i) => unknownFields(d, m[1], `${path}[${i}]`, out));
    return;
  }
  if (/^\{ \[key: string\]: (.+); \}$/.test(type)) {
    const inner = /^\{ \[key: string\]: (.+); \}$/.exec(type)[1];
    if (typeof data === "object") for (const [k, v] of Object.entries(data)) unknownFields(v, inner, `${path}.${k}`, out);
    return;
  }
  const cls = k8s[type];
  if (!cls || typeof cls.getAttributeTypeMap !== "function" || typeof data !== "object" || Array.isArray(data)) return;
  const attrs = new Map(cls.getAttributeTypeMap().map((a) => [a.baseName, a.type]));
  for (const [key, value] of Object.entries(data)) {
    if (!attrs.has(key)) out.push(`${path}.${key}: unknown field (not in ${type})`);
    else unknownFields(value, attrs.get(key), `${path}.${key}`, out);
  }
}

for (const file of args) {
  const text = readFileSync(file === "-" ? 0 : file, "utf8");
  const where = label ?? file;
  let index = 0;
  for (const doc of parseAllDocuments(text)) {
    index++;
    if (doc.errors.length) { problems.push(`${where} #${index}: YAML: ${doc.errors[0].message}`); continue; }
    const obj = doc.toJS();
    if (obj === null || obj === undefined) continue;
    const id = `${where} #${index} ${obj.kind ?? "?"}/${obj.metadata?.name ?? "?"}`;
    if (typeof obj.apiVersion !== "string" || typeof obj.kind !== "string") { problems.push(`${id}: apiVersion and kind are required`); continue; }
    if (!obj.metadata?.name) problems.push(`${id}: metadata.name is required`);
    const group = obj.apiVersion.includes("/") ? obj.apiVersion.split("/")[0] : "";
    if (CUSTOM_GROUPS.includes(group)) { custom++; continue; }
    let Model;
    try {
      Model = (await import(modelPath(obj.apiVersion, obj.kind)))[obj.kind];
    } catch {
      problems.push(`${id}: no Kubernetes schema for apiVersion ${obj.apiVersion} kind ${obj.kind}`);
      continue;
    }
    checked++;
    try {
      new Model(obj).validate();
    } catch (e) {
      for (const line of String(e.message).split(", ")) problems.push(`${id}: ${line}`);
    }
    const cls = clientModel(obj.apiVersion, obj.kind);
    if (cls) {
      const out = [];
      unknownFields(obj, cls.name, "", out);
      for (const line of out) problems.push(`${id}: ${line.replace(/^\./, "")}`);
    }
  }
}

const name = label ?? args.join(" ");
if (problems.length) {
  for (const p of problems) console.error(`INVALID ${p}`);
  console.error(`${name}: ${problems.length} problem(s) in ${checked} object(s) checked against the Kubernetes schemas`);
  process.exit(1);
}
console.log(`${name}: ${checked} object(s) valid against the Kubernetes schemas` + (custom ? `, ${custom} custom resource(s) checked for structure only` : ""));
