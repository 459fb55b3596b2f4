// Cluster: reconciliation, creation and deletion under the lock, and waiting for stopped pods.

#include <set>
#include <thread>

#include "kube/embedded/admission.h"
#include "kube/embedded/cluster.h"
#include "kube/embedded/cluster_txn.h"
#include "kube/object.h"

namespace kanon::kube::embedded {
namespace {

int64_t GraceSeconds(const Value& pod) {
  int64_t grace = IntField(pod, {"metadata", "deletionGracePeriodSeconds"}, -1);
  if (grace < 0) grace = IntField(pod, {"spec", "terminationGracePeriodSeconds"}, 30);
  return grace < 0 ? 0 : grace;
}

}  // namespace

void Cluster::Reconcile(Txn& txn) {
  Ops ops(*this, txn);
  CollectGarbage(txn);
  RunKubelet(txn);
  for (const Value& d : store_->List(KindNamed("Deployment"), "")) ReconcileDeployment(ops, d);
  for (const Value& rs : store_->List(KindNamed("ReplicaSet"), "")) {
    if (ControllerUid(rs).empty()) ReconcileReplicaSet(ops, rs);  // others: by their Deployment
  }
  for (const Value& sts : store_->List(KindNamed("StatefulSet"), "")) {
    ReconcileStatefulSet(ops, sts);
  }
}

void Cluster::RunKubelet(Txn& txn) {
  (void)txn;
  std::time_t now = std::time(nullptr);
  for (const Value& pod : store_->List(KindNamed("Pod"), "")) {
    if (const Value* since = FindField(pod, {"metadata", "deletionTimestamp"})) {
      if (kubelet_.Stopped(pod)) {
        FinishPodDelete(pod);
      } else if (since->kind() == value::Kind::kString &&
                 now >= ParseRfc3339(since->AsString()) + GraceSeconds(pod)) {
        kubelet_.Kill(pod);
      }
      continue;
    }
    ObjectLookup lookup = Lookup(NamespaceOf(pod));
    Value next =
        kubelet_.Started(pod) ? kubelet_.Refresh(pod, lookup) : kubelet_.Start(pod, lookup);
    (void)WriteLocked(KindNamed("Pod"), pod, next);
  }
}

void Cluster::CollectGarbage(Txn& txn) {
  // Objects all of whose owners are gone, repeatedly: an owner's removal orphans the next level.
  for (int round = 0; round < 8; ++round) {
    std::set<std::string> uids;
    for (const KindInfo& kind : KnownKinds()) {
      for (const Value& obj : store_->List(kind, "")) uids.insert(UidOf(obj));
    }
    bool removed = false;
    for (const KindInfo& kind : KnownKinds()) {
      for (const Value& obj : store_->List(kind, "")) {
        const auto& refs = ListField(obj, {"metadata", "ownerReferences"});
        if (refs.empty() || FindField(obj, {"metadata", "deletionTimestamp"})) continue;
        bool orphan = true;
        for (const Value& r : refs) orphan = orphan && !uids.count(StringField(r, {"uid"}));
        if (!orphan) continue;
        DeleteLocked(txn, kind, obj);
        removed = true;
      }
    }
    if (!removed) return;
  }
}

Status Cluster::EnsureNamespace(std::string_view ns) {
  const KindInfo& kind = KindNamed("Namespace");
  if (ns.empty() || store_->Get(kind, "", ns) != nullptr) return OkStatus();
  AdmissionContext ctx{&rng_, std::time(nullptr), [](std::string_view) { return false; }};
  Value obj = MapValue({{"metadata", MapValue({{"name", Value(ns)}})}});
  ASSIGN_OR_RETURN(Value admitted, AdmitCreate(kind, "", obj, ctx));
  return store_->Put(kind, admitted, true).status();
}

Result<Value> Cluster::CreateLocked(Txn& txn, const KindInfo& kind, std::string_view ns_arg,
                                    const Value& object) {
  (void)txn;
  std::string ns = RequestNamespace(kind, ns_arg, object);
  AdmissionContext ctx{&rng_, std::time(nullptr), [&](std::string_view name) {
                         return store_->Get(kind, ns, name) != nullptr;
                       }};
  ASSIGN_OR_RETURN(Value admitted, AdmitCreate(kind, ns, object, ctx));
  if (kind.namespaced) RETURN_IF_ERROR(EnsureNamespace(ns));
  ASSIGN_OR_RETURN(Value stored, store_->Put(kind, admitted, true));
  if (kind.kind == "PersistentVolumeClaim") {
    RETURN_IF_ERROR(MakeDirs(dir_->VolumeDir(ns, NameOf(stored))));
  }
  if (kind.kind != "Pod") return stored;
  return WriteLocked(kind, stored, kubelet_.Start(stored, Lookup(ns)));
}

Result<Value> Cluster::WriteLocked(const KindInfo& kind, const Value& current,
                                   const Value& updated) {
  if (updated == current) return current;
  return store_->Put(kind, updated, false);
}

void Cluster::DeleteLocked(Txn& txn, const KindInfo& kind, const Value& object) {
  if (kind.kind == "Pod") return StopPod(txn, object);
  std::string ns = NamespaceOf(object), name = NameOf(object);
  if (!store_->Remove(kind, ns, name).ok()) return;
  if (kind.kind == "PersistentVolumeClaim") RemovePath(dir_->VolumeDir(ns, name));
  if (kind.kind == "Namespace") {
    for (const KindInfo& k : KnownKinds()) {
      if (!k.namespaced) continue;
      for (const Value& obj : store_->List(k, name)) DeleteLocked(txn, k, obj);
    }
  }
  CollectGarbage(txn);
}

void Cluster::StopPod(Txn& txn, const Value& pod) {
  Value marked = pod;
  if (!FindField(pod, {"metadata", "deletionTimestamp"})) {
    marked = SetField(pod, {"metadata", "deletionTimestamp"}, Value(Rfc3339(std::time(nullptr))));
    marked =
        SetField(marked, {"metadata", "deletionGracePeriodSeconds"}, IntValue(GraceSeconds(pod)));
    Result<Value> stored = store_->Put(KindNamed("Pod"), marked, false);
    if (stored.ok()) marked = *stored;
  }
  kubelet_.RequestStop(marked);
  if (kubelet_.Stopped(marked)) return FinishPodDelete(marked);
  txn.stopping.push_back(marked);
}

void Cluster::FinishPodDelete(const Value& pod) {
  kubelet_.Kill(pod);  // whatever is left of the process groups
  const Value* current = store_->Get(KindNamed("Pod"), NamespaceOf(pod), NameOf(pod));
  if (current != nullptr && UidOf(*current) == UidOf(pod)) {
    (void)store_->Remove(KindNamed("Pod"), NamespaceOf(pod), NameOf(pod));
  }
  kubelet_.Cleanup(pod);
}

void Cluster::Finish(Txn& txn) {
  for (int round = 0; round < 4 && !txn.stopping.empty(); ++round) {
    std::vector<Value> pods = std::move(txn.stopping);
    txn.stopping.clear();
    txn.Unlock();
    WaitStopped(pods);
    txn.Lock();
    if (!txn.status().ok()) break;
    for (const Value& pod : pods) FinishPodDelete(pod);
    Reconcile(txn);
  }
  txn.Unlock();
}

void Cluster::WaitStopped(const std::vector<Value>& pods) {
  using Clock = std::chrono::steady_clock;
  Clock::time_point start = Clock::now();
  std::vector<bool> killed(pods.size(), false), done(pods.size(), false);
  auto step = std::chrono::milliseconds(2);
  while (true) {
    bool waiting = false;
    auto elapsed = Clock::now() - start;
    for (size_t i = 0; i < pods.size(); ++i) {
      if (done[i]) continue;
      auto grace = std::chrono::seconds(GraceSeconds(pods[i]));
      if (kubelet_.Stopped(pods[i])) {
        done[i] = true;
      } else if (!killed[i] && elapsed >= grace) {
        kubelet_.Kill(pods[i]);
        killed[i] = true;
      } else if (killed[i] && elapsed >= grace + std::chrono::seconds(10)) {
        done[i] = true;  // unkillable (uninterruptible sleep): stop waiting for it
      }
      waiting = waiting || !done[i];
    }
    if (!waiting) return;
    std::this_thread::sleep_for(step);
    step = std::min(step * 2, std::chrono::milliseconds(50));
  }
}

}  // namespace kanon::kube::embedded
