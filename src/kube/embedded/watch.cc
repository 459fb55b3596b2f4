// Watches over the store's event history.
//
// A watch keeps the resourceVersion it has read up to. Next() reconciles the cluster (so pod
// state changes recorded by supervisors become events), takes the newer events of its resource
// and namespace, and otherwise sleeps until this process writes or the poll interval passes
// (other processes' writes are found by polling). An object that changed several times between
// two polls is reported once, in its latest state: a level-triggered watch, as informers expect.

#include <deque>
#include <map>

#include "kube/embedded/cluster.h"
#include "kube/embedded/cluster_txn.h"
#include "kube/object.h"

namespace kanon::kube::embedded {
namespace {

class EmbeddedWatch final : public Watch {
 public:
  EmbeddedWatch(std::shared_ptr<Cluster> cluster, std::string resource, std::string ns,
                int64_t after, std::deque<WatchEvent> initial)
      : cluster_(std::move(cluster)),
        resource_(std::move(resource)),
        ns_(std::move(ns)),
        after_(after),
        pending_(std::move(initial)) {
    for (const WatchEvent& e : pending_) {
      emitted_[NamespaceOf(e.object) + "/" + NameOf(e.object)] = ResourceVersionOf(e.object);
    }
  }

  std::optional<WatchEvent> Next(std::chrono::milliseconds timeout) override {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!cancelled_.load()) {
      if (!pending_.empty()) {
        WatchEvent e = std::move(pending_.front());
        pending_.pop_front();
        return e;
      }
      uint64_t seq = cluster_->change_seq();
      Result<std::vector<StoreEvent>> events = cluster_->PollEvents(after_, &after_);
      if (events.ok()) {
        for (StoreEvent& e : *events) Accept(std::move(e));
      }
      if (!pending_.empty()) continue;
      auto now = std::chrono::steady_clock::now();
      if (now >= deadline) break;
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now);
      cluster_->WaitForChange(seq, std::min(left, cluster_->options().poll_interval));
    }
    return std::nullopt;
  }

  void Cancel() override {
    cancelled_.store(true);
    cluster_->NotifyChange();
  }

 private:
  void Accept(StoreEvent e) {
    if (e.resource != resource_ || (!ns_.empty() && e.ns != ns_)) return;
    std::string key = e.ns + "/" + NameOf(e.object);
    if (e.type == "DELETED") {
      emitted_.erase(key);
    } else {
      int64_t rv = ResourceVersionOf(e.object);
      auto it = emitted_.find(key);
      if (it != emitted_.end() && it->second >= rv) return;  // already reported this state
      emitted_[key] = rv;
    }
    pending_.push_back(WatchEvent{std::move(e.type), std::move(e.object)});
  }

  std::shared_ptr<Cluster> cluster_;
  std::string resource_;
  std::string ns_;
  int64_t after_;
  std::deque<WatchEvent> pending_;
  std::map<std::string, int64_t> emitted_;  // "ns/name" -> last reported resourceVersion
  std::atomic<bool> cancelled_{false};
};

}  // namespace

Result<std::unique_ptr<Watch>> Cluster::StartWatch(const Gvr& gvr, std::string_view ns,
                                                   std::string_view resource_version) {
  ASSIGN_OR_RETURN(const KindInfo* kind, KindFor(gvr));
  Txn txn(*this);
  RETURN_IF_ERROR(txn.status());
  Reconcile(txn);
  int64_t after = store_->last_rv();
  std::deque<WatchEvent> initial;
  if (resource_version == "0") {
    for (Value& obj : store_->List(*kind, ns)) initial.push_back({"ADDED", std::move(obj)});
  } else if (!resource_version.empty()) {
    Value probe = MapValue(
        {{"metadata", MapValue({{"resourceVersion", Value(std::string(resource_version))}})}});
    after = ResourceVersionOf(probe);
    if (after <= 0) {
      return InvalidArgument("invalid resourceVersion \"" + std::string(resource_version) + "\"");
    }
    if (after < store_->last_rv() && after + 1 < store_->oldest_rv()) {
      return FailedPrecondition("too old resource version: " + std::to_string(after) + " (" +
                                std::to_string(store_->oldest_rv() - 1) + ")");
    }
  }
  Finish(txn);
  return std::unique_ptr<Watch>(new EmbeddedWatch(shared_from_this(), kind->gvr.Qualified(),
                                                  kind->namespaced ? std::string(ns) : "", after,
                                                  std::move(initial)));
}

Result<std::vector<StoreEvent>> Cluster::PollEvents(int64_t after, int64_t* cursor) {
  Txn txn(*this);
  RETURN_IF_ERROR(txn.status());
  Reconcile(txn);  // pods it begins to stop are finished by later calls, not waited for here
  *cursor = store_->last_rv();
  return store_->EventsAfter(after);
}

}  // namespace kanon::kube::embedded
