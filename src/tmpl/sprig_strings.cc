// String functions over Go's strings package: trim*, contains, has*, repeat, replace, split*,
// join, substr, trunc, indent, quote, squote, cat, plural, hello, fail.
#include <algorithm>

#include "tmpl/gofmt.h"
#include "tmpl/sprig_families.h"
#include "tmpl/sprig_unicode.h"

namespace kanon::tmpl::sprig {
namespace {

using value::GoType;
using value::Value;

// No template result may exceed this; Go would try (and likely die) where kanon refuses.
constexpr size_t kMaxResultBytes = size_t{256} << 20;

const std::string& Str(const Value& v) { return v.AsString(); }

Result<std::string> GoRepeat(std::string_view s, int64_t count) {
  if (count == 0) return std::string();
  if (count < 0) return GoError("strings: negative Repeat count");
  if (!s.empty() && static_cast<uint64_t>(count) > kMaxResultBytes / s.size()) {
    return GoError("strings: Repeat count causes overflow");
  }
  std::string out;
  out.reserve(s.size() * static_cast<size_t>(count));
  for (int64_t i = 0; i < count; ++i) out.append(s);
  return out;
}

size_t RuneCount(std::string_view s) {
  size_t n = 0;
  while (!s.empty()) {
    s.remove_prefix(DecodeRune(s).second);
    ++n;
  }
  return n;
}

// strings.Replace(s, old, repl, -1); an empty `old` matches before every rune and at the end.
std::string GoReplaceAll(std::string_view s, std::string_view old, std::string_view repl) {
  if (old == repl) return std::string(s);
  std::string out;
  size_t start = 0;
  if (old.empty()) {
    size_t n = RuneCount(s) + 1;
    for (size_t i = 0; i < n; ++i) {
      size_t j = start;
      if (i > 0) j += DecodeRune(s.substr(start)).second;
      out.append(s.substr(start, j - start));
      out.append(repl);
      start = j;
    }
  } else {
    for (size_t j; (j = s.find(old, start)) != std::string_view::npos; start = j + old.size()) {
      out.append(s.substr(start, j - start));
      out.append(repl);
    }
  }
  out.append(s.substr(start));
  return out;
}

// strings.SplitN(s, sep, n); n < 0 means all. An empty sep splits into UTF-8 sequences.
std::vector<std::string> GoSplitN(std::string_view s, std::string_view sep, int64_t n) {
  std::vector<std::string> parts;
  if (n == 0) return parts;
  if (sep.empty()) {
    int64_t runes = static_cast<int64_t>(RuneCount(s));
    if (n < 0 || n > runes) n = runes;
    for (int64_t i = 0; i + 1 < n; ++i) {
      size_t w = DecodeRune(s).second;
      parts.emplace_back(s.substr(0, w));
      s.remove_prefix(w);
    }
    if (n > 0) parts.emplace_back(s);
    return parts;
  }
  for (size_t m; (n < 0 || static_cast<int64_t>(parts.size()) < n - 1) &&
                 (m = s.find(sep)) != std::string_view::npos;) {
    parts.emplace_back(s.substr(0, m));
    s.remove_prefix(m + sep.size());
  }
  parts.emplace_back(s);
  return parts;
}

template <typename Pred>
std::string TrimRunes(std::string_view s, Pred drop) {
  while (!s.empty()) {
    auto [r, width] = DecodeRune(s);
    if (!drop(r)) break;
    s.remove_prefix(width);
  }
  while (!s.empty()) {
    auto [r, width] = DecodeLastRune(s);
    if (!drop(r)) break;
    s.remove_suffix(width);
  }
  return std::string(s);
}

// sprig's split result: map[string]string with keys _0, _1, ...
Value IndexedParts(const std::vector<std::string>& parts) {
  value::Map m;
  for (size_t i = 0; i < parts.size(); ++i) m.emplace("_" + std::to_string(i), parts[i]);
  return Value::FromMap(std::move(m), GoType::kStringMap);
}

// strings.Trim(s, cutset): drops leading and trailing runes found in cutset.
std::string GoTrim(std::string_view s, std::string_view cutset) {
  if (s.empty() || cutset.empty()) return std::string(s);
  const std::u32string cut = ToRunes(cutset);
  return TrimRunes(s, [&](char32_t r) { return cut.find(r) != std::u32string::npos; });
}

// strings.TrimSpace; an invalid byte is not space.
std::string GoTrimSpace(std::string_view s) {
  return TrimRunes(s, [](char32_t r) { return r != kRuneError && IsSpace(r); });
}

Result<Value> TrimFn(std::span<const Value> a) { return Value(GoTrimSpace(Str(a[0]))); }
Result<Value> TrimAllFn(std::span<const Value> a) { return Value(GoTrim(Str(a[1]), Str(a[0]))); }

Result<Value> TrimSuffixFn(std::span<const Value> a) {
  std::string_view s = Str(a[1]);
  if (s.ends_with(Str(a[0]))) s.remove_suffix(Str(a[0]).size());
  return Value(s);
}

Result<Value> TrimPrefixFn(std::span<const Value> a) {
  std::string_view s = Str(a[1]);
  if (s.starts_with(Str(a[0]))) s.remove_prefix(Str(a[0]).size());
  return Value(s);
}

Result<Value> ContainsFn(std::span<const Value> a) {
  return Value(Str(a[1]).find(Str(a[0])) != std::string::npos);
}
Result<Value> HasPrefixFn(std::span<const Value> a) {
  return Value(Str(a[1]).starts_with(Str(a[0])));
}
Result<Value> HasSuffixFn(std::span<const Value> a) {
  return Value(Str(a[1]).ends_with(Str(a[0])));
}

Result<Value> RepeatFn(std::span<const Value> a) {
  ASSIGN_OR_RETURN(std::string out, GoRepeat(Str(a[1]), a[0].AsInt()));
  return Value(std::move(out));
}

Result<Value> ReplaceFn(std::span<const Value> a) {
  return Value(GoReplaceAll(Str(a[2]), Str(a[0]), Str(a[1])));
}

Result<Value> SplitFn(std::span<const Value> a) {
  return IndexedParts(GoSplitN(Str(a[1]), Str(a[0]), -1));
}
Result<Value> SplitNFn(std::span<const Value> a) {
  return IndexedParts(GoSplitN(Str(a[2]), Str(a[0]), a[1].AsInt()));
}
Result<Value> SplitListFn(std::span<const Value> a) {
  return GoStringList(GoSplitN(Str(a[1]), Str(a[0]), -1));
}

Result<Value> JoinFn(std::span<const Value> a) {
  std::string out;
  const Value list = StrSlice(a[1]);  // keep the list alive while iterating
  const value::List& items = list.AsList();
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out.append(Str(a[0]));
    out.append(items[i].AsString());
  }
  return Value(std::move(out));
}

// substr(start, end, s): start < 0 means s[:end]; end < 0 or past the end means s[start:].
Result<Value> SubstrFn(std::span<const Value> a) {
  int64_t start = a[0].AsInt(), end = a[1].AsInt();
  const std::string& s = Str(a[2]);
  const int64_t len = static_cast<int64_t>(s.size());
  auto bounds = [](std::string detail) {
    return GoError("runtime error: slice bounds out of range " + detail);
  };
  if (start < 0) {
    if (end < 0) return bounds("[:" + std::to_string(end) + "]");
    if (end > len) {
      return bounds("[:" + std::to_string(end) + "] with length " + std::to_string(len));
    }
    return Value(s.substr(0, static_cast<size_t>(end)));
  }
  if (end < 0 || end > len) {
    if (start > len) return bounds("[" + std::to_string(start) + ":" + std::to_string(len) + "]");
    return Value(s.substr(static_cast<size_t>(start)));
  }
  if (start > end) return bounds("[" + std::to_string(start) + ":" + std::to_string(end) + "]");
  return Value(s.substr(static_cast<size_t>(start), static_cast<size_t>(end - start)));
}

// trunc(c, s): the first c bytes, or for c < 0 the last -c bytes.
Result<Value> TruncFn(std::span<const Value> a) {
  int64_t c = a[0].AsInt();
  const std::string& s = Str(a[1]);
  const int64_t len = static_cast<int64_t>(s.size());
  if (c < 0 && len + c > 0) return Value(s.substr(static_cast<size_t>(len + c)));
  if (c >= 0 && len > c) return Value(s.substr(0, static_cast<size_t>(c)));
  return a[1];
}

Result<std::string> Indent(int64_t spaces, std::string_view v) {
  ASSIGN_OR_RETURN(std::string pad, GoRepeat(" ", spaces));
  return pad + GoReplaceAll(v, "\n", "\n" + pad);
}

Result<Value> IndentFn(std::span<const Value> a) {
  ASSIGN_OR_RETURN(std::string out, Indent(a[0].AsInt(), Str(a[1])));
  return Value(std::move(out));
}

Result<Value> NindentFn(std::span<const Value> a) {
  ASSIGN_OR_RETURN(std::string out, Indent(a[0].AsInt(), Str(a[1])));
  return Value("\n" + out);
}

// quote: each non-nil argument as fmt's %q of its strval, space-separated.
Result<Value> QuoteFn(std::span<const Value> a) {
  std::string out;
  bool first = true;
  for (const Value& v : a) {
    if (v.is_nil()) continue;
    if (!first) out.push_back(' ');
    first = false;
    Value text(StrVal(v));
    out.append(GoSprintf("%q", std::span<const Value>(&text, 1)));
  }
  return Value(std::move(out));
}

// squote: each non-nil argument as '%v', space-separated.
Result<Value> SquoteFn(std::span<const Value> a) {
  std::string out;
  bool first = true;
  for (const Value& v : a) {
    if (v.is_nil()) continue;
    if (!first) out.push_back(' ');
    first = false;
    out.push_back('\'');
    AppendGoValue(&out, v);
    out.push_back('\'');
  }
  return Value(std::move(out));
}

// cat: the non-nil arguments as %v, space-separated.
Result<Value> CatFn(std::span<const Value> a) {
  std::string out;
  bool first = true;
  for (const Value& v : a) {
    if (v.is_nil()) continue;
    if (!first) out.push_back(' ');
    first = false;
    AppendGoValue(&out, v);
  }
  return Value(std::move(out));
}

Result<Value> PluralFn(std::span<const Value> a) { return a[2].AsInt() == 1 ? a[0] : a[1]; }
Result<Value> HelloFn(std::span<const Value>) { return Value("Hello!"); }
Result<Value> FailFn(std::span<const Value> a) { return GoError(Str(a[0])); }

}  // namespace

void RegisterStrings(FuncMap* funcs) {
  using P = ParamType;
  funcs->Add("hello", {}, HelloFn);
  funcs->Add("fail", {P::kString}, FailFn);
  funcs->Add("trim", {P::kString}, TrimFn);
  funcs->Add("trimall", {P::kString, P::kString}, TrimAllFn);
  funcs->Add("trimAll", {P::kString, P::kString}, TrimAllFn);
  funcs->Add("trimSuffix", {P::kString, P::kString}, TrimSuffixFn);
  funcs->Add("trimPrefix", {P::kString, P::kString}, TrimPrefixFn);
  funcs->Add("contains", {P::kString, P::kString}, ContainsFn);
  funcs->Add("hasPrefix", {P::kString, P::kString}, HasPrefixFn);
  funcs->Add("hasSuffix", {P::kString, P::kString}, HasSuffixFn);
  funcs->Add("repeat", {P::kInt, P::kString}, RepeatFn);
  funcs->Add("replace", {P::kString, P::kString, P::kString}, ReplaceFn);
  funcs->Add("split", {P::kString, P::kString}, SplitFn);
  funcs->Add("splitn", {P::kString, P::kInt, P::kString}, SplitNFn);
  funcs->Add("splitList", {P::kString, P::kString}, SplitListFn);
  funcs->Add("join", {P::kString, P::kAny}, JoinFn);
  funcs->Add("substr", {P::kInt, P::kInt, P::kString}, SubstrFn);
  funcs->Add("trunc", {P::kInt, P::kString}, TruncFn);
  funcs->Add("indent", {P::kInt, P::kString}, IndentFn);
  funcs->Add("nindent", {P::kInt, P::kString}, NindentFn);
  funcs->AddVariadic("quote", {P::kAny}, QuoteFn);
  funcs->AddVariadic("squote", {P::kAny}, SquoteFn);
  funcs->AddVariadic("cat", {P::kAny}, CatFn);
  funcs->Add("plural", {P::kString, P::kString, P::kInt}, PluralFn);
}

}  // namespace kanon::tmpl::sprig
