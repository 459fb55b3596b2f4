#include "value/value.h"

namespace kanon::value {

int StructType::FieldIndex(std::string_view field_name) const {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].name == field_name) return static_cast<int>(i);
  }
  return -1;
}

Value Value::Int(int64_t i, GoType type) {
  Value v;
  v.go_type_ = type;
  v.v_ = i;
  return v;
}

Value Value::Uint(uint64_t u, GoType type) {
  Value v;
  v.go_type_ = type;
  v.v_ = u;
  return v;
}

Value Value::Float(double d) {
  Value v;
  v.go_type_ = GoType::kFloat64;
  v.v_ = d;
  return v;
}

Value Value::Bytes(std::string data) {
  Value v;
  v.go_type_ = GoType::kBytes;
  v.v_ = std::move(data);
  return v;
}

Value Value::FromList(List items, GoType type) {
  Value v;
  v.go_type_ = type;
  v.v_ = std::make_shared<List>(std::move(items));
  return v;
}

Value Value::FromMap(Map entries, GoType type) {
  Value v;
  v.go_type_ = type;
  v.v_ = std::make_shared<Map>(std::move(entries));
  return v;
}

Value Value::FromStruct(std::shared_ptr<const StructType> type, std::vector<Value> fields,
                        bool pointer) {
  Value v;
  v.go_type_ = GoType::kStruct;
  v.pointer_ = pointer;
  v.v_ = std::make_shared<const Struct>(Struct{std::move(type), std::move(fields)});
  return v;
}

Value Value::NilPointer(std::shared_ptr<const StructType> type) {
  Value v;
  v.go_type_ = GoType::kStruct;
  v.pointer_ = true;
  v.v_ = std::make_shared<const Struct>(Struct{std::move(type), {}});
  return v;
}

Value Value::FromTime(Time t) {
  Value v;
  v.go_type_ = GoType::kTime;
  v.v_ = std::move(t);
  return v;
}

Kind Value::kind() const {
  switch (go_type_) {
    case GoType::kNil:
      return Kind::kNil;
    case GoType::kBool:
      return Kind::kBool;
    case GoType::kInt:
    case GoType::kInt32:
    case GoType::kInt64:
      return Kind::kInt;
    case GoType::kUint8:
    case GoType::kUint32:
    case GoType::kUint:
    case GoType::kUint64:
      return Kind::kUint;
    case GoType::kFloat64:
      return Kind::kFloat;
    case GoType::kString:
      return Kind::kString;
    case GoType::kBytes:
      return Kind::kBytes;
    case GoType::kAnyList:
    case GoType::kStringList:
    case GoType::kIntList:
      return Kind::kList;
    case GoType::kAnyMap:
    case GoType::kStringMap:
      return Kind::kMap;
    case GoType::kStruct:
      return Kind::kStruct;
    case GoType::kTime:
      return Kind::kTime;
  }
  return Kind::kNil;
}

const Value* Value::Find(std::string_view key) const {
  if (kind() == Kind::kMap) {
    const Map& m = AsMap();
    auto it = m.find(key);
    return it == m.end() ? nullptr : &it->second;
  }
  if (kind() == Kind::kStruct && !is_nil_pointer()) {
    const Struct& s = AsStruct();
    int i = s.type->FieldIndex(key);
    return i < 0 ? nullptr : &s.fields[static_cast<size_t>(i)];
  }
  return nullptr;
}

std::string Value::GoTypeName() const {
  switch (go_type_) {
    case GoType::kNil:
      return "<nil>";
    case GoType::kBool:
      return "bool";
    case GoType::kInt:
      return "int";
    case GoType::kInt32:
      return "int32";
    case GoType::kInt64:
      return "int64";
    case GoType::kUint8:
      return "uint8";
    case GoType::kUint32:
      return "uint32";
    case GoType::kUint:
      return "uint";
    case GoType::kUint64:
      return "uint64";
    case GoType::kFloat64:
      return "float64";
    case GoType::kString:
      return "string";
    case GoType::kBytes:
      return "[]uint8";
    case GoType::kAnyList:
      return "[]interface {}";
    case GoType::kStringList:
      return "[]string";
    case GoType::kIntList:
      return "[]int";
    case GoType::kAnyMap:
      return "map[string]interface {}";
    case GoType::kStringMap:
      return "map[string]string";
    case GoType::kStruct:
      return (pointer_ ? "*" : "") + AsStruct().type->name;
    case GoType::kTime:
      return "time.Time";
  }
  return "?";
}

bool Value::Truthy() const {
  switch (kind()) {
    case Kind::kNil:
      return false;
    case Kind::kBool:
      return AsBool();
    case Kind::kInt:
      return AsInt() != 0;
    case Kind::kUint:
      return AsUint() != 0;
    case Kind::kFloat:
      return AsFloat() != 0;
    case Kind::kString:
    case Kind::kBytes:
      return !AsString().empty();
    case Kind::kList:
      return !AsList().empty();
    case Kind::kMap:
      return !AsMap().empty();
    case Kind::kStruct:
      return !is_nil_pointer();
    case Kind::kTime:
      return true;
  }
  return false;
}

bool Value::operator==(const Value& other) const {
  if (go_type_ != other.go_type_ || pointer_ != other.pointer_) return false;
  switch (kind()) {
    case Kind::kNil:
      return true;
    case Kind::kBool:
      return AsBool() == other.AsBool();
    case Kind::kInt:
      return AsInt() == other.AsInt();
    case Kind::kUint:
      return AsUint() == other.AsUint();
    case Kind::kFloat:
      return AsFloat() == other.AsFloat();
    case Kind::kString:
    case Kind::kBytes:
      return AsString() == other.AsString();
    case Kind::kList:
      return AsList() == other.AsList();
    case Kind::kMap:
      return AsMap() == other.AsMap();
    case Kind::kStruct:
      return AsStruct().type->name == other.AsStruct().type->name &&
             AsStruct().fields == other.AsStruct().fields;
    case Kind::kTime:
      return AsTime() == other.AsTime();
  }
  return false;
}

}  // namespace kanon::value
