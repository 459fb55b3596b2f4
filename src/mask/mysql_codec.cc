#include "mask/mysql_codec.h"

#include <cstring>

namespace kanon::mask {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsNumber(std::string_view t) {
  size_t i = 0, digits = 0;
  if (i < t.size() && (t[i] == '-' || t[i] == '+')) ++i;
  while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i, ++digits;
  if (i < t.size() && t[i] == '.') {
    ++i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i, ++digits;
  }
  if (digits > 0 && i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '-' || t[i] == '+')) ++i;
    size_t exp = 0;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i, ++exp;
    if (exp == 0) return false;
  }
  return digits > 0 && i == t.size();
}

// Where the quoted part of a value starts (after an introducer such as _binary), or npos.
size_t QuoteStart(std::string_view raw) {
  if (raw.empty()) return std::string_view::npos;
  if (raw[0] == '\'' || raw[0] == '"') return 0;
  if (raw[0] == '_' || raw[0] == 'N' || raw[0] == 'n') {
    size_t q = raw.find_first_of("'\"");
    return q;
  }
  return std::string_view::npos;
}

bool IsHex(std::string_view raw) {
  return (raw.size() >= 2 && raw[0] == '0' && (raw[1] == 'x' || raw[1] == 'X')) ||
         (raw.size() >= 3 && (raw[0] == 'x' || raw[0] == 'X') && raw[1] == '\'');
}

char EscapeFor(unsigned char c) {
  switch (c) {
    case 0:
      return '0';
    case '\n':
      return 'n';
    case '\r':
      return 'r';
    case 0x1A:
      return 'Z';
    case '\\':
      return '\\';
    case '\'':
      return '\'';
    case '"':
      return '"';
    default:
      return 0;
  }
}

}  // namespace

bool MysqlCodec::IsNull(std::string_view raw) const {
  return raw.size() == 4 && (raw[0] | 0x20) == 'n' && (raw[1] | 0x20) == 'u' &&
         (raw[2] | 0x20) == 'l' && (raw[3] | 0x20) == 'l';
}

std::string_view MysqlCodec::Decode(std::string_view raw, std::string* scratch) const {
  if (IsHex(raw)) {
    std::string_view hex = raw[0] == '0' ? raw.substr(2) : raw.substr(2, raw.size() - 3);
    scratch->clear();
    for (size_t i = 0; i + 1 < hex.size(); i += 2) {
      scratch->push_back(static_cast<char>(HexValue(hex[i]) * 16 + HexValue(hex[i + 1])));
    }
    return *scratch;
  }
  size_t q = QuoteStart(raw);
  if (q == std::string_view::npos || raw.size() < q + 2) return raw;
  char quote = raw[q];
  std::string_view body = raw.substr(q + 1, raw.size() - q - 2);
  if (std::memchr(body.data(), '\\', body.size()) == nullptr &&
      std::memchr(body.data(), quote, body.size()) == nullptr) {
    return body;
  }
  scratch->clear();
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c == quote && i + 1 < body.size() && body[i + 1] == quote) {
      scratch->push_back(quote);
      ++i;
    } else if (c == '\\' && i + 1 < body.size()) {
      char e = body[++i];
      switch (e) {
        case '0':
          scratch->push_back('\0');
          break;
        case 'b':
          scratch->push_back('\b');
          break;
        case 'n':
          scratch->push_back('\n');
          break;
        case 'r':
          scratch->push_back('\r');
          break;
        case 't':
          scratch->push_back('\t');
          break;
        case 'Z':
          scratch->push_back('\x1A');
          break;
        case '%':
        case '_':
          scratch->push_back('\\');
          scratch->push_back(e);
          break;
        default:
          scratch->push_back(e);
      }
    } else {
      scratch->push_back(c);
    }
  }
  return *scratch;
}

namespace {

// Writes `text` quoted at dst (room for 2 * size + 2) and returns the length.
size_t QuoteInto(std::string_view text, char* dst) {
  char* p = dst;
  *p++ = '\'';
  for (char ch : text) {
    char e = EscapeFor(static_cast<unsigned char>(ch));
    if (e != 0) {
      *p++ = '\\';
      *p++ = e;
    } else {
      *p++ = ch;
    }
  }
  *p++ = '\'';
  return static_cast<size_t>(p - dst);
}

}  // namespace

void MysqlQuote(std::string_view text, std::string* out) {
  size_t old = out->size();
  out->resize(old + 2 * text.size() + 2);
  out->resize(old + QuoteInto(text, out->data() + old));
}

void MysqlCodec::Encode(std::string_view text, std::string_view raw, Output* out) const {
  std::string buf;
  if (!raw.empty() && QuoteStart(raw) == std::string_view::npos && !IsHex(raw) && IsNumber(text)) {
    out->Append(text);  // a number stays bare
    return;
  }
  if (IsHex(raw) && !text.empty()) {
    static const char kHex[] = "0123456789ABCDEF";
    buf = "0x";
    for (unsigned char c : text) buf.push_back(kHex[c >> 4]), buf.push_back(kHex[c & 15]);
    out->Append(buf);
    return;
  }
  size_t q = QuoteStart(raw);
  if (q != std::string_view::npos && q > 0) out->Append(raw.substr(0, q));  // _binary etc.
  size_t need = 2 * text.size() + 2;
  if (need <= out->buffer_size()) {
    out->Commit(QuoteInto(text, out->Reserve(need)));
    return;
  }
  MysqlQuote(text, &buf);
  out->Append(buf);
}

}  // namespace kanon::mask
