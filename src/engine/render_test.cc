#include "engine/render.h"

#include <gtest/gtest.h>

#include "value/yaml.h"

namespace kanon::engine {
namespace {

TEST(RenderArgsTest, RendersStringsListsAndMapKeysLeavesNumbers) {
  auto params = value::ParseYaml("{name: db, n: 3}");
  auto args = value::ParseYaml(R"(
replicas: 2
cmd: [a, "{{ .name }}"]
volumes: {"{{ .name }}-data": "/mnt/{{ .name }}"}
flag: true
)");
  auto r = RenderArgs(*args, *params);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->Find("replicas")->AsInt(), 2);
  EXPECT_EQ(r->Find("cmd")->AsList()[1].AsString(), "db");
  EXPECT_EQ(r->Find("volumes")->Find("db-data")->AsString(), "/mnt/db");
  EXPECT_TRUE(r->Find("flag")->AsBool());
}

TEST(RenderArgsTest, MissingKeyUsesKanisterShortForm) {
  auto params = value::ParseYaml("{a: 1}");
  auto r = RenderString("{{ .b }}", *params);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("Failed to render template: \"b\" not found"),
            std::string::npos);
}

TEST(RenderArtifactsTest, RendersValuesNotKeys) {
  auto params = value::ParseYaml("{p: x}");
  std::map<std::string, model::Artifact> in{{"cloud", {{{"{{ .p }}", "{{ .p }}/y"}}, ""}}};
  auto r = RenderArtifacts(in, *params);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->at("cloud").key_value.at("{{ .p }}"), "x/y");
}

}  // namespace
}  // namespace kanon::engine
