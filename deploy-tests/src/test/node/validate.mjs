// Validates Kubernetes and Prometheus Operator objects (JSON array on stdin) against the schemas that
// kubernetes-models generates from the Kubernetes OpenAPI and the prometheus-operator CRDs. Prints one line per
// invalid object and exits 1; objects of other API groups are the caller's (Strimzi, CloudNativePG).
import { readFileSync } from "node:fs";

const objects = JSON.parse(readFileSync(0, "utf8"));
const problems = [];
let validated = 0;
for (const object of objects) {
  const [group, version] = object.apiVersion.includes("/") ? object.apiVersion.split("/") : ["", object.apiVersion];
  let module;
  if (group === "monitoring.coreos.com") {
    module = `@kubernetes-models/prometheus-operator/${group}/${version}/${object.kind}`;
  } else if (group === "" || group.endsWith(".k8s.io") || !group.includes(".")) {
    module = `kubernetes-models/${group === "" ? "" : group + "/"}${version}/${object.kind}`;
  } else {
    continue;
  }
  let Model;
  try {
    Model = (await import(module))[object.kind];
  } catch (e) {
    problems.push(`${object.kind} ${object.metadata.name}: no schema for ${object.apiVersion} (${e.message})`);
    continue;
  }
  try {
    new Model(object).validate();
    validated++;
  } catch (e) {
    problems.push(`${object.kind} ${object.metadata.name}: ${e.message}`);
  }
}
console.log(`validated ${validated}`);
for (const problem of problems) console.log(`INVALID ${problem}`);
process.exit(problems.length ? 1 : 0);
