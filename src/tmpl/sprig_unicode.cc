#include "tmpl/sprig_unicode.h"

#include <algorithm>

#include "tmpl/sprig_unicode_tables.h"

namespace kanon::tmpl::sprig {
namespace {

using tables::CaseRun;
using tables::RuneSpan;

bool InRange(char32_t r, char32_t lo, char32_t hi) { return r >= lo && r <= hi; }

// Whether `r` is one of the code points of the sorted, non-overlapping `spans`.
bool InSpans(std::span<const RuneSpan> spans, char32_t r) {
  auto it = std::upper_bound(spans.begin(), spans.end(), r,
                             [](char32_t c, const RuneSpan& s) { return c < s.lo; });
  if (it == spans.begin()) return false;
  --it;
  return r <= it->hi && (r - it->lo) % it->stride == 0;
}

enum class Case { kUpper, kLower, kTitle };

// unicode.To(case, r) over the generated case runs.
char32_t MapCase(Case which, char32_t r) {
  const auto& runs = tables::kCaseRuns;
  auto it = std::upper_bound(runs.begin(), runs.end(), r,
                             [](char32_t c, const CaseRun& run) { return c < run.lo; });
  if (it == runs.begin()) return r;
  --it;
  if (r > it->hi) return r;
  if (it->upper == tables::kAlternate) {
    const char32_t pair = it->lo + ((r - it->lo) & ~char32_t{1});
    return which == Case::kLower ? pair + 1 : pair;
  }
  const int32_t delta = which == Case::kUpper   ? it->upper
                        : which == Case::kLower ? it->lower
                                                : it->title;
  return static_cast<char32_t>(static_cast<int32_t>(r) + delta);
}

}  // namespace

std::pair<char32_t, size_t> DecodeRune(std::string_view s) {
  if (s.empty()) return {kRuneError, 0};
  auto b = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  unsigned char c0 = b(0);
  if (c0 < 0x80) return {c0, 1};
  size_t need;
  char32_t r;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c0 >= 0xC2 && c0 <= 0xDF) {
    need = 2, r = c0 & 0x1F;
  } else if (c0 >= 0xE0 && c0 <= 0xEF) {
    need = 3, r = c0 & 0x0F;
    if (c0 == 0xE0) lo = 0xA0;  // no overlong forms
    if (c0 == 0xED) hi = 0x9F;  // no surrogates
  } else if (c0 >= 0xF0 && c0 <= 0xF4) {
    need = 4, r = c0 & 0x07;
    if (c0 == 0xF0) lo = 0x90;
    if (c0 == 0xF4) hi = 0x8F;  // nothing past U+10FFFF
  } else {
    return {kRuneError, 1};
  }
  if (s.size() < need || b(1) < lo || b(1) > hi) return {kRuneError, 1};
  r = (r << 6) | (b(1) & 0x3F);
  for (size_t i = 2; i < need; ++i) {
    if (b(i) < 0x80 || b(i) > 0xBF) return {kRuneError, 1};
    r = (r << 6) | (b(i) & 0x3F);
  }
  return {r, need};
}

std::pair<char32_t, size_t> DecodeLastRune(std::string_view s) {
  if (s.empty()) return {kRuneError, 0};
  size_t start = s.size() - 1;
  // Step back over continuation bytes to where the last sequence could begin (at most 3).
  while (start > 0 && s.size() - start < 4 &&
         (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) {
    --start;
  }
  auto [r, width] = DecodeRune(s.substr(start));
  if (start + width != s.size()) return {kRuneError, 1};
  return {r, width};
}

void AppendRune(std::string* out, char32_t r) {
  if (r > 0x10FFFF || InRange(r, 0xD800, 0xDFFF)) r = kRuneError;
  if (r < 0x80) {
    out->push_back(static_cast<char>(r));
  } else if (r < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (r >> 6)));
    out->push_back(static_cast<char>(0x80 | (r & 0x3F)));
  } else if (r < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (r >> 12)));
    out->push_back(static_cast<char>(0x80 | ((r >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (r & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (r >> 18)));
    out->push_back(static_cast<char>(0x80 | ((r >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((r >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (r & 0x3F)));
  }
}

std::u32string ToRunes(std::string_view s) {
  std::u32string runes;
  while (!s.empty()) {
    auto [r, width] = DecodeRune(s);
    runes.push_back(r);
    s.remove_prefix(width);
  }
  return runes;
}

std::string FromRunes(std::u32string_view runes) {
  std::string out;
  out.reserve(runes.size());
  for (char32_t r : runes) AppendRune(&out, r);
  return out;
}

bool IsSpace(char32_t r) {
  if (r <= 0xFF) {
    return r == ' ' || InRange(r, '\t', '\r') || r == 0x85 || r == 0xA0;
  }
  return r == 0x1680 || InRange(r, 0x2000, 0x200A) || r == 0x2028 || r == 0x2029 || r == 0x202F ||
         r == 0x205F || r == 0x3000;
}

bool IsUpper(char32_t r) { return InSpans(tables::kUpperSpans, r); }
bool IsLower(char32_t r) { return InSpans(tables::kLowerSpans, r); }

bool IsTitle(char32_t r) {
  return r == 0x1C5 || r == 0x1C8 || r == 0x1CB || r == 0x1F2 || InRange(r, 0x1F88, 0x1F8F) ||
         InRange(r, 0x1F98, 0x1F9F) || InRange(r, 0x1FA8, 0x1FAF) || r == 0x1FBC || r == 0x1FCC ||
         r == 0x1FFC;
}

bool IsLetter(char32_t r) { return InSpans(tables::kLetterSpans, r); }
bool IsDigit(char32_t r) { return InSpans(tables::kDigitSpans, r); }
bool IsNumber(char32_t r) { return InSpans(tables::kNumberSpans, r); }
bool IsPunct(char32_t r) { return InSpans(tables::kPunctSpans, r); }
char32_t ToUpper(char32_t r) { return MapCase(Case::kUpper, r); }
char32_t ToLower(char32_t r) { return MapCase(Case::kLower, r); }
char32_t ToTitle(char32_t r) { return MapCase(Case::kTitle, r); }

}  // namespace kanon::tmpl::sprig
