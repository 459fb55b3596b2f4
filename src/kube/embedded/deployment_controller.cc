// Deployment and ReplicaSet controllers.

#include <algorithm>

#include "kube/embedded/store.h"
#include "kube/embedded/workloads.h"
#include "kube/object.h"

namespace kanon::kube::embedded {
namespace {

constexpr std::string_view kRevision = "deployment.kubernetes.io/revision";
constexpr std::string_view kHashLabel = "pod-template-hash";

int64_t Revision(const Value& obj) {
  std::string r = StringField(obj, {"metadata", "annotations", kRevision});
  try {
    return r.empty() ? 0 : std::stoll(r);
  } catch (...) {
    return 0;
  }
}

Value NewReplicaSet(const Value& d, const std::string& name, const std::string& hash,
                    int64_t revision) {
  int64_t replicas = IntField(d, {"spec", "replicas"}, 1);
  Value tmpl = SetField(*FindField(d, {"spec", "template"}), {"metadata", "labels", kHashLabel},
                        Value(hash));
  auto labels = StringMapField(tmpl, {"metadata", "labels"});
  auto match = StringMapField(d, {"spec", "selector", "matchLabels"});
  match[std::string(kHashLabel)] = hash;
  return MapValue(
      {{"apiVersion", Value("apps/v1")},
       {"kind", Value("ReplicaSet")},
       {"metadata",
        MapValue({{"name", Value(name)},
                  {"namespace", Value(NamespaceOf(d))},
                  {"labels", StringMapValue(labels)},
                  {"annotations",
                   StringMapValue(
                       {{std::string(kRevision), std::to_string(revision)},
                        {"deployment.kubernetes.io/desired-replicas", std::to_string(replicas)},
                        {"deployment.kubernetes.io/max-replicas", std::to_string(replicas)}})},
                  {"ownerReferences", ListValue({ControllerRef(d)})}})},
       {"spec", MapValue({{"replicas", IntValue(replicas)},
                          {"selector", MapValue({{"matchLabels", StringMapValue(match)}})},
                          {"template", tmpl}})}});
}

// Pods to remove first: not yet running, then not ready, then the newest.
bool RemoveFirst(const Value& a, const Value& b) {
  auto rank = [](const Value& p) {
    if (StringField(p, {"status", "phase"}) == "Pending") return 0;
    return PodReady(p) ? 2 : 1;
  };
  if (rank(a) != rank(b)) return rank(a) < rank(b);
  return StringField(a, {"metadata", "creationTimestamp"}) >
         StringField(b, {"metadata", "creationTimestamp"});
}

}  // namespace

Value ReconcileReplicaSet(ObjectOps& ops, const Value& rs) {
  if (FindField(rs, {"metadata", "deletionTimestamp"})) return rs;
  const KindInfo& pod_kind = KindNamed("Pod");
  int64_t replicas = IntField(rs, {"spec", "replicas"}, 1);
  const Value* tmpl = FindField(rs, {"spec", "template"});
  if (tmpl == nullptr) return rs;
  std::vector<Value> active;
  for (Value& p : OwnedPods(ops, rs)) {
    if (!PodInactive(p)) active.push_back(std::move(p));
  }
  if (static_cast<int64_t>(active.size()) > replicas) {
    std::sort(active.begin(), active.end(), RemoveFirst);
    while (static_cast<int64_t>(active.size()) > replicas) {
      ops.Delete(pod_kind, active.front());
      active.erase(active.begin());
    }
  }
  for (int64_t i = static_cast<int64_t>(active.size()); i < replicas; ++i) {
    (void)ops.Create(pod_kind, NamespaceOf(rs), PodFromTemplate(*tmpl, rs, NameOf(rs) + "-", {}));
  }
  int64_t count = 0, ready = 0;
  for (const Value& p : OwnedPods(ops, rs)) {
    if (PodInactive(p)) continue;
    ++count;
    ready += PodReady(p) ? 1 : 0;
  }
  Value status =
      MapValue({{"observedGeneration", IntValue(IntField(rs, {"metadata", "generation"}, 1))},
                {"replicas", IntValue(count)},
                {"fullyLabeledReplicas", IntValue(count)},
                {"readyReplicas", IntValue(ready)},
                {"availableReplicas", IntValue(ready)}});
  Result<Value> stored = ops.Write(KindNamed("ReplicaSet"), rs, SetField(rs, {"status"}, status));
  return stored.ok() ? *stored : rs;
}

void ReconcileDeployment(ObjectOps& ops, const Value& d) {
  if (FindField(d, {"metadata", "deletionTimestamp"})) return;
  const Value* tmpl = FindField(d, {"spec", "template"});
  if (tmpl == nullptr) return;
  const KindInfo& rs_kind = KindNamed("ReplicaSet");
  int64_t replicas = IntField(d, {"spec", "replicas"}, 1);
  std::string hash = TemplateHash(*tmpl);
  std::string current_name = NameOf(d) + "-" + hash;
  std::vector<Value> owned;
  int64_t max_revision = 0;
  for (Value& rs : ops.List(rs_kind, NamespaceOf(d))) {
    if (ControllerUid(rs) != UidOf(d)) continue;
    max_revision = std::max(max_revision, Revision(rs));
    owned.push_back(std::move(rs));
  }
  auto current = std::find_if(owned.begin(), owned.end(),
                              [&](const Value& rs) { return NameOf(rs) == current_name; });
  if (current == owned.end()) {
    Result<Value> created =
        ops.Create(rs_kind, NamespaceOf(d), NewReplicaSet(d, current_name, hash, max_revision + 1));
    if (!created.ok()) return;
    owned.push_back(*created);
    current = owned.end() - 1;
  }
  int64_t revision = Revision(*current);
  if (revision < max_revision) revision = max_revision + 1;  // an older template came back
  int64_t total = 0, ready = 0, updated = 0;
  for (Value& rs : owned) {
    bool is_current = NameOf(rs) == current_name;
    Value want = SetField(rs, {"spec", "replicas"}, IntValue(is_current ? replicas : 0));
    if (is_current) {
      want =
          SetField(want, {"metadata", "annotations", kRevision}, Value(std::to_string(revision)));
    }
    Result<Value> stored = ops.Write(rs_kind, rs, want);
    Value now = ReconcileReplicaSet(ops, stored.ok() ? *stored : rs);
    total += IntField(now, {"status", "replicas"}, 0);
    ready += IntField(now, {"status", "readyReplicas"}, 0);
    if (is_current) updated = IntField(now, {"status", "replicas"}, 0);
  }
  Value out = SetField(d, {"metadata", "annotations", kRevision}, Value(std::to_string(revision)));
  out = SetField(
      out, {"status"},
      MapValue({{"observedGeneration", IntValue(IntField(d, {"metadata", "generation"}, 1))},
                {"replicas", IntValue(total)},
                {"updatedReplicas", IntValue(updated)},
                {"readyReplicas", IntValue(ready)},
                {"availableReplicas", IntValue(ready)},
                {"unavailableReplicas", IntValue(std::max<int64_t>(0, replicas - ready))}}));
  (void)ops.Write(KindNamed("Deployment"), d, out);
}

}  // namespace kanon::kube::embedded
