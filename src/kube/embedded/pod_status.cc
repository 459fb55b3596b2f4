// The pod status the process kubelet reports, computed from its containers' records.
//
// The result depends only on its inputs (the time enters only as the first startTime), so an
// unchanged pod yields an identical status and is not rewritten.

#include "kube/embedded/kubelet.h"
#include "kube/object.h"

namespace kanon::kube::embedded {
namespace {

using value::List;
using value::Map;

std::string ContainerId(const ContainerRecord& r) {
  return r.process.pid > 0 ? "kanon://" + std::to_string(r.process.pid) : "";
}

Value Terminated(const ContainerView& v) {
  const ContainerRecord& r = v.record;
  std::string reason = !v.waiting_reason.empty() ? v.waiting_reason
                       : r.exit_code == 0        ? "Completed"
                                                 : "Error";
  Map t = {{"exitCode", IntValue(r.exit_code)},
           {"reason", Value(reason)},
           {"startedAt", Value(Rfc3339(r.started_at))},
           {"finishedAt", Value(Rfc3339(r.finished_at))}};
  if (!v.message.empty()) t["message"] = Value(v.message);
  if (r.exit_code > 128 && v.waiting_reason.empty()) t["signal"] = IntValue(r.exit_code - 128);
  if (!ContainerId(r).empty()) t["containerID"] = Value(ContainerId(r));
  return MapValue({{"terminated", MapValue(std::move(t))}});
}

Value Waiting(const std::string& reason, const std::string& message) {
  Map w = {{"reason", Value(reason)}};
  if (!message.empty()) w["message"] = Value(message);
  return MapValue({{"waiting", MapValue(std::move(w))}});
}

// The container's state and whether it counts as finished for the pod phase.
Value ContainerState(const ContainerView& v, RestartPolicy policy, bool* finished) {
  *finished = false;
  if (!v.has_record) return Waiting(v.waiting_reason, v.message);
  if (v.start_error && policy != RestartPolicy::kNever) {
    return Waiting(v.waiting_reason, v.message);  // never runnable: no restart loop
  }
  switch (v.record.state) {
    case ContainerRecord::State::kRunning:
      return MapValue(
          {{"running", MapValue({{"startedAt", Value(Rfc3339(v.record.started_at))}})}});
    case ContainerRecord::State::kWaiting:
      return Waiting("CrashLoopBackOff", "back-off restarting failed container " + v.name);
    case ContainerRecord::State::kTerminated:
      *finished = true;
      return Terminated(v);
  }
  return Value();
}

Value Condition(const std::string& type, bool status, const std::string& since) {
  return MapValue({{"type", Value(type)},
                   {"status", Value(status ? "True" : "False")},
                   {"lastProbeTime", Value()},
                   {"lastTransitionTime", Value(since)}});
}

}  // namespace

Value BuildPodStatus(const Value& pod, const std::vector<ContainerView>& containers,
                     std::time_t now) {
  RestartPolicy policy = PodRestartPolicy(pod);
  std::string start_time = StringField(pod, {"status", "startTime"});
  if (start_time.empty()) start_time = Rfc3339(now);
  List statuses;
  bool all_finished = !containers.empty(), all_zero = true, all_ready = true;
  bool any_started = false;
  for (const ContainerView& v : containers) {
    bool finished = false;
    Value state = ContainerState(v, policy, &finished);
    bool running = v.has_record && v.record.state == ContainerRecord::State::kRunning;
    all_finished = all_finished && finished;
    all_zero = all_zero && (!finished || v.record.exit_code == 0);
    all_ready = all_ready && running;
    any_started = any_started || (v.has_record && !v.start_error);
    Map s = {{"name", Value(v.name)},
             {"image", Value(v.image)},
             {"imageID", Value("")},
             {"ready", Value(running)},
             {"started", Value(running)},
             {"restartCount", IntValue(v.has_record ? v.record.restarts : 0)},
             {"state", state},
             {"lastState", MapValue({})}};
    if (v.has_record && v.record.restarts > 0 && !finished) {
      ContainerView last = v;
      last.waiting_reason.clear();
      last.message.clear();
      s["lastState"] = Terminated(last);
    }
    if (v.has_record && !ContainerId(v.record).empty()) {
      s["containerID"] = Value(ContainerId(v.record));
    }
    statuses.push_back(MapValue(std::move(s)));
  }
  std::string phase = all_finished  ? (all_zero ? "Succeeded" : "Failed")
                      : any_started ? "Running"
                                    : "Pending";
  bool ready = all_ready && phase == "Running";
  List conditions = {
      Condition("PodScheduled", true, start_time), Condition("Initialized", true, start_time),
      Condition("ContainersReady", ready, start_time), Condition("Ready", ready, start_time)};
  return MapValue({{"phase", Value(phase)},
                   {"conditions", ListValue(std::move(conditions))},
                   {"containerStatuses", ListValue(std::move(statuses))},
                   {"hostIP", Value("127.0.0.1")},
                   {"podIP", Value("127.0.0.1")},
                   {"podIPs", ListValue({MapValue({{"ip", Value("127.0.0.1")}})})},
                   {"qosClass", Value("BestEffort")},
                   {"startTime", Value(start_time)}});
}

Result<Value> PodContainer(const Value& pod, std::string_view name) {
  const List& containers = ListField(pod, {"spec", "containers"});
  if (containers.empty()) return InvalidArgument("pod " + NameOf(pod) + " has no containers");
  if (name.empty()) return containers.front();
  for (const Value& c : containers) {
    if (StringField(c, {"name"}) == name) return c;
  }
  return InvalidArgument("container " + std::string(name) + " is not valid for pod " + NameOf(pod));
}

bool ContainerRunning(const Value& pod, std::string_view name) {
  for (const Value& s : ListField(pod, {"status", "containerStatuses"})) {
    if (StringField(s, {"name"}) == name) return FindField(s, {"state", "running"}) != nullptr;
  }
  return false;
}

}  // namespace kanon::kube::embedded
