// Pods as host processes: lifecycle, exit codes, env, logs, restarts, supervision, deletion.

#include <signal.h>

#include <filesystem>

#include "kube/embedded/state_dir.h"
#include "kube/embedded/supervisor.h"
#include "kube/embedded/test_cluster.h"

namespace kanon::kube::embedded {
namespace {

std::string PodYaml(std::string_view name, std::string_view script,
                    std::string_view policy = "Never", std::string_view extra = "") {
  return "metadata: {name: " + std::string(name) + "}\n" +
         "spec:\n"
         "  restartPolicy: " +
         std::string(policy) +
         "\n"
         "  terminationGracePeriodSeconds: 2\n"
         "  containers:\n"
         "  - name: main\n"
         "    image: busybox\n"
         "    command: [sh, -c]\n"
         "    args: ['" +
         std::string(script) + "']\n" + std::string(extra);
}

const Value& FirstStatus(const Value& pod) {
  static const Value kNil;
  const auto& s = ListField(pod, {"status", "containerStatuses"});
  return s.empty() ? kNil : s[0];
}

TEST_F(ClusterTest, PodRunsToSuccessWithItsOutputInTheLog) {
  Value pod = Create(kPods, PodYaml("hello", "echo hello; echo oops >&2"));
  EXPECT_EQ(StringField(pod, {"spec", "restartPolicy"}), "Never");
  pod = WaitForPhase("hello", "Succeeded");
  EXPECT_EQ(IntField(FirstStatus(pod), {"state", "terminated", "exitCode"}, -1), 0);
  EXPECT_EQ(StringField(FirstStatus(pod), {"state", "terminated", "reason"}), "Completed");
  EXPECT_EQ(StringField(FirstStatus(pod), {"name"}), "main");
  EXPECT_EQ(ReadLog("hello"), "hello\noops\n");
}

TEST_F(ClusterTest, NonZeroExitFailsThePodWithItsCode) {
  Create(kPods, PodYaml("fails", "exit 3"));
  Value pod = WaitForPhase("fails", "Failed");
  EXPECT_EQ(IntField(FirstStatus(pod), {"state", "terminated", "exitCode"}, -1), 3);
  EXPECT_EQ(StringField(FirstStatus(pod), {"state", "terminated", "reason"}), "Error");
}

TEST_F(ClusterTest, RunningPodIsStoppedAndRemovedOnDelete) {
  Create(kPods, PodYaml("sleeper", "sleep 1000"));
  Value pod = WaitForPhase("sleeper", "Running");
  ProcessId proc = ContainerProcess(pod);
  ASSERT_TRUE(IsAlive(proc));
  EXPECT_TRUE(FindField(FirstStatus(pod), {"state", "running", "startedAt"}) != nullptr);
  EXPECT_EQ(StringField(pod, {"status", "podIP"}), "127.0.0.1");
  std::string runtime = dir_ + "/pods/" + UidOf(pod);
  EXPECT_TRUE(std::filesystem::exists(runtime));

  ASSERT_TRUE(cluster_->Delete(kPods, "default", "sleeper").ok());
  EXPECT_FALSE(IsAlive(proc));
  EXPECT_EQ(cluster_->Get(kPods, "default", "sleeper").status().code(), Code::kNotFound);
  EXPECT_FALSE(std::filesystem::exists(runtime));
}

TEST_F(ClusterTest, AProcessIgnoringSigtermIsKilledAfterTheGracePeriod) {
  Create(kPods, PodYaml("stubborn", "trap \"\" TERM; echo ready; while true; do sleep 0.1; done"));
  ProcessId proc = ContainerProcess(WaitForPhase("stubborn", "Running"));
  ASSERT_TRUE(Eventually([&] { return ReadLog("stubborn") == "ready\n"; }));  // trap is set
  auto start = std::chrono::steady_clock::now();
  ASSERT_TRUE(cluster_->Delete(kPods, "default", "stubborn").ok());
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  EXPECT_FALSE(IsAlive(proc));
}

TEST_F(ClusterTest, EnvComesFromSecretsConfigMapsAndFieldRefs) {
  Create(kSecrets, "metadata: {name: db}\nstringData: {password: pa55word}\n");
  Create(kConfigMaps, "metadata: {name: cfg}\ndata: {host: localhost, port: '5432'}\n");
  Create(kPods,
         PodYaml("env", "echo $PASSWORD $HOST $POD $NS $URL $port $HOSTNAME", "Never",
                 "    env:\n"
                 "    - {name: PASSWORD, valueFrom: {secretKeyRef: {name: db, key: password}}}\n"
                 "    - {name: HOST, valueFrom: {configMapKeyRef: {name: cfg, key: host}}}\n"
                 "    - {name: POD, valueFrom: {fieldRef: {fieldPath: metadata.name}}}\n"
                 "    - {name: NS, valueFrom: {fieldRef: {fieldPath: metadata.namespace}}}\n"
                 "    - {name: URL, value: 'pg://$(HOST):$(port)'}\n"
                 "    envFrom:\n"
                 "    - configMapRef: {name: cfg}\n"));
  WaitForPhase("env", "Succeeded");
  EXPECT_EQ(ReadLog("env"), "pa55word localhost env default pg://localhost:5432 5432 env\n");
}

TEST_F(ClusterTest, AMissingSecretKeepsThePodPendingUntilItExists) {
  Create(kPods, PodYaml("waits", "echo $TOKEN", "Never",
                        "    env:\n"
                        "    - {name: TOKEN, valueFrom: {secretKeyRef: {name: late, key: t}}}\n"));
  Value pod = *cluster_->Get(kPods, "default", "waits");
  EXPECT_EQ(Phase(pod), "Pending");
  EXPECT_EQ(StringField(FirstStatus(pod), {"state", "waiting", "reason"}),
            "CreateContainerConfigError");
  EXPECT_EQ(StringField(FirstStatus(pod), {"state", "waiting", "message"}),
            "secret \"late\" not found");
  EXPECT_EQ(cluster_->Logs("default", "waits", "", false).status().message(),
            "container \"main\" in pod \"waits\" is waiting to start: CreateContainerConfigError");
  Create(kSecrets, "metadata: {name: late}\nstringData: {t: here}\n");
  WaitForPhase("waits", "Succeeded");
  EXPECT_EQ(ReadLog("waits"), "here\n");
}

TEST_F(ClusterTest, AContainerWithoutCommandFailsWithAReason) {
  Create(kPods,
         "metadata: {name: nocmd}\nspec:\n  restartPolicy: Never\n"
         "  containers: [{name: db, image: 'postgres:16'}]\n");
  Value pod = WaitForPhase("nocmd", "Failed");
  const Value& terminated = *FindField(FirstStatus(pod), {"state", "terminated"});
  EXPECT_EQ(StringField(terminated, {"reason"}), "StartError");
  EXPECT_NE(StringField(terminated, {"message"}).find("has no command"), std::string::npos);
  EXPECT_NE(StringField(terminated, {"message"}).find("postgres:16"), std::string::npos);
  EXPECT_NE(ReadLog("nocmd").find("has no command"), std::string::npos);
}

TEST_F(ClusterTest, AnUnknownExecutableFailsWithTheRuntimeMessage) {
  Create(kPods,
         "metadata: {name: nobin}\nspec:\n  restartPolicy: Never\n"
         "  containers: [{name: c, command: [no-such-binary-kanon]}]\n");
  Value pod = WaitForPhase("nobin", "Failed");
  EXPECT_EQ(StringField(FirstStatus(pod), {"state", "terminated", "message"}),
            "exec: \"no-such-binary-kanon\": executable file not found in $PATH");
}

TEST_F(ClusterTest, OnFailureRestartsUntilTheContainerSucceeds) {
  Create(kPods, PodYaml("retry", "test -f marker && exit 0; touch marker; exit 1", "OnFailure"));
  Value pod = WaitForPhase("retry", "Succeeded");
  EXPECT_EQ(IntField(FirstStatus(pod), {"restartCount"}, -1), 1);
}

TEST_F(ClusterTest, ContainersRunInThePodDirectoryWithKanonBinariesOnPath) {
  cluster_.reset();
  Result<std::unique_ptr<EmbeddedCluster>> c = EmbeddedCluster::Open(dir_, {"/opt/kanon/bin"});
  ASSERT_TRUE(c.ok());
  cluster_ = std::move(c).value();
  Value pod = Create(kPods, PodYaml("where", "pwd; echo $PATH"));
  WaitForPhase("where", "Succeeded");
  std::string log = ReadLog("where");
  EXPECT_EQ(log.substr(0, log.find('\n')), dir_ + "/pods/" + UidOf(pod) + "/work");
  EXPECT_NE(log.find("\n/opt/kanon/bin:"), std::string::npos) << log;
}

TEST_F(ClusterTest, VolumeMountsAreLinksInsideTheWorkDirectory) {
  Create(kPvcs, "metadata: {name: data}\nspec: {accessModes: [ReadWriteOnce]}\n");
  Create(kPods, PodYaml("writer", "echo kept > data/file", "Never",
                        "    volumeMounts: [{name: vol, mountPath: /data}]\n"
                        "  volumes: [{name: vol, persistentVolumeClaim: {claimName: data}}]\n"));
  WaitForPhase("writer", "Succeeded");
  EXPECT_EQ(*ReadFile(dir_ + "/volumes/default/data/file"), "kept\n");
  Result<Value> pvc = cluster_->Get(kPvcs, "default", "data");
  EXPECT_EQ(StringField(*pvc, {"status", "phase"}), "Bound");
}

TEST_F(ClusterTest, PodsOutliveTheInstanceThatStartedThem) {
  Create(kPods, PodYaml("daemon", "sleep 1000", "Always"));
  ProcessId proc = ContainerProcess(WaitForPhase("daemon", "Running"));
  cluster_.reset();  // the kanon process that ran `apply` exits
  EXPECT_TRUE(IsAlive(proc));
  cluster_ = OpenAnother();
  Value pod = WaitForPhase("daemon", "Running");
  EXPECT_EQ(ContainerProcess(pod).pid, proc.pid);
}

TEST_F(ClusterTest, ALostSupervisorIsReportedOrReplaced) {
  Create(kPods, PodYaml("once", "sleep 1000", "Never"));
  Create(kPods, PodYaml("always", "sleep 1000", "Always"));
  for (const char* name : {"once", "always"}) {
    Value pod = WaitForPhase(name, "Running");
    Result<ContainerRecord> rec = ReadRecord(dir_ + "/pods/" + UidOf(pod) + "/main.status");
    ASSERT_TRUE(rec.ok());
    kill(rec->supervisor.pid, SIGKILL);
    ASSERT_TRUE(Eventually([&] { return !IsAlive(rec->process); }));  // it dies with it
  }
  Value once = WaitForPhase("once", "Failed");
  EXPECT_EQ(StringField(FirstStatus(once), {"state", "terminated", "reason"}),
            "ContainerStatusUnknown");
  EXPECT_EQ(IntField(FirstStatus(once), {"state", "terminated", "exitCode"}, 0), 137);
  Value always = WaitFor(kPods, "always", [](const Value& p) {
    return Phase(p) == "Running" && IntField(FirstStatus(p), {"restartCount"}, 0) == 1;
  });
  EXPECT_TRUE(IsAlive(ContainerProcess(always)));
}

TEST_F(ClusterTest, FollowingLogsEndsWhenTheContainerExits) {
  Create(kPods, PodYaml("chatty", "for i in 1 2 3; do echo line$i; sleep 0.1; done"));
  Result<std::unique_ptr<LogStream>> logs = cluster_->Logs("default", "chatty", "main", true);
  ASSERT_TRUE(logs.ok()) << logs.status().ToString();
  std::string all;
  while (!(*logs)->done()) {
    Result<std::string> chunk = (*logs)->Read(std::chrono::seconds(10));
    ASSERT_TRUE(chunk.ok()) << chunk.status().ToString();
    all += *chunk;
  }
  EXPECT_EQ(all, "line1\nline2\nline3\n");
  EXPECT_EQ(cluster_->Logs("default", "chatty", "other", false).status().message(),
            "container other is not valid for pod chatty");
  EXPECT_EQ(cluster_->Logs("default", "nope", "", false).status().message(),
            "pods \"nope\" not found");
}

TEST_F(ClusterTest, FollowingARunningContainerTimesOutWithoutOutput) {
  Create(kPods, PodYaml("quiet", "echo start; sleep 1000"));
  WaitForPhase("quiet", "Running");
  Result<std::unique_ptr<LogStream>> logs = cluster_->Logs("default", "quiet", "", true);
  ASSERT_TRUE(logs.ok());
  std::string first;
  ASSERT_TRUE(Eventually([&] {
    Result<std::string> c = (*logs)->Read(std::chrono::milliseconds(50));
    if (c.ok()) first += *c;
    return first == "start\n";
  }));
  Result<std::string> none = (*logs)->Read(std::chrono::milliseconds(50));
  EXPECT_EQ(none.status().code(), Code::kDeadlineExceeded);
  EXPECT_FALSE((*logs)->done());
}

}  // namespace
}  // namespace kanon::kube::embedded
