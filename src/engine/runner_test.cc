#include "engine/runner.h"

#include <gtest/gtest.h>

#include <thread>

#include "engine/testing/fake_kube.h"

namespace kanon::engine {
namespace {

using testing::FakeKube;
using testing::PodRun;

constexpr char kWorkload[] = R"(
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: shop, labels: {app.kubernetes.io/instance: shop}}
spec: {replicas: 1}
)";

constexpr char kSecret[] = R"(
apiVersion: v1
kind: Secret
metadata: {name: shop-db, namespace: shop}
data: {password: czNjcjN0}
)";

std::string ActionSetYaml(const std::string& actions) {
  return "apiVersion: cr.kanister.io/v1alpha1\nkind: ActionSet\nmetadata: {name: as1, namespace: "
         "kanister}\nspec:\n  actions:\n" +
         actions;
}

std::string Action(const std::string& name, const std::string& extra = "") {
  return "  - name: " + name +
         "\n    blueprint: bp\n    object: {kind: StatefulSet, name: db, namespace: shop}\n" +
         extra;
}

class RunnerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    kube_.AddYaml(kWorkload);
    kube_.AddYaml(kSecret);
  }
  model::ActionSet Run(const std::string& blueprint, const std::string& actionset) {
    kube_.AddYaml(blueprint);
    kube_.AddYaml(actionset);
    RunOptions o;
    o.cancel = &cancel_;
    o.on_event = [&](const RunEvent& e) {
      std::lock_guard<std::mutex> lock(mu_);
      events_.push_back(e.action + "/" + e.phase + ":" + e.state);
    };
    Runner runner(kube_, BuiltinRegistry(), o);
    auto r = runner.Run("kanister", "as1");
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? *r : model::ActionSet{};
  }
  FakeKube kube_;
  kube::CancelToken cancel_;
  std::mutex mu_;
  std::vector<std::string> events_;
};

constexpr char kTwoPhases[] = R"(
apiVersion: cr.kanister.io/v1alpha1
kind: Blueprint
metadata: {name: bp, namespace: kanister}
actions:
  backup:
    outputArtifacts:
      cloud: {keyValue: {path: "{{ .Phases.second.Output.path }}", sts: "{{ .StatefulSet.Name }}"}}
    phases:
    - func: KubeExec
      name: first
      objects: {dbSecret: {kind: Secret, name: '{{ .Object.metadata.name }}', namespace: shop}}
      args:
        namespace: shop
        pod: db-0
        command: [sh, -c, 'echo {{ index .Phases.first.Secrets.dbSecret.Data "password" | toString }}']
    - func: KubeTask
      name: second
      args:
        image: tools
        namespace: shop
        command: [sh, -c, 'dump --from {{ .Phases.first.Output.key }}']
    deferPhase:
      func: KubeExec
      name: cleanup
      args: {namespace: shop, pod: db-0, command: [cleanup]}
)";

TEST_F(RunnerTest, PhasesRunInOrderWithLazyRenderingAndArtifacts) {
  kube_.AddYaml(R"(
apiVersion: v1
kind: Secret
metadata: {name: db, namespace: shop}
data: {password: czNjcjN0}
)");
  kube_.set_exec_handler([](const kube::ExecRequest& req) {
    kube::ExecResult r;
    if (req.command.size() > 2 && req.command[2] == "echo s3cr3t") {
      r.stdout_data =
          "noise ###Phase-output###: {\"key\":\"key\",\"value\":\"old\"}\n"
          "###Phase-output###: {\"key\":\"key\",\"value\":\"v1\"}\n";
    }
    return r;
  });
  kube_.set_pod_handler([](const Value&) {
    return PodRun{"working\n###Phase-output###: {\"key\":\"path\",\"value\":\"b/x.gz\"}\n", 0,
                  false};
  });
  auto as = Run(kTwoPhases, ActionSetYaml(Action("backup")));
  ASSERT_TRUE(as.status);
  const auto& st = *as.status;
  EXPECT_EQ(st.state, "complete") << st.error_message;
  ASSERT_EQ(st.actions.size(), 1u);
  EXPECT_EQ(st.actions[0].phases[0].state, "complete");
  EXPECT_EQ(st.actions[0].phases[1].state, "complete");
  EXPECT_EQ(st.actions[0].defer_phase.state, "complete");
  EXPECT_EQ(st.actions[0].artifacts.at("cloud").key_value.at("path"), "b/x.gz");
  EXPECT_EQ(st.actions[0].artifacts.at("cloud").key_value.at("sts"), "db");
  EXPECT_EQ(st.progress.percent_completed, "100");
  // The second phase saw the first one's output (last key wins).
  auto pods = kube_.created_pods();
  ASSERT_EQ(pods.size(), 1u);
  const Value& cmd = pods[0].Find("spec")->Find("containers")->AsList()[0].AsMap().at("command");
  EXPECT_EQ(cmd.AsList()[2].AsString(), "dump --from v1");
  EXPECT_EQ(pods[0].Find("metadata")->Find("labels")->Find("createdBy")->AsString(), "kanister");
  // Pods are deleted when the function returns.
  EXPECT_FALSE(
      kube_.Get({"", "v1", "pods"}, "shop", pods[0].Find("metadata")->Find("name")->AsString())
          .ok());
}

TEST_F(RunnerTest, FirstFailureStopsTheActionAndDeferStillRuns) {
  kube_.AddYaml(R"(
apiVersion: v1
kind: Secret
metadata: {name: db, namespace: shop}
data: {password: czNjcjN0}
)");
  kube_.set_exec_handler([](const kube::ExecRequest& req) {
    kube::ExecResult r;
    if (req.command[0] == "sh") {
      r.exit_code = 3;
      r.stderr_data = "boom";
    }
    return r;
  });
  auto as = Run(kTwoPhases, ActionSetYaml(Action("backup")));
  const auto& st = *as.status;
  EXPECT_EQ(st.state, "failed");
  EXPECT_EQ(st.actions[0].phases[0].state, "failed");
  EXPECT_EQ(st.actions[0].phases[1].state, "pending");
  EXPECT_EQ(st.actions[0].defer_phase.state, "complete");
  EXPECT_NE(st.error_message.find("phase \"first\" (KubeExec)"), std::string::npos)
      << st.error_message;
  EXPECT_NE(st.error_message.find("exited 3"), std::string::npos) << st.error_message;
  // Artifacts stay unrendered templates on failure.
  EXPECT_EQ(st.actions[0].artifacts.at("cloud").key_value.at("path"),
            "{{ .Phases.second.Output.path }}");
  EXPECT_EQ(kube_.exec_commands().back(), "cleanup");
}

TEST_F(RunnerTest, MissingActionFailsAtInit) {
  auto as = Run(kTwoPhases, ActionSetYaml(Action("restore")));
  EXPECT_EQ(as.status->state, "failed");
  EXPECT_NE(as.status->error_message.find("Action restore for object kind StatefulSet not found"),
            std::string::npos)
      << as.status->error_message;
}

TEST_F(RunnerTest, ArgumentChecksAndUnknownFunctions) {
  auto as = Run(R"(
apiVersion: cr.kanister.io/v1alpha1
kind: Blueprint
metadata: {name: bp, namespace: kanister}
actions:
  backup:
    phases:
    - {func: KubeTask, name: a, args: {image: x, comand: [true]}}
)",
                ActionSetYaml(Action("backup")));
  EXPECT_EQ(as.status->state, "failed");
  const std::string& m = as.status->error_message;
  EXPECT_NE(m.find("argument comand is not supported; did you mean \"command\"?"),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("Required arg missing: command"), std::string::npos) << m;
}

TEST_F(RunnerTest, UnknownFunctionFailsBeforeAnythingRuns) {
  auto as = Run(R"(
apiVersion: cr.kanister.io/v1alpha1
kind: Blueprint
metadata: {name: bp, namespace: kanister}
actions:
  backup:
    phases:
    - {func: KubeExec, name: a, args: {namespace: shop, pod: db-0, command: [x]}}
    - {func: KubeTaks, name: b, args: {}}
)",
                ActionSetYaml(Action("backup")));
  EXPECT_EQ(as.status->state, "failed");
  EXPECT_NE(as.status->error_message.find("did you mean \"KubeTask\"?"), std::string::npos)
      << as.status->error_message;
  EXPECT_TRUE(kube_.exec_commands().empty());
  EXPECT_EQ(as.status->actions[0].phases[0].state, "failed");
  EXPECT_EQ(as.status->actions[0].phases[1].state, "pending");
}

TEST_F(RunnerTest, TemplateErrorsNameThePhaseAndKey) {
  auto as = Run(R"(
apiVersion: cr.kanister.io/v1alpha1
kind: Blueprint
metadata: {name: bp, namespace: kanister}
actions:
  backup:
    phases:
    - {func: KubeExec, name: a, args: {namespace: shop, pod: db-0, command: ['{{ .ArtifactsIn.nope.KeyValue.x }}']}}
)",
                ActionSetYaml(Action("backup")));
  EXPECT_EQ(as.status->state, "failed");
  const std::string& m = as.status->error_message;
  EXPECT_NE(m.find("Failed to render template: \"nope\" not found"), std::string::npos) << m;
  EXPECT_NE(m.find("phase \"a\""), std::string::npos) << m;
  EXPECT_NE(m.find(":1:"), std::string::npos) << "line:col expected: " << m;
}

TEST_F(RunnerTest, ActionsRunInParallel) {
  std::atomic<int> running{0}, peak{0};
  kube_.set_exec_handler([&](const kube::ExecRequest&) {
    int now = ++running;
    peak = std::max(peak.load(), now);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    --running;
    return kube::ExecResult{};
  });
  auto as = Run(R"(
apiVersion: cr.kanister.io/v1alpha1
kind: Blueprint
metadata: {name: bp, namespace: kanister}
actions:
  backup:
    phases:
    - {func: KubeExec, name: a, args: {namespace: shop, pod: db-0, command: [x]}}
  verify:
    phases:
    - {func: KubeExec, name: b, args: {namespace: shop, pod: db-0, command: [y]}}
)",
                ActionSetYaml(Action("backup") + Action("verify")));
  EXPECT_EQ(as.status->state, "complete") << as.status->error_message;
  EXPECT_EQ(peak.load(), 2);
}

TEST_F(RunnerTest, CancellationKillsTheRunningPod) {
  kube_.set_pod_handler([](const Value&) { return PodRun{"started\n", 0, true}; });
  std::thread canceller([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    cancel_.Cancel();
  });
  auto as = Run(R"(
apiVersion: cr.kanister.io/v1alpha1
kind: Blueprint
metadata: {name: bp, namespace: kanister}
actions:
  backup:
    phases:
    - {func: KubeTask, name: a, args: {image: x, namespace: shop, command: [sleep, '100']}}
    - {func: KubeTask, name: b, args: {image: x, namespace: shop, command: [true]}}
)",
                ActionSetYaml(Action("backup")));
  canceller.join();
  EXPECT_EQ(as.status->state, "failed");
  EXPECT_NE(as.status->error_message.find("cancelled"), std::string::npos);
  EXPECT_EQ(as.status->actions[0].phases[1].state, "pending");
  auto pods = kube_.created_pods();
  ASSERT_EQ(pods.size(), 1u);
  EXPECT_FALSE(
      kube_.Get({"", "v1", "pods"}, "shop", pods[0].Find("metadata")->Find("name")->AsString())
          .ok());
}

}  // namespace
}  // namespace kanon::engine
