// The Value model: kinds, Go type names, truth, lookup and equality.

#include "value/value.h"

#include <memory>

#include <gtest/gtest.h>

namespace kanon::value {
namespace {

std::shared_ptr<const StructType> ProfileType() {
  return std::make_shared<StructType>(
      StructType{"param.Profile", {{"Name", "name", false}, {"Bucket", "", true}}});
}

TEST(ValueTest, KindsAndGoTypeNames) {
  struct Case {
    Value v;
    Kind kind;
    const char* type_name;
  };
  const Case cases[] = {
      {Value(), Kind::kNil, "<nil>"},
      {Value(true), Kind::kBool, "bool"},
      {Value::Int(1), Kind::kInt, "int"},
      {Value::Int(1, GoType::kInt32), Kind::kInt, "int32"},
      {Value::Int(1, GoType::kInt64), Kind::kInt, "int64"},
      {Value::Uint(1, GoType::kUint8), Kind::kUint, "uint8"},
      {Value::Uint(1, GoType::kUint32), Kind::kUint, "uint32"},
      {Value::Uint(1, GoType::kUint), Kind::kUint, "uint"},
      {Value::Uint(1), Kind::kUint, "uint64"},
      {Value::Float(1), Kind::kFloat, "float64"},
      {Value("s"), Kind::kString, "string"},
      {Value::Bytes("b"), Kind::kBytes, "[]uint8"},
      {Value::FromList({}), Kind::kList, "[]interface {}"},
      {Value::FromList({}, GoType::kStringList), Kind::kList, "[]string"},
      {Value::FromList({}, GoType::kIntList), Kind::kList, "[]int"},
      {Value::FromMap({}), Kind::kMap, "map[string]interface {}"},
      {Value::FromMap({}, GoType::kStringMap), Kind::kMap, "map[string]string"},
      {Value::FromStruct(ProfileType(), {Value("a"), Value("b")}, false), Kind::kStruct,
       "param.Profile"},
      {Value::FromStruct(ProfileType(), {Value("a"), Value("b")}, true), Kind::kStruct,
       "*param.Profile"},
      {Value::NilPointer(ProfileType()), Kind::kStruct, "*param.Profile"},
      {Value::FromTime({}), Kind::kTime, "time.Time"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(c.v.kind(), c.kind) << c.type_name;
    EXPECT_EQ(c.v.GoTypeName(), c.type_name);
  }
}

TEST(ValueTest, TruthFollowsTextTemplate) {
  EXPECT_FALSE(Value().Truthy());
  EXPECT_FALSE(Value(false).Truthy());
  EXPECT_FALSE(Value::Int(0).Truthy());
  EXPECT_FALSE(Value::Uint(0).Truthy());
  EXPECT_FALSE(Value::Float(0).Truthy());
  EXPECT_FALSE(Value("").Truthy());
  EXPECT_FALSE(Value::Bytes("").Truthy());
  EXPECT_FALSE(Value::FromList({}).Truthy());
  EXPECT_FALSE(Value::FromMap({}).Truthy());
  EXPECT_FALSE(Value::NilPointer(ProfileType()).Truthy());
  EXPECT_TRUE(Value::Int(-1).Truthy());
  EXPECT_TRUE(Value::Float(0.5).Truthy());
  EXPECT_TRUE(Value(" ").Truthy());
  EXPECT_TRUE(Value::FromList({Value()}).Truthy());
  EXPECT_TRUE(Value::FromStruct(ProfileType(), {Value(), Value()}, false).Truthy());
  EXPECT_TRUE(Value::FromTime({}).Truthy());
}

TEST(ValueTest, PointerFlags) {
  Value plain = Value::FromStruct(ProfileType(), {Value("a"), Value("b")}, false);
  Value ptr = Value::FromStruct(ProfileType(), {Value("a"), Value("b")}, true);
  Value nil_ptr = Value::NilPointer(ProfileType());
  EXPECT_FALSE(plain.is_pointer());
  EXPECT_TRUE(ptr.is_pointer());
  EXPECT_FALSE(ptr.is_nil_pointer());
  EXPECT_TRUE(nil_ptr.is_nil_pointer());
  EXPECT_FALSE(Value().is_pointer());
  EXPECT_TRUE(Value().is_nil());
  EXPECT_FALSE(nil_ptr.is_nil());
}

TEST(ValueTest, FindLooksUpMapKeysAndStructFields) {
  Value m = Value::FromMap({{"a", Value::Int(1)}});
  ASSERT_NE(m.Find("a"), nullptr);
  EXPECT_EQ(*m.Find("a"), Value::Int(1));
  EXPECT_EQ(m.Find("b"), nullptr);
  Value s = Value::FromStruct(ProfileType(), {Value("n"), Value("b")}, true);
  ASSERT_NE(s.Find("Bucket"), nullptr);
  EXPECT_EQ(s.Find("Bucket")->AsString(), "b");
  EXPECT_EQ(s.Find("name"), nullptr);  // Go field names, not JSON names
  EXPECT_EQ(Value::NilPointer(ProfileType()).Find("Name"), nullptr);
  EXPECT_EQ(Value("x").Find("x"), nullptr);
  EXPECT_EQ(ProfileType()->FieldIndex("Bucket"), 1);
  EXPECT_EQ(ProfileType()->FieldIndex("Nope"), -1);
}

TEST(ValueTest, EqualityIsDeepAndTyped) {
  EXPECT_EQ(Value::FromList({Value("a"), Value::FromMap({{"k", Value::Int(1)}})}),
            Value::FromList({Value("a"), Value::FromMap({{"k", Value::Int(1)}})}));
  EXPECT_NE(Value::Int(1), Value::Int(1, GoType::kInt64));
  EXPECT_NE(Value::Int(1), Value::Float(1));
  EXPECT_NE(Value("a"), Value::Bytes("a"));
  EXPECT_NE(Value::FromList({}), Value::FromList({}, GoType::kStringList));
  EXPECT_NE(Value::FromStruct(ProfileType(), {Value(), Value()}, false),
            Value::FromStruct(ProfileType(), {Value(), Value()}, true));
  EXPECT_EQ(Value::FromTime({5, 6, 7, "X"}), Value::FromTime({5, 6, 7, "X"}));
  EXPECT_NE(Value::FromTime({5, 6, 7, "X"}), Value::FromTime({5, 6, 0, "X"}));
  EXPECT_EQ(Value(), Value());
}

TEST(ValueTest, CopiesShareImmutableContents) {
  Value a = Value::FromList({Value("x")});
  Value b = a;
  EXPECT_EQ(&a.AsList(), &b.AsList());
}

}  // namespace
}  // namespace kanon::value
