// FakeKube: an in-memory KubeApi for unit tests of the engine. Objects live in a map; creating
// a Pod runs a scripted handler that returns its log and exit code (the pod is then Succeeded or
// Failed); Exec runs a scripted handler. Thread-safe.
#pragma once

#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

#include "kube/kube_api.h"

namespace kanon::engine::testing {

struct PodRun {
  std::string log;
  int exit_code = 0;
  bool hang_until_cancel = false;  // stay Running until the pod is deleted
};

class FakeKube final : public kube::KubeApi {
 public:
  using PodHandler = std::function<PodRun(const Value& pod)>;
  using ExecHandler = std::function<kube::ExecResult(const kube::ExecRequest& req)>;

  void set_pod_handler(PodHandler h) { pod_handler_ = std::move(h); }
  void set_exec_handler(ExecHandler h) { exec_handler_ = std::move(h); }
  // Adds an object from YAML (kind decides the resource); aborts the test on bad input.
  void AddYaml(const std::string& yaml);
  // Pods created so far (including deleted ones), in creation order.
  std::vector<Value> created_pods();
  std::vector<std::string> exec_commands();  // joined by spaces
  int update_count() const { return updates_; }

  Result<Value> Get(const kube::Gvr& gvr, std::string_view ns, std::string_view name) override;
  Result<std::vector<Value>> List(const kube::Gvr& gvr, std::string_view ns,
                                  const kube::LabelSelector& selector) override;
  Result<Value> Create(const kube::Gvr& gvr, std::string_view ns, const Value& object) override;
  Result<Value> Update(const kube::Gvr& gvr, std::string_view ns, const Value& object) override;
  Result<Value> Patch(const kube::Gvr& gvr, std::string_view ns, std::string_view name,
                      kube::PatchType type, const Value& patch) override;
  Status Delete(const kube::Gvr& gvr, std::string_view ns, std::string_view name) override;
  Result<std::unique_ptr<kube::Watch>> StartWatch(const kube::Gvr&, std::string_view,
                                                  std::string_view) override {
    return Unimplemented("watch");
  }
  Result<kube::ExecResult> Exec(const kube::ExecRequest& request) override;
  Result<std::unique_ptr<kube::LogStream>> Logs(std::string_view ns, std::string_view pod,
                                                std::string_view container, bool follow) override;

 private:
  using Key = std::tuple<std::string, std::string, std::string>;  // resource, ns, name
  std::mutex mu_;
  std::map<Key, Value> objects_;
  std::map<std::string, std::string> logs_;  // ns/name -> log
  std::vector<Value> created_pods_;
  std::vector<std::string> exec_commands_;
  PodHandler pod_handler_;
  ExecHandler exec_handler_;
  int rv_ = 1, seq_ = 0, updates_ = 0;
};

}  // namespace kanon::engine::testing
