// Dict functions: dict, set, unset, hasKey, pluck, keys, pick, omit, values, merge,
// mergeOverwrite, deepCopy.
//
// Go maps are references: set, unset, merge and mergeOverwrite change the map they are given,
// and every holder of that map (a template variable, the params) sees the change. Values
// share compound data, so these functions write through the shared map, exactly where Go
// would; all other functions build new maps. keys and values list in key order (Go's order
// is random).
#include "tmpl/sprig_families.h"

namespace kanon::tmpl::sprig {
namespace {

using value::GoType;
using value::Kind;
using value::List;
using value::Map;
using value::Value;

// Go's stack would overflow on a map that contains itself; kanon stops at this depth.
constexpr int kMaxMergeDepth = 1000;

// The map behind `m`, for the in-place updates Go performs (see the file comment).
Map& SharedMap(const Value& m) { return const_cast<Map&>(m.AsMap()); }

Value AnyMap(Map m) { return Value::FromMap(std::move(m), GoType::kAnyMap); }

bool IsAnyMap(const Value& v) { return v.go_type() == GoType::kAnyMap; }

Result<Value> DictFn(std::span<const Value> a) {
  Map m;
  for (size_t i = 0; i < a.size(); i += 2) {
    m.insert_or_assign(StrVal(a[i]), i + 1 < a.size() ? a[i + 1] : Value(""));
  }
  return AnyMap(std::move(m));
}

Result<Value> SetFn(std::span<const Value> a) {
  if (a[0].is_nil()) return GoError("assignment to entry in nil map");
  SharedMap(a[0]).insert_or_assign(a[1].AsString(), a[2]);
  return a[0];
}

Result<Value> UnsetFn(std::span<const Value> a) {
  if (a[0].is_nil()) return AnyMap({});
  SharedMap(a[0]).erase(a[1].AsString());
  return a[0];
}

Result<Value> HasKeyFn(std::span<const Value> a) {
  return Value(!a[0].is_nil() && a[0].Find(a[1].AsString()) != nullptr);
}

Result<Value> PluckFn(std::span<const Value> a) {
  List out;
  for (const Value& d : a.subspan(1)) {
    if (const Value* v = d.is_nil() ? nullptr : d.Find(a[0].AsString())) out.push_back(*v);
  }
  return Value::FromList(std::move(out), GoType::kAnyList);
}

Result<Value> KeysFn(std::span<const Value> a) {
  std::vector<std::string> out;
  for (const Value& d : a) {
    if (d.is_nil()) continue;
    for (const auto& [k, v] : d.AsMap()) out.push_back(k);
  }
  return GoStringList(std::move(out));
}

Result<Value> ValuesFn(std::span<const Value> a) {
  List out;
  if (!a[0].is_nil()) {
    for (const auto& [k, v] : a[0].AsMap()) out.push_back(v);
  }
  return Value::FromList(std::move(out), GoType::kAnyList);
}

Result<Value> PickFn(std::span<const Value> a) {
  Map out;
  for (const Value& key : a.subspan(1)) {
    if (const Value* v = a[0].is_nil() ? nullptr : a[0].Find(key.AsString())) {
      out.insert_or_assign(key.AsString(), *v);
    }
  }
  return AnyMap(std::move(out));
}

Result<Value> OmitFn(std::span<const Value> a) {
  Map out = a[0].is_nil() ? Map() : a[0].AsMap();
  for (const Value& key : a.subspan(1)) out.erase(key.AsString());
  return AnyMap(std::move(out));
}

// mergo's map merge (Merge, or MergeWithOverwrite when `overwrite`), in place:
// - a nil source value only lands when overwriting;
// - a map source merges recursively into a map already there;
// - a non-empty destination map or slice is kept unless overwriting;
// - otherwise the source value lands when overwriting or the destination is missing/empty.
Status MergeInto(Map& dst, const Map& src, bool overwrite, int depth) {
  if (depth > kMaxMergeDepth) return GoError("merge: maps nest too deeply");
  for (const auto& [key, s] : src) {
    if (s.is_nil()) {
      if (overwrite) dst.insert_or_assign(key, s);
      continue;
    }
    auto it = dst.find(key);
    const bool present = it != dst.end();
    const Value d = present ? it->second : Value();
    const bool container =
        s.kind() == Kind::kMap || s.kind() == Kind::kList || s.kind() == Kind::kBytes;
    if (s.kind() == Kind::kMap && present && IsAnyMap(d)) {
      RETURN_IF_ERROR(MergeInto(SharedMap(d), s.AsMap(), overwrite, depth + 1));
    }
    if (s.kind() != Kind::kMap && container && present && overwrite) {
      dst.insert_or_assign(key, s);
    }
    if (present && !IsEmptyValue(d) && container) continue;
    if (overwrite || !present || IsEmptyValue(d)) dst.insert_or_assign(key, s);
  }
  return OkStatus();
}

Result<Value> MergeMaps(std::span<const Value> a, bool overwrite) {
  Value dst = a[0].is_nil() ? AnyMap({}) : a[0];
  for (const Value& src : a.subspan(1)) {
    if (src.is_nil()) continue;
    // mergo's errors are swallowed by sprig, which then returns "".
    if (!MergeInto(SharedMap(dst), src.AsMap(), overwrite, 0).ok()) return Value("");
  }
  return dst;
}

Result<Value> MergeFn(std::span<const Value> a) { return MergeMaps(a, false); }
Result<Value> MergeOverwriteFn(std::span<const Value> a) { return MergeMaps(a, true); }

// A copy that shares no map or list with the original, so later set/merge on either side
// leaves the other alone. A map made to contain itself (set $d "k" $d) is refused where Go
// would recurse until its stack overflows.
Result<Value> DeepCopy(const Value& v, int depth) {
  if (depth > kMaxMergeDepth) return GoError("deepCopy error: value nests too deeply");
  if (v.kind() == Kind::kMap) {
    Map m;
    for (const auto& [k, item] : v.AsMap()) {
      ASSIGN_OR_RETURN(Value copy, DeepCopy(item, depth + 1));
      m.emplace(k, std::move(copy));
    }
    return Value::FromMap(std::move(m), v.go_type());
  }
  if (v.kind() == Kind::kList) {
    List l;
    l.reserve(v.AsList().size());
    for (const Value& item : v.AsList()) {
      ASSIGN_OR_RETURN(Value copy, DeepCopy(item, depth + 1));
      l.push_back(std::move(copy));
    }
    return Value::FromList(std::move(l), v.go_type());
  }
  return v;
}

Result<Value> DeepCopyFn(std::span<const Value> a) {
  // copystructure cannot walk an untyped nil; reflect's panic surfaces.
  if (a[0].is_nil()) return GoError("reflect: call of reflect.Value.Type on zero Value");
  return DeepCopy(a[0], 0);
}

}  // namespace

void RegisterDicts(FuncMap* funcs) {
  using P = ParamType;
  funcs->AddVariadic("dict", {P::kAny}, DictFn);
  funcs->Add("set", {P::kAnyMap, P::kString, P::kAny}, SetFn);
  funcs->Add("unset", {P::kAnyMap, P::kString}, UnsetFn);
  funcs->Add("hasKey", {P::kAnyMap, P::kString}, HasKeyFn);
  funcs->AddVariadic("pluck", {P::kString, P::kAnyMap}, PluckFn);
  funcs->AddVariadic("keys", {P::kAnyMap}, KeysFn);
  funcs->Add("values", {P::kAnyMap}, ValuesFn);
  funcs->AddVariadic("pick", {P::kAnyMap, P::kString}, PickFn);
  funcs->AddVariadic("omit", {P::kAnyMap, P::kString}, OmitFn);
  funcs->AddVariadic("merge", {P::kAnyMap, P::kAnyMap}, MergeFn);
  funcs->AddVariadic("mergeOverwrite", {P::kAnyMap, P::kAnyMap}, MergeOverwriteFn);
  funcs->Add("deepCopy", {P::kAny}, DeepCopyFn);
}

}  // namespace kanon::tmpl::sprig
