// Text shaping from goutils and xstrings: abbrev, abbrevboth, initials, nospace, wrap,
// wrapWith, shuffle and the random strings (randAlpha, randAlphaNum, randAscii, randNumeric).
#include <algorithm>
#include <random>

#include "tmpl/sprig_families.h"
#include "tmpl/sprig_unicode.h"

namespace kanon::tmpl::sprig {
namespace {

using value::Value;

constexpr int64_t kMaxRandomRunes = int64_t{64} << 20;

// goutils.AbbreviateFull: at most max_width bytes with "..." marking what was cut; `offset`
// is a byte that should stay visible. Width checks are the callers'.
std::string AbbreviateFull(std::string_view s, int64_t offset, int64_t max_width) {
  const int64_t len = static_cast<int64_t>(s.size());
  if (s.empty() || max_width < 4) return "";
  if (len <= max_width) return std::string(s);
  if (offset > len) offset = len;
  if (len - offset < max_width - 3) offset = len - (max_width - 3);
  if (offset <= 4) return std::string(s.substr(0, static_cast<size_t>(max_width - 3))) + "...";
  if (max_width < 7) return "";
  if (offset + max_width - 3 < len) {
    return "..." + AbbreviateFull(s.substr(static_cast<size_t>(offset)), 0, max_width - 3);
  }
  return "..." + std::string(s.substr(static_cast<size_t>(len - (max_width - 3))));
}

Result<Value> AbbrevFn(std::span<const Value> a) {
  const int64_t width = a[0].AsInt();
  if (width < 4) return a[1];
  return Value(AbbreviateFull(a[1].AsString(), 0, width));
}

Result<Value> AbbrevbothFn(std::span<const Value> a) {
  const int64_t left = a[0].AsInt(), right = a[1].AsInt();
  if (right < 4 || (left > 0 && right < 7)) return a[2];
  return Value(AbbreviateFull(a[2].AsString(), left, right));
}

// goutils reads these byte by byte, each byte taken as a Latin-1 rune.
Result<Value> InitialsFn(std::span<const Value> a) {
  std::string out;
  bool gap = true;
  for (unsigned char c : a[0].AsString()) {
    if (IsSpace(c)) {
      gap = true;
    } else if (gap) {
      AppendRune(&out, c);
      gap = false;
    }
  }
  return Value(std::move(out));
}

Result<Value> NospaceFn(std::span<const Value> a) {
  const std::string& s = a[0].AsString();
  std::string out;
  for (unsigned char c : s) {
    if (!IsSpace(c)) AppendRune(&out, c);
  }
  // Nothing removed: the input comes back unchanged (not re-encoded).
  if (std::none_of(s.begin(), s.end(), [](unsigned char c) { return IsSpace(c); })) return a[0];
  return Value(std::move(out));
}

// goutils.WrapCustom: breaks lines at the last space within `width` bytes; long words are cut
// when `wrap_long`, else kept whole. Spaces at a break are dropped.
std::string WrapCustom(std::string_view s, int64_t width, std::string_view newline,
                       bool wrap_long) {
  if (s.empty()) return "";
  if (newline.empty()) newline = "\n";
  if (width < 1) width = 1;
  const size_t w = static_cast<size_t>(width);
  std::string out;
  size_t offset = 0;
  while (s.size() - offset > w) {
    if (s[offset] == ' ') {
      ++offset;
      continue;
    }
    size_t space = s.substr(offset, w + 1).rfind(' ');
    if (space != std::string_view::npos) {
      out.append(s.substr(offset, space)).append(newline);
      offset += space + 1;
    } else if (wrap_long) {
      out.append(s.substr(offset, w)).append(newline);
      offset += w;
    } else {
      size_t next = s.find(' ', offset + w);
      if (next == std::string_view::npos) {
        out.append(s.substr(offset));
        offset = s.size();
      } else {
        out.append(s.substr(offset, next - offset)).append(newline);
        offset = next + 1;
      }
    }
  }
  out.append(s.substr(offset));
  return out;
}

Result<Value> WrapFn(std::span<const Value> a) {
  return Value(WrapCustom(a[1].AsString(), a[0].AsInt(), "", false));
}

Result<Value> WrapWithFn(std::span<const Value> a) {
  return Value(WrapCustom(a[2].AsString(), a[0].AsInt(), a[1].AsString(), true));
}

Result<Value> ShuffleFn(std::span<const Value> a) {
  std::u32string runes = ToRunes(a[0].AsString());
  thread_local std::mt19937_64 rng{std::random_device{}()};
  std::shuffle(runes.begin(), runes.end(), rng);
  return Value(FromRunes(runes));
}

// goutils.CryptoRandom over ' '..'z' (or 32..126 for ascii): `count` runes, uniformly from
// those the filter accepts. A negative count is an error sprig drops, giving "".
template <typename Accept>
Result<Value> RandomText(int64_t count, char32_t lo, char32_t hi, Accept accept) {
  if (count <= 0) return Value("");
  if (count > kMaxRandomRunes) return GoError("random string length exceeds kanon's limit");
  std::string out;
  out.reserve(static_cast<size_t>(count));
  while (static_cast<int64_t>(out.size()) < count) {
    char32_t r = lo + static_cast<char32_t>(RandomBelow(hi - lo));
    if (accept(r)) out.push_back(static_cast<char>(r));
  }
  return Value(std::move(out));
}

Result<Value> RandAlphaNumFn(std::span<const Value> a) {
  return RandomText(a[0].AsInt(), ' ', 'z' + 1,
                    [](char32_t r) { return IsLetter(r) || IsDigit(r); });
}
Result<Value> RandAlphaFn(std::span<const Value> a) {
  return RandomText(a[0].AsInt(), ' ', 'z' + 1, [](char32_t r) { return IsLetter(r); });
}
Result<Value> RandNumericFn(std::span<const Value> a) {
  return RandomText(a[0].AsInt(), ' ', 'z' + 1, [](char32_t r) { return IsDigit(r); });
}
Result<Value> RandAsciiFn(std::span<const Value> a) {
  return RandomText(a[0].AsInt(), 32, 127, [](char32_t) { return true; });
}

}  // namespace

void RegisterTextShape(FuncMap* funcs) {
  using P = ParamType;
  funcs->Add("abbrev", {P::kInt, P::kString}, AbbrevFn);
  funcs->Add("abbrevboth", {P::kInt, P::kInt, P::kString}, AbbrevbothFn);
  funcs->Add("initials", {P::kString}, InitialsFn);
  funcs->Add("nospace", {P::kString}, NospaceFn);
  funcs->Add("wrap", {P::kInt, P::kString}, WrapFn);
  funcs->Add("wrapWith", {P::kInt, P::kString, P::kString}, WrapWithFn);
  funcs->Add("shuffle", {P::kString}, ShuffleFn);
  funcs->Add("randAlphaNum", {P::kInt}, RandAlphaNumFn);
  funcs->Add("randAlpha", {P::kInt}, RandAlphaFn);
  funcs->Add("randNumeric", {P::kInt}, RandNumericFn);
  funcs->Add("randAscii", {P::kInt}, RandAsciiFn);
}

}  // namespace kanon::tmpl::sprig
