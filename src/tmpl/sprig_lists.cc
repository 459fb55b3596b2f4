// List functions: list, tuple, append/push/mustPush, prepend, first, last, rest, initial,
// reverse, compact, uniq, without, has, slice, concat, sortAlpha. Like sprig (through
// reflect), they accept any slice ([]interface {}, []string, []int, []byte) and fail on other
// kinds with "Cannot <verb> on type <kind>"; a nil list is Go's nil-dereference panic.
#include <algorithm>
#include <optional>

#include "tmpl/sprig_families.h"

namespace kanon::tmpl::sprig {
namespace {

using value::GoType;
using value::Kind;
using value::List;
using value::Value;

// The elements of a slice value as interface values, or nullopt for a non-slice.
std::optional<List> SliceItems(const Value& v) {
  if (v.kind() == Kind::kList) return v.AsList();
  if (v.kind() == Kind::kBytes) {
    List items;
    for (unsigned char c : v.AsString()) items.push_back(Value::Uint(c, GoType::kUint8));
    return items;
  }
  return std::nullopt;
}

// sprig's error for a non-slice argument, or the panic reflect.TypeOf(nil).Kind() raises.
Status NotAList(const Value& v, std::string_view message) {
  if (v.is_nil()) return GoError(std::string(kNilDeref));
  return GoError(std::string(message) + " " + std::string(GoKindName(v)));
}

Value AnyList(List items) { return Value::FromList(std::move(items), GoType::kAnyList); }

// Wraps a function over the elements with the non-slice check.
template <typename F>
Result<Value> OnItems(const Value& list, std::string_view message, F f) {
  std::optional<List> items = SliceItems(list);
  if (!items.has_value()) return NotAList(list, message);
  return f(std::move(*items));
}

Result<Value> ListFn(std::span<const Value> a) { return AnyList(List(a.begin(), a.end())); }

Result<Value> PushFn(std::span<const Value> a) {
  return OnItems(a[0], "Cannot push on type", [&](List items) -> Result<Value> {
    items.push_back(a[1]);
    return AnyList(std::move(items));
  });
}

Result<Value> PrependFn(std::span<const Value> a) {
  return OnItems(a[0], "Cannot prepend on type", [&](List items) -> Result<Value> {
    items.insert(items.begin(), a[1]);
    return AnyList(std::move(items));
  });
}

Result<Value> FirstFn(std::span<const Value> a) {
  return OnItems(a[0], "Cannot find first on type", [](List items) -> Result<Value> {
    return items.empty() ? Value() : items.front();
  });
}

Result<Value> LastFn(std::span<const Value> a) {
  return OnItems(a[0], "Cannot find last on type", [](List items) -> Result<Value> {
    return items.empty() ? Value() : items.back();
  });
}

Result<Value> RestFn(std::span<const Value> a) {
  return OnItems(a[0], "Cannot find rest on type", [](List items) -> Result<Value> {
    if (!items.empty()) items.erase(items.begin());
    return AnyList(std::move(items));
  });
}

Result<Value> InitialFn(std::span<const Value> a) {
  return OnItems(a[0], "Cannot find initial on type", [](List items) -> Result<Value> {
    if (!items.empty()) items.pop_back();
    return AnyList(std::move(items));
  });
}

Result<Value> ReverseFn(std::span<const Value> a) {
  return OnItems(a[0], "Cannot find reverse on type", [](List items) -> Result<Value> {
    std::reverse(items.begin(), items.end());
    return AnyList(std::move(items));
  });
}

Result<Value> CompactFn(std::span<const Value> a) {
  return OnItems(a[0], "Cannot compact on type", [](List items) -> Result<Value> {
    std::erase_if(items, [](const Value& v) { return IsEmptyValue(v); });
    return AnyList(std::move(items));
  });
}

bool Contains(const List& haystack, const Value& needle) {
  return std::find(haystack.begin(), haystack.end(), needle) != haystack.end();
}

Result<Value> UniqFn(std::span<const Value> a) {
  return OnItems(a[0], "Cannot find uniq on type", [](List items) -> Result<Value> {
    List out;
    for (Value& v : items) {
      if (!Contains(out, v)) out.push_back(std::move(v));
    }
    return AnyList(std::move(out));
  });
}

Result<Value> WithoutFn(std::span<const Value> a) {
  const List omit(a.begin() + 1, a.end());
  return OnItems(a[0], "Cannot find without on type", [&omit](List items) -> Result<Value> {
    std::erase_if(items, [&omit](const Value& v) { return Contains(omit, v); });
    return AnyList(std::move(items));
  });
}

Result<Value> HasFn(std::span<const Value> a) {
  if (a[1].is_nil()) return Value(false);
  return OnItems(a[1], "Cannot find has on type",
                 [&](List items) -> Result<Value> { return Value(Contains(items, a[0])); });
}

// slice(list, start?, end?): the sub-slice, keeping the slice's own type; nil when empty.
Result<Value> SliceFn(std::span<const Value> a) {
  const Value& list = a[0];
  std::optional<List> items = SliceItems(list);
  if (!items.has_value()) {
    return NotAList(list, "list should be type of slice or array but");
  }
  const int64_t len = static_cast<int64_t>(items->size());
  if (len == 0) return Value();
  int64_t start = a.size() > 1 ? CastToInt64(a[1]) : 0;
  int64_t end = a.size() > 2 ? CastToInt64(a[2]) : len;
  if (start < 0 || end < start || end > len) {
    return GoError("reflect.Value.Slice: slice index out of bounds");
  }
  if (list.kind() == Kind::kBytes) {
    return Value::Bytes(
        list.AsString().substr(static_cast<size_t>(start), static_cast<size_t>(end - start)));
  }
  return Value::FromList(List(items->begin() + start, items->begin() + end), list.go_type());
}

Result<Value> ConcatFn(std::span<const Value> a) {
  List out;
  for (const Value& list : a) {
    std::optional<List> items = SliceItems(list);
    if (!items.has_value()) {
      if (list.is_nil()) return GoError(std::string(kNilDeref));
      return GoError("Cannot concat type " + std::string(GoKindName(list)) + " as list");
    }
    out.insert(out.end(), items->begin(), items->end());
  }
  return AnyList(std::move(out));
}

// sortAlpha: a slice's strvals in byte order; a non-slice becomes [strval].
Result<Value> SortAlphaFn(std::span<const Value> a) {
  if (!SliceItems(a[0]).has_value()) return GoStringList({StrVal(a[0])});
  List items = StrSlice(a[0]).AsList();
  std::sort(items.begin(), items.end(),
            [](const Value& x, const Value& y) { return x.AsString() < y.AsString(); });
  return Value::FromList(std::move(items), GoType::kStringList);
}

}  // namespace

void RegisterLists(FuncMap* funcs) {
  using P = ParamType;
  funcs->AddVariadic("list", {P::kAny}, ListFn);
  funcs->AddVariadic("tuple", {P::kAny}, ListFn);
  funcs->Add("append", {P::kAny, P::kAny}, PushFn);
  funcs->Add("push", {P::kAny, P::kAny}, PushFn);
  funcs->Add("mustPush", {P::kAny, P::kAny}, PushFn);
  funcs->Add("prepend", {P::kAny, P::kAny}, PrependFn);
  funcs->Add("first", {P::kAny}, FirstFn);
  funcs->Add("last", {P::kAny}, LastFn);
  funcs->Add("rest", {P::kAny}, RestFn);
  funcs->Add("initial", {P::kAny}, InitialFn);
  funcs->Add("reverse", {P::kAny}, ReverseFn);
  funcs->Add("compact", {P::kAny}, CompactFn);
  funcs->Add("uniq", {P::kAny}, UniqFn);
  funcs->AddVariadic("without", {P::kAny, P::kAny}, WithoutFn);
  funcs->Add("has", {P::kAny, P::kAny}, HasFn);
  funcs->AddVariadic("slice", {P::kAny, P::kAny}, SliceFn);
  funcs->AddVariadic("concat", {P::kAny}, ConcatFn);
  funcs->Add("sortAlpha", {P::kAny}, SortAlphaFn);
}

}  // namespace kanon::tmpl::sprig
