// The low-level SHA-256 API lets a precomputed HMAC pad state be copied by value (a 112-byte
// struct) instead of re-deriving it per value; OpenSSL 3 marks it deprecated but keeps it, with
// the same SHA-NI code path as EVP.
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include "mask/keyed.h"

#include <openssl/crypto.h>
#include <openssl/sha.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

namespace kanon::mask {
namespace {

static_assert(sizeof(SHA256_CTX) <= sizeof(std::array<uint64_t, 16>));

SHA256_CTX* AsCtx(std::array<uint64_t, 16>& c) { return reinterpret_cast<SHA256_CTX*>(c.data()); }
const SHA256_CTX* AsCtx(const std::array<uint64_t, 16>& c) {
  return reinterpret_cast<const SHA256_CTX*>(c.data());
}

}  // namespace

KeyedHash::KeyedHash(std::string_view key) {
  unsigned char block[64] = {0};
  if (key.size() > sizeof(block)) {
    SHA256(reinterpret_cast<const unsigned char*>(key.data()), key.size(), block);
  } else {
    std::memcpy(block, key.data(), key.size());
  }
  unsigned char pad[64];
  for (int i = 0; i < 64; ++i) pad[i] = block[i] ^ 0x36;
  SHA256_Init(AsCtx(inner_));
  SHA256_Update(AsCtx(inner_), pad, sizeof(pad));
  for (int i = 0; i < 64; ++i) pad[i] = block[i] ^ 0x5c;
  SHA256_Init(AsCtx(outer_));
  SHA256_Update(AsCtx(outer_), pad, sizeof(pad));
  OPENSSL_cleanse(block, sizeof(block));
  OPENSSL_cleanse(pad, sizeof(pad));
}

KeyedHash::~KeyedHash() {
  OPENSSL_cleanse(inner_.data(), sizeof(inner_));
  OPENSSL_cleanse(outer_.data(), sizeof(outer_));
}

namespace {

// SHA-256 of one final block: `state` (after the 64-byte key pad) absorbs `block`, which already
// holds the message, its 0x80 terminator and the bit length. One bare compression (OpenSSL's
// block function, SHA-NI where present), without the per-call bookkeeping of SHA256_Update and
// SHA256_Final, which otherwise costs as much as the hashing for the short values masking sees.
KeyedHash::Words FinalBlock(const SHA256_CTX& state, const unsigned char* block) {
  SHA256_CTX ctx;
  std::memcpy(ctx.h, state.h, sizeof(ctx.h));
  SHA256_Transform(&ctx, block);
  KeyedHash::Words h;
  std::memcpy(h.data(), ctx.h, sizeof(h));
  return h;
}

void WordsToBytes(const KeyedHash::Words& w, uint8_t* out) {
  for (int i = 0; i < 8; ++i) {
    out[4 * i] = static_cast<uint8_t>(w[i] >> 24);
    out[4 * i + 1] = static_cast<uint8_t>(w[i] >> 16);
    out[4 * i + 2] = static_cast<uint8_t>(w[i] >> 8);
    out[4 * i + 3] = static_cast<uint8_t>(w[i]);
  }
}

// Pads `len` bytes already at block[0..len) after one 64-byte block was hashed.
void Pad(unsigned char* block, size_t len) {
  block[len] = 0x80;
  std::memset(block + len + 1, 0, 56 - len - 1);
  uint64_t bits = (64 + len) * 8;
  for (int i = 0; i < 8; ++i) block[56 + i] = static_cast<unsigned char>(bits >> (56 - 8 * i));
}

}  // namespace

KeyedHash::Words KeyedHash::Finish(std::string_view msg, std::string_view tail,
                                   bool inner_only) const {
  unsigned char block[64];
  if (msg.size() + tail.size() <= 55) {  // one block each for the inner and outer hash
    std::memcpy(block, msg.data(), msg.size());
    if (!tail.empty()) std::memcpy(block + msg.size(), tail.data(), tail.size());
    Pad(block, msg.size() + tail.size());
    Words inner_sum = FinalBlock(*AsCtx(inner_), block);
    if (inner_only) return inner_sum;
    WordsToBytes(inner_sum, block);
  } else {
    SHA256_CTX ctx = *AsCtx(inner_);
    SHA256_Update(&ctx, msg.data(), msg.size());
    if (!tail.empty()) SHA256_Update(&ctx, tail.data(), tail.size());
    SHA256_Final(block, &ctx);
  }
  Pad(block, 32);
  return FinalBlock(*AsCtx(outer_), block);
}

Digest KeyedHash::Sum(std::string_view msg) const { return Sum(msg, 0, 0); }

namespace {

// The 9 bytes appended for (attempt, block) != (0, 0): 0x00, attempt, block, big-endian.
std::string_view Tail(uint32_t attempt, uint32_t block, char (&tail)[9]) {
  if (attempt == 0 && block == 0) return {};
  tail[0] = 0;
  for (int i = 0; i < 4; ++i) {
    tail[1 + i] = static_cast<char>(attempt >> (24 - 8 * i));
    tail[5 + i] = static_cast<char>(block >> (24 - 8 * i));
  }
  return std::string_view(tail, sizeof(tail));
}

}  // namespace

KeyedHash::Words KeyedHash::SumWords(std::string_view msg, uint32_t attempt, uint32_t block) const {
  char tail[9];
  return Finish(msg, Tail(attempt, block, tail), false);
}

KeyedHash::Words KeyedHash::PrfWords(std::string_view msg, uint32_t attempt, uint32_t block) const {
  char tail[9];
  return Finish(msg, Tail(attempt, block, tail), true);
}

Digest KeyedHash::Sum(std::string_view msg, uint32_t attempt, uint32_t block) const {
  Digest out;
  WordsToBytes(SumWords(msg, attempt, block), out.data());
  return out;
}

uint64_t KeyedStream::Next64() {
  if (word_ == 4) {
    digest_ =
        hmac_ ? key_.SumWords(value_, attempt_, block_) : key_.PrfWords(value_, attempt_, block_);
    ++block_;
    word_ = 0;
  }
  int i = 2 * word_++;
  return (uint64_t{digest_[i]} << 32) | digest_[i + 1];
}

uint64_t KeyedHash::Sum64(std::string_view msg) const { return DigestWord(Sum(msg), 0); }

KeyedHash KeyedHash::Derive(std::string_view label) const {
  Digest d = Sum(label);
  KeyedHash derived(std::string_view(reinterpret_cast<const char*>(d.data()), d.size()));
  OPENSSL_cleanse(d.data(), d.size());
  return derived;
}

uint64_t DigestWord(const Digest& d, int i) {
  uint64_t v = 0;
  for (int k = 0; k < 8; ++k) v = (v << 8) | d[static_cast<size_t>((i + k) % 32)];
  return v;
}

Result<std::string> LoadMaskKey(const KeySource& source) {
  std::string key;
  if (!source.env.empty()) {
    const char* v = std::getenv(source.env.c_str());
    if (v == nullptr || *v == '\0') {
      return NotFound("mask key: environment variable " + source.env + " is not set");
    }
    key = v;
  } else if (!source.file.empty()) {
    std::ifstream f(source.file, std::ios::binary);
    if (!f) {
      return NotFound("mask key: cannot read \"" + source.file + "\": " + std::strerror(errno));
    }
    std::stringstream ss;
    ss << f.rdbuf();
    key = ss.str();
    while (!key.empty() && (key.back() == '\n' || key.back() == '\r')) key.pop_back();
  } else {
    return NotFound("mask key: the policy has no spec.key ({env: NAME} or {file: PATH})");
  }
  if (key.size() < 16) {
    std::string where = source.env.empty() ? "file \"" + source.file + "\"" : source.env;
    OPENSSL_cleanse(key.data(), key.size());
    return InvalidArgument("mask key from " + where + " is " + std::to_string(key.size()) +
                           " bytes; use at least 16 random bytes (e.g. openssl rand -hex 32)");
  }
  return key;
}

}  // namespace kanon::mask
