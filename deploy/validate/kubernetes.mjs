// Validates every document of the given Kubernetes manifests against the schema of its apiVersion and kind (the
// OpenAPI schemas of the Kubernetes API, as kubernetes-models ships them). Exits non-zero naming each problem.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const models = {
  "v1/Namespace": () => import("kubernetes-models/v1/Namespace"),
  "v1/ConfigMap": () => import("kubernetes-models/v1/ConfigMap"),
  "v1/Secret": () => import("kubernetes-models/v1/Secret"),
  "v1/Service": () => import("kubernetes-models/v1/Service"),
  "apps/v1/Deployment": () => import("kubernetes-models/apps/v1/Deployment"),
  "policy/v1/PodDisruptionBudget": () => import("kubernetes-models/policy/v1/PodDisruptionBudget"),
  "networking.k8s.io/v1/Ingress": () => import("kubernetes-models/networking.k8s.io/v1/Ingress"),
};

let problems = 0;
let checked = 0;
for (const file of process.argv.slice(2)) {
  for (const document of parseAllDocuments(readFileSync(file, "utf8"))) {
    if (document.errors.length > 0) {
      console.error(`${file}: not YAML: ${document.errors[0].message}`);
      problems++;
      continue;
    }
    const object = document.toJS();
    if (object == null) continue;
    const kind = `${object.apiVersion}/${object.kind}`;
    const load = models[kind];
    if (!load) {
      console.error(`${file}: ${kind} is not a kind this check knows`);
      problems++;
      continue;
    }
    const module = await load();
    const Model = module[object.kind];
    try {
      new Model(object).validate();
      checked++;
    } catch (error) {
      console.error(`${file}: ${kind} ${object.metadata?.name}: ${error.message}`);
      problems++;
    }
  }
}
console.log(`kubernetes: ${checked} object(s) valid, ${problems} problem(s)`);
process.exit(problems === 0 ? 0 : 1);
