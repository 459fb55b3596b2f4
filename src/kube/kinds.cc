// The kinds kanon knows and kubectl-style resolution of a name typed by a user.

#include <algorithm>
#include <cctype>

#include "base/suggest.h"
#include "kube/kube_api.h"

namespace kanon::kube {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

KindInfo Core(std::string resource, std::string kind, std::vector<std::string> short_names,
              bool namespaced = true) {
  std::string singular = Lower(kind);
  return KindInfo{{"", "v1", std::move(resource)},
                  std::move(kind),
                  std::move(singular),
                  std::move(short_names),
                  namespaced};
}

KindInfo Apps(std::string resource, std::string kind, std::vector<std::string> short_names) {
  std::string singular = Lower(kind);
  return KindInfo{{"apps", "v1", std::move(resource)},
                  std::move(kind),
                  std::move(singular),
                  std::move(short_names),
                  true};
}

KindInfo Kanister(std::string resource, std::string kind) {
  std::string singular = Lower(kind);
  return KindInfo{{"cr.kanister.io", "v1alpha1", std::move(resource)},
                  std::move(kind),
                  std::move(singular),
                  {},
                  true};
}

bool NameMatches(const KindInfo& k, const std::string& name) {
  if (name == Lower(k.kind) || name == k.singular || name == k.gvr.resource) return true;
  return std::find(k.short_names.begin(), k.short_names.end(), name) != k.short_names.end();
}

// kubectl accepts "resource", "resource.group" and "resource.version.group".
bool QualifierMatches(const KindInfo& k, const std::string& qualifier) {
  if (qualifier.empty()) return true;
  if (qualifier == k.gvr.group) return true;
  return qualifier == k.gvr.version + "." + k.gvr.group ||
         (k.gvr.group.empty() && qualifier == k.gvr.version);
}

std::vector<std::string> AllNames() {
  std::vector<std::string> names;
  for (const KindInfo& k : KnownKinds()) {
    names.push_back(k.gvr.resource);
    names.push_back(k.singular);
    for (const auto& s : k.short_names) names.push_back(s);
  }
  return names;
}

}  // namespace

const std::vector<KindInfo>& KnownKinds() {
  static const std::vector<KindInfo> kinds = {
      Core("pods", "Pod", {"po"}),
      Core("secrets", "Secret", {}),
      Core("configmaps", "ConfigMap", {"cm"}),
      Core("namespaces", "Namespace", {"ns"}, /*namespaced=*/false),
      Core("persistentvolumeclaims", "PersistentVolumeClaim", {"pvc"}),
      Core("services", "Service", {"svc"}),
      Core("events", "Event", {"ev"}),
      Apps("statefulsets", "StatefulSet", {"sts"}),
      Apps("deployments", "Deployment", {"deploy"}),
      Apps("replicasets", "ReplicaSet", {"rs"}),
      Kanister("actionsets", "ActionSet"),
      Kanister("blueprints", "Blueprint"),
      Kanister("profiles", "Profile"),
  };
  return kinds;
}

Result<KindInfo> ResolveKind(std::string_view name) {
  std::string lower = Lower(name);
  std::string base = lower;
  std::string qualifier;
  if (size_t dot = lower.find('.'); dot != std::string::npos) {
    base = lower.substr(0, dot);
    qualifier = lower.substr(dot + 1);
  }
  for (const KindInfo& k : KnownKinds()) {
    if (NameMatches(k, base) && QualifierMatches(k, qualifier)) return k;
  }
  return NotFound("the server doesn't have a resource type \"" + std::string(name) + "\"" +
                  DidYouMeanSuffix(lower, AllNames()));
}

}  // namespace kanon::kube
