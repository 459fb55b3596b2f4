// StatefulSet controller, and what the workload controllers share.

#include <charconv>
#include <map>

#include "kube/embedded/state_dir.h"
#include "kube/embedded/store.h"
#include "kube/embedded/workloads.h"
#include "kube/object.h"

namespace kanon::kube::embedded {
namespace {

constexpr std::string_view kSafeAlphabet = "bcdfghjklmnpqrstvwxz2456789";

// The ordinal of `<sts>-<n>`, or -1.
int Ordinal(const std::string& sts, const std::string& pod) {
  if (pod.size() <= sts.size() + 1 || pod.compare(0, sts.size() + 1, sts + "-") != 0) return -1;
  int n = -1;
  const char* begin = pod.data() + sts.size() + 1;
  auto [p, ec] = std::from_chars(begin, pod.data() + pod.size(), n);
  return ec == std::errc() && p == pod.data() + pod.size() ? n : -1;
}

void EnsureClaims(ObjectOps& ops, const Value& sts, int ordinal) {
  const KindInfo& pvc_kind = KindNamed("PersistentVolumeClaim");
  std::string ns = NamespaceOf(sts);
  for (const Value& tmpl : ListField(sts, {"spec", "volumeClaimTemplates"})) {
    std::string claim = NameOf(tmpl) + "-" + NameOf(sts) + "-" + std::to_string(ordinal);
    bool exists = false;
    for (const Value& p : ops.List(pvc_kind, ns)) exists = exists || NameOf(p) == claim;
    if (exists) continue;
    auto labels = StringMapField(sts, {"spec", "selector", "matchLabels"});
    for (const auto& [k, v] : StringMapField(tmpl, {"metadata", "labels"})) labels[k] = v;
    Value pvc =
        MapValue({{"apiVersion", Value("v1")},
                  {"kind", Value("PersistentVolumeClaim")},
                  {"metadata", MapValue({{"name", Value(claim)},
                                         {"namespace", Value(ns)},
                                         {"labels", StringMapValue(labels)}})},
                  {"spec", FindField(tmpl, {"spec"}) ? *FindField(tmpl, {"spec"}) : MapValue({})}});
    (void)ops.Create(pvc_kind, ns, pvc);
  }
}

Value StatefulPod(const Value& sts, int ordinal, const std::string& revision) {
  std::string name = NameOf(sts) + "-" + std::to_string(ordinal);
  Value pod = PodFromTemplate(*FindField(sts, {"spec", "template"}), sts, name,
                              {{"controller-revision-hash", revision},
                               {"statefulset.kubernetes.io/pod-name", name},
                               {"apps.kubernetes.io/pod-index", std::to_string(ordinal)}});
  pod = SetField(pod, {"spec", "hostname"}, Value(name));
  std::string service = StringField(sts, {"spec", "serviceName"});
  if (!service.empty()) pod = SetField(pod, {"spec", "subdomain"}, Value(service));
  value::List volumes = ListField(pod, {"spec", "volumes"});
  for (const Value& tmpl : ListField(sts, {"spec", "volumeClaimTemplates"})) {
    bool declared = false;
    for (const Value& v : volumes) declared = declared || NameOf(tmpl) == StringField(v, {"name"});
    if (declared) continue;
    std::string claim = NameOf(tmpl) + "-" + name;
    volumes.push_back(
        MapValue({{"name", Value(NameOf(tmpl))},
                  {"persistentVolumeClaim", MapValue({{"claimName", Value(claim)}})}}));
  }
  if (!volumes.empty()) pod = SetField(pod, {"spec", "volumes"}, ListValue(std::move(volumes)));
  return pod;
}

}  // namespace

std::string TemplateHash(const Value& pod_template) {
  uint32_t h = 2166136261u;  // FNV-1a
  for (unsigned char c : EncodeObject(pod_template)) {
    h ^= c;
    h *= 16777619u;
  }
  std::string out;
  for (char d : std::to_string(h))
    out += kSafeAlphabet[static_cast<size_t>(d) % kSafeAlphabet.size()];
  return out;
}

bool PodInactive(const Value& pod) {
  std::string phase = StringField(pod, {"status", "phase"});
  return FindField(pod, {"metadata", "deletionTimestamp"}) != nullptr || phase == "Succeeded" ||
         phase == "Failed";
}

bool PodReady(const Value& pod) {
  if (StringField(pod, {"status", "phase"}) != "Running") return false;
  for (const Value& c : ListField(pod, {"status", "conditions"})) {
    if (StringField(c, {"type"}) == "Ready") return StringField(c, {"status"}) == "True";
  }
  return false;
}

std::vector<Value> OwnedPods(ObjectOps& ops, const Value& owner) {
  std::vector<Value> out;
  std::string uid = UidOf(owner);
  for (Value& p : ops.List(KindNamed("Pod"), NamespaceOf(owner))) {
    if (ControllerUid(p) == uid) out.push_back(std::move(p));
  }
  return out;
}

Value PodFromTemplate(const Value& pod_template, const Value& owner, const std::string& name,
                      const std::map<std::string, std::string>& extra_labels) {
  auto labels = StringMapField(pod_template, {"metadata", "labels"});
  for (const auto& [k, v] : extra_labels) labels[k] = v;
  value::Map meta = {{"namespace", Value(NamespaceOf(owner))},
                     {"labels", StringMapValue(labels)},
                     {"ownerReferences", ListValue({ControllerRef(owner)})}};
  if (name.back() == '-') {
    meta["generateName"] = Value(name);
  } else {
    meta["name"] = Value(name);
  }
  if (const Value* a = FindField(pod_template, {"metadata", "annotations"})) {
    meta["annotations"] = *a;
  }
  const Value* spec = FindField(pod_template, {"spec"});
  return MapValue({{"apiVersion", Value("v1")},
                   {"kind", Value("Pod")},
                   {"metadata", MapValue(std::move(meta))},
                   {"spec", spec ? *spec : MapValue({})}});
}

void ReconcileStatefulSet(ObjectOps& ops, const Value& sts) {
  if (FindField(sts, {"metadata", "deletionTimestamp"})) return;
  const KindInfo& pod_kind = KindNamed("Pod");
  int64_t replicas = IntField(sts, {"spec", "replicas"}, 1);
  const Value* tmpl = FindField(sts, {"spec", "template"});
  if (tmpl == nullptr) return;
  std::string revision = NameOf(sts) + "-" + TemplateHash(*tmpl);
  std::map<int, Value> pods;
  for (Value& p : OwnedPods(ops, sts)) {
    int ordinal = Ordinal(NameOf(sts), NameOf(p));
    if (ordinal < 0) continue;
    bool terminating = FindField(p, {"metadata", "deletionTimestamp"}) != nullptr;
    bool stale = StringField(p, {"metadata", "labels", "controller-revision-hash"}) != revision;
    if (!terminating && (ordinal >= replicas || stale)) ops.Delete(pod_kind, p);
    pods[ordinal] = std::move(p);
  }
  for (int i = 0; i < replicas; ++i) {
    if (pods.count(i)) continue;
    EnsureClaims(ops, sts, i);
    (void)ops.Create(pod_kind, NamespaceOf(sts), StatefulPod(sts, i, revision));
  }
  int64_t count = 0, ready = 0, updated = 0;
  for (const Value& p : OwnedPods(ops, sts)) {
    if (FindField(p, {"metadata", "deletionTimestamp"})) continue;
    ++count;
    ready += PodReady(p) ? 1 : 0;
    updated += StringField(p, {"metadata", "labels", "controller-revision-hash"}) == revision;
  }
  Value status =
      MapValue({{"observedGeneration", IntValue(IntField(sts, {"metadata", "generation"}, 1))},
                {"replicas", IntValue(count)},
                {"readyReplicas", IntValue(ready)},
                {"availableReplicas", IntValue(ready)},
                {"currentReplicas", IntValue(updated)},
                {"updatedReplicas", IntValue(updated)},
                {"currentRevision", Value(revision)},
                {"updateRevision", Value(revision)},
                {"collisionCount", IntValue(0)}});
  (void)ops.Write(KindNamed("StatefulSet"), sts, SetField(sts, {"status"}, status));
}

}  // namespace kanon::kube::embedded
