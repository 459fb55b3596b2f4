// Workloads own their pods: StatefulSet ordinals and scaling, PVCs from claim templates,
// Deployment -> ReplicaSet -> pods with revisions, cascading deletion, a second process.

#include "kube/embedded/test_cluster.h"

namespace kanon::kube::embedded {
namespace {

constexpr char kStatefulSet[] = R"(
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  replicas: 2
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      terminationGracePeriodSeconds: 2
      containers:
      - name: postgres
        image: postgres:16
        command: [sleep, '1000']
        volumeMounts: [{name: data, mountPath: /var/lib/data}]
  volumeClaimTemplates:
  - metadata: {name: data}
    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
)";

constexpr char kDeployment[] = R"(
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      terminationGracePeriodSeconds: 2
      containers: [{name: web, command: [sleep, '1000']}]
)";

std::vector<Value> Pods(KubeApi& api, std::string_view selector) {
  Result<std::vector<Value>> pods = api.List(kPods, "default", *LabelSelector::Parse(selector));
  return pods.ok() ? *pods : std::vector<Value>();
}

TEST_F(ClusterTest, StatefulSetScalesTwoToZeroToOneWithRealProcesses) {
  Value sts = Create(kStatefulSets, kStatefulSet);
  std::vector<ProcessId> procs;
  for (const char* name : {"db-0", "db-1"}) {
    Value pod = WaitForPhase(name, "Running");
    const Value& ref = ListField(pod, {"metadata", "ownerReferences"})[0];
    EXPECT_EQ(StringField(ref, {"uid"}), UidOf(sts));
    EXPECT_EQ(StringField(ref, {"kind"}), "StatefulSet");
    EXPECT_TRUE(FindField(ref, {"controller"})->AsBool());
    EXPECT_EQ(StringField(pod, {"metadata", "labels", "app"}), "db");
    EXPECT_EQ(StringField(pod, {"metadata", "labels", "statefulset.kubernetes.io/pod-name"}), name);
    procs.push_back(ContainerProcess(pod));
    EXPECT_TRUE(IsAlive(procs.back()));
  }
  Value status = WaitFor(kStatefulSets, "db", [](const Value& s) {
    return IntField(s, {"status", "readyReplicas"}, 0) == 2;
  });
  EXPECT_EQ(IntField(status, {"status", "replicas"}, 0), 2);

  ASSERT_TRUE(
      cluster_
          ->Patch(kStatefulSets, "default", "db", PatchType::kMerge, Yaml("spec: {replicas: 0}"))
          .ok());
  for (const ProcessId& p : procs) EXPECT_FALSE(IsAlive(p));  // stopped before Patch returned
  EXPECT_TRUE(Pods(*cluster_, "app=db").empty());
  EXPECT_EQ(IntField(*cluster_->Get(kStatefulSets, "default", "db"), {"status", "replicas"}, -1),
            0);

  ASSERT_TRUE(cluster_
                  ->Patch(kStatefulSets, "default", "db", PatchType::kStrategicMerge,
                          Yaml("spec: {replicas: 1}"))
                  .ok());
  Value pod = WaitForPhase("db-0", "Running");
  EXPECT_TRUE(IsAlive(ContainerProcess(pod)));
  EXPECT_EQ(Pods(*cluster_, "app=db").size(), 1u);
}

TEST_F(ClusterTest, StatefulSetClaimTemplatesBecomePersistentVolumeClaims) {
  Create(kStatefulSets, kStatefulSet);
  Value pod = WaitForPhase("db-1", "Running");
  Result<Value> pvc = cluster_->Get(kPvcs, "default", "data-db-1");
  ASSERT_TRUE(pvc.ok()) << pvc.status().ToString();
  EXPECT_EQ(StringField(*pvc, {"status", "phase"}), "Bound");
  bool mounted = false;
  for (const Value& v : ListField(pod, {"spec", "volumes"})) {
    mounted = mounted || StringField(v, {"persistentVolumeClaim", "claimName"}) == "data-db-1";
  }
  EXPECT_TRUE(mounted);
}

TEST_F(ClusterTest, DeploymentOwnsAReplicaSetPerTemplateWithMatchingRevision) {
  Value d = Create(kDeployments, kDeployment);
  Value deploy = WaitFor(kDeployments, "web", [](const Value& v) {
    return IntField(v, {"status", "readyReplicas"}, 0) == 2;
  });
  const char* kRev = "deployment.kubernetes.io/revision";
  EXPECT_EQ(StringField(deploy, {"metadata", "annotations", kRev}), "1");
  std::vector<Value> rss = *cluster_->List(kReplicaSets, "default", LabelSelector());
  ASSERT_EQ(rss.size(), 1u);
  std::string rs = NameOf(rss[0]);
  EXPECT_EQ(rs.rfind("web-", 0), 0u);
  EXPECT_EQ(StringField(rss[0], {"metadata", "annotations", kRev}), "1");
  EXPECT_EQ(ControllerUid(rss[0]), UidOf(d));
  std::vector<Value> pods = Pods(*cluster_, "app=web");
  ASSERT_EQ(pods.size(), 2u);
  std::vector<ProcessId> old_procs;
  for (const Value& p : pods) {
    EXPECT_EQ(ControllerUid(p), UidOf(rss[0]));
    EXPECT_EQ(NameOf(p).size(), rs.size() + 6);  // <rs>-<5 random>
    old_procs.push_back(ContainerProcess(p));
  }

  // A new template: a new ReplicaSet at revision 2; the old one scaled to 0, its pods stopped.
  ASSERT_TRUE(cluster_
                  ->Patch(kDeployments, "default", "web", PatchType::kStrategicMerge,
                          Yaml("spec: {template: {metadata: {labels: {v: '2'}}}}"))
                  .ok());
  for (const ProcessId& p : old_procs) EXPECT_FALSE(IsAlive(p));
  deploy = WaitFor(kDeployments, "web", [](const Value& v) {
    return IntField(v, {"status", "readyReplicas"}, 0) == 2;
  });
  EXPECT_EQ(StringField(deploy, {"metadata", "annotations", kRev}), "2");
  Result<std::vector<Value>> all_rs = cluster_->List(kReplicaSets, "default", LabelSelector());
  for (const Value& r : *all_rs) {
    bool current = StringField(r, {"metadata", "annotations", kRev}) == "2";
    EXPECT_EQ(IntField(r, {"spec", "replicas"}, -1), current ? 2 : 0) << NameOf(r);
  }
  EXPECT_EQ(Pods(*cluster_, "app=web,v=2").size(), 2u);
  EXPECT_EQ(Pods(*cluster_, "app=web").size(), 2u);

  // Deleting the Deployment takes the ReplicaSets and the processes with it.
  std::vector<ProcessId> procs;
  for (const Value& p : Pods(*cluster_, "app=web")) procs.push_back(ContainerProcess(p));
  ASSERT_TRUE(cluster_->Delete(kDeployments, "default", "web").ok());
  EXPECT_TRUE(cluster_->List(kReplicaSets, "default", LabelSelector())->empty());
  EXPECT_TRUE(Pods(*cluster_, "").empty());
  for (const ProcessId& p : procs) EXPECT_FALSE(IsAlive(p));
}

TEST_F(ClusterTest, ASecondInstanceSeesPodStatusesAndCanScale) {
  Create(kStatefulSets, kStatefulSet);
  WaitForPhase("db-1", "Running");
  std::unique_ptr<EmbeddedCluster> other = OpenAnother();
  std::vector<Value> pods = Pods(*other, "app=db");
  ASSERT_EQ(pods.size(), 2u);
  for (const Value& p : pods) EXPECT_EQ(Phase(p), "Running");
  ProcessId proc = ContainerProcess(pods[1]);

  ASSERT_TRUE(
      other->Patch(kStatefulSets, "default", "db", PatchType::kMerge, Yaml("spec: {replicas: 1}"))
          .ok());
  EXPECT_FALSE(IsAlive(proc));
  EXPECT_EQ(Pods(*cluster_, "app=db").size(), 1u);
  EXPECT_EQ(cluster_->Get(kPods, "default", "db-1").status().code(), Code::kNotFound);
}

}  // namespace
}  // namespace kanon::kube::embedded
