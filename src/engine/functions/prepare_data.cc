// PrepareData: runs a command in a new pod with the workload's volumes mounted; by default its
// failure is not an error (failOnError: false), as in Kanister.
#include "engine/functions/builtin.h"
#include "engine/pod_runner.h"

namespace kanon::engine::functions {
namespace {

using value::Kind;
using value::List;
using value::Map;

class PrepareData final : public Function {
 public:
  std::string_view name() const override { return "PrepareData"; }
  const std::vector<ArgSpec>& args() const override {
    static const std::vector<ArgSpec> kArgs = {
        {"namespace", ArgType::kString, true, {}, "namespace of the pod"},
        {"image", ArgType::kString, true, {}, "container image"},
        {"command", ArgType::kStringList, true, {}, "command and arguments"},
        {"volumes",
         ArgType::kMap,
         false,
         {},
         "PVC name -> mount path (default: all PVCs of the workload)"},
        {"serviceaccount", ArgType::kString, false, {}, "service account of the pod"},
        {"podOverride", ArgType::kAny, false, {}, "PodSpec fragment merged into the pod"},
        {"podLabels", ArgType::kMap, false, {}, "labels added to the pod"},
        {"podAnnotations", ArgType::kMap, false, {}, "annotations added to the pod"},
        {"failOnError", ArgType::kBool, false, Value(false), "fail the phase when the pod fails"},
    };
    return kArgs;
  }
  Result<Value> Exec(FunctionContext& ctx, const Args& args) const override {
    PodSpecOptions o;
    o.namespace_ = args.String("namespace");
    o.generate_name = "prepare-data-job-";
    o.image = args.String("image");
    o.command = args.StringList("command");
    o.blueprint_override = args.Raw("podOverride");
    o.labels = StringMapArg(args, "podLabels");
    o.annotations = StringMapArg(args, "podAnnotations");
    Value pod = BuildPod(ctx, o);
    List volumes, mounts;
    const Value& vols = args.Raw("volumes");
    if (vols.kind() == Kind::kMap) {
      int i = 0;
      for (const auto& [pvc, path] : vols.AsMap()) {
        std::string vol = "vol-" + std::to_string(i++);
        volumes.push_back(Value::FromMap(
            Map{{"name", Value(vol)},
                {"persistentVolumeClaim", Value::FromMap(Map{{"claimName", Value(pvc)}})}}));
        mounts.push_back(Value::FromMap(
            Map{{"name", Value(vol)},
                {"mountPath", Value(path.kind() == Kind::kString ? path.AsString() : "")}}));
      }
    }
    Map patch_container{{"name", Value("container")}, {"volumeMounts", Value::FromList(mounts)}};
    Map patch{{"containers", Value::FromList({Value::FromMap(std::move(patch_container))})},
              {"volumes", Value::FromList(volumes)}};
    if (args.Has("serviceaccount"))
      patch["serviceAccountName"] = Value(args.String("serviceaccount"));
    Map p = pod.AsMap();
    p["spec"] = StrategicMerge(p["spec"], Value::FromMap(std::move(patch)));
    PodRunOptions run;
    run.fail_on_error = args.Bool("failOnError");
    run.wait_for_completion = args.Bool("failOnError");
    return RunPod(ctx, Value::FromMap(std::move(p)), run);
  }
};

}  // namespace

std::unique_ptr<Function> NewPrepareData() { return std::make_unique<PrepareData>(); }

}  // namespace kanon::engine::functions
