// Defaults and reflection: default, empty, coalesce, ternary, toJson, toPrettyJson, typeOf,
// typeIs, typeIsLike, kindOf, kindIs, deepEqual.
#include "tmpl/sprig_families.h"
#include "value/json.h"

namespace kanon::tmpl::sprig {
namespace {

using value::Value;

// default(d, given...): `given[0]` unless it is missing or empty.
Result<Value> DefaultFn(std::span<const Value> args) {
  if (args.size() < 2 || IsEmptyValue(args[1])) return args[0];
  return args[1];
}

Result<Value> EmptyFn(std::span<const Value> args) { return Value(IsEmptyValue(args[0])); }

Result<Value> CoalesceFn(std::span<const Value> args) {
  for (const Value& v : args) {
    if (!IsEmptyValue(v)) return v;
  }
  return Value();
}

Result<Value> TernaryFn(std::span<const Value> args) {
  return args[2].AsBool() ? args[0] : args[1];
}

// sprig drops encoding errors (NaN, +Inf) and returns "".
Result<Value> ToJsonFn(std::span<const Value> args) {
  Result<std::string> json = value::ToJson(args[0]);
  return Value(json.ok() ? std::move(json).value() : std::string());
}

Result<Value> ToPrettyJsonFn(std::span<const Value> args) {
  value::JsonOptions options;
  options.indent = "  ";
  Result<std::string> json = value::ToJson(args[0], options);
  return Value(json.ok() ? std::move(json).value() : std::string());
}

Result<Value> TypeOfFn(std::span<const Value> args) { return Value(args[0].GoTypeName()); }

Result<Value> TypeIsFn(std::span<const Value> args) {
  return Value(args[0].AsString() == args[1].GoTypeName());
}

// Matches T or *T.
Result<Value> TypeIsLikeFn(std::span<const Value> args) {
  std::string type = args[1].GoTypeName();
  const std::string& target = args[0].AsString();
  return Value(target == type || "*" + target == type);
}

Result<Value> KindOfFn(std::span<const Value> args) {
  return Value(std::string(GoKindName(args[0])));
}

Result<Value> KindIsFn(std::span<const Value> args) {
  return Value(args[0].AsString() == GoKindName(args[1]));
}

// reflect.DeepEqual: same dynamic types and deeply equal contents (NaN is unequal to itself).
Result<Value> DeepEqualFn(std::span<const Value> args) { return Value(args[0] == args[1]); }

}  // namespace

void RegisterDefaults(FuncMap* funcs) {
  using P = ParamType;
  funcs->AddVariadic("default", {P::kAny, P::kAny}, DefaultFn);
  funcs->Add("empty", {P::kAny}, EmptyFn);
  funcs->AddVariadic("coalesce", {P::kAny}, CoalesceFn);
  funcs->Add("ternary", {P::kAny, P::kAny, P::kBool}, TernaryFn);
  funcs->Add("toJson", {P::kAny}, ToJsonFn);
  funcs->Add("toPrettyJson", {P::kAny}, ToPrettyJsonFn);
  funcs->Add("typeOf", {P::kAny}, TypeOfFn);
  funcs->Add("typeIs", {P::kString, P::kAny}, TypeIsFn);
  funcs->Add("typeIsLike", {P::kString, P::kAny}, TypeIsLikeFn);
  funcs->Add("kindOf", {P::kAny}, KindOfFn);
  funcs->Add("kindIs", {P::kString, P::kAny}, KindIsFn);
  funcs->Add("deepEqual", {P::kAny, P::kAny}, DeepEqualFn);
}

}  // namespace kanon::tmpl::sprig
