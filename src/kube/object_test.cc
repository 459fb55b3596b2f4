// Object accessors: nested reads with fallbacks, copy-on-write writes, owners, timestamps.

#include "kube/object.h"

#include <gtest/gtest.h>

#include "value/json.h"

namespace kanon::kube {
namespace {

Value J(std::string_view text) {
  return *value::ParseJson(text, value::NumberMode::kInt64WhenIntegral);
}

TEST(ObjectTest, ReadsNestedFieldsWithFallbacks) {
  Value o = J(R"({"metadata":{"name":"db","labels":{"a":"b","n":1}},"spec":{"replicas":3}})");
  EXPECT_EQ(NameOf(o), "db");
  EXPECT_EQ(IntField(o, {"spec", "replicas"}, 0), 3);
  EXPECT_EQ(IntField(o, {"spec", "missing"}, 7), 7);
  EXPECT_EQ(StringField(o, {"spec", "replicas"}), "");
  EXPECT_EQ(FindField(o, {"metadata", "name", "deeper"}), nullptr);
  EXPECT_EQ(StringMapField(o, {"metadata", "labels"}),
            (std::map<std::string, std::string>{{"a", "b"}}));
  EXPECT_TRUE(ListField(o, {"spec", "containers"}).empty());
}

TEST(ObjectTest, WritesReturnNewObjectsAndLeaveTheOriginal) {
  Value o = J(R"({"metadata":{"name":"db"}})");
  Value set = SetField(o, {"metadata", "labels", "app"}, Value("x"));
  EXPECT_EQ(StringField(set, {"metadata", "labels", "app"}), "x");
  EXPECT_EQ(FindField(o, {"metadata", "labels"}), nullptr);
  Value removed = RemoveField(set, {"metadata", "name"});
  EXPECT_EQ(NameOf(removed), "");
  EXPECT_EQ(NameOf(set), "db");
  EXPECT_TRUE(RemoveField(o, {"nothing", "here"}) == o);
}

TEST(ObjectTest, OwnerReferences) {
  Value owner =
      J(R"({"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"db","uid":"u1"}})");
  Value pod = SetField(J("{}"), {"metadata", "ownerReferences"}, ListValue({ControllerRef(owner)}));
  EXPECT_TRUE(IsOwnedBy(pod, "u1"));
  EXPECT_FALSE(IsOwnedBy(pod, "u2"));
  EXPECT_EQ(ControllerUid(pod), "u1");
  EXPECT_EQ(StringField(ListField(pod, {"metadata", "ownerReferences"})[0], {"kind"}),
            "StatefulSet");
  EXPECT_EQ(ObjectRef("ns", "a"), "ns/a");
  EXPECT_EQ(ObjectRef("", "a"), "a");
}

TEST(ObjectTest, TimestampsRoundTrip) {
  EXPECT_EQ(Rfc3339(1795619085), "2026-11-25T15:04:45Z");
  EXPECT_EQ(ParseRfc3339("2026-11-25T15:04:45Z"), 1795619085);
  EXPECT_EQ(ParseRfc3339("2026-11-25T15:04:45.123456Z"), 1795619085);
  EXPECT_EQ(ParseRfc3339("2026-11-25T17:04:45+02:00"), 1795619085);
  EXPECT_EQ(ParseRfc3339("yesterday"), -1);
  EXPECT_EQ(ParseRfc3339("2026-11-25T15:04:45"), -1);
}

}  // namespace
}  // namespace kanon::kube
