#include "model/types.h"

#include "model/decode.h"

namespace kanon::model {
namespace {

using value::Kind;
using value::Map;

std::string MetaString(const Value& metadata, std::string_view key) {
  const Value* v = metadata.Find(key);
  return v && v->kind() == Kind::kString ? v->AsString() : std::string();
}

void Collect(const Status& s, std::vector<std::string>* problems) {
  if (!s.ok()) problems->push_back(s.message());
}

Result<std::map<std::string, Artifact>> DecodeArtifacts(const Value& v, const std::string& path) {
  std::map<std::string, Artifact> out;
  if (v.is_nil()) return out;
  if (v.kind() != Kind::kMap) return InvalidArgument(path + ": expected a map of artifacts");
  std::vector<std::string> problems;
  for (const auto& [name, a] : v.AsMap()) {
    FieldReader r(a, path + "." + name);
    Artifact art;
    Collect(r.StringMap("keyValue", &art.key_value), &problems);
    Collect(r.String("kopiaSnapshot", &art.kopia_snapshot), &problems);
    Collect(r.Finish(), &problems);
    out[name] = std::move(art);
  }
  RETURN_IF_ERROR(JoinErrors(problems));
  return out;
}

Result<std::map<std::string, ObjectReference>> DecodeRefMap(const Value& v,
                                                            const std::string& path) {
  std::map<std::string, ObjectReference> out;
  if (v.is_nil()) return out;
  if (v.kind() != Kind::kMap)
    return InvalidArgument(path + ": expected a map of object references");
  std::vector<std::string> problems;
  for (const auto& [name, ref] : v.AsMap()) {
    auto r = DecodeObjectReference(ref, path + "." + name);
    if (r.ok()) {
      out[name] = *r;
    } else {
      problems.push_back(r.status().message());
    }
  }
  RETURN_IF_ERROR(JoinErrors(problems));
  return out;
}

Status DecodeTypeMeta(FieldReader& r, std::string_view kind) {
  std::string api, k;
  RETURN_IF_ERROR(r.String("apiVersion", &api));
  RETURN_IF_ERROR(r.String("kind", &k));
  if (!api.empty() && api != kApiVersion) {
    return InvalidArgument("apiVersion: expected \"" + std::string(kApiVersion) + "\", got \"" +
                           api + "\"");
  }
  if (!k.empty() && k != kind) {
    return InvalidArgument("kind: expected \"" + std::string(kind) + "\", got \"" + k + "\"");
  }
  return OkStatus();
}

Result<ActionSpec> DecodeActionSpec(const Value& v, const std::string& path) {
  FieldReader r(v, path);
  ActionSpec a;
  std::vector<std::string> problems;
  Collect(r.String("name", &a.name), &problems);
  Collect(r.String("blueprint", &a.blueprint), &problems);
  Collect(r.String("preferredVersion", &a.preferred_version), &problems);
  Collect(r.StringMap("options", &a.options), &problems);
  Collect(r.StringMap("podLabels", &a.pod_labels), &problems);
  Collect(r.StringMap("podAnnotations", &a.pod_annotations), &problems);
  a.pod_override = r.Get("podOverride");
  auto obj = DecodeObjectReference(r.Get("object"), r.Path("object"));
  if (obj.ok())
    a.object = *obj;
  else
    problems.push_back(obj.status().message());
  if (const Value& p = r.Get("profile"); !p.is_nil()) {
    auto prof = DecodeObjectReference(p, r.Path("profile"));
    if (prof.ok())
      a.profile = *prof;
    else
      problems.push_back(prof.status().message());
  }
  auto arts = DecodeArtifacts(r.Get("artifacts"), r.Path("artifacts"));
  if (arts.ok())
    a.artifacts = *arts;
  else
    problems.push_back(arts.status().message());
  auto cms = DecodeRefMap(r.Get("configMaps"), r.Path("configMaps"));
  if (cms.ok())
    a.config_maps = *cms;
  else
    problems.push_back(cms.status().message());
  auto secs = DecodeRefMap(r.Get("secrets"), r.Path("secrets"));
  if (secs.ok())
    a.secrets = *secs;
  else
    problems.push_back(secs.status().message());
  r.Allow("repositoryServer");
  Collect(r.Finish(), &problems);
  RETURN_IF_ERROR(JoinErrors(problems));
  return a;
}

Result<BlueprintPhase> DecodePhase(const Value& v, const std::string& path) {
  FieldReader r(v, path);
  BlueprintPhase p;
  std::vector<std::string> problems;
  Collect(r.String("func", &p.func), &problems);
  Collect(r.String("name", &p.name), &problems);
  auto objs = DecodeRefMap(r.Get("objects"), r.Path("objects"));
  if (objs.ok())
    p.objects = *objs;
  else
    problems.push_back(objs.status().message());
  p.args = r.Get("args");
  if (!p.args.is_nil() && p.args.kind() != Kind::kMap) {
    problems.push_back(r.Path("args") + ": expected a map of arguments");
  }
  if (p.func.empty()) problems.push_back(r.Path("func") + ": required");
  Collect(r.Finish(), &problems);
  RETURN_IF_ERROR(JoinErrors(problems));
  return p;
}

Result<BlueprintAction> DecodeBlueprintAction(const Value& v, const std::string& path) {
  FieldReader r(v, path);
  BlueprintAction a;
  std::vector<std::string> problems;
  Collect(r.String("name", &a.name), &problems);
  Collect(r.String("kind", &a.kind), &problems);
  Collect(r.StringList("configMapNames", &a.config_map_names), &problems);
  Collect(r.StringList("secretNames", &a.secret_names), &problems);
  Collect(r.StringList("inputArtifactNames", &a.input_artifact_names), &problems);
  auto arts = DecodeArtifacts(r.Get("outputArtifacts"), r.Path("outputArtifacts"));
  if (arts.ok())
    a.output_artifacts = *arts;
  else
    problems.push_back(arts.status().message());
  const Value& phases = r.Get("phases");
  if (!phases.is_nil() && phases.kind() != Kind::kList) {
    problems.push_back(r.Path("phases") + ": expected a list of phases");
  } else if (!phases.is_nil()) {
    for (size_t i = 0; i < phases.AsList().size(); ++i) {
      auto p = DecodePhase(phases.AsList()[i], r.Path("phases") + "[" + std::to_string(i) + "]");
      if (p.ok())
        a.phases.push_back(*p);
      else
        problems.push_back(p.status().message());
    }
  }
  if (const Value& d = r.Get("deferPhase"); !d.is_nil()) {
    auto p = DecodePhase(d, r.Path("deferPhase"));
    if (p.ok())
      a.defer_phase = *p;
    else
      problems.push_back(p.status().message());
  }
  Collect(r.Finish(), &problems);
  RETURN_IF_ERROR(JoinErrors(problems));
  return a;
}

Value EncodePhaseStatus(const PhaseStatus& p) {
  Map m;
  m["name"] = Value(p.name);
  m["state"] = Value(p.state);
  if (p.output.kind() == Kind::kMap && !p.output.AsMap().empty()) m["output"] = p.output;
  Map pr;
  pr["progressPercent"] = Value(p.progress.progress_percent);
  pr["sizeDownloadedB"] = Value::Int(p.progress.size_downloaded_b, value::GoType::kInt64);
  pr["sizeUploadedB"] = Value::Int(p.progress.size_uploaded_b, value::GoType::kInt64);
  pr["estimatedDownloadSizeB"] =
      Value::Int(p.progress.estimated_download_size_b, value::GoType::kInt64);
  pr["estimatedUploadSizeB"] =
      Value::Int(p.progress.estimated_upload_size_b, value::GoType::kInt64);
  pr["estinatedTimeSeconds"] = Value::Int(p.progress.estimated_time_seconds, value::GoType::kInt64);
  if (!p.progress.last_transition_time.empty()) {
    pr["lastTransitionTime"] = Value(p.progress.last_transition_time);
  }
  m["progress"] = Value::FromMap(std::move(pr));
  return Value::FromMap(std::move(m));
}

int64_t IntField(const Value& m, std::string_view k) {
  const Value* v = m.Find(k);
  if (!v) return 0;
  if (v->kind() == Kind::kInt) return v->AsInt();
  if (v->kind() == Kind::kFloat) return static_cast<int64_t>(v->AsFloat());
  return 0;
}

std::string StrField(const Value& m, std::string_view k) {
  const Value* v = m.Find(k);
  return v && v->kind() == Kind::kString ? v->AsString() : std::string();
}

PhaseStatus DecodePhaseStatus(const Value& v) {
  PhaseStatus p;
  p.name = StrField(v, "name");
  p.state = StrField(v, "state");
  if (const Value* o = v.Find("output")) p.output = *o;
  if (const Value* pr = v.Find("progress")) {
    p.progress.progress_percent = StrField(*pr, "progressPercent");
    p.progress.size_downloaded_b = IntField(*pr, "sizeDownloadedB");
    p.progress.size_uploaded_b = IntField(*pr, "sizeUploadedB");
    p.progress.last_transition_time = StrField(*pr, "lastTransitionTime");
  }
  return p;
}

ActionSetStatus DecodeStatus(const Value& v) {
  ActionSetStatus s;
  s.state = StrField(v, "state");
  if (const Value* e = v.Find("error")) s.error_message = StrField(*e, "message");
  if (const Value* p = v.Find("progress")) {
    s.progress.running_phase = StrField(*p, "runningPhase");
    s.progress.percent_completed = StrField(*p, "percentCompleted");
    s.progress.size_downloaded_b = IntField(*p, "sizeDownloadedB");
    s.progress.size_uploaded_b = IntField(*p, "sizeUploadedB");
    s.progress.last_transition_time = StrField(*p, "lastTransitionTime");
  }
  if (const Value* acts = v.Find("actions"); acts && acts->kind() == Kind::kList) {
    for (const Value& a : acts->AsList()) {
      ActionStatus as;
      as.name = StrField(a, "name");
      as.blueprint = StrField(a, "blueprint");
      if (const Value* o = a.Find("object")) {
        auto r = DecodeObjectReference(*o, "status.actions[].object");
        if (r.ok()) as.object = *r;
      }
      if (const Value* ph = a.Find("phases"); ph && ph->kind() == Kind::kList) {
        for (const Value& p : ph->AsList()) as.phases.push_back(DecodePhaseStatus(p));
      }
      if (const Value* d = a.Find("deferPhase")) as.defer_phase = DecodePhaseStatus(*d);
      if (const Value* ar = a.Find("artifacts")) {
        auto arts = DecodeArtifacts(*ar, "status.actions[].artifacts");
        if (arts.ok()) as.artifacts = *arts;
      }
      s.actions.push_back(std::move(as));
    }
  }
  return s;
}

}  // namespace

std::string ActionSet::name() const { return MetaString(metadata, "name"); }
std::string ActionSet::namespace_() const { return MetaString(metadata, "namespace"); }
std::string Blueprint::name() const { return MetaString(metadata, "name"); }
std::string Profile::name() const { return MetaString(metadata, "name"); }

Result<ObjectReference> DecodeObjectReference(const Value& v, const std::string& path) {
  FieldReader r(v, path);
  ObjectReference o;
  std::vector<std::string> problems;
  Collect(r.String("apiVersion", &o.api_version), &problems);
  Collect(r.String("group", &o.group), &problems);
  Collect(r.String("resource", &o.resource), &problems);
  Collect(r.String("kind", &o.kind), &problems);
  Collect(r.String("name", &o.name), &problems);
  Collect(r.String("namespace", &o.namespace_), &problems);
  Collect(r.Finish(), &problems);
  RETURN_IF_ERROR(JoinErrors(problems));
  return o;
}

Result<ActionSet> DecodeActionSet(const Value& v) {
  FieldReader r(v, "");
  RETURN_IF_ERROR(DecodeTypeMeta(r, "ActionSet"));
  ActionSet a;
  a.metadata = r.Get("metadata");
  std::vector<std::string> problems;
  const Value& spec = r.Get("spec");
  if (spec.is_nil()) problems.push_back("spec: required");
  FieldReader sr(spec, "spec");
  const Value& actions = sr.Get("actions");
  if (!actions.is_nil() && actions.kind() != Kind::kList) {
    problems.push_back("spec.actions: expected a list of actions");
  } else if (!actions.is_nil()) {
    for (size_t i = 0; i < actions.AsList().size(); ++i) {
      auto act = DecodeActionSpec(actions.AsList()[i], "spec.actions[" + std::to_string(i) + "]");
      if (act.ok())
        a.actions.push_back(*act);
      else
        problems.push_back(act.status().message());
    }
  }
  Collect(sr.Finish(), &problems);
  if (const Value& st = r.Get("status"); st.kind() == Kind::kMap) a.status = DecodeStatus(st);
  Collect(r.Finish(), &problems);
  RETURN_IF_ERROR(JoinErrors(problems));
  return a;
}

Result<Blueprint> DecodeBlueprint(const Value& v) {
  FieldReader r(v, "");
  RETURN_IF_ERROR(DecodeTypeMeta(r, "Blueprint"));
  Blueprint b;
  b.metadata = r.Get("metadata");
  std::vector<std::string> problems;
  const Value& actions = r.Get("actions");
  if (!actions.is_nil() && actions.kind() != Kind::kMap) {
    problems.push_back("actions: expected a map of action name to action");
  } else if (!actions.is_nil()) {
    for (const auto& [name, act] : actions.AsMap()) {
      auto a = DecodeBlueprintAction(act, "actions." + name);
      if (a.ok())
        b.actions[name] = *a;
      else
        problems.push_back(a.status().message());
    }
  }
  Collect(r.Finish(), &problems);
  RETURN_IF_ERROR(JoinErrors(problems));
  return b;
}

Result<Profile> DecodeProfile(const Value& v) {
  FieldReader r(v, "");
  RETURN_IF_ERROR(DecodeTypeMeta(r, "Profile"));
  Profile p;
  p.metadata = r.Get("metadata");
  std::vector<std::string> problems;
  FieldReader lr(r.Get("location"), "location");
  Collect(lr.String("type", &p.location.type), &problems);
  Collect(lr.String("bucket", &p.location.bucket), &problems);
  Collect(lr.String("endpoint", &p.location.endpoint), &problems);
  Collect(lr.String("prefix", &p.location.prefix), &problems);
  Collect(lr.String("region", &p.location.region), &problems);
  Collect(lr.Finish(), &problems);
  FieldReader cr(r.Get("credential"), "credential");
  Collect(cr.String("type", &p.credential.type), &problems);
  FieldReader kr(cr.Get("keyPair"), "credential.keyPair");
  Collect(kr.String("idField", &p.credential.key_pair.id_field), &problems);
  Collect(kr.String("secretField", &p.credential.key_pair.secret_field), &problems);
  if (const Value& s = kr.Get("secret"); !s.is_nil()) {
    auto ref = DecodeObjectReference(s, "credential.keyPair.secret");
    if (ref.ok())
      p.credential.key_pair.secret = *ref;
    else
      problems.push_back(ref.status().message());
  }
  Collect(kr.Finish(), &problems);
  if (const Value& s = cr.Get("secret"); !s.is_nil()) {
    auto ref = DecodeObjectReference(s, "credential.secret");
    if (ref.ok())
      p.credential.secret = *ref;
    else
      problems.push_back(ref.status().message());
  }
  p.credential.kopia_server_secret = cr.Get("kopiaServerSecret");
  Collect(cr.Finish(), &problems);
  Collect(r.Bool("skipSSLVerify", &p.skip_ssl_verify), &problems);
  Collect(r.Finish(), &problems);
  RETURN_IF_ERROR(JoinErrors(problems));
  return p;
}

Value EncodeObjectReference(const ObjectReference& r) {
  Map m;
  m["apiVersion"] = Value(r.api_version);
  m["group"] = Value(r.group);
  m["resource"] = Value(r.resource);
  m["kind"] = Value(r.kind);
  m["name"] = Value(r.name);
  if (!r.namespace_.empty()) m["namespace"] = Value(r.namespace_);
  return Value::FromMap(std::move(m));
}

Value EncodeArtifacts(const std::map<std::string, Artifact>& artifacts) {
  Map m;
  for (const auto& [name, a] : artifacts) {
    Map am;
    if (!a.key_value.empty()) {
      Map kv;
      for (const auto& [k, v] : a.key_value) kv[k] = Value(v);
      am["keyValue"] = Value::FromMap(std::move(kv));
    }
    if (!a.kopia_snapshot.empty()) am["kopiaSnapshot"] = Value(a.kopia_snapshot);
    m[name] = Value::FromMap(std::move(am));
  }
  return Value::FromMap(std::move(m));
}

Value EncodeActionSetStatus(const ActionSetStatus& s) {
  Map m;
  m["state"] = Value(s.state);
  value::List actions;
  for (const auto& a : s.actions) {
    Map am;
    am["name"] = Value(a.name);
    am["object"] = EncodeObjectReference(a.object);
    am["blueprint"] = Value(a.blueprint);
    value::List phases;
    for (const auto& p : a.phases) phases.push_back(EncodePhaseStatus(p));
    am["phases"] = Value::FromList(std::move(phases));
    am["artifacts"] = EncodeArtifacts(a.artifacts);
    am["deferPhase"] = EncodePhaseStatus(a.defer_phase);
    actions.push_back(Value::FromMap(std::move(am)));
  }
  m["actions"] = Value::FromList(std::move(actions));
  if (!s.error_message.empty()) {
    m["error"] = Value::FromMap(Map{{"message", Value(s.error_message)}});
  }
  Map pr;
  pr["runningPhase"] = Value(s.progress.running_phase);
  pr["percentCompleted"] = Value(s.progress.percent_completed);
  pr["sizeDownloadedB"] = Value::Int(s.progress.size_downloaded_b, value::GoType::kInt64);
  pr["sizeUploadedB"] = Value::Int(s.progress.size_uploaded_b, value::GoType::kInt64);
  pr["estimatedDownloadSizeB"] =
      Value::Int(s.progress.estimated_download_size_b, value::GoType::kInt64);
  pr["estimatedUploadSizeB"] =
      Value::Int(s.progress.estimated_upload_size_b, value::GoType::kInt64);
  if (!s.progress.last_transition_time.empty()) {
    pr["lastTransitionTime"] = Value(s.progress.last_transition_time);
  }
  m["progress"] = Value::FromMap(std::move(pr));
  return Value::FromMap(std::move(m));
}

Value EncodeActionSet(const ActionSet& a) {
  Map m;
  m["apiVersion"] = Value(kApiVersion);
  m["kind"] = Value("ActionSet");
  m["metadata"] = a.metadata.is_nil() ? Value::FromMap({}) : a.metadata;
  value::List actions;
  for (const auto& s : a.actions) {
    Map am;
    am["name"] = Value(s.name);
    am["object"] = EncodeObjectReference(s.object);
    am["blueprint"] = Value(s.blueprint);
    if (!s.artifacts.empty()) am["artifacts"] = EncodeArtifacts(s.artifacts);
    auto refs = [](const std::map<std::string, ObjectReference>& in) {
      Map out;
      for (const auto& [k, r] : in) out[k] = EncodeObjectReference(r);
      return Value::FromMap(std::move(out));
    };
    if (!s.config_maps.empty()) am["configMaps"] = refs(s.config_maps);
    if (!s.secrets.empty()) am["secrets"] = refs(s.secrets);
    if (s.profile) am["profile"] = EncodeObjectReference(*s.profile);
    if (!s.pod_override.is_nil()) am["podOverride"] = s.pod_override;
    auto strmap = [](const std::map<std::string, std::string>& in) {
      Map out;
      for (const auto& [k, v] : in) out[k] = Value(v);
      return Value::FromMap(std::move(out));
    };
    if (!s.options.empty()) am["options"] = strmap(s.options);
    am["preferredVersion"] = Value(s.preferred_version);
    am["podLabels"] = s.pod_labels.empty() ? Value() : strmap(s.pod_labels);
    am["podAnnotations"] = s.pod_annotations.empty() ? Value() : strmap(s.pod_annotations);
    actions.push_back(Value::FromMap(std::move(am)));
  }
  m["spec"] = Value::FromMap(Map{{"actions", Value::FromList(std::move(actions))}});
  if (a.status) m["status"] = EncodeActionSetStatus(*a.status);
  return Value::FromMap(std::move(m));
}

}  // namespace kanon::model
