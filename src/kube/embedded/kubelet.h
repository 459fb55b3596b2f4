// The process kubelet: runs a pod's containers as supervised host processes and derives the
// pod's status from what their supervisors record.
//
// A started pod owns <root>/pods/<uid>/: `work/` (every container's working directory; volume
// mounts appear inside it as symbolic links, so `mountPath: /data` is `work/data`), and per
// container `<name>.log` (stdout and stderr), `<name>.status` (the supervisor's record) and
// `<name>.message` (why it could not start). `stop` asks supervisors not to restart. Whether a
// pod has started is whether that directory exists, so any process sharing the state directory
// can start a pending pod and none starts it twice (callers hold the directory lock).
//
// The Kubelet holds no state of its own beyond paths; methods are called with the cluster's
// lock held, except those marked lock-free.
#pragma once

#include <ctime>
#include <string>
#include <vector>

#include "kube/embedded/container_env.h"
#include "kube/embedded/state_dir.h"
#include "kube/embedded/supervisor.h"

namespace kanon::kube::embedded {

class Kubelet final {
 public:
  Kubelet(const StateDir& dir, std::string bin_dir) : dir_(dir), bin_dir_(std::move(bin_dir)) {}

  // Starts the containers of a pod that has not started (a no-op otherwise) and returns the
  // pod with its new status. A missing Secret or ConfigMap leaves it Pending (waiting with
  // CreateContainerConfigError) to be retried on a later call.
  Value Start(const Value& pod, const ObjectLookup& lookup);
  // The pod with its status recomputed from the records. A container whose supervisor vanished
  // (killed, or the machine restarted) is started again when the restart policy allows it, and
  // otherwise reported terminated with ContainerStatusUnknown.
  Value Refresh(const Value& pod, const ObjectLookup& lookup);

  // Stopping a pod: RequestStop marks it and sends SIGTERM to every container's process group;
  // Kill sends SIGKILL to them and to the supervisors; Stopped is true once no supervisor runs.
  // Lock-free.
  void RequestStop(const Value& pod) const;
  void Kill(const Value& pod) const;
  bool Stopped(const Value& pod) const;
  // Removes the runtime directory of a pod whose processes are gone.
  void Cleanup(const Value& pod) const;

  bool Started(const Value& pod) const;
  std::string WorkDir(const Value& pod) const;
  std::string LogPath(const Value& pod, std::string_view container) const;
  std::string RecordPath(const Value& pod, std::string_view container) const;
  const std::string& bin_dir() const { return bin_dir_; }

 private:
  std::string PodDir(const Value& pod) const;
  Status PrepareVolumes(const Value& pod, const ObjectLookup& lookup) const;
  Status Launch(const Value& pod, const Value& container, const ObjectLookup& lookup,
                int restarts) const;
  // A container whose supervisor vanished: relaunched, or recorded as lost.
  Result<ContainerRecord> Recover(const Value& pod, const Value& container,
                                  const ObjectLookup& lookup, bool stopping,
                                  ContainerRecord rec) const;
  void RecordStartError(const Value& pod, const Value& container, const std::string& why) const;
  std::vector<std::string> ContainerNames(const Value& pod) const;

  const StateDir& dir_;
  std::string bin_dir_;
};

// One container as the pod status reports it.
struct ContainerView {
  std::string name;
  std::string image;
  bool has_record = false;
  ContainerRecord record;
  std::string waiting_reason;  // when not started
  std::string message;         // why it could not start, or is waiting
  bool start_error = false;
};

// The pod `status` for these containers (phase, conditions, containerStatuses, IPs).
Value BuildPodStatus(const Value& pod, const std::vector<ContainerView>& containers,
                     std::time_t now);

// The restart policy a pod spec names (Always when absent or unknown).
RestartPolicy PodRestartPolicy(const Value& pod);

// The container `name` of a pod ("" = the first); InvalidArgument with the API server's wording
// (`container x is not valid for pod p1`) otherwise.
Result<Value> PodContainer(const Value& pod, std::string_view name);
// True when the pod's status reports this container running.
bool ContainerRunning(const Value& pod, std::string_view name);

}  // namespace kanon::kube::embedded
