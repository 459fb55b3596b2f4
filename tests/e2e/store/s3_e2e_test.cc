// S3Store against a real Ceph RADOS Gateway (started by scripts/services.sh).
#include <gtest/gtest.h>

#include "e2e_env.h"
#include "faulty_transport.h"
#include "store/byte_stream.h"
#include "store/curl_transport.h"
#include "store/faulty_store.h"
#include "store/open_store.h"
#include "store/profile.h"
#include "store/s3/s3_store.h"
#include "store/s3/sts.h"

namespace kanon::store::e2e {
namespace {

constexpr size_t kPart = 5 * kMiB;  // S3's minimum part: keeps multipart tests small

RetryPolicy FastRetry(int attempts = 4) {
  RetryPolicy p;
  p.max_attempts = attempts;
  p.base = std::chrono::milliseconds(20);
  p.cap = std::chrono::milliseconds(200);
  return p;
}

TransferTuning SmallParts() {
  TransferTuning t;
  t.part_size = kPart;
  t.concurrency = 3;
  t.memory_budget = 4 * kPart;
  return t;
}

s3::S3Config Config(const Services& s) {
  s3::S3Config c;
  c.endpoint = s.s3_endpoint;
  c.bucket = s.s3_bucket;
  c.region = "us-east-1";
  c.credentials = {s.s3_access_key, s.s3_secret_key, ""};
  return c;
}

class S3E2eTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const Services& s = GetServices();
    faulty_ = std::make_shared<FaultyTransport>(std::make_shared<CurlTransport>(HttpOptions{}));
    store_ = std::make_unique<s3::S3Store>(Config(s), faulty_, FastRetry(), SmallParts());
    prefix_ = UniquePrefix(::testing::UnitTest::GetInstance()->current_test_info()->name());
  }
  void TearDown() override {
    auto n = store_->DeletePrefix(prefix_);
    EXPECT_TRUE(n.ok()) << n.status().ToString();
  }
  Status Put(const std::string& key, const std::string& data, ObjectStore* s = nullptr) {
    StringSource src(data);
    return (s ? s : store_.get())->Put(key, src, {});
  }
  std::string Get(const std::string& key) {
    StringSink sink;
    Status st = store_->Get(key, sink, {});
    return st.ok() ? sink.data() : "<" + st.ToString() + ">";
  }
  size_t UploadsUnder(const std::string& prefix) {
    auto u = store_->ListUploads(prefix);
    EXPECT_TRUE(u.ok()) << u.status().ToString();
    return u.ok() ? u->size() : 999;
  }

  std::shared_ptr<FaultyTransport> faulty_;
  std::unique_ptr<s3::S3Store> store_;
  std::string prefix_;
};

TEST_F(S3E2eTest, ByteExactRoundTripsAtPartBoundaries) {
  const size_t sizes[] = {0, 1, kPart - 1, kPart, kPart + 1, 2 * kPart, 3 * kPart + 12345};
  for (size_t size : sizes) {
    const std::string key = prefix_ + "size-" + std::to_string(size);
    const std::string data = RandomBytes(size, static_cast<unsigned>(size));
    ASSERT_TRUE(Put(key, data).ok()) << size;
    auto info = store_->Stat(key);
    ASSERT_TRUE(info.ok()) << info.status().ToString();
    EXPECT_EQ(info->size, size);
    EXPECT_TRUE(Get(key) == data) << "size " << size;
  }
  EXPECT_EQ(UploadsUnder(prefix_), 0u);
}

TEST_F(S3E2eTest, ContentMd5IntegrityModeRoundTrips) {
  s3::S3Config c = Config(GetServices());
  c.payload = s3::PayloadIntegrity::kContentMd5;
  s3::S3Store md5(c, std::make_shared<CurlTransport>(HttpOptions{}), FastRetry(), SmallParts());
  const std::string data = RandomBytes(2 * kPart + 9, 19);
  ASSERT_TRUE(Put(prefix_ + "md5", data, &md5).ok());
  EXPECT_TRUE(Get(prefix_ + "md5") == data);
}

TEST_F(S3E2eTest, KeysWithSpecialCharacters) {
  for (std::string k : {"dir x/caf\xC3\xA9+1 (copy).txt", "a&b<c>'\"=?#%.bin", "/abs/leading",
                        "a//b/./c/../d", "tab\there"}) {
    const std::string key = prefix_ + k;
    ASSERT_TRUE(Put(key, k).ok()) << k;
    EXPECT_EQ(Get(key), k);
  }
  auto list = store_->List(prefix_);
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->size(), 5u);
  auto n = store_->DeletePrefix(prefix_);
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  EXPECT_EQ(*n, 5u);
}

TEST_F(S3E2eTest, ListAndDeletePrefixPageThroughMoreThanOneBatch) {
  const int n = 1003;  // more than one ListObjectsV2 page and one DeleteObjects batch
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = t; i < n; i += 4) {
        if (!Put(prefix_ + "many/" + std::to_string(i), "x").ok()) ++failures;
      }
    });
  }
  for (auto& t : threads) t.join();
  ASSERT_EQ(failures.load(), 0);
  ASSERT_TRUE(Put(prefix_ + "manyother", "y").ok());
  auto list = store_->List(prefix_ + "many/");
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->size(), static_cast<size_t>(n));
  auto deleted = store_->DeletePrefix(prefix_ + "many/");
  ASSERT_TRUE(deleted.ok()) << deleted.status().ToString();
  EXPECT_EQ(*deleted, static_cast<uint64_t>(n));
  EXPECT_EQ(Get(prefix_ + "manyother"), "y");
}

TEST_F(S3E2eTest, WrongCredentialsAreUnauthenticatedAndNeverEchoTheSecret) {
  const Services& s = GetServices();
  s3::S3Config bad_secret = Config(s);
  bad_secret.credentials.secret_access_key = "definitely-not-the-secret-42";
  s3::S3Store a(bad_secret, std::make_shared<CurlTransport>(HttpOptions{}), FastRetry(),
                SmallParts());
  // RGW says SignatureDoesNotMatch (401-like), or AccessDenied once STS is enabled (as here).
  auto auth_error = [](const Status& st) {
    return (st.code() == Code::kUnauthenticated || st.code() == Code::kPermissionDenied) &&
           st.message().find("HTTP 403") != std::string::npos;
  };
  Status st = Put(prefix_ + "k", "data", &a);
  EXPECT_TRUE(auth_error(st)) << st.ToString();
  EXPECT_NE(st.message().find(prefix_ + "k"), std::string::npos);
  EXPECT_EQ(st.message().find("definitely-not-the-secret-42"), std::string::npos);
  s3::S3Config bad_id = Config(s);
  bad_id.credentials.access_key_id = "NOSUCHACCESSKEY00000";
  s3::S3Store b(bad_id, std::make_shared<CurlTransport>(HttpOptions{}), FastRetry(), SmallParts());
  st = Put(prefix_ + "k", "data", &b);
  EXPECT_TRUE(auth_error(st)) << st.ToString();
}

TEST_F(S3E2eTest, UnknownBucketIsNotFoundAndSaysSo) {
  s3::S3Config c = Config(GetServices());
  c.bucket = "no-such-bucket-kanon";
  s3::S3Store s(c, std::make_shared<CurlTransport>(HttpOptions{}), FastRetry(), SmallParts());
  Status put = Put("k", "data", &s);
  EXPECT_EQ(put.code(), Code::kNotFound);
  EXPECT_NE(put.message().find("NoSuchBucket: the bucket does not exist"), std::string::npos)
      << put.message();
  StringSink sink;
  Status get = s.Get("k", sink, {});
  EXPECT_EQ(get.code(), Code::kNotFound);
  EXPECT_NE(get.message().find("the bucket does not exist"), std::string::npos) << get.message();
}

TEST_F(S3E2eTest, UnreachableEndpointFailsAfterRetries) {
  s3::S3Config c = Config(GetServices());
  c.endpoint = "http://127.0.0.1:9";  // discard port: nothing listens
  s3::S3Store s(c, std::make_shared<CurlTransport>(HttpOptions{}), FastRetry(3), SmallParts());
  Status st = Put("k", "data", &s);
  EXPECT_EQ(st.code(), Code::kUnavailable);
  EXPECT_NE(st.message().find("127.0.0.1:9"), std::string::npos) << st.message();
  EXPECT_NE(st.message().find("gave up after 3 attempts"), std::string::npos) << st.message();
}

TEST_F(S3E2eTest, RgwIgnoresTheSigningRegion) {
  // RGW accepts any region in the credential scope (reference 4); AWS would answer
  // AuthorizationHeaderMalformed, which S3Client answers by re-signing for the hinted region.
  s3::S3Config c = Config(GetServices());
  c.region = "eu-west-9";
  s3::S3Store s(c, std::make_shared<CurlTransport>(HttpOptions{}), FastRetry(), SmallParts());
  ASSERT_TRUE(Put(prefix_ + "r", "region", &s).ok());
  EXPECT_EQ(Get(prefix_ + "r"), "region");
}

TEST_F(S3E2eTest, TransientPartFailuresAreRetried) {
  faulty_->Add({.method = "PUT",
                .url_contains = "partNumber=2",
                .nth = 1,
                .count = 2,
                .kind = NetFault::Kind::kHttpError,
                .http_status = 503,
                .s3_code = "SlowDown",
                .cut_after = 0});
  faulty_->Add({.method = "PUT",
                .url_contains = "partNumber=3",
                .nth = 1,
                .count = 1,
                .kind = NetFault::Kind::kReset,
                .http_status = 0,
                .s3_code = "",
                .cut_after = 0});
  const std::string data = RandomBytes(3 * kPart + 7, 11);
  ASSERT_TRUE(Put(prefix_ + "retried", data).ok());
  EXPECT_EQ(faulty_->injected(), 3);
  EXPECT_TRUE(Get(prefix_ + "retried") == data);
}

TEST_F(S3E2eTest, PermanentPartFailureAbortsTheUpload) {
  faulty_->Add({.method = "PUT",
                .url_contains = "partNumber=2",
                .nth = 1,
                .count = 1,
                .kind = NetFault::Kind::kHttpError,
                .http_status = 403,
                .s3_code = "AccessDenied",
                .cut_after = 0});
  Status st = Put(prefix_ + "denied", RandomBytes(4 * kPart, 12));
  EXPECT_EQ(st.code(), Code::kPermissionDenied) << st.ToString();
  EXPECT_NE(st.message().find(prefix_ + "denied"), std::string::npos) << st.message();
  EXPECT_EQ(store_->Stat(prefix_ + "denied").status().code(), Code::kNotFound);
  EXPECT_EQ(UploadsUnder(prefix_), 0u);
}

TEST_F(S3E2eTest, SourceFailingMidStreamLeavesNoObjectAndNoUpload) {
  FaultyStore faulty(*store_);
  faulty.AddFault(Fault::MidStream(StoreOp::kPut, 2 * kPart + 100, Code::kDataLoss));
  const std::string data = RandomBytes(5 * kPart, 13);
  StringSource src(data);
  Status st = faulty.Put(prefix_ + "cut", src, {});
  EXPECT_EQ(st.code(), Code::kDataLoss) << st.ToString();
  EXPECT_EQ(store_->Stat(prefix_ + "cut").status().code(), Code::kNotFound);
  EXPECT_EQ(UploadsUnder(prefix_), 0u);
}

TEST_F(S3E2eTest, DroppedDownloadsResumeOrRetry) {
  const std::string small = RandomBytes(kPart + 3, 14);      // one streaming GET
  const std::string large = RandomBytes(4 * kPart + 5, 15);  // parallel ranged GETs
  ASSERT_TRUE(Put(prefix_ + "small", small).ok());
  ASSERT_TRUE(Put(prefix_ + "large", large).ok());
  faulty_->Add({.method = "GET",
                .url_contains = "small",
                .nth = 1,
                .count = 2,
                .kind = NetFault::Kind::kCutBody,
                .http_status = 0,
                .s3_code = "",
                .cut_after = 1 << 20});
  EXPECT_TRUE(Get(prefix_ + "small") == small);
  faulty_->Add({.method = "GET",
                .url_contains = "large",
                .nth = 2,
                .count = 1,
                .kind = NetFault::Kind::kCutBody,
                .http_status = 0,
                .s3_code = "",
                .cut_after = 100});
  EXPECT_TRUE(Get(prefix_ + "large") == large);
  EXPECT_EQ(faulty_->injected(), 3);
}

TEST_F(S3E2eTest, ObjectChangingDuringRangedGetIsAnError) {
  ASSERT_TRUE(Put(prefix_ + "moving", RandomBytes(8 * kPart, 16)).ok());  // > pool of 4
  // A sink that overwrites the object after the first part arrives.
  struct Overwriter : ByteSink {
    std::function<void()> overwrite;
    bool done = false;
    Status Write(std::string_view) override {
      if (!done) {
        done = true;
        overwrite();
      }
      return OkStatus();
    }
  } sink;
  sink.overwrite = [this] {
    EXPECT_TRUE(Put(prefix_ + "moving", RandomBytes(4 * kPart, 17)).ok());
  };
  Status st = store_->Get(prefix_ + "moving", sink, {});
  EXPECT_EQ(st.code(), Code::kFailedPrecondition) << st.ToString();
  EXPECT_NE(st.message().find("PreconditionFailed"), std::string::npos) << st.message();
}

std::string Base64(std::string_view s) {
  static constexpr char kTable[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (size_t i = 0; i < s.size(); i += 3) {
    uint32_t v = static_cast<uint8_t>(s[i]) << 16;
    if (i + 1 < s.size()) v |= static_cast<uint8_t>(s[i + 1]) << 8;
    if (i + 2 < s.size()) v |= static_cast<uint8_t>(s[i + 2]);
    out += kTable[(v >> 18) & 63];
    out += kTable[(v >> 12) & 63];
    out += i + 1 < s.size() ? kTable[(v >> 6) & 63] : '=';
    out += i + 2 < s.size() ? kTable[v & 63] : '=';
  }
  return out;
}

// A profile whose credential is a secrets.kanister.io/aws Secret holding `role`.
std::string RoleProfile(const Services& s, const std::string& prefix, const std::string& role) {
  return R"({"Location":{"type":"s3Compliant","bucket":")" + s.s3_bucket + R"(","endpoint":")" +
         s.s3_endpoint + R"(","prefix":")" + prefix +
         R"("},"Credential":{"Type":"secret","Secret":{"metadata":{"name":"s3","namespace":"k"},)"
         R"("type":"secrets.kanister.io/aws","data":{"aws_access_key_id":")" +
         Base64(s.s3_access_key) + R"(","aws_secret_access_key":")" + Base64(s.s3_secret_key) +
         R"(","role":")" + Base64(role) + R"("}}}})";
}

// RGW here serves STS (scripts/services.sh turns it on and creates the role "kanon").
TEST_F(S3E2eTest, RoleIsAssumedThroughStsAndItsSessionCredentialsWork) {
  const Services& s = GetServices();
  CurlTransport http(HttpOptions{});
  s3::AssumeRoleRequest req;
  req.endpoint = s.s3_endpoint;
  req.role_arn = s.s3_role_arn;
  auto temp = s3::AssumeRole(http, req, {s.s3_access_key, s.s3_secret_key, ""});
  ASSERT_TRUE(temp.ok()) << temp.status().ToString();
  EXPECT_NE(temp->access_key_id, s.s3_access_key);
  EXPECT_FALSE(temp->session_token.empty());
  // The temporary key is useless without its session token: proof the token is what we sign.
  s3::S3Config no_token = Config(s);
  no_token.credentials = {temp->access_key_id, temp->secret_access_key, ""};
  s3::S3Store bare(no_token, std::make_shared<CurlTransport>(HttpOptions{}), FastRetry(),
                   SmallParts());
  EXPECT_FALSE(Put(prefix_ + "bare", "x", &bare).ok());
  auto profile = ParseProfile(RoleProfile(s, prefix_, s.s3_role_arn));
  ASSERT_TRUE(profile.ok()) << profile.status().ToString();
  auto store = OpenStore(*profile);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  const std::string data = RandomBytes(2 * kMiB, 18);
  ASSERT_TRUE(Put(prefix_ + "via-role", data, store->get()).ok());
  EXPECT_TRUE(Get(prefix_ + "via-role") == data);
}

TEST_F(S3E2eTest, UnknownRoleErrorNamesTheRoleNotTheSecret) {
  const Services& s = GetServices();
  auto profile = ParseProfile(RoleProfile(s, prefix_, "arn:aws:iam:::role/no-such-role"));
  ASSERT_TRUE(profile.ok()) << profile.status().ToString();
  auto store = OpenStore(*profile);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("assume role \"arn:aws:iam:::role/no-such-role\""),
            std::string::npos)
      << store.status().message();
  EXPECT_NE(store.status().message().find("sts at " + s.s3_endpoint), std::string::npos);
  EXPECT_EQ(store.status().message().find(s.s3_secret_key), std::string::npos);
}

}  // namespace
}  // namespace kanon::store::e2e
