// Go's unicode/utf8 and unicode packages, as far as sprig's text functions use them: decoding
// with Go's invalid-byte rule, rune classes and simple case mappings.
//
// Classes and mappings are Go 1.19's (Unicode 13.0.0), from generated tables. Pure functions,
// thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <utility>

namespace kanon::tmpl::sprig {

inline constexpr char32_t kRuneError = 0xFFFD;

// utf8.DecodeRuneInString: the first rune of `s` and its width in bytes; an invalid sequence
// decodes as (kRuneError, 1) and an empty string as (kRuneError, 0).
std::pair<char32_t, size_t> DecodeRune(std::string_view s);
// utf8.DecodeLastRuneInString: the last rune of `s` and its width, with the same rules.
std::pair<char32_t, size_t> DecodeLastRune(std::string_view s);
// Appends the UTF-8 encoding of `r`; surrogates and values past U+10FFFF encode U+FFFD.
void AppendRune(std::string* out, char32_t r);
// []rune(s) and string(runes).
std::u32string ToRunes(std::string_view s);
std::string FromRunes(std::u32string_view runes);

bool IsSpace(char32_t r);
bool IsUpper(char32_t r);
bool IsLower(char32_t r);
bool IsTitle(char32_t r);
bool IsLetter(char32_t r);
bool IsDigit(char32_t r);
bool IsNumber(char32_t r);
bool IsPunct(char32_t r);
char32_t ToUpper(char32_t r);
char32_t ToLower(char32_t r);
char32_t ToTitle(char32_t r);

// strings.Map(mapping, s) for a rune -> rune mapping: invalid bytes become U+FFFD.
template <typename F>
std::string MapRunes(std::string_view s, F mapping) {
  std::string out;
  out.reserve(s.size());
  while (!s.empty()) {
    auto [r, width] = DecodeRune(s);
    AppendRune(&out, mapping(r));
    s.remove_prefix(width);
  }
  return out;
}

}  // namespace kanon::tmpl::sprig
