#include "engine/function.h"

#include <gtest/gtest.h>

#include "value/yaml.h"

namespace kanon::engine {
namespace {

const Function& Fn(const char* name) { return **BuiltinRegistry().Find(name); }

TEST(RegistryTest, EveryIssueFunctionIsRegistered) {
  for (const char* n : {"KubeExec", "KubeExecAll", "KubeTask", "MultiContainerRun", "PrepareData",
                        "ScaleWorkload", "KubeOps", "Wait", "WaitV2", "LocationDelete"}) {
    EXPECT_TRUE(BuiltinRegistry().Find(n).ok()) << n;
  }
  auto r = BuiltinRegistry().Find("KubeExecc");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("did you mean \"KubeExec\""), std::string::npos);
}

TEST(RegistryTest, WeakDecodeConvertsStringsToIntsAndBools) {
  auto args = value::ParseYaml("{replicas: '3', waitForReady: 'false'}");
  auto a = BuiltinRegistry().Prepare(Fn("ScaleWorkload"), *args);
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->Int("replicas"), 3);
  EXPECT_FALSE(a->Bool("waitForReady"));
  auto bad = value::ParseYaml("{replicas: three}");
  EXPECT_FALSE(BuiltinRegistry().Prepare(Fn("ScaleWorkload"), *bad).ok());
}

TEST(RegistryTest, DefaultsApplyAndAllProblemsAreListed) {
  auto args = value::ParseYaml("{operation: create}");
  auto a = BuiltinRegistry().Prepare(Fn("KubeOps"), *args);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->String("namespace"), "default");
  auto bad = value::ParseYaml("{imag: x, extra: 1}");
  auto r = BuiltinRegistry().Prepare(Fn("KubeTask"), *bad);
  ASSERT_FALSE(r.ok());
  const std::string& m = r.status().message();
  EXPECT_NE(m.find("argument imag is not supported; did you mean \"image\"?"), std::string::npos)
      << m;
  EXPECT_NE(m.find("argument extra is not supported"), std::string::npos) << m;
  EXPECT_NE(m.find("Required arg missing: command"), std::string::npos) << m;
}

TEST(RegistryTest, CommandItemsBecomeStrings) {
  auto args = value::ParseYaml("{namespace: a, pod: b, command: [sleep, 5, true]}");
  auto a = BuiltinRegistry().Prepare(Fn("KubeExec"), *args);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->StringList("command"), (std::vector<std::string>{"sleep", "5", "1"}));
}

}  // namespace
}  // namespace kanon::engine
