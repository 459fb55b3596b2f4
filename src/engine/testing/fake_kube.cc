#include "engine/testing/fake_kube.h"

#include <cstdlib>
#include <thread>

#include "value/yaml.h"

namespace kanon::engine::testing {
namespace {

using value::Kind;
using value::Map;

std::string Str(const Value& v, std::initializer_list<std::string_view> path) {
  const Value* cur = &v;
  for (auto k : path) {
    cur = cur->Find(k);
    if (!cur) return "";
  }
  return cur->kind() == Kind::kString ? cur->AsString() : "";
}

Value WithMeta(const Value& obj, const std::string& key, Value v) {
  Map m = obj.AsMap();
  Map meta =
      m.count("metadata") && m["metadata"].kind() == Kind::kMap ? m["metadata"].AsMap() : Map{};
  meta[key] = std::move(v);
  m["metadata"] = Value::FromMap(std::move(meta));
  return Value::FromMap(std::move(m));
}

Value WithStatus(const Value& obj, Value status) {
  Map m = obj.AsMap();
  m["status"] = std::move(status);
  return Value::FromMap(std::move(m));
}

class StringLog final : public kube::LogStream {
 public:
  explicit StringLog(std::string s) : s_(std::move(s)) {}
  Result<std::string> Read(std::chrono::milliseconds) override {
    // Hand out the log in small chunks to exercise split markers.
    std::string chunk = s_.substr(pos_, 7);
    pos_ += chunk.size();
    return chunk;
  }
  bool done() const override { return pos_ >= s_.size(); }

 private:
  std::string s_;
  size_t pos_ = 0;
};

std::string ResourceOf(const std::string& kind) {
  static const std::map<std::string, std::string> kMap = {
      {"Pod", "pods"},
      {"Secret", "secrets"},
      {"ConfigMap", "configmaps"},
      {"Namespace", "namespaces"},
      {"StatefulSet", "statefulsets"},
      {"Deployment", "deployments"},
      {"ReplicaSet", "replicasets"},
      {"PersistentVolumeClaim", "persistentvolumeclaims"},
      {"ActionSet", "actionsets"},
      {"Blueprint", "blueprints"},
      {"Profile", "profiles"}};
  auto it = kMap.find(kind);
  return it == kMap.end() ? "" : it->second;
}

}  // namespace

void FakeKube::AddYaml(const std::string& yaml) {
  auto v = value::ParseYaml(yaml);
  if (!v.ok()) {
    std::fprintf(stderr, "FakeKube::AddYaml: %s\n", v.status().message().c_str());
    std::abort();
  }
  std::string resource = ResourceOf(Str(*v, {"kind"}));
  std::lock_guard<std::mutex> lock(mu_);
  Value obj = WithMeta(*v, "uid", Value("uid-" + std::to_string(++seq_)));
  obj = WithMeta(obj, "resourceVersion", Value(std::to_string(++rv_)));
  objects_[{resource, Str(obj, {"metadata", "namespace"}), Str(obj, {"metadata", "name"})}] = obj;
}

std::vector<Value> FakeKube::created_pods() {
  std::lock_guard<std::mutex> lock(mu_);
  return created_pods_;
}

std::vector<std::string> FakeKube::exec_commands() {
  std::lock_guard<std::mutex> lock(mu_);
  return exec_commands_;
}

Result<Value> FakeKube::Get(const kube::Gvr& gvr, std::string_view ns, std::string_view name) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = objects_.find({gvr.resource, std::string(ns), std::string(name)});
  if (it == objects_.end()) {
    return NotFound(gvr.Qualified() + " \"" + std::string(name) + "\" not found");
  }
  return it->second;
}

Result<std::vector<Value>> FakeKube::List(const kube::Gvr& gvr, std::string_view ns,
                                          const kube::LabelSelector&) {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<Value> out;
  for (const auto& [k, v] : objects_) {
    if (std::get<0>(k) == gvr.resource && (ns.empty() || std::get<1>(k) == ns)) out.push_back(v);
  }
  return out;
}

Result<Value> FakeKube::Create(const kube::Gvr& gvr, std::string_view ns, const Value& object) {
  PodRun run;
  Value obj;
  {
    std::lock_guard<std::mutex> lock(mu_);
    std::string name = Str(object, {"metadata", "name"});
    if (name.empty()) name = Str(object, {"metadata", "generateName"}) + std::to_string(++seq_);
    obj = WithMeta(object, "name", Value(name));
    obj = WithMeta(obj, "namespace", Value(std::string(ns)));
    obj = WithMeta(obj, "resourceVersion", Value(std::to_string(++rv_)));
    Key key{gvr.resource, std::string(ns), name};
    if (objects_.count(key))
      return AlreadyExists(gvr.Qualified() + " \"" + name + "\" already exists");
    objects_[key] = obj;
    if (gvr.resource != "pods") return obj;
    created_pods_.push_back(obj);
  }
  if (pod_handler_) run = pod_handler_(obj);
  std::lock_guard<std::mutex> lock(mu_);
  std::string name = Str(obj, {"metadata", "name"});
  logs_[std::string(ns) + "/" + name] = run.log;
  std::string phase = run.hang_until_cancel ? "Running"
                      : run.exit_code == 0  ? "Succeeded"
                                            : "Failed";
  Map term{{"exitCode", Value::Int(run.exit_code, value::GoType::kInt64)}};
  Map cs{{"name", Value("container")},
         {"state", Value::FromMap(Map{{"terminated", Value::FromMap(std::move(term))}})}};
  Value st =
      Value::FromMap(Map{{"phase", Value(phase)},
                         {"containerStatuses", Value::FromList({Value::FromMap(std::move(cs))})}});
  obj = WithStatus(obj, st);
  objects_[{gvr.resource, std::string(ns), name}] = obj;
  return obj;
}

Result<Value> FakeKube::Update(const kube::Gvr& gvr, std::string_view ns, const Value& object) {
  std::lock_guard<std::mutex> lock(mu_);
  Key key{gvr.resource, std::string(ns), Str(object, {"metadata", "name"})};
  auto it = objects_.find(key);
  if (it == objects_.end()) return NotFound(gvr.Qualified() + " not found");
  std::string want = Str(object, {"metadata", "resourceVersion"});
  if (!want.empty() && want != Str(it->second, {"metadata", "resourceVersion"})) {
    return Aborted("Operation cannot be fulfilled on " + gvr.Qualified() +
                   ": the object has been modified");
  }
  ++updates_;
  it->second = WithMeta(object, "resourceVersion", Value(std::to_string(++rv_)));
  return it->second;
}

Result<Value> FakeKube::Patch(const kube::Gvr& gvr, std::string_view ns, std::string_view name,
                              kube::PatchType, const Value& patch) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = objects_.find({gvr.resource, std::string(ns), std::string(name)});
  if (it == objects_.end())
    return NotFound(gvr.Qualified() + " \"" + std::string(name) + "\" not found");
  std::function<Value(const Value&, const Value&)> merge = [&](const Value& a, const Value& b) {
    if (a.kind() != Kind::kMap || b.kind() != Kind::kMap) return b;
    Map m = a.AsMap();
    for (const auto& [k, v] : b.AsMap()) m[k] = m.count(k) ? merge(m[k], v) : v;
    return Value::FromMap(std::move(m));
  };
  it->second = merge(it->second, patch);
  return it->second;
}

Status FakeKube::Delete(const kube::Gvr& gvr, std::string_view ns, std::string_view name) {
  std::lock_guard<std::mutex> lock(mu_);
  if (objects_.erase({gvr.resource, std::string(ns), std::string(name)}) == 0) {
    return NotFound(gvr.Qualified() + " \"" + std::string(name) + "\" not found");
  }
  return OkStatus();
}

Result<kube::ExecResult> FakeKube::Exec(const kube::ExecRequest& req) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    std::string joined;
    for (const auto& c : req.command) joined += (joined.empty() ? "" : " ") + c;
    exec_commands_.push_back(joined);
  }
  kube::ExecResult r = exec_handler_ ? exec_handler_(req) : kube::ExecResult{};
  if (req.on_stdout && !r.stdout_data.empty()) {
    // Deliver in two pieces to exercise split markers.
    size_t half = r.stdout_data.size() / 2;
    req.on_stdout(std::string_view(r.stdout_data).substr(0, half));
    req.on_stdout(std::string_view(r.stdout_data).substr(half));
    r.stdout_data.clear();
  }
  return r;
}

Result<std::unique_ptr<kube::LogStream>> FakeKube::Logs(std::string_view ns, std::string_view pod,
                                                        std::string_view, bool) {
  std::lock_guard<std::mutex> lock(mu_);
  return std::unique_ptr<kube::LogStream>(
      std::make_unique<StringLog>(logs_[std::string(ns) + "/" + std::string(pod)]));
}

}  // namespace kanon::engine::testing
