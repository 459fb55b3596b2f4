// Merge, strategic merge and JSON patches.

#include <gtest/gtest.h>

#include "kube/patch.h"
#include "value/json.h"

namespace kanon::kube {
namespace {

Value J(std::string_view text) {
  Result<Value> v = value::ParseJson(text, value::NumberMode::kInt64WhenIntegral);
  EXPECT_TRUE(v.ok()) << text;
  return v.ok() ? *v : Value();
}

std::string S(const Value& v) { return *value::ToJson(v); }

TEST(MergePatchTest, MergesMapsDeletesNullsReplacesLists) {
  Value target = J(R"({"a":{"b":1,"c":2},"l":[1,2],"k":"v"})");
  Value patch = J(R"({"a":{"b":null,"d":3},"l":[3],"n":{"x":null,"y":1}})");
  EXPECT_EQ(S(ApplyMergePatch(target, patch)),
            R"({"a":{"c":2,"d":3},"k":"v","l":[3],"n":{"y":1}})");
}

TEST(StrategicMergePatchTest, MergesContainersByName) {
  Value target = J(R"({"spec":{"containers":[
      {"name":"a","image":"x","env":[{"name":"A","value":"1"}]},
      {"name":"b","image":"y"}]}})");
  Value patch = J(R"({"spec":{"containers":[
      {"name":"a","env":[{"name":"B","value":"2"}]},
      {"name":"b","$patch":"delete"},
      {"name":"c","image":"z"}]}})");
  EXPECT_EQ(S(ApplyStrategicMergePatch(target, patch)),
            R"({"spec":{"containers":[{"env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],)"
            R"("image":"x","name":"a"},{"image":"z","name":"c"}]}})");
}

TEST(StrategicMergePatchTest, ReplacesUnkeyedListsAndHonoursDirectives) {
  Value target = J(R"({"command":["a"],"finalizers":["f1"],"m":{"x":1,"y":2},
                       "strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1}}})");
  Value patch = J(R"({"command":["b","c"],"finalizers":["f2"],"m":{"$patch":"replace","z":3},
                      "strategy":{"$retainKeys":["type"],"type":"Recreate"},
                      "$deleteFromPrimitiveList/finalizers":["f1"]})");
  EXPECT_EQ(
      S(ApplyStrategicMergePatch(target, patch)),
      R"({"command":["b","c"],"finalizers":["f2"],"m":{"z":3},"strategy":{"type":"Recreate"}})");
}

TEST(StrategicMergePatchTest, SetElementOrderReorders) {
  Value target = J(R"({"containers":[{"name":"a"},{"name":"b"}]})");
  Value patch = J(R"({"$setElementOrder/containers":[{"name":"b"},{"name":"a"}],
                      "containers":[{"name":"a","image":"i"}]})");
  EXPECT_EQ(S(ApplyStrategicMergePatch(target, patch)),
            R"({"containers":[{"name":"b"},{"image":"i","name":"a"}]})");
}

TEST(JsonPatchTest, AppliesEveryOperation) {
  Value target = J(R"({"a":{"b":[1,2]},"c":"x","d/e":1})");
  Value ops = J(R"([
      {"op":"add","path":"/a/b/1","value":9},
      {"op":"add","path":"/a/b/-","value":10},
      {"op":"remove","path":"/a/b/0"},
      {"op":"replace","path":"/c","value":"y"},
      {"op":"copy","from":"/c","path":"/f"},
      {"op":"move","from":"/d~1e","path":"/g"},
      {"op":"test","path":"/f","value":"y"}])");
  Result<Value> out = ApplyJsonPatch(target, ops);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(S(*out), R"({"a":{"b":[9,2,10]},"c":"y","f":"y","g":1})");
}

TEST(JsonPatchTest, FailuresNameTheOperation) {
  Value target = J(R"({"a":1})");
  Result<Value> out = ApplyJsonPatch(target, J(R"([{"op":"test","path":"/a","value":2}])"));
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().message(),
            "json patch operation 0 (test /a): test failed: the value differs");
  EXPECT_FALSE(ApplyJsonPatch(target, J(R"([{"op":"remove","path":"/zz"}])")).ok());
  EXPECT_FALSE(ApplyJsonPatch(target, J(R"([{"op":"add","path":"/l/5","value":1}])")).ok());
  EXPECT_FALSE(ApplyJsonPatch(target, J(R"({"op":"add"})")).ok());
  EXPECT_FALSE(ApplyPatch(target, PatchType::kMerge, J("[1]")).ok());
}

}  // namespace
}  // namespace kanon::kube
