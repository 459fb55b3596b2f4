#include "engine/pod_runner.h"

#include <chrono>
#include <thread>

#include "engine/output.h"

namespace kanon::engine {
namespace {

using value::Kind;
using value::List;
using value::Map;

const kube::Gvr kPods{"", "v1", "pods"};

const Value* Path(const Value& v, std::initializer_list<std::string_view> keys) {
  const Value* cur = &v;
  for (auto k : keys) {
    cur = cur->Find(k);
    if (!cur) return nullptr;
  }
  return cur;
}

std::string Str(const Value* v) { return v && v->kind() == Kind::kString ? v->AsString() : ""; }

bool MergeByName(std::string_view key) {
  return key == "containers" || key == "initContainers" || key == "volumes" || key == "env" ||
         key == "volumeMounts";
}

Value MergeNamedLists(const Value& base, const Value& patch) {
  List out = base.AsList();
  for (const Value& p : patch.AsList()) {
    std::string name = Str(p.Find("name"));
    bool merged = false;
    for (Value& b : out) {
      if (!name.empty() && Str(b.Find("name")) == name) {
        b = StrategicMerge(b, p);
        merged = true;
      }
    }
    if (!merged) out.push_back(p);
  }
  return Value::FromList(std::move(out));
}

std::string Tail(const std::string& text, size_t lines) {
  size_t pos = text.size();
  for (size_t n = 0; n <= lines && pos > 0; ++n) {
    size_t nl = text.rfind('\n', pos - 1);
    if (nl == std::string::npos) return text;
    if (n < lines)
      pos = nl;
    else
      return text.substr(nl + 1);
  }
  return text.substr(pos);
}

}  // namespace

Value StrategicMerge(const Value& base, const Value& patch) {
  if (patch.is_nil()) return base;
  if (base.kind() != Kind::kMap || patch.kind() != Kind::kMap) return patch;
  Map out = base.AsMap();
  for (const auto& [k, v] : patch.AsMap()) {
    auto it = out.find(k);
    if (it == out.end() || v.is_nil()) {
      if (v.is_nil())
        out.erase(k);
      else
        out[k] = v;
    } else if (MergeByName(k) && it->second.kind() == Kind::kList && v.kind() == Kind::kList) {
      it->second = MergeNamedLists(it->second, v);
    } else {
      it->second = StrategicMerge(it->second, v);
    }
  }
  return Value::FromMap(std::move(out));
}

std::map<std::string, std::string> StringMapArg(const Args& args, std::string_view name) {
  std::map<std::string, std::string> out;
  const Value& v = args.Raw(name);
  if (v.kind() != Kind::kMap) return out;
  for (const auto& [k, e] : v.AsMap()) out[k] = e.kind() == Kind::kString ? e.AsString() : "";
  return out;
}

Value BuildPod(const FunctionContext& ctx, const PodSpecOptions& o) {
  List cmd;
  for (const auto& c : o.command) cmd.emplace_back(c);
  Map container{{"name", Value("container")},
                {"image", Value(o.image)},
                {"imagePullPolicy", Value("IfNotPresent")},
                {"command", Value::FromList(std::move(cmd))}};
  Value spec =
      Value::FromMap(Map{{"containers", Value::FromList({Value::FromMap(std::move(container))})},
                         {"restartPolicy", Value("Never")}});
  // Blueprint override first, then the ActionSet's, which wins.
  spec = StrategicMerge(spec, o.blueprint_override);
  spec = StrategicMerge(spec, ctx.params.spec().pod_override);
  Map labels{{"createdBy", Value("kanister")}};
  for (const auto& [k, v] : ctx.params.spec().pod_labels) labels[k] = Value(v);
  for (const auto& [k, v] : o.labels) labels[k] = Value(v);
  Map annotations;
  for (const auto& [k, v] : ctx.params.spec().pod_annotations) annotations[k] = Value(v);
  for (const auto& [k, v] : o.annotations) annotations[k] = Value(v);
  Map meta{{"generateName", Value(o.generate_name)},
           {"namespace", Value(o.namespace_.empty() ? ctx.controller_namespace : o.namespace_)},
           {"labels", Value::FromMap(std::move(labels))}};
  if (!annotations.empty()) meta["annotations"] = Value::FromMap(std::move(annotations));
  return Value::FromMap(Map{{"apiVersion", Value("v1")},
                            {"kind", Value("Pod")},
                            {"metadata", Value::FromMap(std::move(meta))},
                            {"spec", spec}});
}

Result<Value> RunPod(FunctionContext& ctx, const Value& pod, const PodRunOptions& options) {
  std::string ns = Str(Path(pod, {"metadata", "namespace"}));
  ASSIGN_OR_RETURN(Value created, ctx.api.Create(kPods, ns, pod));
  std::string name = Str(Path(created, {"metadata", "name"}));
  std::string where = "pod " + ns + "/" + name;
  struct Cleanup {
    FunctionContext& ctx;
    std::string ns, name;
    ~Cleanup() { (void)ctx.api.Delete(kPods, ns, name); }
  } cleanup{ctx, ns, name};

  using Clock = std::chrono::steady_clock;
  auto deadline = Clock::now() + std::chrono::minutes(15);
  std::string phase;
  for (;;) {
    if (ctx.cancel && ctx.cancel->cancelled()) return Cancelled(where + ": cancelled");
    ASSIGN_OR_RETURN(Value cur, ctx.api.Get(kPods, ns, name));
    phase = Str(Path(cur, {"status", "phase"}));
    if (!phase.empty() && phase != "Pending") break;
    if (Clock::now() > deadline) return DeadlineExceeded(where + ": not ready after 15m");
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  OutputParser parser;
  Status parse_error;
  ASSIGN_OR_RETURN(auto logs, ctx.api.Logs(ns, name, options.log_container, true));
  std::string log_text;
  for (;;) {
    if (ctx.cancel && ctx.cancel->cancelled()) return Cancelled(where + ": cancelled");
    auto chunk = logs->Read(std::chrono::milliseconds(200));
    if (!chunk.ok()) return chunk.status().WithContext(where + ": reading logs");
    if (!chunk->empty()) {
      if (log_text.size() < (1u << 20)) log_text += *chunk;
      Status s = parser.Feed(*chunk);
      if (parse_error.ok() && !s.ok()) parse_error = s;
      if (ctx.on_output_line) ctx.on_output_line(*chunk);
    } else if (logs->done()) {
      break;
    }
  }
  Status fin = parser.Finish();
  if (parse_error.ok() && !fin.ok()) parse_error = fin;
  if (!options.wait_for_completion) return parser.ToValue();
  for (;;) {
    if (ctx.cancel && ctx.cancel->cancelled()) return Cancelled(where + ": cancelled");
    ASSIGN_OR_RETURN(Value cur, ctx.api.Get(kPods, ns, name));
    phase = Str(Path(cur, {"status", "phase"}));
    if (phase == "Succeeded") break;
    if (phase == "Failed") {
      if (!options.fail_on_error) break;
      std::string code;
      const Value* statuses = Path(cur, {"status", "containerStatuses"});
      if (statuses && statuses->kind() == Kind::kList && !statuses->AsList().empty()) {
        const Value* ec = Path(statuses->AsList()[0], {"state", "terminated", "exitCode"});
        if (ec && ec->kind() == Kind::kInt) code = " exited " + std::to_string(ec->AsInt());
      }
      return FailedPrecondition(where + code + "; last log lines:\n" + Tail(log_text, 10));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  RETURN_IF_ERROR(parse_error);
  return parser.ToValue();
}

}  // namespace kanon::engine
