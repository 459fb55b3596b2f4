// SigV4 against the golden vectors of reference/object-stores.md sections 1.2-1.3 (botocore).
#include "store/s3/sigv4.h"

#include <gtest/gtest.h>

#include "store/digest.h"

namespace kanon::store::s3 {
namespace {

const Credentials kRgw{"RGWTESTACCESSKEY0001", "rgw-test-secret-key-0123456789", ""};
constexpr char kRgwDate[] = "20240305T070809Z";

SigningRequest RgwRequest(std::string method, std::string uri, std::string payload_hash) {
  SigningRequest r;
  r.method = std::move(method);
  r.canonical_uri = std::move(uri);
  r.payload_hash = std::move(payload_hash);
  r.amz_date = kRgwDate;
  r.region = "us-east-1";
  r.headers = {{"Host", "127.0.0.1:7490"},
               {"X-Amz-Date", kRgwDate},
               {"X-Amz-Content-Sha256", r.payload_hash}};
  return r;
}

TEST(SigV4Test, AwsGetObjectExample) {
  SigningRequest r;
  r.method = "GET";
  r.canonical_uri = "/test.txt";
  r.payload_hash = std::string(kEmptySha256);
  r.amz_date = "20130524T000000Z";
  r.region = "us-east-1";
  r.headers = {{"host", "examplebucket.s3.amazonaws.com"},
               {"range", "bytes=0-9"},
               {"x-amz-content-sha256", r.payload_hash},
               {"x-amz-date", r.amz_date}};
  Credentials c{"AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", ""};
  Signature s = SignV4(r, c);
  EXPECT_EQ(Sha256Hex(s.canonical_request),
            "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972");
  EXPECT_EQ(HexLower(SigningKey(c.secret_access_key, "20130524", "us-east-1", "s3")),
            "dbb893acc010964918f1fd433add87c70e8b0db6be30c1fbeafefa5ec6ba8378");
  EXPECT_EQ(s.authorization,
            "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/"
            "aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
            "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
}

TEST(SigV4Test, RgwSigningKey) {
  EXPECT_EQ(HexLower(SigningKey(kRgw.secret_access_key, "20240305", "us-east-1", "s3")),
            "8fa925f797dd1917515c07bb277b5697d01ea24912e9a1840686e418ff79ff59");
}

TEST(SigV4Test, ListWithSpecialCharactersInQuery) {
  SigningRequest r = RgwRequest("GET", "/kanister", std::string(kEmptySha256));
  r.query = {
      {"list-type", "2"}, {"prefix", "backups/db 1/\xC3\xA4+b=c&d"}, {"delimiter", "/"},
      {"max-keys", "2"},  {"start-after", "backups/db 1/~x*y'"},     {"encoding-type", "url"}};
  Signature s = SignV4(r, kRgw);
  EXPECT_EQ(CanonicalQuery(r.query),
            "delimiter=%2F&encoding-type=url&list-type=2&max-keys=2&prefix=backups%2Fdb%201%2F%"
            "C3%A4%2Bb%3Dc%26d&start-after=backups%2Fdb%201%2F~x%2Ay%27");
  EXPECT_EQ(Sha256Hex(s.canonical_request),
            "a8b100f89177788ea78ef5808859b6b5153d85d9bc819270bd31fa5361a5d0bb");
  EXPECT_EQ(s.signature, "e21b4be65b56800660b216feca9dd7e9364859579dbc63d5c1211fb1364c73ac");
}

TEST(SigV4Test, PutObjectWithEncodedKey) {
  const std::string uri = UriEncode("/kanister/dir x/caf\xC3\xA9+1 (copy).txt", true);
  EXPECT_EQ(uri, "/kanister/dir%20x/caf%C3%A9%2B1%20%28copy%29.txt");
  SigningRequest r = RgwRequest("PUT", uri, Sha256Hex("hello\n"));
  EXPECT_EQ(r.payload_hash, "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03");
  Signature s = SignV4(r, kRgw);
  EXPECT_EQ(Sha256Hex(s.canonical_request),
            "0752f60c95c94e8838fb546034d173b1fda8f7713183ed9d3aa71b1a8830804f");
  EXPECT_EQ(s.signature, "a609cab0d45d174e37179d4b225f484af531c24b876f37b8d977e8f02ff5f4d8");
}

TEST(SigV4Test, PutWithMd5ContentTypeAndFoldedMetadata) {
  SigningRequest r = RgwRequest("PUT", "/kanister/a/b.json", Sha256Hex("{\"k\": 1}\n"));
  r.headers.emplace_back("Content-Type", "application/json");
  r.headers.emplace_back("Content-MD5", "mzrA+dXwCV3LfJ42GmcxGw==");
  r.headers.emplace_back("X-Amz-Meta-Note", "  two   words  ");
  Signature s = SignV4(r, kRgw);
  EXPECT_NE(s.canonical_request.find("\nx-amz-meta-note:two words\n"), std::string::npos);
  EXPECT_EQ(s.signed_headers,
            "content-md5;content-type;host;x-amz-content-sha256;x-amz-date;x-amz-meta-note");
  EXPECT_EQ(Sha256Hex(s.canonical_request),
            "7df040bd17187646650b84d2fb18fcd7457bf3d5f0c5777c496f862b801879a2");
  EXPECT_EQ(s.signature, "ce3099de36b12ad7cefd950675c0fcd09bb83f9e458efa1689caf21f4f023d55");
}

TEST(SigV4Test, CreateMultipartUploadWithSessionToken) {
  SigningRequest r = RgwRequest("POST", "/kanister/big.bin", std::string(kEmptySha256));
  r.query = {{"uploads", ""}};
  r.headers.emplace_back("X-Amz-Security-Token", "FQoGZXIvYXdzEXAMPLE//token+with/slash=");
  Credentials c = kRgw;
  c.session_token = "FQoGZXIvYXdzEXAMPLE//token+with/slash=";
  Signature s = SignV4(r, c);
  EXPECT_NE(s.canonical_request.find("\nuploads=\n"), std::string::npos);
  EXPECT_EQ(Sha256Hex(s.canonical_request),
            "b204a5f86724ebcec5e283f9a4f943dd9a43d51831bd6858e0d1aa25d8d23eb7");
  EXPECT_EQ(s.signature, "f00ba8d481217d1f8fd67a43cc5fc6414f47c13cf6cd2b28d2f2c2b39593cd38");
}

TEST(SigV4Test, UriEncodeRules) {
  EXPECT_EQ(UriEncode("a b*+='&()~_-.", false), "a%20b%2A%2B%3D%27%26%28%29~_-.");
  EXPECT_EQ(UriEncode("a/b", false), "a%2Fb");
  EXPECT_EQ(UriEncode("a/b", true), "a/b");
  EXPECT_EQ(UriEncode("/a//./../b", true), "/a//./../b");  // S3 never normalises
}

}  // namespace
}  // namespace kanon::store::s3
