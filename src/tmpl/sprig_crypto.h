// Private keys for sprig's crypto functions, over OpenSSL: generation, the PEM forms Go's
// sprig writes (PKCS#1 "RSA PRIVATE KEY", SEC 1 "EC PRIVATE KEY", "DSA PRIVATE KEY", PKCS#8
// "PRIVATE KEY" for Ed25519) and parsing them back. Internal to the sprig functions.
#pragma once

#include <openssl/evp.h>

#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"

namespace kanon::tmpl::sprig {

struct EvpKeyFree {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
using EvpKey = std::unique_ptr<EVP_PKEY, EvpKeyFree>;

// "rsa" (bits), "ecdsa" (P-256), "ed25519", "dsa" (L2048N256).
Result<EvpKey> GenerateKey(std::string_view type, int rsa_bits = 2048);
// pemBlockForKey + pem.EncodeToMemory.
Result<std::string> PrivateKeyPem(EVP_PKEY* key);
// parsePrivateKeyPEM, with its error texts ("no PEM data in input", ...).
Result<EvpKey> ParsePrivateKeyPem(std::string_view pem);
// The OpenSSL error queue as one message (and cleared).
std::string OpenSslError();

}  // namespace kanon::tmpl::sprig
