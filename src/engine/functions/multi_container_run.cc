// MultiContainerRun: a pod with a `background` and an `output` container (and an optional `init`
// container) sharing an emptyDir volume `shared`; only the output container's log is parsed.
#include "engine/functions/builtin.h"
#include "engine/pod_runner.h"

namespace kanon::engine::functions {
namespace {

using value::Kind;
using value::List;
using value::Map;

Value Container(const std::string& name, const std::string& image,
                const std::vector<std::string>& command, const std::string& shared_dir) {
  List cmd;
  for (const auto& c : command) cmd.emplace_back(c);
  Map mount{{"name", Value("shared")}, {"mountPath", Value(shared_dir)}};
  return Value::FromMap(Map{{"name", Value(name)},
                            {"image", Value(image)},
                            {"imagePullPolicy", Value("IfNotPresent")},
                            {"command", Value::FromList(std::move(cmd))},
                            {"volumeMounts", Value::FromList({Value::FromMap(std::move(mount))})}});
}

// An ActionSet override of the container named "container" applies to every container here.
Value ExpandContainerOverride(const Value& override) {
  const Value* cs = override.Find("containers");
  if (cs == nullptr || cs->kind() != Kind::kList) return override;
  List out;
  for (const Value& c : cs->AsList()) {
    const Value* n = c.Find("name");
    if (n && n->kind() == Kind::kString && n->AsString() == "container") {
      for (const char* name : {"background", "output"}) {
        Map m = c.AsMap();
        m["name"] = Value(name);
        out.push_back(Value::FromMap(std::move(m)));
      }
    } else {
      out.push_back(c);
    }
  }
  Map o = override.AsMap();
  o["containers"] = Value::FromList(std::move(out));
  return Value::FromMap(std::move(o));
}

class MultiContainerRun final : public Function {
 public:
  std::string_view name() const override { return "MultiContainerRun"; }
  const std::vector<ArgSpec>& args() const override {
    static const std::vector<ArgSpec> kArgs = {
        {"backgroundImage", ArgType::kString, true, {}, "image of the background container"},
        {"backgroundCommand",
         ArgType::kStringList,
         true,
         {},
         "command of the background container"},
        {"outputImage", ArgType::kString, true, {}, "image of the output container"},
        {"outputCommand", ArgType::kStringList, true, {}, "command of the output container"},
        {"namespace", ArgType::kString, false, {}, "namespace (default: the controller's)"},
        {"initImage", ArgType::kString, false, {}, "image of the init container"},
        {"initCommand", ArgType::kStringList, false, {}, "command of the init container"},
        {"sharedVolumeMedium", ArgType::kString, false, {}, "emptyDir medium"},
        {"sharedVolumeSizeLimit", ArgType::kString, false, {}, "emptyDir size limit"},
        {"sharedVolumeDir", ArgType::kString, false, Value("/tmp/"),
         "mount path of the shared volume"},
        {"podOverride", ArgType::kAny, false, {}, "PodSpec fragment merged into the pod"},
        {"podLabels", ArgType::kMap, false, {}, "labels added to the pod"},
        {"podAnnotations", ArgType::kMap, false, {}, "annotations added to the pod"},
    };
    return kArgs;
  }
  Result<Value> Exec(FunctionContext& ctx, const Args& args) const override {
    std::string dir = args.String("sharedVolumeDir");
    Map empty_dir;
    if (args.Has("sharedVolumeMedium"))
      empty_dir["medium"] = Value(args.String("sharedVolumeMedium"));
    if (args.Has("sharedVolumeSizeLimit")) {
      empty_dir["sizeLimit"] = Value(args.String("sharedVolumeSizeLimit"));
    }
    Map spec{
        {"containers", Value::FromList({Container("background", args.String("backgroundImage"),
                                                  args.StringList("backgroundCommand"), dir),
                                        Container("output", args.String("outputImage"),
                                                  args.StringList("outputCommand"), dir)})},
        {"restartPolicy", Value("Never")},
        {"volumes",
         Value::FromList({Value::FromMap(Map{
             {"name", Value("shared")}, {"emptyDir", Value::FromMap(std::move(empty_dir))}})})}};
    if (args.Has("initImage") || args.Has("initCommand")) {
      spec["initContainers"] = Value::FromList(
          {Container("init", args.String("initImage"), args.StringList("initCommand"), dir)});
    }
    PodSpecOptions o;
    o.namespace_ = args.String("namespace");
    o.generate_name = "kanister-job-";
    o.labels = StringMapArg(args, "podLabels");
    o.annotations = StringMapArg(args, "podAnnotations");
    o.annotations["kubectl.kubernetes.io/default-container"] = "output";
    Value pod = BuildPod(ctx, o);
    Map p = pod.AsMap();
    Value s = Value::FromMap(std::move(spec));
    s = StrategicMerge(s, args.Raw("podOverride"));
    s = StrategicMerge(s, ExpandContainerOverride(ctx.params.spec().pod_override));
    p["spec"] = s;
    PodRunOptions run;
    run.log_container = "output";
    return RunPod(ctx, Value::FromMap(std::move(p)), run);
  }
};

}  // namespace

std::unique_ptr<Function> NewMultiContainerRun() { return std::make_unique<MultiContainerRun>(); }

}  // namespace kanon::engine::functions
