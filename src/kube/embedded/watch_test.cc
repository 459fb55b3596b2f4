// Watches: events from this instance and from another one, pod phases, resume points, cancel.

#include <thread>

#include "kube/embedded/test_cluster.h"

namespace kanon::kube::embedded {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

std::unique_ptr<Watch> StartOrFail(KubeApi& api, const Gvr& gvr, std::string_view rv) {
  Result<std::unique_ptr<Watch>> w = api.StartWatch(gvr, "default", rv);
  EXPECT_TRUE(w.ok()) << w.status().ToString();
  return w.ok() ? std::move(w).value() : nullptr;
}

std::string Describe(const std::optional<WatchEvent>& e) {
  return e ? e->type + " " + NameOf(e->object) : "none";
}

TEST_F(ClusterTest, WatchReportsAddedModifiedDeleted) {
  Create(kConfigMaps, "metadata: {name: before}\n");
  std::unique_ptr<Watch> w = StartOrFail(*cluster_, kConfigMaps, "");
  Create(kConfigMaps, "metadata: {name: a}\ndata: {k: '1'}\n");
  Create(kSecrets, "metadata: {name: not-a-configmap}\n");
  ASSERT_TRUE(
      cluster_->Patch(kConfigMaps, "default", "a", PatchType::kMerge, Yaml("data: {k: '2'}")).ok());
  ASSERT_TRUE(cluster_->Delete(kConfigMaps, "default", "a").ok());
  std::optional<WatchEvent> e = w->Next(seconds(5));
  EXPECT_EQ(Describe(e), "ADDED a");
  e = w->Next(seconds(5));
  EXPECT_EQ(Describe(e), "MODIFIED a");
  EXPECT_EQ(StringField(e->object, {"data", "k"}), "2");
  EXPECT_EQ(Describe(w->Next(seconds(5))), "DELETED a");
  EXPECT_EQ(Describe(w->Next(milliseconds(20))), "none");
}

TEST_F(ClusterTest, WatchResumesAfterAResourceVersionOrStartsWithTheCurrentObjects) {
  Value first = Create(kConfigMaps, "metadata: {name: first}\n");
  Create(kConfigMaps, "metadata: {name: second}\n");
  std::unique_ptr<Watch> w =
      StartOrFail(*cluster_, kConfigMaps, StringField(first, {"metadata", "resourceVersion"}));
  EXPECT_EQ(Describe(w->Next(seconds(5))), "ADDED second");
  EXPECT_EQ(Describe(w->Next(milliseconds(20))), "none");

  std::unique_ptr<Watch> all = StartOrFail(*cluster_, kConfigMaps, "0");
  EXPECT_EQ(Describe(all->Next(seconds(5))), "ADDED first");
  EXPECT_EQ(Describe(all->Next(seconds(5))), "ADDED second");
  EXPECT_EQ(cluster_->StartWatch(kConfigMaps, "default", "abc").status().code(),
            Code::kInvalidArgument);
}

TEST_F(ClusterTest, WatchSeesChangesMadeByAnotherInstance) {
  std::unique_ptr<Watch> w = StartOrFail(*cluster_, kConfigMaps, "");
  std::unique_ptr<EmbeddedCluster> other = OpenAnother();
  ASSERT_TRUE(other->Create(kConfigMaps, "", Yaml("metadata: {name: remote}")).ok());
  EXPECT_EQ(Describe(w->Next(seconds(5))), "ADDED remote");
}

TEST_F(ClusterTest, PodWatchFollowsThePhase) {
  std::unique_ptr<Watch> w = StartOrFail(*cluster_, kPods, "");
  Create(kPods,
         "metadata: {name: job}\nspec:\n  restartPolicy: Never\n"
         "  containers: [{name: c, command: [sh, -c, 'sleep 0.2']}]\n");
  std::vector<std::string> phases;
  while (phases.empty() || phases.back() != "Succeeded") {
    std::optional<WatchEvent> e = w->Next(seconds(10));
    ASSERT_TRUE(e.has_value()) << "phases so far: " << phases.size();
    phases.push_back(StringField(e->object, {"status", "phase"}));
  }
  EXPECT_EQ(phases.front(), "Pending");
  EXPECT_NE(std::find(phases.begin(), phases.end(), "Running"), phases.end());
}

TEST_F(ClusterTest, CancelUnblocksNext) {
  std::unique_ptr<Watch> w = StartOrFail(*cluster_, kConfigMaps, "");
  std::thread canceller([&] { w->Cancel(); });
  auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(w->Next(seconds(30)).has_value());
  EXPECT_LT(std::chrono::steady_clock::now() - start, seconds(10));
  canceller.join();
}

}  // namespace
}  // namespace kanon::kube::embedded
