// Running pods for Functions that create them (KubeTask, MultiContainerRun, PrepareData), as
// Kanister's PodRunner does: build the pod (container "container", label createdBy: kanister,
// generateName, podOverride strategic-merged with the ActionSet's winning, labels and
// annotations with the blueprint's winning), create it, wait until it leaves Pending, follow
// the log of the output container parsing phase-output markers, wait for Succeeded, and delete
// the pod on every path (success, failure, cancellation).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/status.h"
#include "engine/function.h"
#include "value/value.h"

namespace kanon::engine {

struct PodSpecOptions {
  std::string namespace_;
  std::string generate_name;
  std::string image;
  std::vector<std::string> command;
  Value blueprint_override;                                // podOverride arg
  std::map<std::string, std::string> labels, annotations;  // podLabels / podAnnotations args
};

// The default single-container pod for `o`, merged with overrides from the ActionSet.
Value BuildPod(const FunctionContext& ctx, const PodSpecOptions& o);

// Strategic merge of PodSpec-like maps: maps recursively, containers/initContainers/volumes
// lists by "name", other lists replaced by `patch`.
Value StrategicMerge(const Value& base, const Value& patch);

struct PodRunOptions {
  std::string log_container;  // whose log carries the output; empty: the first container
  bool wait_for_completion = true;
  bool fail_on_error = true;  // a Failed pod is an error (PrepareData may turn it off)
};

// Creates `pod`, runs it to the end and returns the parsed outputs (nil when none).
Result<Value> RunPod(FunctionContext& ctx, const Value& pod, const PodRunOptions& options);

// Reads a map[string]string argument (podLabels, podAnnotations).
std::map<std::string, std::string> StringMapArg(const Args& args, std::string_view name);

}  // namespace kanon::engine
