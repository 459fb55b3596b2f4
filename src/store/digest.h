// Digests and MACs the object-store clients need: SHA-256 (SigV4 payload and signing), HMAC-SHA256
// (SigV4, Azure SharedKey), MD5 (Content-MD5, ETags). Thin wrappers over OpenSSL's EVP API; pure
// functions, thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace kanon::store {

using Sha256Digest = std::array<uint8_t, 32>;
using Md5Digest = std::array<uint8_t, 16>;

Sha256Digest Sha256(std::string_view data);
Md5Digest Md5(std::string_view data);
Sha256Digest HmacSha256(std::string_view key, std::string_view data);

// Lower-case hex of raw bytes.
std::string HexLower(std::string_view bytes);
template <size_t N>
std::string HexLower(const std::array<uint8_t, N>& d) {
  return HexLower(std::string_view(reinterpret_cast<const char*>(d.data()), N));
}
template <size_t N>
std::string_view AsBytes(const std::array<uint8_t, N>& d) {
  return std::string_view(reinterpret_cast<const char*>(d.data()), N);
}

// Hex SHA-256 of `data` (the SigV4 payload hash).
inline std::string Sha256Hex(std::string_view data) { return HexLower(Sha256(data)); }

}  // namespace kanon::store
