// Objects in the embedded cluster: CRUD, conflicts, generateName, patches, namespaces, owners,
// sharing a directory between instances, and surviving a killed writer.

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <thread>

#include "kube/embedded/state_dir.h"
#include "kube/embedded/test_cluster.h"
#include "value/json.h"

namespace kanon::kube::embedded {
namespace {

constexpr char kConfigMap[] = R"(
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  labels: {app: db, tier: backend}
data: {mode: fast}
)";

TEST_F(ClusterTest, CreateSetsServerFieldsAndGetListDeleteWork) {
  Value cm = Create(kConfigMaps, kConfigMap);
  EXPECT_EQ(NamespaceOf(cm), "default");
  EXPECT_EQ(UidOf(cm).size(), 36u);
  EXPECT_FALSE(StringField(cm, {"metadata", "resourceVersion"}).empty());
  EXPECT_EQ(StringField(cm, {"metadata", "creationTimestamp"}).size(), 20u);
  EXPECT_EQ(IntField(cm, {"metadata", "generation"}, 0), 1);
  EXPECT_EQ(StringField(cm, {"kind"}), "ConfigMap");

  Result<Value> got = cluster_->Get(kConfigMaps, "default", "settings");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(UidOf(*got), UidOf(cm));
  EXPECT_EQ(StringField(*got, {"data", "mode"}), "fast");
  EXPECT_EQ(cluster_->List(kConfigMaps, "default", LabelSelector())->size(), 1u);

  ASSERT_TRUE(cluster_->Delete(kConfigMaps, "default", "settings").ok());
  Result<Value> gone = cluster_->Get(kConfigMaps, "default", "settings");
  EXPECT_EQ(gone.status().code(), Code::kNotFound);
  EXPECT_EQ(gone.status().message(), "configmaps \"settings\" not found");
  EXPECT_EQ(cluster_->Delete(kConfigMaps, "default", "settings").code(), Code::kNotFound);
  EXPECT_EQ(cluster_->Get(kStatefulSets, "default", "db").status().message(),
            "statefulsets.apps \"db\" not found");
}

TEST_F(ClusterTest, CreateTwiceIsAlreadyExists) {
  Create(kConfigMaps, kConfigMap);
  Result<Value> again = cluster_->Create(kConfigMaps, "", Yaml(kConfigMap));
  EXPECT_EQ(again.status().code(), Code::kAlreadyExists);
  EXPECT_EQ(again.status().message(), "configmaps \"settings\" already exists");
}

TEST_F(ClusterTest, GenerateNameAddsFiveCharactersOfTheServerAlphabet) {
  const char* yaml = "metadata: {generateName: kanister-job-}\ndata: {}\n";
  std::string a = NameOf(Create(kConfigMaps, yaml));
  std::string b = NameOf(Create(kConfigMaps, yaml));
  ASSERT_EQ(a.size(), std::string("kanister-job-").size() + 5);
  EXPECT_EQ(a.rfind("kanister-job-", 0), 0u);
  EXPECT_EQ(a.substr(13).find_first_not_of("bcdfghjklmnpqrstvwxz2456789"), std::string::npos);
  EXPECT_NE(a, b);
}

TEST_F(ClusterTest, StaleUpdateIsAConflict) {
  Value cm = Create(kConfigMaps, kConfigMap);
  Value changed = SetField(cm, {"data", "mode"}, Value("slow"));
  Result<Value> first = cluster_->Update(kConfigMaps, "default", changed);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_NE(StringField(*first, {"metadata", "resourceVersion"}),
            StringField(cm, {"metadata", "resourceVersion"}));
  EXPECT_EQ(IntField(*first, {"metadata", "generation"}, 0), 2);

  Result<Value> stale = cluster_->Update(kConfigMaps, "default", changed);
  EXPECT_EQ(stale.status().code(), Code::kAborted);
  EXPECT_EQ(stale.status().message(),
            "Operation cannot be fulfilled on configmaps \"settings\": the object has been "
            "modified; please apply your changes to the latest version and try again");

  Value unconditional = RemoveField(changed, {"metadata", "resourceVersion"});
  unconditional = SetField(unconditional, {"metadata", "labels", "x"}, Value("y"));
  Result<Value> forced = cluster_->Update(kConfigMaps, "default", unconditional);
  ASSERT_TRUE(forced.ok()) << forced.status().ToString();
  EXPECT_EQ(IntField(*forced, {"metadata", "generation"}, 0), 2);  // metadata only
  EXPECT_EQ(UidOf(*forced), UidOf(cm));
  EXPECT_EQ(
      cluster_->Update(kConfigMaps, "default", Yaml("metadata: {name: nope}")).status().code(),
      Code::kNotFound);
}

TEST_F(ClusterTest, PatchesMergeAndHonourResourceVersionPreconditions) {
  Value cm = Create(kConfigMaps, kConfigMap);
  Result<Value> merged = cluster_->Patch(kConfigMaps, "default", "settings", PatchType::kMerge,
                                         Yaml("data: {mode: null, extra: 'yes'}"));
  ASSERT_TRUE(merged.ok()) << merged.status().ToString();
  EXPECT_EQ(FindField(*merged, {"data", "mode"}), nullptr);
  EXPECT_EQ(StringField(*merged, {"data", "extra"}), "yes");

  Result<Value> json = cluster_->Patch(kConfigMaps, "default", "settings", PatchType::kJson,
                                       Yaml("[{op: add, path: /data/k, value: v}]"));
  ASSERT_TRUE(json.ok()) << json.status().ToString();
  EXPECT_EQ(StringField(*json, {"data", "k"}), "v");

  Value stale = Yaml("metadata: {resourceVersion: '" +
                     StringField(cm, {"metadata", "resourceVersion"}) + "'}\ndata: {a: b}");
  EXPECT_EQ(
      cluster_->Patch(kConfigMaps, "default", "settings", PatchType::kMerge, stale).status().code(),
      Code::kAborted);
  EXPECT_EQ(cluster_->Patch(kActionSets, "default", "x", PatchType::kStrategicMerge, Yaml("{}"))
                .status()
                .code(),
            Code::kInvalidArgument);
}

TEST_F(ClusterTest, SecretStringDataBecomesBase64Data) {
  Value s = Create(kSecrets, "metadata: {name: creds}\nstringData: {password: s3cret}\n");
  EXPECT_EQ(StringField(s, {"data", "password"}), "czNjcmV0");
  EXPECT_EQ(FindField(s, {"stringData"}), nullptr);
  EXPECT_EQ(StringField(s, {"type"}), "Opaque");
}

TEST_F(ClusterTest, ListFiltersByNamespaceAndLabelSelector) {
  Create(kConfigMaps, kConfigMap);
  Create(kConfigMaps, "metadata: {name: other, namespace: team, labels: {app: web}}\n");
  Create(kConfigMaps, "metadata: {name: plain}\n");
  auto names = [&](std::string_view ns, std::string_view selector) {
    std::vector<std::string> out;
    Result<std::vector<Value>> items =
        cluster_->List(kConfigMaps, ns, *LabelSelector::Parse(selector));
    for (const Value& v : *items) out.push_back(NameOf(v));
    return out;
  };
  EXPECT_EQ(names("", ""), (std::vector<std::string>{"plain", "settings", "other"}));
  EXPECT_EQ(names("default", ""), (std::vector<std::string>{"plain", "settings"}));
  EXPECT_EQ(names("", "app in (db,web)"), (std::vector<std::string>{"settings", "other"}));
  EXPECT_EQ(names("", "!app"), (std::vector<std::string>{"plain"}));
  EXPECT_EQ(names("team", "tier!=backend"), (std::vector<std::string>{"other"}));
}

TEST_F(ClusterTest, NamespacesAreImplicitAndDeletingOneDeletesItsObjects) {
  Create(kConfigMaps, "metadata: {name: a, namespace: team}\n");
  Result<Value> ns = cluster_->Get(kNamespaces, "", "team");
  ASSERT_TRUE(ns.ok()) << ns.status().ToString();
  EXPECT_EQ(StringField(*ns, {"status", "phase"}), "Active");
  EXPECT_TRUE(cluster_->Get(kNamespaces, "", "default").ok());
  EXPECT_EQ(cluster_->Delete(kNamespaces, "", "default").code(), Code::kPermissionDenied);
  ASSERT_TRUE(cluster_->Delete(kNamespaces, "", "team").ok());
  EXPECT_EQ(cluster_->Get(kConfigMaps, "team", "a").status().code(), Code::kNotFound);
}

TEST_F(ClusterTest, RejectsBadNamesKindsAndResources) {
  Result<Value> bad = cluster_->Create(kConfigMaps, "", Yaml("metadata: {name: Bad_Name}"));
  EXPECT_EQ(bad.status().code(), Code::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("ConfigMap \"Bad_Name\" is invalid: metadata.name"),
            std::string::npos);
  EXPECT_EQ(cluster_->Create(kConfigMaps, "", Yaml("metadata: {name: ../x}")).status().code(),
            Code::kInvalidArgument);
  EXPECT_EQ(
      cluster_->Create(kConfigMaps, "", Yaml("kind: Secret\nmetadata: {name: a}")).status().code(),
      Code::kInvalidArgument);
  EXPECT_EQ(cluster_->Get(Gvr{"", "v1", "widgets"}, "default", "a").status().code(),
            Code::kNotFound);
  EXPECT_EQ(cluster_->Create(kStatefulSets, "", Yaml("metadata: {name: db}\nspec: {}"))
                .status()
                .message(),
            "StatefulSet.apps \"db\" is invalid: spec.selector: Required value");
}

TEST_F(ClusterTest, DeletingAnOwnerDeletesWhatItOwns) {
  Value owner = Create(kConfigMaps, "metadata: {name: owner}\n");
  Value child = Yaml("metadata: {name: child}\n");
  child = SetField(child, {"metadata", "ownerReferences"}, ListValue({ControllerRef(owner)}));
  ASSERT_TRUE(cluster_->Create(kConfigMaps, "", child).ok());
  ASSERT_TRUE(cluster_->Delete(kConfigMaps, "default", "owner").ok());
  EXPECT_EQ(cluster_->Get(kConfigMaps, "default", "child").status().code(), Code::kNotFound);
}

TEST_F(ClusterTest, ASecondInstanceSeesAndChangesTheSameObjects) {
  std::unique_ptr<EmbeddedCluster> other = OpenAnother();
  Create(kConfigMaps, kConfigMap);
  Result<Value> seen = other->Get(kConfigMaps, "default", "settings");
  ASSERT_TRUE(seen.ok()) << seen.status().ToString();
  ASSERT_TRUE(
      other->Update(kConfigMaps, "default", SetField(*seen, {"data", "mode"}, Value("b"))).ok());
  EXPECT_EQ(StringField(*cluster_->Get(kConfigMaps, "default", "settings"), {"data", "mode"}), "b");
  Result<Value> stale = cluster_->Update(kConfigMaps, "default", *seen);
  EXPECT_EQ(stale.status().code(), Code::kAborted);
  ASSERT_TRUE(other->Delete(kConfigMaps, "default", "settings").ok());
  EXPECT_EQ(cluster_->Get(kConfigMaps, "default", "settings").status().code(), Code::kNotFound);
}

TEST_F(ClusterTest, ThreadsAndInstancesWriteConcurrentlyWithoutLosingUpdates) {
  Create(kConfigMaps, "metadata: {name: counter}\ndata: {n: '0'}\n");
  std::unique_ptr<EmbeddedCluster> other = OpenAnother();
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      KubeApi& api = t % 2 == 0 ? static_cast<KubeApi&>(*cluster_) : *other;
      for (int i = 0; i < 10; ++i) {
        ASSERT_TRUE(api.Create(kConfigMaps, "", Yaml("metadata: {generateName: c-}")).ok());
        while (true) {  // read-modify-write with conflict retry, as controllers do
          Value cm = *api.Get(kConfigMaps, "default", "counter");
          int n = std::stoi(StringField(cm, {"data", "n"}));
          Result<Value> r = api.Update(kConfigMaps, "default",
                                       SetField(cm, {"data", "n"}, Value(std::to_string(n + 1))));
          if (r.ok()) break;
          ASSERT_EQ(r.status().code(), Code::kAborted);
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(cluster_->List(kConfigMaps, "default", LabelSelector())->size(), 41u);
  EXPECT_EQ(StringField(*other->Get(kConfigMaps, "default", "counter"), {"data", "n"}), "40");
}

TEST_F(ClusterTest, AKilledWriterLeavesAReadableStore) {
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    Result<std::unique_ptr<EmbeddedCluster>> c = EmbeddedCluster::Open(dir_);
    for (int i = 0; c.ok(); ++i) {
      Value cm =
          SetField(Yaml(kConfigMap), {"metadata", "name"}, Value("cm-" + std::to_string(i % 50)));
      cm = SetField(cm, {"data", "big"}, Value(std::string(20000 + i, 'x')));
      if (!(*c)->Create(kConfigMaps, "", cm).ok()) {
        (void)(*c)->Update(kConfigMaps, "", RemoveField(cm, {"metadata", "resourceVersion"}));
      }
    }
    _exit(1);
  }
  // Kill it mid-write, after it has written a good number of objects.
  ASSERT_TRUE(Eventually([&] {
    Result<std::vector<Value>> items = cluster_->List(kConfigMaps, "", LabelSelector());
    return items.ok() && items->size() >= 40;
  }));
  kill(child, SIGKILL);
  waitpid(child, nullptr, 0);

  std::unique_ptr<EmbeddedCluster> fresh = OpenAnother();
  Result<std::vector<Value>> items = fresh->List(kConfigMaps, "", LabelSelector());
  ASSERT_TRUE(items.ok()) << items.status().ToString();
  size_t files = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir_ + "/objects")) {
    std::string name = e.path().filename().string();
    if (!e.is_regular_file() || name[0] == '.') continue;
    ++files;
    ASSERT_TRUE(ParseObject(*ReadFile(e.path().string())).ok()) << e.path();
  }
  EXPECT_EQ(files, items->size() + 1);  // + the default namespace
  // The lock was released with the process, and writing goes on.
  EXPECT_TRUE(fresh->Create(kConfigMaps, "", Yaml("metadata: {name: after}")).ok());
  EXPECT_TRUE(cluster_->Get(kConfigMaps, "default", "after").ok());
}

}  // namespace
}  // namespace kanon::kube::embedded
