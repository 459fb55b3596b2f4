// EmbeddedCluster: a KubeApi whose objects live in a state directory and whose pods are host
// processes (the "process kubelet"). It is kanon's local runtime and the API server behind
// `kanon serve`; several kanon processes may open the same directory at once.
//
// Objects: one JSON file per object under <dir>/objects, replaced atomically; one
// resourceVersion counter for the directory; a journal of changes through which every process
// keeps its in-memory copy current; an flock(2) that serialises writers. Namespaces are created
// implicitly when an object is created in them ("default" always exists).
//
// Pods: each container's `command` + `args` runs under a detached supervisor with the
// container's env (Secrets, ConfigMaps and fieldRefs resolved), cwd <dir>/pods/<uid>/work, and
// stdout+stderr captured to a log file; status moves Pending -> Running -> Succeeded/Failed.
// StatefulSets, Deployments and ReplicaSets own their pods; garbage collection and the
// controllers run on every call (no background thread), so the next call of any process sees
// and acts on a change. Deleting a pod (or scaling down) sends SIGTERM to its process groups,
// waits for the pod's grace period, then sends SIGKILL; the call returns once they are gone.
// See docs/embedded-cluster.md for the design. Thread-safe.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "kube/kube_api.h"

namespace kanon::kube::embedded {

class Cluster;

struct EmbeddedClusterOptions {
  // Prefixed to PATH inside pods so `kando` and `kanon` resolve; "" = the directory of the
  // running executable.
  std::string bin_dir;
  // How often waits (watches) look for changes made by other processes.
  std::chrono::milliseconds poll_interval{100};
};

class EmbeddedCluster final : public KubeApi {
 public:
  // Opens (creating when missing) the state directory `dir`.
  static Result<std::unique_ptr<EmbeddedCluster>> Open(const std::string& dir,
                                                       EmbeddedClusterOptions options = {});
  ~EmbeddedCluster() override;

  Result<Value> Get(const Gvr& gvr, std::string_view ns, std::string_view name) override;
  Result<std::vector<Value>> List(const Gvr& gvr, std::string_view ns,
                                  const LabelSelector& selector) override;
  Result<Value> Create(const Gvr& gvr, std::string_view ns, const Value& object) override;
  Result<Value> Update(const Gvr& gvr, std::string_view ns, const Value& object) override;
  Result<Value> Patch(const Gvr& gvr, std::string_view ns, std::string_view name, PatchType type,
                      const Value& patch) override;
  Status Delete(const Gvr& gvr, std::string_view ns, std::string_view name) override;
  // resource_version "": changes from now; "0": an ADDED event per existing object first; a
  // number: changes after it (FailedPrecondition "too old resource version" when the history
  // no longer reaches back that far).
  Result<std::unique_ptr<Watch>> StartWatch(const Gvr& gvr, std::string_view ns,
                                            std::string_view resource_version) override;
  // FailedPrecondition when the pod or container is not running.
  Result<ExecResult> Exec(const ExecRequest& request) override;
  // Read() returns DeadlineExceeded when following and nothing new arrived in time.
  Result<std::unique_ptr<LogStream>> Logs(std::string_view ns, std::string_view pod,
                                          std::string_view container, bool follow) override;

 private:
  explicit EmbeddedCluster(std::shared_ptr<Cluster> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<Cluster> impl_;
};

}  // namespace kanon::kube::embedded
