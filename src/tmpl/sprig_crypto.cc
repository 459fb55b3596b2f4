// Keys and ciphers: genPrivateKey, encryptAES/decryptAES (AES-256-CBC, key = password padded
// to 32 bytes, random IV first, base64), derivePassword (Master Password algorithm), and
// Kanister's FIPS refusals.
#include "tmpl/sprig_crypto.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/hmac.h>
#include <openssl/kdf.h>
#include <openssl/pem.h>
#include <openssl/rand.h>

#include <map>
#include <vector>

#include "tmpl/sprig_families.h"

namespace kanon::tmpl::sprig {
namespace {

using value::Value;

struct BioFree {
  void operator()(BIO* b) const { BIO_free(b); }
};
using Bio = std::unique_ptr<BIO, BioFree>;
struct CtxFree {
  void operator()(EVP_PKEY_CTX* c) const { EVP_PKEY_CTX_free(c); }
};
using PkeyCtx = std::unique_ptr<EVP_PKEY_CTX, CtxFree>;

std::string BioText(BIO* bio) {
  char* data = nullptr;
  long len = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<size_t>(len));
}

Result<EvpKey> GenerateDsa() {
  PkeyCtx pctx(EVP_PKEY_CTX_new_from_name(nullptr, "DSA", nullptr));
  EVP_PKEY* params = nullptr;
  if (!pctx || EVP_PKEY_paramgen_init(pctx.get()) <= 0 ||
      EVP_PKEY_CTX_set_dsa_paramgen_bits(pctx.get(), 2048) <= 0 ||
      EVP_PKEY_CTX_set_dsa_paramgen_q_bits(pctx.get(), 256) <= 0 ||
      EVP_PKEY_paramgen(pctx.get(), &params) <= 0) {
    return GoError("failed to generate dsa params: " + OpenSslError());
  }
  EvpKey param_key(params);
  PkeyCtx kctx(EVP_PKEY_CTX_new_from_pkey(nullptr, params, nullptr));
  EVP_PKEY* key = nullptr;
  if (!kctx || EVP_PKEY_keygen_init(kctx.get()) <= 0 || EVP_PKEY_keygen(kctx.get(), &key) <= 0) {
    return GoError("failed to generate private key: " + OpenSslError());
  }
  return EvpKey(key);
}

// genPrivateKey: a PEM key, or (as sprig does) the error as the result text.
Result<Value> GenPrivateKeyFn(std::span<const Value> a) {
  std::string type = a[0].AsString();
  if (type.empty()) type = "rsa";
  if (type != "rsa" && type != "dsa" && type != "ecdsa" && type != "ed25519") {
    return Value("Unknown type " + type);
  }
  Result<EvpKey> key = GenerateKey(type, 4096);
  if (!key.ok()) return Value(key.status().message());
  Result<std::string> pem = PrivateKeyPem(key->get());
  if (!pem.ok()) return pem.status();
  return Value(*std::move(pem));
}

std::string AesKey(std::string_view password) {
  std::string key(32, '\0');
  password.copy(key.data(), std::min<size_t>(32, password.size()));
  return key;
}

// Runs AES-256-CBC without OpenSSL's padding (the callers pad as Go's sprig does).
std::string AesCbc(bool encrypt, const std::string& key, std::string_view iv, std::string_view in) {
  std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> ctx(EVP_CIPHER_CTX_new(),
                                                                      EVP_CIPHER_CTX_free);
  std::string out(in.size() + 16, '\0');
  int len = 0, tail = 0;
  auto* key_bytes = reinterpret_cast<const unsigned char*>(key.data());
  auto* iv_bytes = reinterpret_cast<const unsigned char*>(iv.data());
  KANON_CHECK(EVP_CipherInit_ex(ctx.get(), EVP_aes_256_cbc(), nullptr, key_bytes, iv_bytes,
                                encrypt ? 1 : 0) == 1);
  EVP_CIPHER_CTX_set_padding(ctx.get(), 0);
  KANON_CHECK(EVP_CipherUpdate(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &len,
                               reinterpret_cast<const unsigned char*>(in.data()),
                               static_cast<int>(in.size())) == 1);
  KANON_CHECK(EVP_CipherFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(out.data()) + len,
                                 &tail) == 1);
  out.resize(static_cast<size_t>(len + tail));
  return out;
}

Result<Value> EncryptAesFn(std::span<const Value> a) {
  const std::string& plain = a[1].AsString();
  if (plain.empty()) return Value("");
  const size_t pad = 16 - plain.size() % 16;
  std::string content = plain + std::string(pad, static_cast<char>(pad));
  std::string iv(16, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(iv.data()), 16) != 1) {
    return GoError("encryptAES: " + OpenSslError());
  }
  return Value(GoBase64Encode(iv + AesCbc(true, AesKey(a[0].AsString()), iv, content)));
}

// decryptAES with Go's failure modes, panics included (short input, partial blocks, bad
// padding lengths).
Result<Value> DecryptAesFn(std::span<const Value> a) {
  const std::string& crypt64 = a[1].AsString();
  if (crypt64.empty()) return Value("");
  ASSIGN_OR_RETURN(std::string crypt, GoBase64Decode(crypt64));
  if (crypt.size() < 16) {
    const size_t cap = crypt64.size() / 4 * 3;  // the decode buffer Go allocated
    if (cap < 16) {
      return GoError("runtime error: slice bounds out of range [:16] with capacity " +
                     std::to_string(cap));
    }
    return GoError("runtime error: slice bounds out of range [16:" + std::to_string(crypt.size()) +
                   "]");
  }
  std::string_view iv = std::string_view(crypt).substr(0, 16);
  std::string_view body = std::string_view(crypt).substr(16);
  if (body.size() % 16 != 0) return GoError("crypto/cipher: input not full blocks");
  if (body.empty()) return GoError("runtime error: index out of range [-1]");
  std::string plain = AesCbc(false, AesKey(a[0].AsString()), iv, body);
  const int64_t keep =
      static_cast<int64_t>(plain.size()) - static_cast<unsigned char>(plain.back());
  if (keep < 0) {
    return GoError("runtime error: slice bounds out of range [:" + std::to_string(keep) + "]");
  }
  plain.resize(static_cast<size_t>(keep));
  return Value(std::move(plain));
}

// The Master Password templates: a seed byte picks the template, later bytes the characters.
const std::map<std::string, std::vector<std::string>, std::less<>>& PasswordTemplates() {
  static const std::map<std::string, std::vector<std::string>, std::less<>> kTemplates = {
      {"maximum", {"anoxxxxxxxxxxxxxxxxx", "axxxxxxxxxxxxxxxxxno"}},
      {"long",
       {"CvcvnoCvcvCvcv", "CvcvCvcvnoCvcv", "CvcvCvcvCvcvno", "CvccnoCvcvCvcv", "CvccCvcvnoCvcv",
        "CvccCvcvCvcvno", "CvcvnoCvccCvcv", "CvcvCvccnoCvcv", "CvcvCvccCvcvno", "CvcvnoCvcvCvcc",
        "CvcvCvcvnoCvcc", "CvcvCvcvCvccno", "CvccnoCvccCvcv", "CvccCvccnoCvcv", "CvccCvccCvcvno",
        "CvcvnoCvccCvcc", "CvcvCvccnoCvcc", "CvcvCvccCvccno", "CvccnoCvcvCvcc", "CvccCvcvnoCvcc",
        "CvccCvcvCvccno"}},
      {"medium", {"CvcnoCvc", "CvcCvcno"}},
      {"short", {"Cvcn"}},
      {"basic", {"aaanaaan", "aannaaan", "aaannaaa"}},
      {"pin", {"nnnn"}},
  };
  return kTemplates;
}

std::string_view TemplateChars(char c) {
  switch (c) {
    case 'V':
      return "AEIOU";
    case 'C':
      return "BCDFGHJKLMNPQRSTVWXYZ";
    case 'v':
      return "aeiou";
    case 'c':
      return "bcdfghjklmnpqrstvwxyz";
    case 'A':
      return "AEIOUBCDFGHJKLMNPQRSTVWXYZ";
    case 'a':
      return "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz";
    case 'n':
      return "0123456789";
    case 'o':
      return "@&%?,=[]_:-+*$#!'^~;()/.";
    default:
      return "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()";
  }
}

std::string BigEndian32(uint32_t n) {
  return {static_cast<char>(n >> 24), static_cast<char>(n >> 16), static_cast<char>(n >> 8),
          static_cast<char>(n)};
}

// derivePassword(counter, type, password, user, site): scrypt of the master password salted
// with the user, then HMAC-SHA256 over the site and counter.
Result<Value> DerivePasswordFn(std::span<const Value> a) {
  const uint32_t counter = static_cast<uint32_t>(a[0].AsUint());
  const std::string &type = a[1].AsString(), &password = a[2].AsString();
  const std::string &user = a[3].AsString(), &site = a[4].AsString();
  auto it = PasswordTemplates().find(type);
  if (it == PasswordTemplates().end()) return Value("cannot find password template " + type);
  const std::string seed_prefix = "com.lyndir.masterpassword";
  const std::string salt = seed_prefix + BigEndian32(static_cast<uint32_t>(user.size())) + user;
  unsigned char key[64];
  if (EVP_PBE_scrypt(password.data(), password.size(),
                     reinterpret_cast<const unsigned char*>(salt.data()), salt.size(), 32768, 8, 2,
                     uint64_t{512} << 20, key, sizeof key) != 1) {
    return Value("failed to derive password: " + OpenSslError());
  }
  const std::string msg =
      seed_prefix + BigEndian32(static_cast<uint32_t>(site.size())) + site + BigEndian32(counter);
  unsigned char seed[EVP_MAX_MD_SIZE];
  unsigned int seed_len = 0;
  HMAC(EVP_sha256(), key, sizeof key, reinterpret_cast<const unsigned char*>(msg.data()),
       msg.size(), seed, &seed_len);
  const std::string& tmpl = it->second[seed[0] % it->second.size()];
  std::string out;
  for (size_t i = 0; i < tmpl.size(); ++i) {
    std::string_view chars = TemplateChars(tmpl[i]);
    out.push_back(chars[seed[i + 1] % chars.size()]);
  }
  return Value(std::move(out));
}

Status Refuse(std::string_view what) {
  return GoError("sprig usage of '" + std::string(what) +
                 "' is not allowed by kanister as it is not FIPS compatible");
}

Result<Value> RefuseDerivePasswordFn(std::span<const Value>) { return Refuse("derivePassword"); }

Result<Value> KanisterGenPrivateKeyFn(std::span<const Value> a) {
  const std::string& type = a[0].AsString();
  if (type == "rsa" || type == "ecdsa" || type == "ed25519") return GenPrivateKeyFn(a);
  return Refuse("genPrivateKey for " + type + " key");
}

}  // namespace

std::string OpenSslError() {
  std::string msg;
  for (unsigned long e; (e = ERR_get_error()) != 0;) {
    char buf[256];
    ERR_error_string_n(e, buf, sizeof buf);
    if (!msg.empty()) msg += "; ";
    msg += buf;
  }
  return msg.empty() ? "unknown OpenSSL error" : msg;
}

Result<EvpKey> GenerateKey(std::string_view type, int rsa_bits) {
  EVP_PKEY* key = nullptr;
  if (type == "rsa") {
    key = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(rsa_bits));
  } else if (type == "ecdsa") {
    key = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
  } else if (type == "ed25519") {
    key = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
  } else if (type == "dsa") {
    return GenerateDsa();
  }
  if (key == nullptr) return GoError("failed to generate private key: " + OpenSslError());
  return EvpKey(key);
}

Result<std::string> PrivateKeyPem(EVP_PKEY* key) {
  Bio bio(BIO_new(BIO_s_mem()));
  const bool pkcs8 = EVP_PKEY_get_base_id(key) == EVP_PKEY_ED25519;
  int ok = pkcs8 ? PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr)
                 : PEM_write_bio_PrivateKey_traditional(bio.get(), key, nullptr, nullptr, 0,
                                                        nullptr, nullptr);
  if (ok != 1) return GoError("error pem-encoding key: " + OpenSslError());
  return BioText(bio.get());
}

Result<EvpKey> ParsePrivateKeyPem(std::string_view pem) {
  Bio bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  char *name = nullptr, *header = nullptr;
  unsigned char* data = nullptr;
  long len = 0;
  if (PEM_read_bio(bio.get(), &name, &header, &data, &len) != 1) {
    ERR_clear_error();
    return GoError("no PEM data in input");
  }
  const std::string type(name);
  std::string der(reinterpret_cast<char*>(data), static_cast<size_t>(len));
  OPENSSL_free(name), OPENSSL_free(header), OPENSSL_free(data);
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  const long n = static_cast<long>(der.size());
  auto parse = [&](int id, std::string_view what) -> Result<EvpKey> {
    EVP_PKEY* key = id == EVP_PKEY_NONE ? d2i_AutoPrivateKey(nullptr, &p, n)
                                        : d2i_PrivateKey(id, nullptr, &p, n);
    if (key == nullptr) return GoError(std::string(what) + OpenSslError());
    return EvpKey(key);
  };
  if (type == "PRIVATE KEY") return parse(EVP_PKEY_NONE, "decoding PEM as PKCS#8: ");
  if (!type.ends_with(" PRIVATE KEY")) {
    return GoError("no private key data in PEM block of type " + type);
  }
  const std::string algo = type.substr(0, type.size() - 12);
  if (algo == "RSA") return parse(EVP_PKEY_RSA, "parsing RSA private key from PEM: ");
  if (algo == "EC") return parse(EVP_PKEY_EC, "parsing EC private key from PEM: ");
  if (algo == "DSA") return parse(EVP_PKEY_DSA, "parsing DSA private key from PEM: ");
  return GoError("invalid private key type " + type);
}

void RegisterCrypto(FuncMap* funcs) {
  using P = ParamType;
  funcs->Add("genPrivateKey", {P::kString}, GenPrivateKeyFn);
  funcs->Add("encryptAES", {P::kString, P::kString}, EncryptAesFn);
  funcs->Add("decryptAES", {P::kString, P::kString}, DecryptAesFn);
  funcs->Add("derivePassword", {P::kUint32, P::kString, P::kString, P::kString, P::kString},
             DerivePasswordFn);
}

}  // namespace kanon::tmpl::sprig

namespace kanon::tmpl {

void RegisterKanisterRefusals(FuncMap* funcs) {
  using P = ParamType;
  funcs->Add("derivePassword", {P::kUint32, P::kString, P::kString, P::kString, P::kString},
             sprig::RefuseDerivePasswordFn);
  funcs->Add("genPrivateKey", {P::kString}, sprig::KanisterGenPrivateKeyFn);
}

}  // namespace kanon::tmpl
