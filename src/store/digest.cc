#include "store/digest.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "base/status.h"

namespace kanon::store {
namespace {

template <size_t N>
std::array<uint8_t, N> EvpDigest(const EVP_MD* md, std::string_view data) {
  std::array<uint8_t, N> out{};
  unsigned int len = 0;
  KANON_CHECK(EVP_Digest(data.data(), data.size(), out.data(), &len, md, nullptr) == 1);
  KANON_CHECK(len == N);
  return out;
}

}  // namespace

Sha256Digest Sha256(std::string_view data) { return EvpDigest<32>(EVP_sha256(), data); }

Md5Digest Md5(std::string_view data) { return EvpDigest<16>(EVP_md5(), data); }

Sha256Digest HmacSha256(std::string_view key, std::string_view data) {
  Sha256Digest out{};
  unsigned int len = 0;
  KANON_CHECK(HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
                   reinterpret_cast<const unsigned char*>(data.data()), data.size(), out.data(),
                   &len) != nullptr);
  KANON_CHECK(len == out.size());
  return out;
}

std::string HexLower(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
  }
  return out;
}

}  // namespace kanon::store
