// KubeTask: runs a command in a new pod and collects the phase outputs from its log.
#include "engine/functions/builtin.h"
#include "engine/pod_runner.h"

namespace kanon::engine::functions {
namespace {

class KubeTask final : public Function {
 public:
  std::string_view name() const override { return "KubeTask"; }
  const std::vector<ArgSpec>& args() const override {
    static const std::vector<ArgSpec> kArgs = {
        {"image",
         ArgType::kString,
         true,
         {},
         "container image (recorded; local pods run on the host)"},
        {"command", ArgType::kStringList, true, {}, "command and arguments"},
        {"namespace",
         ArgType::kString,
         false,
         {},
         "namespace of the pod (default: the controller's)"},
        {"podOverride", ArgType::kAny, false, {}, "PodSpec fragment merged into the pod"},
        {"podLabels", ArgType::kMap, false, {}, "labels added to the pod"},
        {"podAnnotations", ArgType::kMap, false, {}, "annotations added to the pod"},
    };
    return kArgs;
  }
  Result<Value> Exec(FunctionContext& ctx, const Args& args) const override {
    PodSpecOptions o;
    o.namespace_ = args.String("namespace");
    o.generate_name = "kanister-job-";
    o.image = args.String("image");
    o.command = args.StringList("command");
    o.blueprint_override = args.Raw("podOverride");
    o.labels = StringMapArg(args, "podLabels");
    o.annotations = StringMapArg(args, "podAnnotations");
    return RunPod(ctx, BuildPod(ctx, o), PodRunOptions{});
  }
};

}  // namespace

std::unique_ptr<Function> NewKubeTask() { return std::make_unique<KubeTask>(); }

}  // namespace kanon::engine::functions
