// Cluster: the engine behind EmbeddedCluster (which only forwards to it).
//
// Every operation takes the in-process mutex and the directory lock (a Txn), brings the store up
// to date with other processes' writes, reconciles (garbage collection, the kubelet, the
// workload controllers), does its work, and releases the locks. Stopping pods is the one slow
// step: a Txn collects the pods it began to stop, and the operation waits for their processes
// outside the locks (SIGTERM, the pod's grace period, then SIGKILL) before it removes them and
// reconciles once more. Watches and log streams hold a shared_ptr to the Cluster, so they may
// outlive the EmbeddedCluster that made them. Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <vector>

#include "kube/embedded/kubelet.h"
#include "kube/embedded/state_dir.h"
#include "kube/embedded/store.h"
#include "kube/kube_api.h"

namespace kanon::kube::embedded {

struct ClusterOptions {
  std::string bin_dir;  // prefixed to PATH in pods; "" = the running executable's directory
  std::chrono::milliseconds poll_interval{100};  // how often waits look for other processes
};

class Cluster final : public std::enable_shared_from_this<Cluster> {
 public:
  static Result<std::shared_ptr<Cluster>> Open(const std::string& dir, ClusterOptions options);

  Result<Value> Get(const Gvr& gvr, std::string_view ns, std::string_view name);
  Result<std::vector<Value>> List(const Gvr& gvr, std::string_view ns,
                                  const LabelSelector& selector);
  Result<Value> Create(const Gvr& gvr, std::string_view ns, const Value& object);
  Result<Value> Update(const Gvr& gvr, std::string_view ns, const Value& object);
  Result<Value> Patch(const Gvr& gvr, std::string_view ns, std::string_view name, PatchType type,
                      const Value& patch);
  Status Delete(const Gvr& gvr, std::string_view ns, std::string_view name);
  Result<std::unique_ptr<Watch>> StartWatch(const Gvr& gvr, std::string_view ns,
                                            std::string_view resource_version);
  Result<ExecResult> Exec(const ExecRequest& request);
  Result<std::unique_ptr<LogStream>> Logs(std::string_view ns, std::string_view pod,
                                          std::string_view container, bool follow);

  // For watches: reconciles and returns the events after `after`; `*cursor` becomes the last
  // resourceVersion examined.
  Result<std::vector<StoreEvent>> PollEvents(int64_t after, int64_t* cursor);
  // Blocks until a write in this process or `timeout`; `seen` is a value of change_seq().
  void WaitForChange(uint64_t seen, std::chrono::milliseconds timeout);
  uint64_t change_seq();
  // Wakes every WaitForChange.
  void NotifyChange();
  const ClusterOptions& options() const { return options_; }

 private:
  class Txn;
  class Ops;

  Cluster(std::unique_ptr<StateDir> dir, std::unique_ptr<Store> store, ClusterOptions options);
  Result<const KindInfo*> KindFor(const Gvr& gvr) const;
  ObjectLookup Lookup(std::string_view ns);

  // All of these need a locked Txn.
  void Reconcile(Txn& txn);
  void RunKubelet(Txn& txn);
  void CollectGarbage(Txn& txn);
  Result<Value> CreateLocked(Txn& txn, const KindInfo& kind, std::string_view ns,
                             const Value& object);
  Status EnsureNamespace(std::string_view ns);
  Result<Value> WriteLocked(const KindInfo& kind, const Value& current, const Value& updated);
  void DeleteLocked(Txn& txn, const KindInfo& kind, const Value& object);
  void StopPod(Txn& txn, const Value& pod);
  void FinishPodDelete(const Value& pod);
  Result<Value> UpdateLocked(Txn& txn, const KindInfo& kind, const Value& current,
                             const Value& updated);
  // Unlocks, waits for the pods the Txn began to stop, removes them, and reconciles again.
  void Finish(Txn& txn);
  void WaitStopped(const std::vector<Value>& pods);

  std::mutex mu_;
  std::unique_ptr<StateDir> dir_;
  std::unique_ptr<Store> store_;
  ClusterOptions options_;
  Kubelet kubelet_;
  std::mt19937_64 rng_;

  std::mutex change_mu_;
  std::condition_variable changed_;
  uint64_t change_seq_ = 0;
};

// The directory of the running executable ("" when unknown).
std::string ExecutableDir();
// Runs `request.command` as a host process (exec.cc).
Result<ExecResult> RunHostCommand(const ExecRequest& request, const std::vector<std::string>& env,
                                  const std::string& work_dir);

}  // namespace kanon::kube::embedded
