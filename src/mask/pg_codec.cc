#include "mask/pg_codec.h"

#include <array>
#include <cstring>

namespace kanon::mask {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsOctal(char c) { return c >= '0' && c <= '7'; }

// Per byte: the letter of its COPY escape, or 0 when the byte is written as is.
constexpr std::array<char, 256> kEscape = [] {
  std::array<char, 256> t{};
  t['\\'] = '\\';
  t['\t'] = 't';
  t['\n'] = 'n';
  t['\r'] = 'r';
  t['\b'] = 'b';
  t['\v'] = 'v';
  t['\f'] = 'f';
  return t;
}();

// Writes the escaped form of `text` at `dst` (room for 2x) and returns its length.
size_t EscapeInto(std::string_view text, char* dst) {
  char* p = dst;
  for (char ch : text) {
    char e = kEscape[static_cast<unsigned char>(ch)];
    if (e != 0) {
      *p++ = '\\';
      *p++ = e;
    } else {
      *p++ = ch;
    }
  }
  return static_cast<size_t>(p - dst);
}

}  // namespace

std::string_view PgCodec::Decode(std::string_view raw, std::string* scratch) const {
  if (std::memchr(raw.data(), '\\', raw.size()) == nullptr) return raw;
  scratch->clear();
  for (size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (c != '\\' || i + 1 == raw.size()) {
      scratch->push_back(c);
      continue;
    }
    c = raw[++i];
    switch (c) {
      case 'b':
        scratch->push_back('\b');
        break;
      case 'f':
        scratch->push_back('\f');
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
      case 'v':
        scratch->push_back('\v');
        break;
      case 'x':
        if (i + 1 < raw.size() && HexValue(raw[i + 1]) >= 0) {
          int v = HexValue(raw[++i]);
          if (i + 1 < raw.size() && HexValue(raw[i + 1]) >= 0) v = v * 16 + HexValue(raw[++i]);
          scratch->push_back(static_cast<char>(v));
        } else {
          scratch->push_back('x');
        }
        break;
      default:
        if (IsOctal(c)) {
          int v = c - '0';
          for (int k = 0; k < 2 && i + 1 < raw.size() && IsOctal(raw[i + 1]); ++k) {
            v = v * 8 + (raw[++i] - '0');
          }
          scratch->push_back(static_cast<char>(v & 0xff));
        } else {
          scratch->push_back(c);
        }
    }
  }
  return *scratch;
}

void PgEscape(std::string_view text, std::string* out) {
  size_t old = out->size();
  out->resize(old + 2 * text.size());
  out->resize(old + EscapeInto(text, out->data() + old));
}

void PgCodec::Encode(std::string_view text, std::string_view, Output* out) const {
  if (2 * text.size() <= out->buffer_size()) {
    char* dst = out->Reserve(2 * text.size());
    out->Commit(EscapeInto(text, dst));
    return;
  }
  std::string big;
  PgEscape(text, &big);
  out->Append(big);
}

}  // namespace kanon::mask
