// Go 1.19's unicode class and case tables for sprig's text functions (generated; see
// sprig_unicode_tables.cc). Internal to sprig_unicode.cc.
#pragma once

#include <cstdint>
#include <span>

namespace kanon::tmpl::sprig::tables {

// Code points lo, lo+stride, ..., hi.
struct RuneSpan {
  char32_t lo, hi, stride;
};

// Code points lo..hi map to r+upper, r+lower, r+title; upper == kAlternate marks pairs
// (upper case at an even offset from lo, its lower case right after it).
struct CaseRun {
  char32_t lo, hi;
  int32_t upper, lower, title;
};
inline constexpr int32_t kAlternate = 0x110000;

extern const std::span<const RuneSpan> kUpperSpans;
extern const std::span<const RuneSpan> kLowerSpans;
extern const std::span<const RuneSpan> kLetterSpans;
extern const std::span<const RuneSpan> kDigitSpans;
extern const std::span<const RuneSpan> kNumberSpans;
extern const std::span<const RuneSpan> kPunctSpans;
extern const std::span<const CaseRun> kCaseRuns;

}  // namespace kanon::tmpl::sprig::tables
