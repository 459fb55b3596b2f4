#include "engine/validate.h"

#include <gtest/gtest.h>

#include "value/yaml.h"

namespace kanon::engine {
namespace {

std::vector<std::string> Validate(const std::string& yaml) {
  auto v = value::ParseYaml(yaml);
  EXPECT_TRUE(v.ok());
  auto bp = model::DecodeBlueprint(*v);
  EXPECT_TRUE(bp.ok()) << bp.status().message();
  return ValidateBlueprint(*bp, BuiltinRegistry());
}

bool Has(const std::vector<std::string>& problems, const std::string& needle) {
  for (const auto& p : problems) {
    if (p.find(needle) != std::string::npos) return true;
  }
  return false;
}

TEST(ValidateTest, CleanBlueprintHasNoProblems) {
  auto p = Validate(R"(
apiVersion: cr.kanister.io/v1alpha1
kind: Blueprint
metadata: {name: bp}
actions:
  backup:
    outputArtifacts: {cloud: {keyValue: {path: "{{ .Phases.dump.Output.path }}"}}}
    phases:
    - {func: KubeTask, name: dump, args: {image: x, command: [sh, -c, "echo {{ .StatefulSet.Name }}"]}}
  restore:
    inputArtifactNames: [cloud]
    phases:
    - {func: KubeTask, name: load, args: {image: x, command: ["{{ .ArtifactsIn.cloud.KeyValue.path }}"]}}
)");
  EXPECT_TRUE(p.empty()) << p[0];
}

TEST(ValidateTest, ReportsEveryProblemAtOnce) {
  auto p = Validate(R"(
apiVersion: cr.kanister.io/v1alpha1
kind: Blueprint
metadata: {name: bp}
actions:
  backup:
    phases:
    - {func: KubeTaks, name: dump, args: {}}
    - {func: KubeTask, name: dump, args: {image: x, command: ["{{ .X | upperr }}"], bogus: 1}}
    - {func: KubeExec, name: other, args: {namespace: a, pod: b, command: ["{{ .Phases.later.Output.x }}"]}}
  restore:
    phases:
    - {func: KubeTask, name: load, args: {image: x, command: ["{{ .ArtifactsIn.nowhere.KeyValue.path }}"]}}
)");
  EXPECT_TRUE(Has(p, "did you mean \"KubeTask\"")) << p.size();
  EXPECT_TRUE(Has(p, "Duplicated phase name is not allowed"));
  EXPECT_TRUE(Has(p, "function \"upperr\" not defined; did you mean \"upper\"?"));
  EXPECT_TRUE(Has(p, "argument \"bogus\" is not supported"));
  EXPECT_TRUE(Has(p, ".Phases.later"));
  EXPECT_TRUE(Has(p, ".ArtifactsIn.nowhere"));
  EXPECT_GE(p.size(), 6u);
}

}  // namespace
}  // namespace kanon::engine
