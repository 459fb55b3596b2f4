// Exec into running pods: output, exit codes, the pod's env and cwd, stdin, streaming and
// cancellation, and the errors for pods that are not running.

#include <atomic>

#include "kube/embedded/test_cluster.h"

namespace kanon::kube::embedded {
namespace {

class ExecTest : public ClusterTest {
 protected:
  void SetUp() override {
    ClusterTest::SetUp();
    Create(kSecrets, "metadata: {name: db}\nstringData: {password: pa55word}\n");
    Create(kPods,
           "metadata: {name: db}\n"
           "spec:\n"
           "  terminationGracePeriodSeconds: 1\n"
           "  containers:\n"
           "  - name: main\n"
           "    command: [sleep, '1000']\n"
           "    env: [{name: PGPASSWORD, valueFrom: {secretKeyRef: {name: db, key: password}}}]\n"
           "  - name: side\n"
           "    command: [sleep, '1000']\n"
           "    env: [{name: ROLE, value: sidecar}]\n");
    pod_ = WaitForPhase("db", "Running");
  }

  Result<ExecResult> Run(std::vector<std::string> command, std::string container = "") {
    ExecRequest req;
    req.namespace_ = "default";
    req.pod = "db";
    req.container = std::move(container);
    req.command = std::move(command);
    return cluster_->Exec(req);
  }

  Value pod_;
};

TEST_F(ExecTest, CollectsOutputAndExitCodeInThePodsEnvironment) {
  Result<ExecResult> r = Run({"sh", "-c", "echo $PGPASSWORD; pwd; echo err >&2; exit 4"});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->exit_code, 4);
  EXPECT_EQ(r->stdout_data, "pa55word\n" + dir_ + "/pods/" + UidOf(pod_) + "/work\n");
  EXPECT_EQ(r->stderr_data, "err\n");
  Result<ExecResult> side = Run({"sh", "-c", "echo $ROLE"}, "side");
  ASSERT_TRUE(side.ok());
  EXPECT_EQ(side->stdout_data, "sidecar\n");
}

TEST_F(ExecTest, FeedsStdinAndReportsSignals) {
  ExecRequest req;
  req.pod = "db";
  req.command = {"cat"};
  req.stdin_data = std::string(200000, 'x');  // more than a pipe buffer
  Result<ExecResult> r = cluster_->Exec(req);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->stdout_data, req.stdin_data);
  Result<ExecResult> killed = Run({"sh", "-c", "kill -9 $$"});
  ASSERT_TRUE(killed.ok());
  EXPECT_EQ(killed->exit_code, 137);
}

TEST_F(ExecTest, StreamsOutputAndCancellationKillsTheProcessGroup) {
  CancelToken cancel;
  std::string seen;
  pid_t background = 0;
  ExecRequest req;
  req.pod = "db";
  req.command = {"sh", "-c", "sleep 1000 & echo $!; wait"};
  req.cancel = &cancel;
  req.on_stdout = [&](std::string_view chunk) {
    seen += chunk;
    if (seen.find('\n') != std::string::npos) {
      background = static_cast<pid_t>(std::stol(seen));
      cancel.Cancel();  // the command is still running: its output was streamed
    }
  };
  Result<ExecResult> r = cluster_->Exec(req);
  EXPECT_EQ(r.status().code(), Code::kCancelled);
  EXPECT_EQ(r.status().message(), "exec in pod default/db cancelled");
  ASSERT_GT(background, 0);
  EXPECT_TRUE(Eventually([&] { return ProcStartTicks(background) == 0; }));
}

TEST_F(ExecTest, UnknownCommandExits127) {
  Result<ExecResult> r = Run({"no-such-command-kanon"});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->exit_code, 127);
  EXPECT_EQ(r->stderr_data,
            "exec: \"no-such-command-kanon\": executable file not found in $PATH\n");
}

TEST_F(ExecTest, RefusesPodsThatAreNotRunning) {
  EXPECT_EQ(Run({"true"}, "nope").status().message(), "container nope is not valid for pod db");
  ExecRequest req;
  req.pod = "missing";
  req.command = {"true"};
  EXPECT_EQ(cluster_->Exec(req).status().message(), "pods \"missing\" not found");
  Create(kPods,
         "metadata: {name: done}\nspec:\n  restartPolicy: Never\n"
         "  containers: [{name: c, command: ['true']}]\n");
  WaitForPhase("done", "Succeeded");
  req.pod = "done";
  Result<ExecResult> r = cluster_->Exec(req);
  EXPECT_EQ(r.status().code(), Code::kFailedPrecondition);
  EXPECT_EQ(r.status().message(),
            "cannot exec into a container in a completed pod; current phase is Succeeded");
}

}  // namespace
}  // namespace kanon::kube::embedded
