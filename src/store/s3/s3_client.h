// S3Client: signs, sends and retries single S3 requests against one bucket.
//
// It knows addressing (path-style "http://host/bucket/key" or virtual-hosted
// "https://bucket.host/key"), SigV4 with the profile's region (re-signing once with the region a
// server hints at), clock skew (re-signing once with the server's clock), retries of
// retryable failures (a fresh signature per attempt), and turns S3 error responses into a
// Status that names the store, the operation and the key, with the S3 error code. It never puts
// a credential into a message. Thread-safe.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "store/http.h"
#include "store/retry.h"
#include "store/s3/sigv4.h"

namespace kanon::store::s3 {

// How a request body's integrity is proven to the server, which verifies either.
enum class PayloadIntegrity {
  kSignedSha256,  // x-amz-content-sha256 = hex SHA-256 of the body, covered by the signature
  kContentMd5,    // UNSIGNED-PAYLOAD + Content-MD5 (the server computes MD5 for the ETag anyway)
};

struct S3Config {
  std::string endpoint;  // "" = AWS (https://s3.<region>.amazonaws.com); else scheme://host[:port]
  std::string bucket;
  std::string region;  // "" = us-east-1
  bool path_style = true;
  bool skip_tls_verify = false;
  Credentials credentials;
  PayloadIntegrity payload = PayloadIntegrity::kSignedSha256;
};

// One S3 request; `key` empty addresses the bucket.
struct S3Call {
  explicit S3Call(std::string m, std::string k = {}, QueryParams q = {})
      : method(std::move(m)), key(std::move(k)), query(std::move(q)) {}
  std::string method;
  std::string key;
  QueryParams query;
  HttpHeaders headers;  // extra headers, all signed (e.g. range, content-md5, if-match)
  std::string_view body;
  std::function<Status(std::string_view)> on_body;
  // An operation that may be re-sent: false for calls whose repetition could double an effect.
  bool idempotent = true;
};

class S3Client final {
 public:
  S3Client(S3Config config, std::shared_ptr<HttpTransport> transport, Retrier retrier);

  // Sends `call`, retrying retryable failures. Returns the 2xx response, or a Status whose
  // message is `<Describe()>: <op> "<key>": <why>`. `op` names the operation ("put", "list").
  Result<HttpResponse> Call(const S3Call& call, std::string_view op);
  // One attempt, no retry (for callers that resume themselves).
  Result<HttpResponse> CallOnce(const S3Call& call, std::string_view op);

  std::string Describe() const;
  const S3Config& config() const { return config_; }
  const Retrier& retrier() const { return retrier_; }
  std::string region() const;

 private:
  struct Target {
    std::string url;
    std::string canonical_uri;
  };
  Target TargetFor(std::string_view key, const QueryParams& query) const;
  Result<HttpResponse> Attempt(const S3Call& call);
  // Adjusts region or clock from an error response; true if the request should be re-sent.
  bool LearnFrom(const HttpResponse& response, std::string_view s3_code);
  Status ErrorStatus(const HttpResponse& response, std::string_view op, std::string_view key);

  S3Config config_;
  std::string scheme_, host_;  // of the endpoint (without the bucket)
  std::shared_ptr<HttpTransport> transport_;
  Retrier retrier_;
  mutable std::mutex mu_;
  std::string region_;
  std::atomic<int64_t> clock_skew_s_{0};
};

// The Code for an S3 error code ("NoSuchKey"), falling back to CodeForHttpStatus.
Code CodeForS3Error(std::string_view s3_code, int http_status);

}  // namespace kanon::store::s3
