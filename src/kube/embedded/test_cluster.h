// Test support for the embedded cluster: a temporary state directory with a cluster over it,
// YAML object literals, polling with deadlines, and a TearDown that stops every pod process.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "kube/embedded/embedded_cluster.h"
#include "kube/embedded/process.h"
#include "kube/object.h"

namespace kanon::kube::embedded {

inline const Gvr kPods{"", "v1", "pods"};
inline const Gvr kSecrets{"", "v1", "secrets"};
inline const Gvr kConfigMaps{"", "v1", "configmaps"};
inline const Gvr kNamespaces{"", "v1", "namespaces"};
inline const Gvr kPvcs{"", "v1", "persistentvolumeclaims"};
inline const Gvr kStatefulSets{"apps", "v1", "statefulsets"};
inline const Gvr kDeployments{"apps", "v1", "deployments"};
inline const Gvr kReplicaSets{"apps", "v1", "replicasets"};
inline const Gvr kActionSets{"cr.kanister.io", "v1alpha1", "actionsets"};

class ClusterTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Another cluster over the same directory: what a second kanon process sees.
  std::unique_ptr<EmbeddedCluster> OpenAnother();
  // Creates the object written in YAML, failing the test on error.
  Value Create(const Gvr& gvr, std::string_view yaml);
  // Polls Get until `ready` holds or 10 s pass; returns the last object seen.
  Value WaitFor(const Gvr& gvr, std::string_view name,
                const std::function<bool(const Value&)>& ready, KubeApi* api = nullptr);
  Value WaitForPhase(std::string_view pod, std::string_view phase) {
    return WaitFor(kPods, pod, [&](const Value& p) { return Phase(p) == phase; });
  }
  // The whole log of a container (not following).
  std::string ReadLog(std::string_view pod, std::string_view container = "");

  static Value Yaml(std::string_view text);
  static std::string Phase(const Value& pod) { return StringField(pod, {"status", "phase"}); }
  // The host process of a pod's first container, from its status.
  ProcessId ContainerProcess(const Value& pod);

  std::string dir_;
  std::unique_ptr<EmbeddedCluster> cluster_;
};

// Polls `done` every few milliseconds until it holds or `limit` passes.
bool Eventually(const std::function<bool()>& done,
                std::chrono::milliseconds limit = std::chrono::seconds(10));

}  // namespace kanon::kube::embedded
