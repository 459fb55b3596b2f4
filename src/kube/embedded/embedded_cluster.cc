#include "kube/embedded/embedded_cluster.h"

#include "kube/embedded/cluster.h"

namespace kanon::kube::embedded {

Result<std::unique_ptr<EmbeddedCluster>> EmbeddedCluster::Open(const std::string& dir,
                                                               EmbeddedClusterOptions options) {
  ClusterOptions o{std::move(options.bin_dir), options.poll_interval};
  ASSIGN_OR_RETURN(std::shared_ptr<Cluster> impl, Cluster::Open(dir, std::move(o)));
  return std::unique_ptr<EmbeddedCluster>(new EmbeddedCluster(std::move(impl)));
}

EmbeddedCluster::~EmbeddedCluster() = default;

Result<Value> EmbeddedCluster::Get(const Gvr& gvr, std::string_view ns, std::string_view name) {
  return impl_->Get(gvr, ns, name);
}

Result<std::vector<Value>> EmbeddedCluster::List(const Gvr& gvr, std::string_view ns,
                                                 const LabelSelector& selector) {
  return impl_->List(gvr, ns, selector);
}

Result<Value> EmbeddedCluster::Create(const Gvr& gvr, std::string_view ns, const Value& object) {
  return impl_->Create(gvr, ns, object);
}

Result<Value> EmbeddedCluster::Update(const Gvr& gvr, std::string_view ns, const Value& object) {
  return impl_->Update(gvr, ns, object);
}

Result<Value> EmbeddedCluster::Patch(const Gvr& gvr, std::string_view ns, std::string_view name,
                                     PatchType type, const Value& patch) {
  return impl_->Patch(gvr, ns, name, type, patch);
}

Status EmbeddedCluster::Delete(const Gvr& gvr, std::string_view ns, std::string_view name) {
  return impl_->Delete(gvr, ns, name);
}

Result<std::unique_ptr<Watch>> EmbeddedCluster::StartWatch(const Gvr& gvr, std::string_view ns,
                                                           std::string_view resource_version) {
  return impl_->StartWatch(gvr, ns, resource_version);
}

Result<ExecResult> EmbeddedCluster::Exec(const ExecRequest& request) {
  return impl_->Exec(request);
}

Result<std::unique_ptr<LogStream>> EmbeddedCluster::Logs(std::string_view ns, std::string_view pod,
                                                         std::string_view container, bool follow) {
  return impl_->Logs(ns, pod, container, follow);
}

}  // namespace kanon::kube::embedded
