// Encodings and digests: b64enc/b64dec and b32enc/b32dec (Go's StdEncoding rules, errors
// returned as the result text), sha1sum, sha256sum, adler32sum, uuidv4; and the CSPRNG
// helper the random functions share.
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <array>

#include "tmpl/sprig_families.h"

namespace kanon::tmpl::sprig {
namespace {

using value::Value;

constexpr std::string_view kBase64Alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::string_view kBase32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

// Symbol value of `c` in `alphabet`, or 0xFF.
uint8_t SymbolValue(std::string_view alphabet, char c) {
  size_t i = alphabet.find(c);
  return i == std::string_view::npos || c == '\0' ? 0xFF : static_cast<uint8_t>(i);
}

Status CorruptInput(std::string_view encoding, size_t offset) {
  return GoError("illegal " + std::string(encoding) + " data at input byte " +
                 std::to_string(offset));
}

bool IsNewline(char c) { return c == '\n' || c == '\r'; }

// One 4-symbol quantum of Go's base64 decodeQuantum, from src[*si]; newlines are skipped and
// padding ends the input.
Status DecodeBase64Quantum(std::string_view src, size_t* si, std::string* out) {
  uint8_t dbuf[4] = {0, 0, 0, 0};
  size_t dlen = 4;
  Status trailing;
  for (size_t j = 0; j < 4; ++j) {
    if (*si == src.size()) {
      if (j == 0) return OkStatus();
      return CorruptInput("base64", *si - j);
    }
    char in = src[(*si)++];
    uint8_t v = SymbolValue(kBase64Alphabet, in);
    if (v != 0xFF) {
      dbuf[j] = v;
      continue;
    }
    if (IsNewline(in)) {
      --j;
      continue;
    }
    if (in != '=' || j < 2) return CorruptInput("base64", *si - 1);
    if (j == 2) {
      // "==" expected: find the second '='.
      while (*si < src.size() && IsNewline(src[*si])) ++*si;
      if (*si == src.size()) return CorruptInput("base64", src.size());
      if (src[*si] != '=') return CorruptInput("base64", *si - 1);
      ++*si;
    }
    while (*si < src.size() && IsNewline(src[*si])) ++*si;
    if (*si < src.size()) trailing = CorruptInput("base64", *si);
    dlen = j;
    break;
  }
  uint32_t val =
      (uint32_t{dbuf[0]} << 18) | (uint32_t{dbuf[1]} << 12) | (uint32_t{dbuf[2]} << 6) | dbuf[3];
  const char bytes[3] = {static_cast<char>(val >> 16), static_cast<char>(val >> 8),
                         static_cast<char>(val)};
  out->append(bytes, dlen - 1);
  return trailing;
}

Result<Value> B64EncFn(std::span<const Value> a) { return Value(GoBase64Encode(a[0].AsString())); }

// On failure sprig returns the error text itself.
Result<Value> B64DecFn(std::span<const Value> a) {
  Result<std::string> decoded = GoBase64Decode(a[0].AsString());
  return Value(decoded.ok() ? std::move(decoded).value() : decoded.status().message());
}

std::string Base32Encode(std::string_view src) {
  std::string out;
  for (size_t i = 0; i < src.size(); i += 5) {
    uint64_t block = 0;
    size_t n = std::min<size_t>(5, src.size() - i);
    for (size_t k = 0; k < 5; ++k) {
      block = (block << 8) | (k < n ? static_cast<unsigned char>(src[i + k]) : 0);
    }
    static constexpr size_t kSymbols[] = {0, 2, 4, 5, 7, 8};
    for (size_t k = 0; k < 8; ++k) {
      out.push_back(k < kSymbols[n] ? kBase32Alphabet[(block >> (35 - 5 * k)) & 0x1F] : '=');
    }
  }
  return out;
}

// Go's base32 decode: newlines are removed first; offsets count the remaining bytes.
Result<std::string> Base32Decode(std::string_view text) {
  std::string src;
  for (char c : text) {
    if (!IsNewline(c)) src.push_back(c);
  }
  std::string out;
  const size_t olen = src.size();
  size_t pos = 0;
  bool end = false;
  while (pos < olen && !end) {
    uint8_t dbuf[8] = {0};
    size_t dlen = 8;
    for (size_t j = 0; j < 8;) {
      if (pos == olen) return CorruptInput("base32", olen - (olen - pos) - j);
      char in = src[pos++];
      const size_t left = olen - pos;
      if (in == '=' && j >= 2 && left < 8) {
        if (left + j < 7) return CorruptInput("base32", olen);
        for (size_t k = 0; k < 7 - j; ++k) {
          if (left > k && src[pos + k] != '=') return CorruptInput("base32", pos + k - 1);
        }
        dlen = j, end = true;
        if (dlen == 1 || dlen == 3 || dlen == 6) return CorruptInput("base32", pos - 1);
        break;
      }
      dbuf[j] = SymbolValue(kBase32Alphabet, in);
      if (dbuf[j] == 0xFF) return CorruptInput("base32", pos - 1);
      ++j;
    }
    uint64_t block = 0;
    for (uint8_t d : dbuf) block = (block << 5) | d;
    static constexpr size_t kBytes[] = {0, 0, 1, 0, 2, 3, 0, 4, 5};
    for (size_t k = 0; k < kBytes[dlen]; ++k) {
      out.push_back(static_cast<char>(block >> (32 - 8 * k)));
    }
  }
  return out;
}

Result<Value> B32EncFn(std::span<const Value> a) { return Value(Base32Encode(a[0].AsString())); }

Result<Value> B32DecFn(std::span<const Value> a) {
  Result<std::string> decoded = Base32Decode(a[0].AsString());
  return Value(decoded.ok() ? std::move(decoded).value() : decoded.status().message());
}

std::string HexDigest(const EVP_MD* md, std::string_view data) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), digest.data(), &len, md, nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < len; ++i) {
    out.push_back(kHex[digest[i] >> 4]);
    out.push_back(kHex[digest[i] & 0xF]);
  }
  return out;
}

Result<Value> Sha1Fn(std::span<const Value> a) {
  return Value(HexDigest(EVP_sha1(), a[0].AsString()));
}
Result<Value> Sha256Fn(std::span<const Value> a) {
  return Value(HexDigest(EVP_sha256(), a[0].AsString()));
}

Result<Value> Adler32Fn(std::span<const Value> a) {
  uint32_t s1 = 1, s2 = 0;
  for (unsigned char c : a[0].AsString()) {
    s1 = (s1 + c) % 65521;
    s2 = (s2 + s1) % 65521;
  }
  return Value(std::to_string((s2 << 16) | s1));
}

// A random (version 4, RFC 4122 variant) UUID in its 8-4-4-4-12 form.
Result<Value> Uuidv4Fn(std::span<const Value>) {
  std::array<unsigned char, 16> b{};
  if (RAND_bytes(b.data(), static_cast<int>(b.size())) != 1) {
    return Internal("uuidv4: no randomness available");
  }
  b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);
  b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < b.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
    out.push_back(kHex[b[i] >> 4]);
    out.push_back(kHex[b[i] & 0xF]);
  }
  return Value(std::move(out));
}

}  // namespace

std::string GoBase64Encode(std::string_view src) {
  std::string out;
  for (size_t i = 0; i < src.size(); i += 3) {
    size_t n = std::min<size_t>(3, src.size() - i);
    uint32_t block = 0;
    for (size_t k = 0; k < 3; ++k) {
      block = (block << 8) | (k < n ? static_cast<unsigned char>(src[i + k]) : 0);
    }
    for (size_t k = 0; k < 4; ++k) {
      out.push_back(k <= n ? kBase64Alphabet[(block >> (18 - 6 * k)) & 0x3F] : '=');
    }
  }
  return out;
}

Result<std::string> GoBase64Decode(std::string_view src) {
  std::string out;
  size_t si = 0;
  while (si < src.size()) {
    RETURN_IF_ERROR(DecodeBase64Quantum(src, &si, &out));
  }
  return out;
}

uint64_t RandomBelow(uint64_t n) {
  // Rejection sampling keeps the draw uniform.
  const uint64_t limit = UINT64_MAX - UINT64_MAX % n;
  for (;;) {
    uint64_t r = 0;
    KANON_CHECK(RAND_bytes(reinterpret_cast<unsigned char*>(&r), sizeof r) == 1);
    if (r < limit) return r % n;
  }
}

void RegisterEncoding(FuncMap* funcs) {
  using P = ParamType;
  funcs->Add("b64enc", {P::kString}, B64EncFn);
  funcs->Add("b64dec", {P::kString}, B64DecFn);
  funcs->Add("b32enc", {P::kString}, B32EncFn);
  funcs->Add("b32dec", {P::kString}, B32DecFn);
  funcs->Add("sha1sum", {P::kString}, Sha1Fn);
  funcs->Add("sha256sum", {P::kString}, Sha256Fn);
  funcs->Add("adler32sum", {P::kString}, Adler32Fn);
  funcs->Add("uuidv4", {}, Uuidv4Fn);
}

}  // namespace kanon::tmpl::sprig
