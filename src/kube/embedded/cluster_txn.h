// Cluster::Txn and Cluster::Ops: private pieces of the cluster shared by its source files.
#pragma once

#include <ctime>
#include <mutex>

#include "kube/embedded/cluster.h"
#include "kube/embedded/workloads.h"

namespace kanon::kube::embedded {

// The locks of one operation: the cluster mutex, then the directory lock, with the store synced.
class Cluster::Txn final {
 public:
  explicit Txn(Cluster& c) : c_(c) { Lock(); }
  ~Txn() { Unlock(); }
  Txn(const Txn&) = delete;
  Txn& operator=(const Txn&) = delete;

  void Lock() {
    lock_ = std::unique_lock<std::mutex>(c_.mu_);
    status_ = c_.dir_->Lock();
    if (status_.ok()) status_ = c_.store_->Sync();
    rv_at_lock_ = c_.store_->last_rv();
  }
  void Unlock() {
    if (!lock_.owns_lock()) return;
    bool changed = c_.store_->last_rv() != rv_at_lock_;
    c_.dir_->Unlock();
    lock_.unlock();
    if (changed) c_.NotifyChange();
  }
  const Status& status() const { return status_; }

  std::vector<Value> stopping;  // pods this operation waits for once unlocked

 private:
  Cluster& c_;
  std::unique_lock<std::mutex> lock_;
  Status status_;
  int64_t rv_at_lock_ = 0;
};

// The cluster as the workload controllers see it, within one Txn.
class Cluster::Ops final : public ObjectOps {
 public:
  Ops(Cluster& c, Txn& txn) : c_(c), txn_(txn) {}
  std::vector<Value> List(const KindInfo& kind, std::string_view ns) override {
    return c_.store_->List(kind, ns);
  }
  Result<Value> Create(const KindInfo& kind, std::string_view ns, const Value& obj) override {
    return c_.CreateLocked(txn_, kind, ns, obj);
  }
  Result<Value> Write(const KindInfo& kind, const Value& current, const Value& updated) override {
    return c_.WriteLocked(kind, current, updated);
  }
  void Delete(const KindInfo& kind, const Value& obj) override { c_.DeleteLocked(txn_, kind, obj); }
  std::time_t Now() override { return std::time(nullptr); }

 private:
  Cluster& c_;
  Txn& txn_;
};

}  // namespace kanon::kube::embedded
