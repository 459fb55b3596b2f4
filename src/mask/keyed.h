// Keyed, deterministic derivation: the one source of "randomness" in masking.
//
// KeyedHash is HMAC-SHA256 with the key's inner and outer pad states computed once, so a
// digest of a short value costs two SHA-256 compressions. Every masked value is derived from
// HMAC(rule key, value): the same value, key and rule give the same bytes on every machine and
// every run, and without the key the output reveals nothing usable about the input. Rule keys
// are themselves HMACs of the master key (Derive), so rules never share a stream by accident.
//
// The master key comes from an environment variable or a file (LoadMaskKey); it is never
// printed, and the copies held here are wiped on destruction. KeyedHash is immutable after
// construction and safe to use from several threads.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"

namespace kanon::mask {

using Digest = std::array<uint8_t, 32>;

class KeyedHash final {
 public:
  // A key of any length (HMAC hashes keys longer than 64 bytes first).
  explicit KeyedHash(std::string_view key);
  KeyedHash(const KeyedHash&) = default;
  KeyedHash& operator=(const KeyedHash&) = default;
  ~KeyedHash();

  // HMAC-SHA256(key, msg).
  Digest Sum(std::string_view msg) const;
  // HMAC-SHA256(key, msg || 0x00 || attempt || block), 4 bytes each, big-endian: a fresh
  // stream per retry and per 32-byte block. (0, 0) is Sum(msg).
  Digest Sum(std::string_view msg, uint32_t attempt, uint32_t block = 0) const;
  // The first 8 bytes of Sum(msg), big-endian.
  uint64_t Sum64(std::string_view msg) const;
  // A KeyedHash whose key is HMAC(key, label).
  KeyedHash Derive(std::string_view label) const;

  // Sum(msg, attempt, block) as the eight big-endian 32-bit words of the digest.
  using Words = std::array<uint32_t, 8>;
  Words SumWords(std::string_view msg, uint32_t attempt, uint32_t block) const;
  // The inner stage of HMAC alone: SHA-256 of (key ^ ipad) || msg || tail, when that is one
  // compression (msg and tail up to 55 bytes); HMAC otherwise. With the key secret this is a
  // pseudo-random function under the assumption HMAC's security rests on (the compression
  // function keyed through its chaining value: NMAC's inner function), at half the cost. Fake
  // value generators draw from it; `hash` outputs HMAC proper.
  Words PrfWords(std::string_view msg, uint32_t attempt, uint32_t block) const;

 private:
  // An OpenSSL SHA256_CTX, stored opaquely so this header stays free of OpenSSL.
  using Ctx = std::array<uint64_t, 16>;
  Words Finish(std::string_view msg, std::string_view tail, bool inner_only) const;
  Ctx inner_{};  // SHA-256 context after absorbing key ^ ipad
  Ctx outer_{};  // SHA-256 context after absorbing key ^ opad
};

// Reads a 64-bit unsigned integer from digest bytes [i, i+8).
uint64_t DigestWord(const Digest& d, int i);

// An endless stream of keyed draws for one value: the blocks of PrfWords(value, attempt, block),
// or of SumWords with `hmac` (for outputs that are the digest itself).
class KeyedStream final {
 public:
  KeyedStream(const KeyedHash& key, std::string_view value, uint32_t attempt, bool hmac = false)
      : key_(key), value_(value), attempt_(attempt), hmac_(hmac) {}
  uint64_t Next64();
  // Uniform in [0, n), 0 < n < 2^32. Several draws share one 64-bit word while enough of its
  // range is left (bias below n / 2^32).
  uint64_t Uniform(uint64_t n) {
    if (range_ < (uint64_t{1} << 32)) {
      pool_ = Next64();
      range_ = UINT64_MAX;
    }
    uint64_t r = pool_ % n;
    pool_ /= n;
    range_ /= n;
    return r;
  }

 private:
  const KeyedHash& key_;
  std::string_view value_;
  uint32_t attempt_;
  bool hmac_;
  uint32_t block_ = 0;
  int word_ = 4;  // next 64-bit word of digest_; 4 = exhausted
  KeyedHash::Words digest_{};
  uint64_t pool_ = 0;   // what is left of the word Uniform draws from
  uint64_t range_ = 0;  // pool_ is uniform in [0, range_]
};

// Where the master key lives, as the policy says.
struct KeySource {
  std::string env;   // environment variable name, or
  std::string file;  // a file whose content (trailing newline removed) is the key
  bool empty() const { return env.empty() && file.empty(); }
};

// Resolves the key. Errors name the variable or file, never the key: kNotFound when unset or
// unreadable, kInvalidArgument when shorter than 16 bytes.
Result<std::string> LoadMaskKey(const KeySource& source);

}  // namespace kanon::mask
