// Cluster: opening a state directory and the object verbs.

#include "kube/embedded/cluster.h"

#include <unistd.h>

#include <climits>

#include "kube/embedded/admission.h"
#include "kube/embedded/cluster_txn.h"
#include "kube/object.h"
#include "kube/patch.h"

namespace kanon::kube::embedded {

std::string ExecutableDir() {
  char buf[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return "";
  std::string path(buf, static_cast<size_t>(n));
  return path.substr(0, path.rfind('/'));
}

Cluster::Cluster(std::unique_ptr<StateDir> dir, std::unique_ptr<Store> store,
                 ClusterOptions options)
    : dir_(std::move(dir)),
      store_(std::move(store)),
      options_(std::move(options)),
      kubelet_(*dir_, options_.bin_dir),
      rng_(std::random_device{}()) {}

Result<std::shared_ptr<Cluster>> Cluster::Open(const std::string& dir, ClusterOptions options) {
  if (dir.empty()) return InvalidArgument("the embedded cluster needs a state directory");
  if (options.bin_dir.empty()) options.bin_dir = ExecutableDir();
  ASSIGN_OR_RETURN(std::unique_ptr<StateDir> state, StateDir::Open(dir));
  ASSIGN_OR_RETURN(std::unique_ptr<Store> store, Store::Open(*state));
  std::shared_ptr<Cluster> c(new Cluster(std::move(state), std::move(store), std::move(options)));
  Txn txn(*c);
  RETURN_IF_ERROR(txn.status().WithContext("opening state directory \"" + dir + "\""));
  RETURN_IF_ERROR(c->EnsureNamespace("default"));
  return c;
}

Result<const KindInfo*> Cluster::KindFor(const Gvr& gvr) const {
  for (const KindInfo& k : KnownKinds()) {
    if (k.gvr == gvr) return &k;
  }
  return NotFound("the server could not find the requested resource (" + gvr.ApiVersion() + " " +
                  gvr.resource + ")");
}

ObjectLookup Cluster::Lookup(std::string_view ns) {
  return [this, ns = std::string(ns)](std::string_view kind, std::string_view name) {
    return store_->Get(KindNamed(kind), ns, name);
  };
}

Result<Value> Cluster::Get(const Gvr& gvr, std::string_view ns, std::string_view name) {
  ASSIGN_OR_RETURN(const KindInfo* kind, KindFor(gvr));
  Txn txn(*this);
  RETURN_IF_ERROR(txn.status());
  Reconcile(txn);
  const Value* obj = store_->Get(*kind, ns.empty() ? "default" : ns, name);
  Result<Value> out = obj ? Result<Value>(*obj) : Result<Value>(NotFoundError(*kind, name));
  Finish(txn);
  return out;
}

Result<std::vector<Value>> Cluster::List(const Gvr& gvr, std::string_view ns,
                                         const LabelSelector& selector) {
  ASSIGN_OR_RETURN(const KindInfo* kind, KindFor(gvr));
  Txn txn(*this);
  RETURN_IF_ERROR(txn.status());
  Reconcile(txn);
  std::vector<Value> out;
  for (Value& obj : store_->List(*kind, ns)) {
    const Value* labels = FindField(obj, {"metadata", "labels"});
    if (selector.Matches(labels ? *labels : Value())) out.push_back(std::move(obj));
  }
  Finish(txn);
  return out;
}

Result<Value> Cluster::Create(const Gvr& gvr, std::string_view ns, const Value& object) {
  ASSIGN_OR_RETURN(const KindInfo* kind, KindFor(gvr));
  Txn txn(*this);
  RETURN_IF_ERROR(txn.status());
  Result<Value> created = CreateLocked(txn, *kind, ns, object);
  if (!created.ok()) return created;
  Reconcile(txn);
  const Value* now = store_->Get(*kind, NamespaceOf(*created), NameOf(*created));
  Value out = now ? *now : *created;
  Finish(txn);
  return out;
}

Result<Value> Cluster::UpdateLocked(Txn& txn, const KindInfo& kind, const Value& current,
                                    const Value& updated) {
  ASSIGN_OR_RETURN(Value admitted, AdmitUpdate(kind, current, updated));
  if (admitted == current) return current;
  ASSIGN_OR_RETURN(Value stored, store_->Put(kind, admitted, false));
  Reconcile(txn);
  const Value* now = store_->Get(kind, NamespaceOf(stored), NameOf(stored));
  return now ? *now : stored;
}

Result<Value> Cluster::Update(const Gvr& gvr, std::string_view ns_arg, const Value& object) {
  ASSIGN_OR_RETURN(const KindInfo* kind, KindFor(gvr));
  std::string ns = RequestNamespace(*kind, ns_arg, object);
  std::string own_ns = NamespaceOf(object);
  if (kind->namespaced && !own_ns.empty() && own_ns != ns) {
    return InvalidArgument("the namespace of the provided object (" + own_ns +
                           ") does not match the namespace sent on the request (" + ns + ")");
  }
  Txn txn(*this);
  RETURN_IF_ERROR(txn.status());
  const Value* current = store_->Get(*kind, ns, NameOf(object));
  if (current == nullptr) return NotFoundError(*kind, NameOf(object));
  Result<Value> out = UpdateLocked(txn, *kind, *current, object);
  Finish(txn);
  return out;
}

Result<Value> Cluster::Patch(const Gvr& gvr, std::string_view ns, std::string_view name,
                             PatchType type, const Value& patch) {
  ASSIGN_OR_RETURN(const KindInfo* kind, KindFor(gvr));
  if (type == PatchType::kStrategicMerge && kind->gvr.group == "cr.kanister.io") {
    return InvalidArgument(
        "the body of the request was in an unknown format - accepted media types include: "
        "application/json-patch+json, application/merge-patch+json, "
        "application/apply-patch+yaml");
  }
  Txn txn(*this);
  RETURN_IF_ERROR(txn.status());
  const Value* current = store_->Get(*kind, ns.empty() ? "default" : ns, name);
  if (current == nullptr) return NotFoundError(*kind, name);
  Result<Value> patched = ApplyPatch(*current, type, patch);
  if (!patched.ok()) {
    return patched.status().WithContext(kind->gvr.Qualified() + " \"" + std::string(name) + "\"");
  }
  Result<Value> out = UpdateLocked(txn, *kind, *current, *patched);
  Finish(txn);
  return out;
}

Status Cluster::Delete(const Gvr& gvr, std::string_view ns, std::string_view name) {
  ASSIGN_OR_RETURN(const KindInfo* kind, KindFor(gvr));
  if (kind->kind == "Namespace" && name == "default") {
    return PermissionDenied(
        "namespaces \"default\" is forbidden: this namespace may not be "
        "deleted");
  }
  Txn txn(*this);
  RETURN_IF_ERROR(txn.status());
  const Value* obj = store_->Get(*kind, ns.empty() ? "default" : ns, name);
  if (obj == nullptr) return NotFoundError(*kind, name);
  Value victim = *obj;
  DeleteLocked(txn, *kind, victim);
  Reconcile(txn);
  Finish(txn);
  return OkStatus();
}

uint64_t Cluster::change_seq() {
  std::lock_guard<std::mutex> lock(change_mu_);
  return change_seq_;
}

void Cluster::NotifyChange() {
  {
    std::lock_guard<std::mutex> lock(change_mu_);
    ++change_seq_;
  }
  changed_.notify_all();
}

void Cluster::WaitForChange(uint64_t seen, std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(change_mu_);
  changed_.wait_for(lock, timeout, [&] { return change_seq_ != seen; });
}

}  // namespace kanon::kube::embedded
