#include "kube/embedded/admission.h"

#include <cstdio>
#include <set>

#include "base/base64.h"
#include "kube/object.h"

namespace kanon::kube::embedded {
namespace {

using value::Kind;
using value::Map;

constexpr std::string_view kAlphabet = "bcdfghjklmnpqrstvwxz2456789";

bool HasStatusSubresource(const KindInfo& kind) {
  static const std::set<std::string> kinds = {"Pod",        "StatefulSet", "Deployment",
                                              "ReplicaSet", "Namespace",   "PersistentVolumeClaim",
                                              "Service"};
  return kinds.count(kind.kind) > 0;
}

bool IsAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

bool IsDnsLabel(std::string_view s) {
  if (s.empty() || s.size() > 63 || !IsAlnum(s.front()) || !IsAlnum(s.back())) return false;
  for (char c : s) {
    if (!IsAlnum(c) && c != '-') return false;
  }
  return true;
}

bool IsDnsSubdomain(std::string_view s) {
  if (s.empty() || s.size() > 253) return false;
  size_t start = 0;
  while (true) {
    size_t dot = s.find('.', start);
    std::string_view label = s.substr(start, dot == std::string_view::npos ? dot : dot - start);
    if (label.empty() || !IsAlnum(label.front()) || !IsAlnum(label.back())) return false;
    for (char c : label) {
      if (!IsAlnum(c) && c != '-') return false;
    }
    if (dot == std::string_view::npos) return true;
    start = dot + 1;
  }
}

Status Invalid(const KindInfo& kind, std::string_view name, const std::string& detail) {
  std::string group = kind.gvr.group.empty() ? "" : "." + kind.gvr.group;
  return InvalidArgument(kind.kind + group + " \"" + std::string(name) +
                         "\" is invalid: " + detail);
}

// Folds stringData into base64 data, as the API server does for Secrets.
Result<Value> NormalizeSecret(const KindInfo& kind, Value secret) {
  std::string name = NameOf(secret);
  for (const auto& [key, v] : StringMapField(secret, {"data"})) {
    if (!Base64Decode(v)) {
      return Invalid(kind, name, "data[" + key + "]: Invalid value: illegal base64 data");
    }
  }
  for (const auto& [key, v] : StringMapField(secret, {"stringData"})) {
    secret = SetField(secret, {"data", key}, Value(Base64Encode(v)));
  }
  secret = RemoveField(secret, {"stringData"});
  if (StringField(secret, {"type"}).empty()) secret = SetField(secret, {"type"}, Value("Opaque"));
  return secret;
}

Result<Value> ValidateWorkload(const KindInfo& kind, Value obj) {
  std::string name = NameOf(obj);
  if (FindField(obj, {"spec", "replicas"}) == nullptr) {
    obj = SetField(obj, {"spec", "replicas"}, IntValue(1));
  }
  auto match = StringMapField(obj, {"spec", "selector", "matchLabels"});
  if (match.empty()) return Invalid(kind, name, "spec.selector: Required value");
  auto labels = StringMapField(obj, {"spec", "template", "metadata", "labels"});
  for (const auto& [k, v] : match) {
    auto it = labels.find(k);
    if (it == labels.end() || it->second != v) {
      return Invalid(kind, name,
                     "spec.template.metadata.labels: Invalid value: `selector` does not match "
                     "template `labels`");
    }
  }
  return obj;
}

Result<Value> ValidatePod(const KindInfo& kind, Value pod) {
  std::string name = NameOf(pod);
  const auto& containers = ListField(pod, {"spec", "containers"});
  if (containers.empty()) return Invalid(kind, name, "spec.containers: Required value");
  for (size_t i = 0; i < containers.size(); ++i) {
    if (StringField(containers[i], {"name"}).empty()) {
      return Invalid(kind, name, "spec.containers[" + std::to_string(i) + "].name: Required value");
    }
  }
  if (StringField(pod, {"spec", "restartPolicy"}).empty()) {
    pod = SetField(pod, {"spec", "restartPolicy"}, Value("Always"));
  }
  if (FindField(pod, {"spec", "terminationGracePeriodSeconds"}) == nullptr) {
    pod = SetField(pod, {"spec", "terminationGracePeriodSeconds"}, IntValue(30));
  }
  return SetField(pod, {"status"},
                  MapValue({{"phase", Value("Pending")}, {"qosClass", Value("BestEffort")}}));
}

Value BindClaim(Value pvc) {
  pvc = SetField(pvc, {"spec", "volumeName"}, Value("pvc-" + UidOf(pvc)));
  Map status = {{"phase", Value("Bound")}};
  if (const Value* modes = FindField(pvc, {"spec", "accessModes"})) status["accessModes"] = *modes;
  if (const Value* req = FindField(pvc, {"spec", "resources", "requests"})) {
    status["capacity"] = *req;
  }
  return SetField(pvc, {"status"}, MapValue(std::move(status)));
}

// Kind-specific defaults and checks on create.
Result<Value> ApplyKindRules(const KindInfo& kind, Value obj) {
  if (kind.kind == "Secret") return NormalizeSecret(kind, std::move(obj));
  if (kind.kind == "Pod") return ValidatePod(kind, std::move(obj));
  if (kind.gvr.group == "apps") return ValidateWorkload(kind, RemoveField(obj, {"status"}));
  if (kind.kind == "PersistentVolumeClaim") return BindClaim(std::move(obj));
  if (kind.kind == "Namespace") {
    obj = SetField(obj, {"metadata", "labels", "kubernetes.io/metadata.name"}, Value(NameOf(obj)));
    return SetField(obj, {"status"}, MapValue({{"phase", Value("Active")}}));
  }
  return obj;
}

Result<Value> CheckKind(const KindInfo& kind, const Value& object) {
  if (object.kind() != Kind::kMap) return InvalidArgument("an object must be a JSON object");
  std::string have_kind = StringField(object, {"kind"});
  std::string have_api = StringField(object, {"apiVersion"});
  if ((!have_kind.empty() && have_kind != kind.kind) ||
      (!have_api.empty() && have_api != kind.gvr.ApiVersion())) {
    return InvalidArgument("the object's kind \"" + have_api + ", Kind=" + have_kind +
                           "\" does not match the resource " + kind.gvr.Qualified());
  }
  Value out = SetField(object, {"kind"}, Value(kind.kind));
  return SetField(out, {"apiVersion"}, Value(kind.gvr.ApiVersion()));
}

// Everything that counts for `generation`.
Value Spec(const KindInfo& kind, const Value& obj) {
  Value v = RemoveField(obj, {"metadata"});
  return HasStatusSubresource(kind) ? RemoveField(v, {"status"}) : v;
}

}  // namespace

std::string RandomSuffix(std::mt19937_64& rng) {
  std::string out;
  for (int i = 0; i < 5; ++i) out += kAlphabet[rng() % kAlphabet.size()];
  return out;
}

std::string NewUid(std::mt19937_64& rng) {
  uint64_t hi = rng(), lo = rng();
  hi = (hi & 0xffffffffffff0fffULL) | 0x0000000000004000ULL;  // version 4
  lo = (lo & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;  // RFC 4122 variant
  char buf[40];
  std::snprintf(buf, sizeof buf, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(hi >> 32),
                static_cast<unsigned>((hi >> 16) & 0xffff), static_cast<unsigned>(hi & 0xffff),
                static_cast<unsigned>(lo >> 48),
                static_cast<unsigned long long>(lo & 0xffffffffffffULL));
  return buf;
}

Status NotFoundError(const KindInfo& kind, std::string_view name) {
  return NotFound(kind.gvr.Qualified() + " \"" + std::string(name) + "\" not found");
}

Status ConflictError(const KindInfo& kind, std::string_view name) {
  return Aborted("Operation cannot be fulfilled on " + kind.gvr.Qualified() + " \"" +
                 std::string(name) +
                 "\": the object has been modified; please apply your changes to the latest "
                 "version and try again");
}

Status ValidateName(const KindInfo& kind, std::string_view name) {
  bool label = kind.kind == "Namespace";
  if (label ? IsDnsLabel(name) : IsDnsSubdomain(name)) return OkStatus();
  return Invalid(kind, name,
                 "metadata.name: Invalid value: \"" + std::string(name) + "\": a lowercase RFC " +
                     (label ? "1123 label must consist of lower case alphanumeric characters or "
                              "'-'"
                            : "1123 subdomain must consist of lower case alphanumeric "
                              "characters, '-' or '.'") +
                     ", and must start and end with an alphanumeric character");
}

std::string RequestNamespace(const KindInfo& kind, std::string_view ns, const Value& object) {
  if (!kind.namespaced) return "";
  if (!ns.empty()) return std::string(ns);
  std::string own = NamespaceOf(object);
  return own.empty() ? "default" : own;
}

Result<Value> AdmitCreate(const KindInfo& kind, std::string_view ns_arg, const Value& object,
                          const AdmissionContext& ctx) {
  ASSIGN_OR_RETURN(Value obj, CheckKind(kind, object));
  std::string ns = RequestNamespace(kind, ns_arg, obj);
  std::string own_ns = NamespaceOf(obj);
  if (kind.namespaced && !own_ns.empty() && own_ns != ns) {
    return InvalidArgument("the namespace of the provided object (" + own_ns +
                           ") does not match the namespace sent on the request (" + ns + ")");
  }
  std::string name = NameOf(obj);
  std::string prefix = StringField(obj, {"metadata", "generateName"});
  if (name.empty() && !prefix.empty()) {
    if (prefix.size() > 58) prefix.resize(58);
    for (int attempt = 0; attempt < 8 && (name.empty() || ctx.exists(name)); ++attempt) {
      name = prefix + RandomSuffix(*ctx.rng);
    }
  }
  if (name.empty())
    return Invalid(kind, name,
                   "metadata.name: Required value: name or "
                   "generateName is required");
  RETURN_IF_ERROR(ValidateName(kind, name));
  if (ctx.exists(name)) {
    return AlreadyExists(kind.gvr.Qualified() + " \"" + name + "\" already exists");
  }
  Value meta = FindField(obj, {"metadata"}) ? *FindField(obj, {"metadata"}) : MapValue({});
  for (const char* field : {"resourceVersion", "deletionTimestamp", "deletionGracePeriodSeconds",
                            "managedFields", "selfLink"}) {
    meta = RemoveField(meta, {field});
  }
  meta = SetField(meta, {"name"}, Value(name));
  meta =
      kind.namespaced ? SetField(meta, {"namespace"}, Value(ns)) : RemoveField(meta, {"namespace"});
  meta = SetField(meta, {"uid"}, Value(NewUid(*ctx.rng)));
  meta = SetField(meta, {"creationTimestamp"}, Value(Rfc3339(ctx.now)));
  meta = SetField(meta, {"generation"}, IntValue(1));
  return ApplyKindRules(kind, SetField(obj, {"metadata"}, std::move(meta)));
}

Result<Value> AdmitUpdate(const KindInfo& kind, const Value& current, const Value& object) {
  ASSIGN_OR_RETURN(Value obj, CheckKind(kind, object));
  std::string name = NameOf(current);
  std::string rv = StringField(obj, {"metadata", "resourceVersion"});
  if (!rv.empty() && rv != StringField(current, {"metadata", "resourceVersion"})) {
    return ConflictError(kind, name);
  }
  for (const char* field : {"name", "namespace", "uid", "creationTimestamp", "deletionTimestamp",
                            "deletionGracePeriodSeconds", "resourceVersion"}) {
    const Value* keep = FindField(current, {"metadata", field});
    obj = keep ? SetField(obj, {"metadata", field}, *keep) : RemoveField(obj, {"metadata", field});
  }
  if (kind.kind == "Secret") {
    ASSIGN_OR_RETURN(obj, NormalizeSecret(kind, std::move(obj)));
  }
  if (HasStatusSubresource(kind)) {
    const Value* status = FindField(current, {"status"});
    obj = status ? SetField(obj, {"status"}, *status) : RemoveField(obj, {"status"});
  }
  int64_t generation = IntField(current, {"metadata", "generation"}, 1);
  if (!(Spec(kind, obj) == Spec(kind, current))) ++generation;
  return SetField(obj, {"metadata", "generation"}, IntValue(generation));
}

}  // namespace kanon::kube::embedded
