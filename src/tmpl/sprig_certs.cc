// Certificates: genCA, genCAWithKey, genSelfSignedCert, genSelfSignedCertWithKey,
// genSignedCert, genSignedCertWithKey, buildCustomCert. They return a sprig.certificate
// struct {Cert, Key} of PEM text, built like sprig's x509 template: a random 128-bit serial,
// CN-only subject, validity from now for daysValid days, key usage keyEncipherment +
// digitalSignature (+ certSign for a CA), extended usage serverAuth + clientAuth, basic
// constraints, and the given IPs and DNS names as subject alternative names.
#include <arpa/inet.h>
#include <openssl/bn.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>

#include <ctime>

#include "tmpl/sprig_crypto.h"
#include "tmpl/sprig_families.h"

namespace kanon::tmpl::sprig {
namespace {

using value::GoType;
using value::Kind;
using value::StructField;
using value::StructType;
using value::Value;

struct X509Free {
  void operator()(X509* x) const { X509_free(x); }
};
using Cert = std::unique_ptr<X509, X509Free>;

std::shared_ptr<const StructType> CertificateType() {
  static const auto type = std::make_shared<const StructType>(StructType{
      "sprig.certificate", {StructField{"Cert", "", false}, StructField{"Key", "", false}}});
  return type;
}

Value CertificateValue(std::string cert, std::string key) {
  return Value::FromStruct(CertificateType(), {Value(std::move(cert)), Value(std::move(key))},
                           false);
}

// The parts of sprig's certificate template that vary.
struct CertSpec {
  std::string cn;
  std::vector<std::string> ips, dns;
  int64_t days = 0;
  bool is_ca = false;
};

// getNetIPs and getAlternateDNSStrs: every element must be a string (and an IP).
Result<std::vector<std::string>> StringItems(const Value& list, bool ips) {
  std::vector<std::string> out;
  if (list.is_nil()) return out;
  for (const Value& item : list.AsList()) {
    if (item.kind() != Kind::kString) {
      std::string shown = StrVal(item);
      return GoError(ips ? "error parsing ip: " + shown + " is not a string"
                         : "error processing alternate dns name: " + shown + " is not a string");
    }
    if (ips) {
      unsigned char buf[16];
      const std::string& s = item.AsString();
      if (inet_pton(AF_INET, s.c_str(), buf) != 1 && inet_pton(AF_INET6, s.c_str(), buf) != 1) {
        return GoError("error parsing ip: " + s);
      }
    }
    out.push_back(item.AsString());
  }
  return out;
}

bool AddExtension(X509* cert, X509* issuer, int nid, const std::string& value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
  X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str());
  if (ext == nullptr) return false;
  bool ok = X509_add_ext(cert, ext, -1) == 1;
  X509_EXTENSION_free(ext);
  return ok;
}

bool SetSerial(X509* cert) {
  unsigned char bytes[16];
  if (RAND_bytes(bytes, sizeof bytes) != 1) return false;
  BIGNUM* bn = BN_bin2bn(bytes, sizeof bytes, nullptr);
  bool ok = bn != nullptr && BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert)) != nullptr;
  BN_free(bn);
  return ok;
}

std::string AltNames(const CertSpec& spec) {
  std::string names;
  for (const auto& d : spec.dns) names += (names.empty() ? "DNS:" : ",DNS:") + d;
  for (const auto& ip : spec.ips) names += (names.empty() ? "IP:" : ",IP:") + ip;
  return names;
}

// x509.CreateCertificate for `spec` with the signee's key, issued by `parent` (null:
// self-signed) and signed with `signer`; returns the PEM certificate.
Result<std::string> CreateCertificate(const CertSpec& spec, EVP_PKEY* signee, X509* parent,
                                      EVP_PKEY* signer) {
  Cert cert(X509_new());
  X509* issuer = parent != nullptr ? parent : cert.get();
  time_t now = std::time(nullptr);
  bool ok = X509_set_version(cert.get(), 2) == 1 && SetSerial(cert.get()) &&
            X509_NAME_add_entry_by_txt(X509_get_subject_name(cert.get()), "CN", MBSTRING_UTF8,
                                       reinterpret_cast<const unsigned char*>(spec.cn.c_str()), -1,
                                       -1, 0) == 1 &&
            X509_set_issuer_name(cert.get(), X509_get_subject_name(issuer)) == 1 &&
            X509_time_adj_ex(X509_getm_notBefore(cert.get()), 0, 0, &now) != nullptr &&
            X509_time_adj_ex(X509_getm_notAfter(cert.get()), static_cast<int>(spec.days), 0,
                             &now) != nullptr &&
            X509_set_pubkey(cert.get(), signee) == 1;
  const std::string usage = spec.is_ca ? "critical,digitalSignature,keyEncipherment,keyCertSign"
                                       : "critical,digitalSignature,keyEncipherment";
  ok = ok && AddExtension(cert.get(), issuer, NID_key_usage, usage) &&
       AddExtension(cert.get(), issuer, NID_ext_key_usage, "serverAuth,clientAuth") &&
       AddExtension(cert.get(), issuer, NID_basic_constraints,
                    spec.is_ca ? "critical,CA:TRUE" : "critical,CA:FALSE");
  if (ok && spec.is_ca) ok = AddExtension(cert.get(), issuer, NID_subject_key_identifier, "hash");
  if (ok && parent != nullptr && X509_get_ext_by_NID(parent, NID_subject_key_identifier, -1) >= 0) {
    ok = AddExtension(cert.get(), issuer, NID_authority_key_identifier, "keyid:always");
  }
  if (ok && !AltNames(spec).empty()) {
    ok = AddExtension(cert.get(), issuer, NID_subject_alt_name, AltNames(spec));
  }
  if (!ok) return GoError("error creating certificate: " + OpenSslError());
  const int base = EVP_PKEY_get_base_id(signer);
  if (base == EVP_PKEY_DSA) {
    return GoError("error creating certificate: x509: only RSA, ECDSA and Ed25519 keys supported");
  }
  const EVP_MD* md = base == EVP_PKEY_ED25519 ? nullptr : EVP_sha256();
  if (X509_sign(cert.get(), signer, md) <= 0) {
    return GoError("error creating certificate: " + OpenSslError());
  }
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
  PEM_write_bio_X509(bio.get(), cert.get());
  char* data = nullptr;
  long len = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<size_t>(len));
}

// getCertAndKey: the certificate plus the signee key's PEM, as a sprig.certificate.
Result<Value> CertAndKey(const CertSpec& spec, EVP_PKEY* signee, X509* parent, EVP_PKEY* signer) {
  ASSIGN_OR_RETURN(std::string cert, CreateCertificate(spec, signee, parent, signer));
  ASSIGN_OR_RETURN(std::string key, PrivateKeyPem(signee));
  return CertificateValue(std::move(cert), std::move(key));
}

// The key argument of the *WithKey variants, or a fresh RSA-2048 key.
Result<EvpKey> SigneeKey(const Value* pem) {
  if (pem == nullptr) {
    Result<EvpKey> key = GenerateKey("rsa", 2048);
    if (!key.ok()) return GoError("error generating rsa key: " + key.status().message());
    return key;
  }
  Result<EvpKey> key = ParsePrivateKeyPem(pem->AsString());
  if (!key.ok()) return GoError("parsing private key: " + key.status().message());
  return key;
}

Result<Value> GenCa(std::span<const Value> a, const Value* pem) {
  ASSIGN_OR_RETURN(EvpKey key, SigneeKey(pem));
  CertSpec spec{a[0].AsString(), {}, {}, a[1].AsInt(), true};
  return CertAndKey(spec, key.get(), nullptr, key.get());
}

Result<CertSpec> SpecFrom(std::span<const Value> a) {
  CertSpec spec;
  spec.cn = a[0].AsString();
  ASSIGN_OR_RETURN(spec.ips, StringItems(a[1], true));
  ASSIGN_OR_RETURN(spec.dns, StringItems(a[2], false));
  spec.days = a[3].AsInt();
  return spec;
}

Result<Value> GenSelfSigned(std::span<const Value> a, const Value* pem) {
  ASSIGN_OR_RETURN(EvpKey key, SigneeKey(pem));
  ASSIGN_OR_RETURN(CertSpec spec, SpecFrom(a));
  return CertAndKey(spec, key.get(), nullptr, key.get());
}

Result<Value> GenSigned(std::span<const Value> a, const Value* pem) {
  const Value& ca = a[4];
  if (ca.kind() != Kind::kStruct || ca.is_pointer() ||
      ca.AsStruct().type->name != "sprig.certificate") {
    return GoError("wrong type for value; expected sprig.certificate; got " + ca.GoTypeName());
  }
  ASSIGN_OR_RETURN(EvpKey key, SigneeKey(pem));
  const std::string& ca_pem = ca.AsStruct().fields[0].AsString();
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(
      BIO_new_mem_buf(ca_pem.data(), static_cast<int>(ca_pem.size())), BIO_free);
  Cert parent(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
  if (!parent) {
    OpenSslError();
    return GoError("unable to decode certificate");
  }
  Result<EvpKey> signer = ParsePrivateKeyPem(ca.AsStruct().fields[1].AsString());
  if (!signer.ok()) return GoError("error parsing private key: " + signer.status().message());
  ASSIGN_OR_RETURN(CertSpec spec, SpecFrom(a));
  return CertAndKey(spec, key.get(), parent.get(), signer->get());
}

Result<Value> GenCaFn(std::span<const Value> a) { return GenCa(a, nullptr); }
Result<Value> GenCaWithKeyFn(std::span<const Value> a) { return GenCa(a, &a[2]); }
Result<Value> GenSelfSignedFn(std::span<const Value> a) { return GenSelfSigned(a, nullptr); }
Result<Value> GenSelfSignedWithKeyFn(std::span<const Value> a) { return GenSelfSigned(a, &a[4]); }
Result<Value> GenSignedFn(std::span<const Value> a) { return GenSigned(a, nullptr); }
Result<Value> GenSignedWithKeyFn(std::span<const Value> a) { return GenSigned(a, &a[5]); }

// buildCustomCert(b64cert, b64key): checks both parse and returns them decoded.
Result<Value> BuildCustomCertFn(std::span<const Value> a) {
  Result<std::string> cert = GoBase64Decode(a[0].AsString());
  if (!cert.ok()) return GoError("unable to decode base64 certificate");
  Result<std::string> key = GoBase64Decode(a[1].AsString());
  if (!key.ok()) return GoError("unable to decode base64 private key");
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(
      BIO_new_mem_buf(cert->data(), static_cast<int>(cert->size())), BIO_free);
  char *name = nullptr, *header = nullptr;
  unsigned char* der = nullptr;
  long len = 0;
  if (PEM_read_bio(bio.get(), &name, &header, &der, &len) != 1) {
    OpenSslError();
    return GoError("unable to decode certificate");
  }
  const unsigned char* p = der;
  Cert parsed(d2i_X509(nullptr, &p, len));
  OPENSSL_free(name), OPENSSL_free(header), OPENSSL_free(der);
  if (!parsed) {
    return GoError("error parsing certificate: decodedCert.Bytes: " + OpenSslError());
  }
  Result<EvpKey> parsed_key = ParsePrivateKeyPem(*key);
  if (!parsed_key.ok()) {
    return GoError("error parsing private key: " + parsed_key.status().message());
  }
  return CertificateValue(*std::move(cert), *std::move(key));
}

}  // namespace

void RegisterCerts(FuncMap* funcs) {
  using P = ParamType;
  funcs->Add("genCA", {P::kString, P::kInt}, GenCaFn);
  funcs->Add("genCAWithKey", {P::kString, P::kInt, P::kString}, GenCaWithKeyFn);
  funcs->Add("genSelfSignedCert", {P::kString, P::kAnyList, P::kAnyList, P::kInt}, GenSelfSignedFn);
  funcs->Add("genSelfSignedCertWithKey",
             {P::kString, P::kAnyList, P::kAnyList, P::kInt, P::kString}, GenSelfSignedWithKeyFn);
  // The sprig.certificate parameter is checked by the function itself.
  funcs->Add("genSignedCert", {P::kString, P::kAnyList, P::kAnyList, P::kInt, P::kAny},
             GenSignedFn);
  funcs->Add("genSignedCertWithKey",
             {P::kString, P::kAnyList, P::kAnyList, P::kInt, P::kAny, P::kString},
             GenSignedWithKeyFn);
  funcs->Add("buildCustomCert", {P::kString, P::kString}, BuildCustomCertFn);
}

}  // namespace kanon::tmpl::sprig
