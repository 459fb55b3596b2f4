// KubeOps: create, delete or patch an arbitrary object; outputs its object reference.
#include <chrono>
#include <thread>

#include "engine/functions/builtin.h"
#include "engine/pod_runner.h"
#include "value/yaml.h"

namespace kanon::engine::functions {
namespace {

using value::Kind;
using value::Map;

std::string Str(const Value& v, std::string_view k) {
  const Value* f = v.Find(k);
  return f && f->kind() == Kind::kString ? f->AsString() : "";
}

Value RefOutput(const kube::Gvr& gvr, const std::string& name, const std::string& ns) {
  return Value::FromMap(Map{{"apiVersion", Value(gvr.version)},
                            {"group", Value(gvr.group)},
                            {"resource", Value(gvr.resource)},
                            {"kind", Value("")},
                            {"name", Value(name)},
                            {"namespace", Value(ns)}});
}

class KubeOps final : public Function {
 public:
  std::string_view name() const override { return "KubeOps"; }
  const std::vector<ArgSpec>& args() const override {
    static const std::vector<ArgSpec> kArgs = {
        {"operation", ArgType::kString, true, {}, "create, delete or patch"},
        {"spec", ArgType::kString, false, {}, "object (create) or patch (patch), YAML or JSON"},
        {"namespace", ArgType::kString, false, Value("default"), "namespace of the object"},
        {"objectReference", ArgType::kMap, false, {}, "the object to delete or patch"},
    };
    return kArgs;
  }
  std::vector<std::string> outputs() const override {
    return {"apiVersion", "group", "resource", "kind", "name", "namespace"};
  }

  Result<Value> Exec(FunctionContext& ctx, const Args& args) const override {
    std::string op = args.String("operation");
    if (op == "create") return Create(ctx, args);
    if (op != "delete" && op != "patch") {
      return InvalidArgument("KubeOps: operation must be create, delete or patch; got \"" + op +
                             "\"");
    }
    const Value& ref = args.Raw("objectReference");
    std::string resource = Str(ref, "resource");
    kube::Gvr gvr{Str(ref, "group"), Str(ref, "apiVersion"), resource};
    if (gvr.version.empty()) gvr.version = "v1";
    std::string name = Str(ref, "name"), ns = Str(ref, "namespace");
    if (resource.empty() || name.empty()) {
      return InvalidArgument("KubeOps " + op + ": objectReference needs resource and name");
    }
    if (op == "patch") {
      ASSIGN_OR_RETURN(Value patch, value::ParseYaml(args.String("spec")));
      RETURN_IF_ERROR(
          ctx.api.Patch(gvr, ns, name, kube::PatchType::kStrategicMerge, patch).status());
      return RefOutput(gvr, name, ns);
    }
    RETURN_IF_ERROR(ctx.api.Delete(gvr, ns, name));
    for (;;) {
      auto r = ctx.api.Get(gvr, ns, name);
      if (!r.ok() && r.status().code() == Code::kNotFound) break;
      if (ctx.cancel && ctx.cancel->cancelled()) return Cancelled("KubeOps delete cancelled");
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return RefOutput(gvr, name, ns);
  }

 private:
  static Result<Value> Create(FunctionContext& ctx, const Args& args) {
    auto obj = value::ParseYaml(args.String("spec"));
    if (!obj.ok()) return obj.status().WithContext("KubeOps create: spec");
    std::string kind = Str(*obj, "kind");
    ASSIGN_OR_RETURN(kube::KindInfo info, kube::ResolveKind(kind));
    std::string ns = args.String("namespace");
    const Value* meta = obj->Find("metadata");
    if (meta && !Str(*meta, "namespace").empty()) ns = Str(*meta, "namespace");
    if (!info.namespaced) ns.clear();
    ASSIGN_OR_RETURN(Value created, ctx.api.Create(info.gvr, ns, *obj));
    const Value* cm = created.Find("metadata");
    return RefOutput(info.gvr, cm ? Str(*cm, "name") : "", ns);
  }
};

}  // namespace

std::unique_ptr<Function> NewKubeOps() { return std::make_unique<KubeOps>(); }

}  // namespace kanon::engine::functions
