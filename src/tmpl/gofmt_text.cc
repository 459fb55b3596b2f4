// Text side of the Go fmt layer: UTF-8 as Go reads it, strconv's quoting, and the padding,
// string, hex-string, character and U+ formatting of the raw formatter.

#include <string>
#include <string_view>

#include "tmpl/gofmt_printer.h"

namespace kanon::tmpl::gofmt {
namespace {

constexpr char32_t kRuneError = 0xFFFD;
constexpr char32_t kMaxRune = 0x10FFFF;
constexpr char kLowerHex[] = "0123456789abcdef";
constexpr char kUpperHex[] = "0123456789ABCDEF";

bool ValidRune(char32_t r) { return r <= kMaxRune && !(r >= 0xD800 && r <= 0xDFFF); }

void AppendHex(std::string* out, uint32_t v, int digits) {
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
    out->push_back(kLowerHex[(v >> shift) & 0xF]);
  }
}

// strconv's appendEscapedRune: r inside a literal delimited by `quote`.
void AppendEscapedRune(std::string* out, char32_t r, char quote, bool ascii_only) {
  if (r == static_cast<char32_t>(quote) || r == '\\') {
    out->push_back('\\');
    out->push_back(static_cast<char>(r));
    return;
  }
  if (ascii_only ? (r < 0x80 && IsGoPrint(r)) : IsGoPrint(r)) {
    AppendRune(out, r);
    return;
  }
  switch (r) {
    case '\a':
      out->append("\\a");
      return;
    case '\b':
      out->append("\\b");
      return;
    case '\f':
      out->append("\\f");
      return;
    case '\n':
      out->append("\\n");
      return;
    case '\r':
      out->append("\\r");
      return;
    case '\t':
      out->append("\\t");
      return;
    case '\v':
      out->append("\\v");
      return;
    default:
      break;
  }
  if (r < ' ' || r == 0x7F) {
    out->append("\\x");
    AppendHex(out, r, 2);
  } else if (!ValidRune(r) || r < 0x10000) {
    out->append("\\u");
    AppendHex(out, ValidRune(r) ? r : kRuneError, 4);
  } else {
    out->append("\\U");
    AppendHex(out, r, 8);
  }
}

}  // namespace

DecodedRune DecodeRune(std::string_view s) {
  if (s.empty()) return {kRuneError, 0};
  const auto at = [&](size_t k) { return static_cast<uint8_t>(s[k]); };
  uint8_t b0 = at(0);
  if (b0 < 0x80) return {b0, 1};
  size_t n = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC2 ? 2 : 0;
  if (n == 0 || b0 > 0xF4 || s.size() < n) return {kRuneError, 1};
  // Only the second byte's range depends on the first (no overlongs, surrogates, > U+10FFFF).
  uint8_t lo = b0 == 0xE0 ? 0xA0 : b0 == 0xF0 ? 0x90 : 0x80;
  uint8_t hi = b0 == 0xED ? 0x9F : b0 == 0xF4 ? 0x8F : 0xBF;
  if (at(1) < lo || at(1) > hi) return {kRuneError, 1};
  for (size_t k = 2; k < n; ++k) {
    if ((at(k) & 0xC0) != 0x80) return {kRuneError, 1};
  }
  char32_t r = b0 & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) r = (r << 6) | (at(k) & 0x3F);
  return {r, n};
}

void AppendRune(std::string* out, char32_t r) {
  if (!ValidRune(r)) r = kRuneError;
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

size_t RuneCount(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++n) i += DecodeRune(s.substr(i)).size;
  return n;
}

void AppendQuoted(std::string* out, std::string_view s, bool ascii_only) {
  out->push_back('"');
  while (!s.empty()) {
    DecodedRune d = DecodeRune(s);
    if (d.rune == kRuneError && d.size == 1) {
      out->append("\\x");  // an invalid byte is shown as itself
      AppendHex(out, static_cast<uint8_t>(s[0]), 2);
    } else {
      AppendEscapedRune(out, d.rune, '"', ascii_only);
    }
    s.remove_prefix(d.size);
  }
  out->push_back('"');
}

void AppendQuotedRune(std::string* out, char32_t r, bool ascii_only) {
  out->push_back('\'');
  AppendEscapedRune(out, ValidRune(r) ? r : kRuneError, '\'', ascii_only);
  out->push_back('\'');
}

bool CanBackquote(std::string_view s) {
  while (!s.empty()) {
    DecodedRune d = DecodeRune(s);
    s.remove_prefix(d.size);
    if (d.size > 1) {
      if (d.rune == 0xFEFF) return false;  // an invisible BOM would be lost
      continue;
    }
    if (d.rune == kRuneError) return false;
    if ((d.rune < ' ' && d.rune != '\t') || d.rune == '`' || d.rune == 0x7F) return false;
  }
  return true;
}

void Printer::WritePadding(int n) {
  if (n <= 0) return;
  buf.append(static_cast<size_t>(n), flags.zero ? '0' : ' ');
}

void Printer::Pad(std::string_view s) {
  if (!flags.wid_present || wid == 0) {
    buf.append(s);
    return;
  }
  int width = wid - static_cast<int>(RuneCount(s));
  if (!flags.minus) WritePadding(width);
  buf.append(s);
  if (flags.minus) WritePadding(width);
}

void Printer::FmtS(std::string_view s) {
  if (flags.prec_present) {
    // Precision counts runes.
    int n = prec;
    size_t i = 0;
    while (i < s.size() && n-- > 0) i += DecodeRune(s.substr(i)).size;
    s = s.substr(0, i);
  }
  Pad(s);
}

void Printer::FmtSbx(std::string_view s, bool upper) {
  const char* digits = upper ? kUpperHex : kLowerHex;
  int length = static_cast<int>(s.size());
  if (flags.prec_present && prec < length) length = prec;
  // Width of the encoding: two digits per byte, plus 0x prefixes and separating spaces.
  int width = 2 * length;
  if (width <= 0) {
    if (flags.wid_present) WritePadding(wid);
    return;
  }
  if (flags.space) {
    if (flags.sharp) width *= 2;
    width += length - 1;
  } else if (flags.sharp) {
    width += 2;
  }
  if (flags.wid_present && wid > width && !flags.minus) WritePadding(wid - width);
  const char prefix[] = {'0', upper ? 'X' : 'x', '\0'};
  if (flags.sharp) buf.append(prefix);
  for (int i = 0; i < length; ++i) {
    if (flags.space && i > 0) {
      buf.push_back(' ');
      if (flags.sharp) buf.append(prefix);
    }
    auto c = static_cast<uint8_t>(s[static_cast<size_t>(i)]);
    buf.push_back(digits[c >> 4]);
    buf.push_back(digits[c & 0xF]);
  }
  if (flags.wid_present && wid > width && flags.minus) WritePadding(wid - width);
}

void Printer::FmtQ(std::string_view s) {
  if (flags.prec_present) {
    int n = prec;
    size_t i = 0;
    while (i < s.size() && n-- > 0) i += DecodeRune(s.substr(i)).size;
    s = s.substr(0, i);
  }
  std::string quoted;
  if (flags.sharp && CanBackquote(s)) {
    quoted.append("`").append(s).append("`");
  } else {
    AppendQuoted(&quoted, s, flags.plus);
  }
  Pad(quoted);
}

void Printer::FmtC(uint64_t c) {
  std::string s;
  AppendRune(&s, c > kMaxRune ? kRuneError : static_cast<char32_t>(c));
  Pad(s);
}

void Printer::FmtQc(uint64_t c) {
  std::string s;
  AppendQuotedRune(&s, c > kMaxRune ? kRuneError : static_cast<char32_t>(c), flags.plus);
  Pad(s);
}

void Printer::FmtUnicode(uint64_t u) {
  std::string hex;
  for (uint64_t v = u;; v >>= 4) {
    hex.insert(hex.begin(), kUpperHex[v & 0xF]);
    if (v < 16) break;
  }
  int digits = flags.prec_present && prec > 4 ? prec : 4;
  std::string s = "U+";
  if (static_cast<int>(hex.size()) < digits) s.append(digits - hex.size(), '0');
  s += hex;
  if (flags.sharp && u <= kMaxRune && IsGoPrint(static_cast<char32_t>(u))) {
    s += " '";
    AppendRune(&s, static_cast<char32_t>(u));
    s += "'";
  }
  bool zero = flags.zero;
  flags.zero = false;
  Pad(s);
  flags.zero = zero;
}

}  // namespace kanon::tmpl::gofmt
