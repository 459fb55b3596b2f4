// Conversions: spf13/cast's number casts, sprig's strval/strslice, and the
// sprig functions built on them (toString, toStrings, atoi, int, int64, float64, toDecimal).
#include <cstdint>
#include <limits>
#include <string>

#include "tmpl/gofmt.h"
#include "tmpl/sprig_families.h"

namespace kanon::tmpl::sprig {

using value::GoType;
using value::Kind;
using value::Value;

int64_t GoFloatToInt64(double d) {
  // Outside (-2^63, 2^63) and for NaN, amd64's conversion yields the "integer indefinite".
  if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) {
    return std::numeric_limits<int64_t>::min();
  }
  return static_cast<int64_t>(d);
}

int64_t CastToInt64(const Value& v) {
  switch (v.kind()) {
    case Kind::kInt:
      return v.AsInt();
    case Kind::kUint:
      return static_cast<int64_t>(v.AsUint());
    case Kind::kFloat:
      return GoFloatToInt64(v.AsFloat());
    case Kind::kBool:
      return v.AsBool() ? 1 : 0;
    case Kind::kString: {
      std::string_view s = v.AsString();
      // cast drops a zero fraction ("3.00" -> "3") before parsing with base prefixes.
      bool found_zero = false;
      for (size_t i = s.size(); i > 0; --i) {
        char c = s[i - 1];
        if (c == '.' && found_zero) {
          s = s.substr(0, i - 1);
          break;
        }
        if (c == '0') {
          found_zero = true;
        } else if (c != '.') {
          break;
        }
      }
      int64_t n = 0;
      return GoParseInt(s, 0, 0, &n) == NumError::kNone ? n : 0;
    }
    default:
      return 0;
  }
}

double CastToFloat64(const Value& v) {
  switch (v.kind()) {
    case Kind::kInt:
      return static_cast<double>(v.AsInt());
    case Kind::kUint:
      return static_cast<double>(v.AsUint());
    case Kind::kFloat:
      return v.AsFloat();
    case Kind::kBool:
      return v.AsBool() ? 1 : 0;
    case Kind::kString: {
      double d = 0;
      return GoParseFloat(v.AsString(), &d) == NumError::kNone ? d : 0;
    }
    default:
      return 0;
  }
}

std::string StrVal(const Value& v) {
  if (v.kind() == Kind::kString || v.kind() == Kind::kBytes) return v.AsString();
  std::string out;
  AppendGoValue(&out, v);
  return out;
}

Value GoStringList(std::vector<std::string> items) {
  value::List list;
  list.reserve(items.size());
  for (auto& s : items) list.emplace_back(std::move(s));
  return Value::FromList(std::move(list), GoType::kStringList);
}

Value StrSlice(const Value& v) {
  if (v.go_type() == GoType::kStringList) return v;
  if (v.kind() == Kind::kList) {
    std::vector<std::string> out;
    for (const Value& item : v.AsList()) {
      if (!item.is_nil()) out.push_back(StrVal(item));
    }
    return GoStringList(std::move(out));
  }
  if (v.kind() == Kind::kBytes) {
    std::vector<std::string> out;
    for (unsigned char c : v.AsString()) out.push_back(std::to_string(c));
    return GoStringList(std::move(out));
  }
  if (v.is_nil()) return GoStringList({});
  return GoStringList({StrVal(v)});
}

std::string_view GoKindName(const Value& v) {
  switch (v.go_type()) {
    case GoType::kNil:
      return "invalid";
    case GoType::kBytes:
    case GoType::kAnyList:
    case GoType::kStringList:
    case GoType::kIntList:
      return "slice";
    case GoType::kAnyMap:
    case GoType::kStringMap:
      return "map";
    case GoType::kStruct:
      return v.is_pointer() ? "ptr" : "struct";
    case GoType::kTime:
      return "struct";
    default:
      break;
  }
  // Scalars: the kind is the type's name.
  static const std::string_view kNames[] = {"bool",   "int",  "int32",  "int64",   "uint8",
                                            "uint32", "uint", "uint64", "float64", "string"};
  switch (v.go_type()) {
    case GoType::kBool:
      return kNames[0];
    case GoType::kInt:
      return kNames[1];
    case GoType::kInt32:
      return kNames[2];
    case GoType::kInt64:
      return kNames[3];
    case GoType::kUint8:
      return kNames[4];
    case GoType::kUint32:
      return kNames[5];
    case GoType::kUint:
      return kNames[6];
    case GoType::kUint64:
      return kNames[7];
    case GoType::kFloat64:
      return kNames[8];
    default:
      return kNames[9];
  }
}

namespace {

Result<Value> ToStringFn(std::span<const Value> args) { return Value(StrVal(args[0])); }
Result<Value> ToStringsFn(std::span<const Value> args) { return StrSlice(args[0]); }
Result<Value> IntFn(std::span<const Value> args) { return GoInt(CastToInt64(args[0])); }
Result<Value> Int64Fn(std::span<const Value> args) { return GoInt64(CastToInt64(args[0])); }
Result<Value> Float64Fn(std::span<const Value> args) {
  return Value::Float(CastToFloat64(args[0]));
}

// strconv.Atoi with the error dropped: 0 for bad syntax, the saturated value out of range.
Result<Value> AtoiFn(std::span<const Value> args) {
  int64_t n = 0, clamped = 0;
  NumError err = GoParseInt(args[0].AsString(), 10, 64, &n, &clamped);
  if (err == NumError::kRange) n = clamped;
  return GoInt(n);
}

// Reads fmt.Sprint(v) as octal; anything unparsable is 0.
Result<Value> ToDecimalFn(std::span<const Value> args) {
  std::string text;
  AppendGoValue(&text, args[0]);
  int64_t n = 0;
  if (GoParseInt(text, 8, 64, &n) != NumError::kNone) n = 0;
  return GoInt64(n);
}

}  // namespace

void RegisterConvert(FuncMap* funcs) {
  using P = ParamType;
  funcs->Add("toString", {P::kAny}, ToStringFn);
  funcs->Add("toStrings", {P::kAny}, ToStringsFn);
  funcs->Add("atoi", {P::kString}, AtoiFn);
  funcs->Add("int", {P::kAny}, IntFn);
  funcs->Add("int64", {P::kAny}, Int64Fn);
  funcs->Add("float64", {P::kAny}, Float64Fn);
  funcs->Add("toDecimal", {P::kAny}, ToDecimalFn);
}

}  // namespace kanon::tmpl::sprig
