#include "tmpl/sprig_unicode.h"

#include <locale.h>
#include <wctype.h>

namespace kanon::tmpl::sprig {
namespace {

// The C.UTF-8 locale for classes and mappings past Latin-1; null when unavailable, in which
// case such runes have no class and map to themselves.
locale_t Utf8Locale() {
  static const locale_t loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(0));
  return loc;
}

bool InRange(char32_t r, char32_t lo, char32_t hi) { return r >= lo && r <= hi; }

// Titlecase letters (category Lt): the digraphs and the Greek iota-subscript capitals.
bool IsTitlecaseLetter(char32_t r) {
  return r == 0x1C5 || r == 0x1C8 || r == 0x1CB || r == 0x1F2 || InRange(r, 0x1F88, 0x1F8F) ||
         InRange(r, 0x1F98, 0x1F9F) || InRange(r, 0x1FA8, 0x1FAF) || r == 0x1FBC ||
         r == 0x1FCC || r == 0x1FFC;
}

bool IsLatin1Upper(char32_t r) {
  return InRange(r, 'A', 'Z') || InRange(r, 0xC0, 0xD6) || InRange(r, 0xD8, 0xDE);
}

bool IsLatin1Lower(char32_t r) {
  return InRange(r, 'a', 'z') || r == 0xB5 || InRange(r, 0xDF, 0xF6) || InRange(r, 0xF8, 0xFF);
}

template <typename Pred>
bool WideClass(char32_t r, Pred pred) {
  locale_t loc = Utf8Locale();
  return loc != static_cast<locale_t>(0) && pred(static_cast<wint_t>(r), loc) != 0;
}

template <typename Map>
char32_t WideMap(char32_t r, Map map) {
  locale_t loc = Utf8Locale();
  if (loc == static_cast<locale_t>(0)) return r;
  return static_cast<char32_t>(map(static_cast<wint_t>(r), loc));
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
  return r == 0x1680 || InRange(r, 0x2000, 0x200A) || r == 0x2028 || r == 0x2029 ||
         r == 0x202F || r == 0x205F || r == 0x3000;
}

bool IsUpper(char32_t r) {
  if (r <= 0xFF) return IsLatin1Upper(r);
  return !IsTitlecaseLetter(r) && WideClass(r, iswupper_l);
}

bool IsLower(char32_t r) {
  if (r <= 0xFF) return IsLatin1Lower(r);
  return !IsTitlecaseLetter(r) && WideClass(r, iswlower_l);
}

bool IsTitle(char32_t r) { return IsTitlecaseLetter(r); }

bool IsLetter(char32_t r) {
  if (r <= 0xFF) {
    return IsLatin1Upper(r) || IsLatin1Lower(r) || r == 0xAA || r == 0xBA;
  }
  return IsTitlecaseLetter(r) || WideClass(r, iswalpha_l);
}

bool IsDigit(char32_t r) {
  if (r <= 0xFF) return InRange(r, '0', '9');
  return WideClass(r, iswdigit_l);
}

bool IsNumber(char32_t r) {
  if (r <= 0xFF) {
    return InRange(r, '0', '9') || r == 0xB2 || r == 0xB3 || r == 0xB9 || InRange(r, 0xBC, 0xBE);
  }
  return WideClass(r, iswdigit_l);
}

bool IsPunct(char32_t r) {
  if (r < 0x80) {
    switch (r) {
      case '$': case '+': case '<': case '=': case '>': case '^': case '`': case '|': case '~':
        return false;  // symbols, not punctuation
      default:
        return InRange(r, '!', '/') || InRange(r, ':', '@') || InRange(r, '[', '`') ||
               InRange(r, '{', '~');
    }
  }
  if (r <= 0xFF) {
    return r == 0xA1 || r == 0xA7 || r == 0xAB || r == 0xB6 || r == 0xB7 || r == 0xBB ||
           r == 0xBF;
  }
  return WideClass(r, iswpunct_l);
}

char32_t ToUpper(char32_t r) {
  if (r <= 0xFF) {
    if (InRange(r, 'a', 'z') || InRange(r, 0xE0, 0xF6) || InRange(r, 0xF8, 0xFE)) return r - 32;
    if (r == 0xB5) return 0x39C;
    if (r == 0xFF) return 0x178;
    return r;
  }
  return WideMap(r, towupper_l);
}

char32_t ToLower(char32_t r) {
  if (r <= 0xFF) return IsLatin1Upper(r) ? r + 32 : r;
  return WideMap(r, towlower_l);
}

char32_t ToTitle(char32_t r) {
  if (InRange(r, 0x1C4, 0x1C6)) return 0x1C5;
  if (InRange(r, 0x1C7, 0x1C9)) return 0x1C8;
  if (InRange(r, 0x1CA, 0x1CC)) return 0x1CB;
  if (InRange(r, 0x1F1, 0x1F3)) return 0x1F2;
  if (IsTitlecaseLetter(r)) return r;
  return ToUpper(r);
}

}  // namespace kanon::tmpl::sprig
