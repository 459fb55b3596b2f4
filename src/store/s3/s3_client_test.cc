// S3Client with a scripted transport: addressing, signing headers, region and clock
// correction, retries and error messages, without a server.
#include "store/s3/s3_client.h"

#include <gtest/gtest.h>

#include <deque>

namespace kanon::store::s3 {
namespace {

class ScriptedTransport final : public HttpTransport {
 public:
  void Answer(int status, std::string body = "", HttpHeaders headers = {}) {
    HttpResponse r;
    r.status = status;
    r.body = std::move(body);
    r.headers = std::move(headers);
    answers_.push_back(std::move(r));
  }
  Result<HttpResponse> Send(const HttpRequest& request) override {
    sent.push_back(request);
    if (answers_.empty()) return Unavailable("no scripted answer");
    HttpResponse r = std::move(answers_.front());
    answers_.pop_front();
    return r;
  }
  std::string HeaderOf(size_t i, std::string_view name) const {
    for (const auto& [k, v] : sent[i].headers) {
      if (k == name) return v;
    }
    return "";
  }
  std::vector<HttpRequest> sent;

 private:
  std::deque<HttpResponse> answers_;
};

Retrier NoSleep(int attempts = 3) {
  RetryPolicy p;
  p.max_attempts = attempts;
  return Retrier(
      p, [](std::chrono::milliseconds) {}, [] { return 0.0; });
}

S3Config Aws(std::string region) {
  S3Config c;
  c.bucket = "b";
  c.region = std::move(region);
  c.path_style = false;
  c.credentials = {"AKID", "very-secret-key", ""};
  return c;
}

std::string ErrorXml(std::string code, std::string extra = "") {
  return "<Error><Code>" + code + "</Code><Message>m</Message>" + extra + "</Error>";
}

TEST(S3ClientTest, VirtualHostedAddressingOnAws) {
  auto t = std::make_shared<ScriptedTransport>();
  t->Answer(200);
  S3Client c(Aws("eu-west-1"), t, NoSleep());
  S3Call call("GET", "dir/a b.txt", {{"x", "1"}});
  ASSERT_TRUE(c.Call(call, "get").ok());
  EXPECT_EQ(t->sent[0].url, "https://b.s3.eu-west-1.amazonaws.com/dir/a%20b.txt?x=1");
  EXPECT_EQ(t->HeaderOf(0, "x-amz-content-sha256"),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_NE(t->HeaderOf(0, "Authorization").find("/eu-west-1/s3/aws4_request"), std::string::npos);
  EXPECT_EQ(c.Describe(), "s3 bucket \"b\" at https://s3.eu-west-1.amazonaws.com");
}

TEST(S3ClientTest, PathStyleForCustomEndpointsAndSessionToken) {
  auto t = std::make_shared<ScriptedTransport>();
  t->Answer(200);
  S3Config cfg = Aws("");
  cfg.endpoint = "minio.local:9000";  // no scheme: https, as the AWS SDKs read it
  cfg.path_style = true;
  cfg.credentials.session_token = "tok";
  S3Client c(cfg, t, NoSleep());
  ASSERT_TRUE(c.Call(S3Call("PUT", "/abs//k"), "put").ok());
  EXPECT_EQ(t->sent[0].url, "https://minio.local:9000/b//abs//k");
  EXPECT_EQ(t->HeaderOf(0, "x-amz-security-token"), "tok");
  EXPECT_NE(t->HeaderOf(0, "Authorization").find("x-amz-security-token"), std::string::npos);
}

TEST(S3ClientTest, ResignsOnceForTheRegionTheServerNames) {
  auto t = std::make_shared<ScriptedTransport>();
  t->Answer(400, ErrorXml("AuthorizationHeaderMalformed", "<Region>eu-central-1</Region>"));
  t->Answer(200);
  S3Client c(Aws("us-east-1"), t, NoSleep());
  ASSERT_TRUE(c.Call(S3Call("GET", "k"), "get").ok());
  ASSERT_EQ(t->sent.size(), 2u);
  EXPECT_EQ(t->sent[1].url, "https://b.s3.eu-central-1.amazonaws.com/k");
  EXPECT_NE(t->HeaderOf(1, "Authorization").find("/eu-central-1/s3/"), std::string::npos);
  EXPECT_EQ(c.region(), "eu-central-1");
}

TEST(S3ClientTest, CorrectsClockSkewFromTheDateHeader) {
  auto t = std::make_shared<ScriptedTransport>();
  t->Answer(403, ErrorXml("RequestTimeTooSkewed"), {{"date", "Tue, 05 Mar 2024 07:08:09 GMT"}});
  t->Answer(200);
  S3Client c(Aws("us-east-1"), t, NoSleep());
  ASSERT_TRUE(c.Call(S3Call("GET", "k"), "get").ok());
  ASSERT_EQ(t->sent.size(), 2u);
  EXPECT_EQ(t->HeaderOf(1, "x-amz-date").substr(0, 11), "20240305T07");
}

TEST(S3ClientTest, RetriesThrottlingButNotMissingKeys) {
  auto t = std::make_shared<ScriptedTransport>();
  t->Answer(503, ErrorXml("SlowDown"));
  t->Answer(500, ErrorXml("InternalError"));
  t->Answer(200);
  S3Client c(Aws("us-east-1"), t, NoSleep(3));
  EXPECT_TRUE(c.Call(S3Call("GET", "k"), "get").ok());
  EXPECT_EQ(t->sent.size(), 3u);
  t->Answer(404, ErrorXml("NoSuchKey"));
  Result<HttpResponse> r = c.Call(S3Call("GET", "missing"), "get");
  EXPECT_EQ(r.status().code(), Code::kNotFound);
  EXPECT_EQ(t->sent.size(), 4u);
  EXPECT_EQ(r.status().message(),
            "s3 bucket \"b\" at https://s3.amazonaws.com: get \"missing\": HTTP 404 NoSuchKey: no "
            "such object (m)");
}

TEST(S3ClientTest, ErrorsCarryCodeButNeverTheSecret) {
  auto t = std::make_shared<ScriptedTransport>();
  t->Answer(403, ErrorXml("SignatureDoesNotMatch"));
  S3Client c(Aws("us-east-1"), t, NoSleep());
  Status st = c.Call(S3Call("PUT", "k"), "put").status();
  EXPECT_EQ(st.code(), Code::kUnauthenticated);
  EXPECT_NE(st.message().find("SignatureDoesNotMatch"), std::string::npos);
  EXPECT_EQ(st.message().find("very-secret-key"), std::string::npos);
}

TEST(S3ClientTest, ContentMd5ModeSendsUnsignedPayloadWithMd5) {
  auto t = std::make_shared<ScriptedTransport>();
  t->Answer(200);
  S3Config cfg = Aws("us-east-1");
  cfg.payload = PayloadIntegrity::kContentMd5;
  S3Client c(cfg, t, NoSleep());
  S3Call put("PUT", "k");
  put.body = "hello\n";
  ASSERT_TRUE(c.Call(put, "put").ok());
  EXPECT_EQ(t->HeaderOf(0, "x-amz-content-sha256"), "UNSIGNED-PAYLOAD");
  EXPECT_EQ(t->HeaderOf(0, "content-md5"), "sZRqySSS0jR8YjW00mERhA==");
  EXPECT_NE(t->HeaderOf(0, "Authorization").find("content-md5;"), std::string::npos);
}

TEST(S3ClientTest, CodeMapping) {
  EXPECT_EQ(CodeForS3Error("SlowDown", 503), Code::kUnavailable);
  EXPECT_EQ(CodeForS3Error("RequestTimeout", 400), Code::kUnavailable);
  EXPECT_EQ(CodeForS3Error("BadDigest", 400), Code::kDataLoss);
  EXPECT_EQ(CodeForS3Error("EntityTooSmall", 400), Code::kInvalidArgument);
  EXPECT_EQ(CodeForS3Error("", 502), Code::kUnavailable);
  EXPECT_EQ(CodeForS3Error("", 403), Code::kPermissionDenied);
  EXPECT_EQ(CodeForS3Error("NotImplemented", 501), Code::kUnimplemented);
}

}  // namespace
}  // namespace kanon::store::s3
