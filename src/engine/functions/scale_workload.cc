// ScaleWorkload: sets a StatefulSet's or Deployment's replicas and waits until the workload
// has that many ready pods (or, scaling down, until the extra pods are gone).
#include <algorithm>
#include <chrono>
#include <thread>

#include "engine/functions/builtin.h"

namespace kanon::engine::functions {
namespace {

using value::Kind;
using value::Map;

int64_t IntAt(const Value& obj, std::initializer_list<std::string_view> path) {
  const Value* cur = &obj;
  for (auto k : path) {
    cur = cur->Find(k);
    if (!cur) return 0;
  }
  return cur->kind() == Kind::kInt ? cur->AsInt() : 0;
}

class ScaleWorkload final : public Function {
 public:
  std::string_view name() const override { return "ScaleWorkload"; }
  const std::vector<ArgSpec>& args() const override {
    static const std::vector<ArgSpec> kArgs = {
        {"replicas", ArgType::kInt, true, {}, "desired replica count"},
        {"namespace", ArgType::kString, false, {}, "namespace (default: the action's object)"},
        {"name", ArgType::kString, false, {}, "workload name (default: the action's object)"},
        {"kind", ArgType::kString, false, {}, "statefulset or deployment (default: the object's)"},
        {"waitForReady", ArgType::kBool, false, Value(true), "wait until the pods are ready"},
    };
    return kArgs;
  }
  std::vector<std::string> outputs() const override { return {"originalReplicaCount"}; }

  Result<Value> Exec(FunctionContext& ctx, const Args& args) const override {
    const auto& obj = ctx.params.spec().object;
    std::string ns = args.Has("namespace") && !args.String("namespace").empty()
                         ? args.String("namespace")
                         : obj.namespace_;
    std::string name =
        args.Has("name") && !args.String("name").empty() ? args.String("name") : obj.name;
    std::string kind =
        args.Has("kind") && !args.String("kind").empty() ? args.String("kind") : ctx.params.kind();
    std::transform(kind.begin(), kind.end(), kind.begin(), ::tolower);
    kube::Gvr gvr;
    if (kind == "statefulset") {
      gvr = {"apps", "v1", "statefulsets"};
    } else if (kind == "deployment") {
      gvr = {"apps", "v1", "deployments"};
    } else {
      return InvalidArgument("ScaleWorkload: unsupported kind \"" + kind +
                             "\"; expected statefulset or deployment");
    }
    int64_t replicas = args.Int("replicas");
    if (replicas < 0) return InvalidArgument("ScaleWorkload: replicas must be >= 0");
    ASSIGN_OR_RETURN(Value current, ctx.api.Get(gvr, ns, name));
    int64_t original = IntAt(current, {"spec", "replicas"});
    Value patch = Value::FromMap(Map{
        {"spec", Value::FromMap(Map{{"replicas", Value::Int(replicas, value::GoType::kInt64)}})}});
    RETURN_IF_ERROR(ctx.api.Patch(gvr, ns, name, kube::PatchType::kMerge, patch).status());
    if (args.Bool("waitForReady")) RETURN_IF_ERROR(WaitReady(ctx, gvr, ns, name, replicas));
    return Value::FromMap(
        Map{{"originalReplicaCount", Value::Int(original, value::GoType::kInt32)}});
  }

 private:
  static Status WaitReady(FunctionContext& ctx, const kube::Gvr& gvr, const std::string& ns,
                          const std::string& name, int64_t replicas) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(15);
    for (;;) {
      if (ctx.cancel && ctx.cancel->cancelled()) return Cancelled("ScaleWorkload cancelled");
      ASSIGN_OR_RETURN(Value w, ctx.api.Get(gvr, ns, name));
      int64_t ready = IntAt(w, {"status", "readyReplicas"});
      int64_t total = IntAt(w, {"status", "replicas"});
      if (ready == replicas && total == replicas) return OkStatus();
      if (std::chrono::steady_clock::now() > deadline) {
        return DeadlineExceeded(gvr.Qualified() + " \"" + ns + "/" + name + "\" has " +
                                std::to_string(ready) + " ready replicas, want " +
                                std::to_string(replicas));
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
};

}  // namespace

std::unique_ptr<Function> NewScaleWorkload() { return std::make_unique<ScaleWorkload>(); }

}  // namespace kanon::engine::functions
