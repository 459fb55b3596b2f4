#include "kube/embedded/test_cluster.h"

#include <stdlib.h>

#include <thread>

#include "kube/embedded/state_dir.h"
#include "value/yaml.h"

namespace kanon::kube::embedded {

bool Eventually(const std::function<bool()>& done, std::chrono::milliseconds limit) {
  auto deadline = std::chrono::steady_clock::now() + limit;
  while (!done()) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

void ClusterTest::SetUp() {
  char tmpl[] = "/tmp/kanon-embedded-XXXXXX";
  ASSERT_NE(mkdtemp(tmpl), nullptr);
  dir_ = tmpl;
  Result<std::unique_ptr<EmbeddedCluster>> c = EmbeddedCluster::Open(dir_);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  cluster_ = std::move(c).value();
}

void ClusterTest::TearDown() {
  if (cluster_ != nullptr) {
    for (const Gvr& gvr : {kDeployments, kStatefulSets, kReplicaSets, kPods}) {
      Result<std::vector<Value>> items = cluster_->List(gvr, "", LabelSelector());
      if (!items.ok()) continue;
      for (const Value& obj : *items) {
        (void)cluster_->Delete(gvr, NamespaceOf(obj), NameOf(obj));
      }
    }
  }
  cluster_.reset();
  RemovePath(dir_);
}

std::unique_ptr<EmbeddedCluster> ClusterTest::OpenAnother() {
  Result<std::unique_ptr<EmbeddedCluster>> c = EmbeddedCluster::Open(dir_);
  EXPECT_TRUE(c.ok()) << c.status().ToString();
  return c.ok() ? std::move(c).value() : nullptr;
}

Value ClusterTest::Yaml(std::string_view text) {
  Result<Value> v = value::ParseYaml(text);
  EXPECT_TRUE(v.ok()) << v.status().ToString();
  return v.ok() ? *v : Value();
}

Value ClusterTest::Create(const Gvr& gvr, std::string_view yaml) {
  Result<Value> created = cluster_->Create(gvr, "", Yaml(yaml));
  EXPECT_TRUE(created.ok()) << created.status().ToString();
  return created.ok() ? *created : Value();
}

Value ClusterTest::WaitFor(const Gvr& gvr, std::string_view name,
                           const std::function<bool(const Value&)>& ready, KubeApi* api) {
  if (api == nullptr) api = cluster_.get();
  Value last;
  bool ok = Eventually([&] {
    Result<Value> obj = api->Get(gvr, "default", name);
    if (!obj.ok()) return false;
    last = *obj;
    return ready(last);
  });
  EXPECT_TRUE(ok) << "timed out waiting for " << gvr.resource << " " << name << ": "
                  << EncodeObject(FindField(last, {"status"}) ? *FindField(last, {"status"})
                                                              : last);
  return last;
}

std::string ClusterTest::ReadLog(std::string_view pod, std::string_view container) {
  Result<std::unique_ptr<LogStream>> logs = cluster_->Logs("default", pod, container, false);
  EXPECT_TRUE(logs.ok()) << logs.status().ToString();
  if (!logs.ok()) return "";
  std::string out;
  while (true) {
    Result<std::string> chunk = (*logs)->Read(std::chrono::seconds(1));
    if (!chunk.ok() || chunk->empty()) break;
    out += *chunk;
  }
  return out;
}

ProcessId ClusterTest::ContainerProcess(const Value& pod) {
  const auto& statuses = ListField(pod, {"status", "containerStatuses"});
  if (statuses.empty()) return {};
  std::string id = StringField(statuses[0], {"containerID"});
  if (id.rfind("kanon://", 0) != 0) return {};
  return IdentifyProcess(static_cast<pid_t>(std::stol(id.substr(8))));
}

}  // namespace kanon::kube::embedded
