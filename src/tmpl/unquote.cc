#include <cstdint>

#include "tmpl/parser.h"

namespace kanon::tmpl {
namespace {

void AppendUtf8(std::string* out, uint32_t r) {
  if (r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) r = 0xFFFD;
  if (r < 0x80) {
    *out += static_cast<char>(r);
  } else if (r < 0x800) {
    *out += static_cast<char>(0xC0 | (r >> 6));
    *out += static_cast<char>(0x80 | (r & 0x3F));
  } else if (r < 0x10000) {
    *out += static_cast<char>(0xE0 | (r >> 12));
    *out += static_cast<char>(0x80 | ((r >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (r & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (r >> 18));
    *out += static_cast<char>(0x80 | ((r >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((r >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (r & 0x3F));
  }
}

int HexVal(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

// Decodes one escape or character of a quoted literal body starting at s[*i]; `quote` is the
// enclosing quote. Appends to `out` and, for a rune escape, sets *rune. False if malformed.
bool UnquoteOne(std::string_view s, size_t* i, char quote, std::string* out, int64_t* rune) {
  char c = s[*i];
  if (c == quote && (quote == '\'' || quote == '"')) return false;
  if (c != '\\') {
    unsigned char uc = static_cast<unsigned char>(c);
    size_t n = uc < 0x80 ? 1 : uc >= 0xF0 ? 4 : uc >= 0xE0 ? 3 : uc >= 0xC0 ? 2 : 1;
    if (*i + n > s.size()) n = 1;
    if (rune) {
      uint32_t r = n == 1 ? uc : (uc & (0x7F >> n));
      for (size_t k = 1; k < n; ++k) r = (r << 6) | (static_cast<unsigned char>(s[*i + k]) & 0x3F);
      *rune = r;
    }
    out->append(s.substr(*i, n));
    *i += n;
    return true;
  }
  if (++*i >= s.size()) return false;
  char e = s[(*i)++];
  auto simple = [&](char v) {
    *out += v;
    if (rune) *rune = static_cast<unsigned char>(v);
    return true;
  };
  switch (e) {
    case 'a':
      return simple('\a');
    case 'b':
      return simple('\b');
    case 'f':
      return simple('\f');
    case 'n':
      return simple('\n');
    case 'r':
      return simple('\r');
    case 't':
      return simple('\t');
    case 'v':
      return simple('\v');
    case '\\':
      return simple('\\');
    case '\'':
    case '"':
      if (e != quote) return false;
      return simple(e);
    case 'x':
    case 'u':
    case 'U': {
      size_t n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
      if (*i + n > s.size()) return false;
      uint32_t v = 0;
      for (size_t k = 0; k < n; ++k) {
        int h = HexVal(s[*i + k]);
        if (h < 0) return false;
        v = v * 16 + static_cast<uint32_t>(h);
      }
      *i += n;
      if (e == 'x') {
        *out += static_cast<char>(v);
        if (rune) *rune = v;
        return true;
      }
      if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return false;
      AppendUtf8(out, v);
      if (rune) *rune = v;
      return true;
    }
    default:
      if (e >= '0' && e <= '7') {
        if (*i + 2 > s.size()) return false;
        uint32_t v = static_cast<uint32_t>(e - '0');
        for (int k = 0; k < 2; ++k) {
          char d = s[(*i)++];
          if (d < '0' || d > '7') return false;
          v = v * 8 + static_cast<uint32_t>(d - '0');
        }
        if (v > 255) return false;
        *out += static_cast<char>(v);
        if (rune) *rune = v;
        return true;
      }
      return false;
  }
}

bool UnquoteGo(std::string_view q, std::string* out) {
  out->clear();
  if (q.size() < 2 || q.front() != q.back()) return false;
  if (q.front() == '`') {
    std::string_view body = q.substr(1, q.size() - 2);
    if (body.find('`') != std::string_view::npos) return false;
    for (char c : body) {
      if (c != '\r') *out += c;
    }
    return true;
  }
  if (q.front() != '"') return false;
  std::string_view body = q.substr(1, q.size() - 2);
  size_t i = 0;
  while (i < body.size()) {
    if (body[i] == '\n') return false;
    if (!UnquoteOne(body, &i, '"', out, nullptr)) return false;
  }
  return true;
}

}  // namespace kanon::tmpl
