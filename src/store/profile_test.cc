#include "store/profile.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "store/open_store.h"

namespace kanon::store {
namespace {

// What Kanister's {{ toJson .Profile }} renders for a keyPair S3 profile.
constexpr char kKanisterS3[] =
    R"({"Location":{"type":"s3Compliant","bucket":"b","endpoint":"","prefix":"pfx","region":"us-west-2"},)"
    R"("Credential":{"Type":"keyPair","KeyPair":{"ID":"AKIDEXAMPLE","Secret":"s3cr3t-value-xyz"},)"
    R"("Secret":null,"KopiaServerSecret":null},"SkipSSLVerify":false})";

std::string Err(std::string_view json) {
  Result<Profile> p = ParseProfile(json);
  return p.ok() ? "ok" : p.status().message();
}

TEST(ProfileTest, ParsesKanisterKeyPairShape) {
  auto p = ParseProfile(kKanisterS3);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->location.type, LocationType::kS3Compliant);
  EXPECT_EQ(p->location.bucket, "b");
  EXPECT_EQ(p->location.region, "us-west-2");
  auto c = ResolveAwsCredentials(*p);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->access_key_id, "AKIDEXAMPLE");
  EXPECT_EQ(c->secret_access_key, "s3cr3t-value-xyz");
  EXPECT_EQ(p->SecretValues(), std::vector<std::string>{"s3cr3t-value-xyz"});
  EXPECT_EQ(KeyFor(*p, "db/dump.gz"), "pfx/db/dump.gz");
}

TEST(ProfileTest, ParsesTypedAwsSecret) {
  // data: aws_access_key_id=AKID, aws_secret_access_key=topsecret, role=arn:aws:iam::1:role/r
  const char* json =
      R"({"Location":{"type":"s3Compliant","bucket":"b"},"Credential":{"Type":"secret",)"
      R"("Secret":{"kind":"Secret","apiVersion":"v1","metadata":{"name":"s3","namespace":"kanister",)"
      R"("uid":"x"},"type":"secrets.kanister.io/aws","data":{"aws_access_key_id":"QUtJRA==",)"
      R"("aws_secret_access_key":"dG9wc2VjcmV0","role":"YXJuOmF3czppYW06OjE6cm9sZS9y"}}}})";
  auto p = ParseProfile(json);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  auto c = ResolveAwsCredentials(*p);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->access_key_id, "AKID");
  EXPECT_EQ(c->secret_access_key, "topsecret");
  EXPECT_EQ(c->role, "arn:aws:iam::1:role/r");
  EXPECT_EQ(p->SecretValues(), std::vector<std::string>{"topsecret"});
}

TEST(ProfileTest, FieldNamesMatchCaseInsensitivelyLikeGo) {
  EXPECT_EQ(Err(R"({"location":{"TYPE":"filesystem","Bucket":"/tmp"}})"), "ok");
}

TEST(ProfileTest, MisspelledFieldsSuggestTheRightName) {
  EXPECT_EQ(Err(R"({"Locaton":{}})"),
            "profile: top level: unknown field \"Locaton\"; did you mean \"Location\"? (known: "
            "Location, Credential, SkipSSLVerify)");
  EXPECT_NE(Err(R"({"Location":{"type":"s3Compliant","bukcet":"b"}})")
                .find("unknown field \"bukcet\"; did you mean \"bucket\"?"),
            std::string::npos);
  EXPECT_NE(Err(R"({"Location":{"type":"S3compliant","bucket":"b"}})")
                .find("unsupported location type \"S3compliant\"; did you mean \"s3Compliant\"?"),
            std::string::npos);
  EXPECT_NE(
      Err(R"({"Location":{"type":"filesystem","bucket":"b"},"Credential":{"Type":"keypair"}})")
          .find("did you mean \"keyPair\"?"),
      std::string::npos);
}

TEST(ProfileTest, MissingAndMistypedFields) {
  EXPECT_EQ(Err(""), "profile: empty; pass the Profile JSON, e.g. '{{ toJson .Profile }}'");
  EXPECT_EQ(Err("{}"), "profile: Location is missing");
  EXPECT_NE(Err(R"({"Location":{"bucket":"b"}})").find("Location.type: missing"),
            std::string::npos);
  EXPECT_NE(Err(R"({"Location":{"type":"azure"}})").find("Location.bucket: missing"),
            std::string::npos);
  EXPECT_EQ(Err(R"({"Location":{"type":"filesystem","bucket":7}})"),
            "profile: Location.bucket: expected a string, got a number");
  EXPECT_EQ(Err(R"({"Location":{"type":"filesystem","bucket":"b"},"SkipSSLVerify":"yes"})"),
            "profile: SkipSSLVerify: expected a boolean, got a string");
  EXPECT_EQ(Err("[]"), "profile: top level: expected an object, got an array");
}

TEST(ProfileTest, ErrorsNeverQuoteSecrets) {
  // Truncated JSON right after a secret: the parser's excerpt must not reach the message.
  std::string bad = kKanisterS3;
  bad.resize(bad.find("s3cr3t") + 10);
  EXPECT_EQ(Err(bad).find("s3cr3t"), std::string::npos) << Err(bad);
  EXPECT_NE(Err(bad).find("profile:"), std::string::npos);
  const char* unknown_key =
      R"({"Location":{"type":"s3Compliant","bucket":"b"},"Credential":{"Type":"secret",)"
      R"("Secret":{"type":"secrets.kanister.io/aws","data":{"aws_access_key_id":"QUtJRA==",)"
      R"("aws_secret_acces_key":"dG9wc2VjcmV0"}}}})";
  auto p = ParseProfile(unknown_key);
  ASSERT_TRUE(p.ok());
  Status st = ResolveAwsCredentials(*p).status();
  EXPECT_NE(st.message().find("unknown field \"aws_secret_acces_key\"; did you mean "
                              "\"aws_secret_access_key\"?"),
            std::string::npos)
      << st.message();
  EXPECT_EQ(st.message().find("topsecret"), std::string::npos);
}

TEST(ProfileTest, SecretChecks) {
  const char* wrong_type =
      R"({"Location":{"type":"s3Compliant","bucket":"b"},"Credential":{"Type":"secret",)"
      R"("Secret":{"metadata":{"name":"s","namespace":"ns"},"type":"Opaque","data":{}}}})";
  EXPECT_EQ(ResolveAwsCredentials(*ParseProfile(wrong_type)).status().message(),
            "profile: Credential.Secret: Secret \"ns/s\" has type \"Opaque\", expected "
            "\"secrets.kanister.io/aws\"");
  EXPECT_NE(Err(R"({"Location":{"type":"s3Compliant","bucket":"b"},"Credential":{"Type":"secret",)"
                R"("Secret":{"type":"secrets.kanister.io/aws","data":{"k":"!!"}}}})")
                .find("Credential.Secret.data.k: not valid base64"),
            std::string::npos);
  auto no_cred = ParseProfile(R"({"Location":{"type":"s3Compliant","bucket":"b"}})");
  ASSERT_TRUE(no_cred.ok());
  EXPECT_NE(ResolveAwsCredentials(*no_cred).status().message().find("Credential.Type: missing"),
            std::string::npos);
  auto no_pair =
      ParseProfile(R"({"Location":{"type":"azure","bucket":"c"},"Credential":{"Type":"keyPair"}})");
  EXPECT_EQ(ResolveAzureCredentials(*no_pair).status().message(),
            "profile: Credential.KeyPair: missing for Credential.Type \"keyPair\"");
}

TEST(ProfileTest, OpenStoreRefusesWhatItCannotServe) {
  auto kopia = ParseProfile(R"({"Location":{"type":"kopia"},"Credential":{"Type":"kopia"}})");
  ASSERT_TRUE(kopia.ok());
  EXPECT_EQ(OpenStore(*kopia).status().code(), Code::kUnimplemented);
  auto gcs = ParseProfile(R"({"Location":{"type":"gcs","bucket":"b"},"Credential":{"Type":)"
                          R"("keyPair","KeyPair":{"ID":"my-project","Secret":"{}"}}})");
  EXPECT_EQ(OpenStore(*gcs).status().code(), Code::kUnimplemented);
  auto region =
      ParseProfile(R"({"Location":{"type":"s3Compliant","bucket":"b","region":"us east"},)"
                   R"("Credential":{"Type":"keyPair","KeyPair":{"ID":"a","Secret":"b"}}})");
  EXPECT_EQ(OpenStore(*region).status().message(),
            "profile: Location.region: \"us east\" is not a region name (like us-east-1)");
  auto fs = ParseProfile(R"({"Location":{"type":"filesystem","bucket":"/no/such/dir/x"}})");
  EXPECT_EQ(OpenStore(*fs).status().code(), Code::kNotFound);
}

TEST(ProfileTest, FilesystemKeysDropLeadingSlash) {
  auto p = ParseProfile(R"({"Location":{"type":"filesystem","bucket":"/b","prefix":""}})");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(KeyFor(*p, "/mysql-backups/ns/x/dump.gz"), "mysql-backups/ns/x/dump.gz");
  auto s3 = ParseProfile(R"({"Location":{"type":"s3Compliant","bucket":"b"}})");
  EXPECT_EQ(KeyFor(*s3, "/mysql-backups/x"), "/mysql-backups/x");  // as Kanister writes it
}

}  // namespace
}  // namespace kanon::store

namespace kanon::store {
namespace {

// The runnable examples in examples/profiles/ stay valid.
TEST(ProfileTest, ExampleProfilesParse) {
  const char* root = std::getenv("KANON_SOURCE_DIR");
  ASSERT_NE(root, nullptr) << "KANON_SOURCE_DIR is set by ctest";
  for (const char* name : {"filesystem.json", "s3-rgw.json", "azure-azurite.json"}) {
    std::ifstream in(std::string(root) + "/examples/profiles/" + name);
    ASSERT_TRUE(in.good()) << name;
    std::string json((std::istreambuf_iterator<char>(in)), {});
    auto p = ParseProfile(json);
    ASSERT_TRUE(p.ok()) << name << ": " << p.status().ToString();
    if (p->location.type == LocationType::kS3Compliant) {
      EXPECT_TRUE(ResolveAwsCredentials(*p).ok()) << name;
    }
    if (p->location.type == LocationType::kAzure) {
      auto c = ResolveAzureCredentials(*p);
      ASSERT_TRUE(c.ok()) << c.status().ToString();
      EXPECT_EQ(c->account, "devstoreaccount1");
    }
  }
}

}  // namespace
}  // namespace kanon::store
