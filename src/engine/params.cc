#include "engine/params.h"

#include <algorithm>
#include <cstdio>

#include "base/base64.h"
#include "engine/go_types.h"

namespace kanon::engine {
namespace {

using value::GoType;
using value::Kind;
using value::List;
using value::Map;

const kube::Gvr kPods{"", "v1", "pods"};
const kube::Gvr kSecrets{"", "v1", "secrets"};
const kube::Gvr kConfigMaps{"", "v1", "configmaps"};
const kube::Gvr kStatefulSets{"apps", "v1", "statefulsets"};
const kube::Gvr kDeployments{"apps", "v1", "deployments"};
const kube::Gvr kReplicaSets{"apps", "v1", "replicasets"};
const kube::Gvr kPvcs{"", "v1", "persistentvolumeclaims"};
const kube::Gvr kNamespaces{"", "v1", "namespaces"};
const kube::Gvr kProfiles{"cr.kanister.io", "v1alpha1", "profiles"};

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

const Value& At(const Value& v, std::initializer_list<std::string_view> path) {
  static const Value kNil;
  const Value* cur = &v;
  for (auto k : path) {
    cur = cur->Find(k);
    if (cur == nullptr) return kNil;
  }
  return *cur;
}

std::string Str(const Value& v) { return v.kind() == Kind::kString ? v.AsString() : ""; }

Value StringMap(const std::map<std::string, std::string>& m) {
  Map out;
  for (const auto& [k, v] : m) out[k] = Value(v);
  return Value::FromMap(std::move(out), GoType::kStringMap);
}

bool OwnedBy(const Value& obj, const std::string& uid) {
  const Value& refs = At(obj, {"metadata", "ownerReferences"});
  if (refs.kind() != Kind::kList) return false;
  for (const Value& r : refs.AsList()) {
    if (Str(At(r, {"uid"})) == uid) return true;
  }
  return false;
}

// Volume name -> claim name for PVC-backed volumes of a pod spec.
std::map<std::string, std::string> ClaimVolumes(const Value& pod_spec) {
  std::map<std::string, std::string> out;
  const Value& vols = At(pod_spec, {"volumes"});
  if (vols.kind() != Kind::kList) return out;
  for (const Value& v : vols.AsList()) {
    std::string claim = Str(At(v, {"persistentVolumeClaim", "claimName"}));
    if (!claim.empty()) out[Str(At(v, {"name"}))] = claim;
  }
  return out;
}

// claim -> mount path over all containers' volumeMounts.
Value PvcMounts(const Value& pod_spec, const std::map<std::string, std::string>& claims) {
  Map out;
  const Value& containers = At(pod_spec, {"containers"});
  if (containers.kind() != Kind::kList) return Value::FromMap({}, GoType::kStringMap);
  for (const Value& c : containers.AsList()) {
    const Value& mounts = At(c, {"volumeMounts"});
    if (mounts.kind() != Kind::kList) continue;
    for (const Value& m : mounts.AsList()) {
      auto it = claims.find(Str(At(m, {"name"})));
      if (it != claims.end()) out[it->second] = Value(Str(At(m, {"mountPath"})));
    }
  }
  return Value::FromMap(std::move(out), GoType::kStringMap);
}

struct Workload {
  List pods, containers;
  Map pvcs;
};

void AddPod(const Value& pod, const std::map<std::string, std::string>& claims, Workload* w) {
  std::string name = Str(At(pod, {"metadata", "name"}));
  w->pods.emplace_back(name);
  List names;
  const Value& statuses = At(pod, {"status", "containerStatuses"});
  if (statuses.kind() == Kind::kList) {
    for (const Value& s : statuses.AsList()) names.emplace_back(Str(At(s, {"name"})));
  }
  w->containers.push_back(Value::FromList(std::move(names), GoType::kStringList));
  w->pvcs[name] = PvcMounts(At(pod, {"spec"}), claims);
}

Value WorkloadStruct(const gotypes::TypePtr& type, const model::ObjectReference& ref, Workload w) {
  return Value::FromStruct(
      type,
      {Value(ref.name), Value(ref.namespace_),
       Value::FromList(std::move(w.pods), GoType::kStringList),
       Value::FromList(std::move(w.containers)), Value::FromMap(std::move(w.pvcs))},
      true);
}

Result<std::vector<Value>> RunningPodsOwnedBy(kube::KubeApi& api, const std::string& ns,
                                              const std::string& uid) {
  ASSIGN_OR_RETURN(auto pods, api.List(kPods, ns, kube::LabelSelector()));
  std::vector<Value> out;
  for (const Value& p : pods) {
    if (OwnedBy(p, uid) && Str(At(p, {"status", "phase"})) == "Running") out.push_back(p);
  }
  return out;
}

Result<Value> StatefulSetParams(kube::KubeApi& api, const model::ObjectReference& ref) {
  ASSIGN_OR_RETURN(Value sts, api.Get(kStatefulSets, ref.namespace_, ref.name));
  ASSIGN_OR_RETURN(auto pods,
                   RunningPodsOwnedBy(api, ref.namespace_, Str(At(sts, {"metadata", "uid"}))));
  const Value& tmpl_spec = At(sts, {"spec", "template", "spec"});
  Workload w;
  for (const Value& pod : pods) {
    std::string pod_name = Str(At(pod, {"metadata", "name"}));
    auto claims = ClaimVolumes(tmpl_spec);
    const Value& vcts = At(sts, {"spec", "volumeClaimTemplates"});
    std::string ordinal = pod_name.substr(pod_name.rfind('-') + 1);
    if (vcts.kind() == Kind::kList) {
      for (const Value& t : vcts.AsList()) {
        std::string tn = Str(At(t, {"metadata", "name"}));
        claims[tn] = tn + "-" + ref.name + "-" + ordinal;
      }
    }
    Workload one;
    AddPod(pod, claims, &one);
    // Mounts come from the template (the pod spec of a host-process pod may omit them).
    one.pvcs[pod_name] = PvcMounts(tmpl_spec, claims);
    w.pods.push_back(one.pods[0]);
    w.containers.push_back(one.containers[0]);
    w.pvcs[pod_name] = one.pvcs[pod_name];
  }
  return WorkloadStruct(gotypes::StatefulSetParams(), ref, std::move(w));
}

Result<Value> DeploymentParams(kube::KubeApi& api, const model::ObjectReference& ref) {
  ASSIGN_OR_RETURN(Value dep, api.Get(kDeployments, ref.namespace_, ref.name));
  std::string revision =
      Str(At(dep, {"metadata", "annotations", "deployment.kubernetes.io/revision"}));
  ASSIGN_OR_RETURN(auto rss, api.List(kReplicaSets, ref.namespace_, kube::LabelSelector()));
  std::string rs_uid;
  for (const Value& rs : rss) {
    if (!OwnedBy(rs, Str(At(dep, {"metadata", "uid"})))) continue;
    if (Str(At(rs, {"metadata", "annotations", "deployment.kubernetes.io/revision"})) == revision) {
      rs_uid = Str(At(rs, {"metadata", "uid"}));
    }
  }
  Workload w;
  if (!rs_uid.empty()) {
    ASSIGN_OR_RETURN(auto pods, RunningPodsOwnedBy(api, ref.namespace_, rs_uid));
    auto claims = ClaimVolumes(At(dep, {"spec", "template", "spec"}));
    for (const Value& pod : pods) AddPod(pod, claims, &w);
  }
  return WorkloadStruct(gotypes::DeploymentParams(), ref, std::move(w));
}

Result<kube::Gvr> ObjectGvr(const model::ObjectReference& ref, const std::string& kind) {
  if (kind == "statefulset") return kStatefulSets;
  if (kind == "deployment") return kDeployments;
  if (kind == "pvc") return kPvcs;
  if (kind == "namespace") return kNamespaces;
  if (!ref.resource.empty() && !ref.api_version.empty()) {
    return kube::Gvr{ref.group, ref.api_version, ref.resource};
  }
  return InvalidArgument("object kind \"" + ref.kind +
                         "\" is not one of deployment, statefulset, pvc, namespace: set "
                         "apiVersion, group and resource for other kinds");
}

Value BytesMap(const Value& data) {
  Map out;
  if (data.kind() == Kind::kMap) {
    for (const auto& [k, v] : data.AsMap()) {
      auto decoded = Base64Decode(Str(v));
      out[k] = Value::Bytes(decoded ? *decoded : Str(v));
    }
  }
  return Value::FromMap(std::move(out));
}

Value StrMapOf(const Value& data) {
  Map out;
  if (data.kind() == Kind::kMap) {
    for (const auto& [k, v] : data.AsMap()) out[k] = Value(Str(v));
  }
  return Value::FromMap(std::move(out), GoType::kStringMap);
}

Value EmptyPhase() {
  return Value::FromStruct(gotypes::Phase(),
                           {Value::FromMap({}), Value::FromMap({}), Value::FromMap({})}, true);
}

Result<std::string> SecretKey(const Value& secret, const std::string& key,
                              const model::ObjectReference& ref) {
  const Value& data = At(secret, {"data", key});
  if (data.kind() == Kind::kString) {
    auto d = Base64Decode(data.AsString());
    if (d) return *d;
  }
  const Value& sd = At(secret, {"stringData", key});
  if (sd.kind() == Kind::kString) return sd.AsString();
  return NotFound("profile credential: secret " + ref.namespace_ + "/" + ref.name +
                  " has no key \"" + key + "\"");
}

Result<ResolvedProfile> ResolveProfile(kube::KubeApi& api, const model::ObjectReference& ref) {
  ASSIGN_OR_RETURN(Value obj, api.Get(kProfiles, ref.namespace_, ref.name));
  auto decoded = model::DecodeProfile(obj);
  if (!decoded.ok()) {
    return decoded.status().WithContext("profile " + ref.namespace_ + "/" + ref.name);
  }
  ResolvedProfile r{*decoded, "", "", Value()};
  const auto& cred = r.profile.credential;
  if (cred.type == "keyPair") {
    const auto& s = cred.key_pair.secret;
    ASSIGN_OR_RETURN(Value secret, api.Get(kSecrets, s.namespace_, s.name));
    ASSIGN_OR_RETURN(r.key_id, SecretKey(secret, cred.key_pair.id_field, s));
    ASSIGN_OR_RETURN(r.key_secret, SecretKey(secret, cred.key_pair.secret_field, s));
  } else if (cred.type == "secret") {
    ASSIGN_OR_RETURN(Value secret, api.Get(kSecrets, cred.secret.namespace_, cred.secret.name));
    r.secret = SecretStruct(secret);
  }
  return r;
}

}  // namespace

std::string Rfc3339Nano(const value::Time& t) {
  time_t secs = static_cast<time_t>(t.unix_sec);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
  std::string s = buf;
  if (t.nsec > 0) {
    char frac[16];
    std::snprintf(frac, sizeof frac, ".%09d", t.nsec);
    std::string f = frac;
    while (f.back() == '0') f.pop_back();
    s += f;
  }
  return s + "Z";
}

Value SecretStruct(const Value& object) {
  // The API server folds stringData into data; a stored object may still carry it.
  Map data = BytesMap(At(object, {"data"})).AsMap();
  const Value& sd = At(object, {"stringData"});
  if (sd.kind() == Kind::kMap) {
    for (const auto& [k, v] : sd.AsMap()) data[k] = Value::Bytes(Str(v));
  }
  return Value::FromStruct(gotypes::Secret(),
                           {At(object, {"metadata"}), Value(), Value::FromMap(std::move(data)),
                            StrMapOf(At(object, {"stringData"})), Value(Str(At(object, {"type"})))},
                           false);
}

Value ConfigMapStruct(const Value& object) {
  return Value::FromStruct(gotypes::ConfigMap(),
                           {At(object, {"metadata"}), Value(), StrMapOf(At(object, {"data"})),
                            BytesMap(At(object, {"binaryData"}))},
                           false);
}

Value ProfileStruct(const ResolvedProfile& p) {
  const auto& l = p.profile.location;
  Value location = Value::FromStruct(
      gotypes::Location(),
      {Value(l.type), Value(l.bucket), Value(l.endpoint), Value(l.prefix), Value(l.region)}, false);
  Value key_pair = Value::NilPointer(gotypes::KeyPair());
  if (p.profile.credential.type == "keyPair") {
    key_pair = Value::FromStruct(gotypes::KeyPair(), {Value(p.key_id), Value(p.key_secret)}, true);
  }
  Value secret = p.secret.is_nil()
                     ? Value::NilPointer(gotypes::Secret())
                     : Value::FromStruct(gotypes::Secret(), p.secret.AsStruct().fields, true);
  Value credential = Value::FromStruct(gotypes::Credential(),
                                       {Value(p.profile.credential.type), key_pair, secret,
                                        p.profile.credential.kopia_server_secret},
                                       false);
  return Value::FromStruct(gotypes::Profile(),
                           {location, credential, Value(p.profile.skip_ssl_verify)}, true);
}

Result<TemplateParams> TemplateParams::Build(kube::KubeApi& api, const model::ActionSpec& spec,
                                             const value::Time& now) {
  TemplateParams p;
  p.spec_ = spec;
  const auto& ref = spec.object;
  p.kind_ = Lower(ref.kind);
  auto& f = p.fields_;
  f["StatefulSet"] = Value::NilPointer(gotypes::StatefulSetParams());
  f["DeploymentConfig"] = Value::NilPointer(gotypes::DeploymentConfigParams());
  f["Deployment"] = Value::NilPointer(gotypes::DeploymentParams());
  f["PVC"] = Value::NilPointer(gotypes::PVCParams());
  f["Namespace"] = Value::NilPointer(gotypes::NamespaceParams());
  if (p.kind_ == "statefulset") {
    ASSIGN_OR_RETURN(f["StatefulSet"], StatefulSetParams(api, ref));
  } else if (p.kind_ == "deployment") {
    ASSIGN_OR_RETURN(f["Deployment"], DeploymentParams(api, ref));
  } else if (p.kind_ == "pvc") {
    RETURN_IF_ERROR(api.Get(kPvcs, ref.namespace_, ref.name).status());
    f["PVC"] =
        Value::FromStruct(gotypes::PVCParams(), {Value(ref.name), Value(ref.namespace_)}, true);
  } else if (p.kind_ == "namespace") {
    f["Namespace"] = Value::FromStruct(gotypes::NamespaceParams(),
                                       {Value(ref.namespace_), Value(ref.namespace_)}, true);
  }
  ASSIGN_OR_RETURN(kube::Gvr gvr, ObjectGvr(ref, p.kind_));
  std::string obj_ns = p.kind_ == "namespace" ? "" : ref.namespace_;
  std::string obj_name = p.kind_ == "namespace" ? ref.namespace_ : ref.name;
  auto obj = api.Get(gvr, obj_ns, obj_name);
  if (!obj.ok()) return obj.status().WithContext("fetching the action's object");
  f["Object"] = *obj;

  Map artifacts;
  for (const auto& [name, a] : spec.artifacts) {
    artifacts[name] = Value::FromStruct(gotypes::Artifact(),
                                        {StringMap(a.key_value), Value(a.kopia_snapshot)}, false);
  }
  f["ArtifactsIn"] = Value::FromMap(std::move(artifacts));
  Map cms, secs;
  for (const auto& [name, r] : spec.config_maps) {
    auto cm = api.Get(kConfigMaps, r.namespace_, r.name);
    if (!cm.ok()) return cm.status().WithContext("configMap \"" + name + "\"");
    cms[name] = ConfigMapStruct(*cm);
  }
  for (const auto& [name, r] : spec.secrets) {
    auto s = api.Get(kSecrets, r.namespace_, r.name);
    if (!s.ok()) return s.status().WithContext("secret \"" + name + "\"");
    secs[name] = SecretStruct(*s);
  }
  f["ConfigMaps"] = Value::FromMap(std::move(cms));
  f["Secrets"] = Value::FromMap(std::move(secs));
  f["Time"] = Value(Rfc3339Nano(now));
  f["Profile"] = Value::NilPointer(gotypes::Profile());
  if (spec.profile && !spec.profile->name.empty()) {
    ASSIGN_OR_RETURN(ResolvedProfile rp, ResolveProfile(api, *spec.profile));
    f["Profile"] = ProfileStruct(rp);
    p.profile_ = std::move(rp);
  }
  f["Options"] = StringMap(spec.options);
  f["PodOverride"] = spec.pod_override.is_nil() ? Value::FromMap({}) : spec.pod_override;
  f["PodLabels"] = StringMap(spec.pod_labels);
  f["PodAnnotations"] = StringMap(spec.pod_annotations);
  p.defer_phase_ = EmptyPhase();
  return p;
}

Value TemplateParams::ToValue() const {
  std::vector<Value> values;
  for (const auto& field : gotypes::TemplateParams()->fields) {
    if (field.name == "Phases") {
      Map m(phases_.begin(), phases_.end());
      values.push_back(Value::FromMap(std::move(m)));
    } else if (field.name == "DeferPhase") {
      values.push_back(defer_phase_);
    } else if (field.name == "CurrentPhase") {
      values.push_back(Value::NilPointer(gotypes::Phase()));
    } else {
      auto it = fields_.find(field.name);
      values.push_back(it == fields_.end() ? Value() : it->second);
    }
  }
  return Value::FromStruct(gotypes::TemplateParams(), std::move(values), false);
}

Status TemplateParams::StartPhase(kube::KubeApi& api, const std::string& name,
                                  const std::map<std::string, model::ObjectReference>& objects,
                                  bool defer) {
  Map secrets, config_maps;
  for (const auto& [key, ref] : objects) {
    std::string kind = Lower(ref.kind);
    if (kind == "secret") {
      auto s = api.Get(kSecrets, ref.namespace_, ref.name);
      if (!s.ok()) return s.status().WithContext("phase object \"" + key + "\"");
      secrets[key] = SecretStruct(*s);
    } else if (kind == "configmap") {
      auto c = api.Get(kConfigMaps, ref.namespace_, ref.name);
      if (!c.ok()) return c.status().WithContext("phase object \"" + key + "\"");
      config_maps[key] = ConfigMapStruct(*c);
    }
  }
  Value phase = Value::FromStruct(gotypes::Phase(),
                                  {Value::FromMap(std::move(secrets)),
                                   Value::FromMap(std::move(config_maps)), Value::FromMap({})},
                                  true);
  if (defer) {
    defer_phase_ = phase;
  } else {
    phases_[name] = phase;
  }
  return OkStatus();
}

void TemplateParams::SetPhaseOutput(const std::string& name, const Value& output, bool defer) {
  Value& slot = defer ? defer_phase_ : phases_[name];
  if (slot.is_nil() || slot.is_nil_pointer()) slot = EmptyPhase();
  auto fields = slot.AsStruct().fields;
  fields[2] = output.is_nil() ? Value::FromMap({}) : output;
  slot = Value::FromStruct(gotypes::Phase(), std::move(fields), true);
}

}  // namespace kanon::engine
