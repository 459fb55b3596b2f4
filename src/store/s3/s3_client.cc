#include "store/s3/s3_client.h"

#include <algorithm>
#include <ctime>

#include "base/base64.h"

#include "store/digest.h"
#include "store/xml.h"

namespace kanon::store::s3 {
namespace {

std::string AwsHost(std::string_view region) {
  if (region.empty() || region == "us-east-1") return "s3.amazonaws.com";
  return "s3." + std::string(region) + ".amazonaws.com";
}

std::string FormatAmzDate(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
  return buf;
}

// A short explanation for the codes users meet most, so the message says what to fix.
std::string_view Hint(std::string_view code, int status) {
  if (code == "NoSuchKey") return "no such object";
  if (code == "NoSuchBucket") return "the bucket does not exist";
  if (code == "NoSuchUpload") return "no such multipart upload";
  if (code == "InvalidAccessKeyId") return "the access key id is not known to the server";
  if (code == "SignatureDoesNotMatch") {
    return "the request signature does not match: the secret key is wrong";
  }
  // RGW with STS enabled also answers a wrong secret key with AccessDenied.
  if (code == "AccessDenied") return "access denied (no permission, or credentials not accepted)";
  if (code == "RequestTimeTooSkewed") return "the local clock differs from the server's";
  if (code == "AuthorizationHeaderMalformed") return "wrong region for this bucket";
  if (code.empty() && status == 404) return "not found (no such object or bucket)";
  if (code.empty() && status == 403) return "access denied (wrong credentials or no permission)";
  return "";
}

}  // namespace

Code CodeForS3Error(std::string_view c, int http_status) {
  if (c == "InternalError" || c == "ServiceUnavailable" || c == "SlowDown" || c == "Throttling" ||
      c == "ThrottlingException" || c == "RequestLimitExceeded" || c == "RequestTimeout" ||
      c == "IncompleteBody" || c == "RequestTimeoutException" || c == "PriorRequestNotComplete") {
    return Code::kUnavailable;
  }
  if (c == "OperationAborted") return Code::kAborted;
  if (c == "BadDigest" || c == "XAmzContentSHA256Mismatch") return Code::kDataLoss;
  if (c == "AccessDenied" || c == "AllAccessDisabled") return Code::kPermissionDenied;
  if (c == "SignatureDoesNotMatch" || c == "InvalidAccessKeyId" || c == "ExpiredToken" ||
      c == "InvalidToken" || c == "RequestTimeTooSkewed" || c == "InvalidClientTokenId") {
    return Code::kUnauthenticated;
  }
  if (c == "AuthorizationHeaderMalformed" || c == "PermanentRedirect" ||
      c == "PreconditionFailed") {
    return Code::kFailedPrecondition;
  }
  if (c == "NoSuchBucket" || c == "NoSuchKey" || c == "NoSuchUpload") return Code::kNotFound;
  if (c == "NotImplemented") return Code::kUnimplemented;
  if (!c.empty() && http_status >= 400 && http_status < 500 && http_status != 408 &&
      http_status != 429) {
    return CodeForHttpStatus(http_status) == Code::kInternal ? Code::kInvalidArgument
                                                             : CodeForHttpStatus(http_status);
  }
  return CodeForHttpStatus(http_status);
}

S3Client::S3Client(S3Config config, std::shared_ptr<HttpTransport> transport, Retrier retrier)
    : config_(std::move(config)), transport_(std::move(transport)), retrier_(std::move(retrier)) {
  region_ = config_.region.empty() ? "us-east-1" : config_.region;
  std::string ep = config_.endpoint;
  if (ep.empty()) {
    scheme_ = "https";
    host_ = AwsHost(region_);
    return;
  }
  size_t sep = ep.find("://");
  if (sep == std::string::npos) {
    ep = "https://" + ep;  // as the AWS SDKs read a bare host
    sep = 5;
  }
  scheme_ = ep.substr(0, sep);
  host_ = HostOfUrl(ep);
}

std::string S3Client::region() const {
  std::lock_guard lock(mu_);
  return region_;
}

std::string S3Client::Describe() const {
  std::lock_guard lock(mu_);
  return "s3 bucket \"" + config_.bucket + "\" at " + scheme_ + "://" + host_;
}

S3Client::Target S3Client::TargetFor(std::string_view key, const QueryParams& query) const {
  std::string host;
  {
    std::lock_guard lock(mu_);
    host = host_;
  }
  std::string path;
  if (config_.path_style) {
    path = "/" + config_.bucket;
    if (!key.empty()) path += "/" + std::string(key);
  } else {
    host = config_.bucket + "." + host;
    path = "/" + std::string(key);
  }
  Target t;
  t.canonical_uri = UriEncode(path, true);
  t.url = scheme_ + "://" + host + t.canonical_uri;
  if (!query.empty()) t.url += "?" + CanonicalQuery(query);
  return t;
}

Result<HttpResponse> S3Client::Attempt(const S3Call& call) {
  const Target target = TargetFor(call.key, call.query);
  SigningRequest sr;
  sr.method = call.method;
  sr.canonical_uri = target.canonical_uri;
  sr.query = call.query;
  const bool md5 = config_.payload == PayloadIntegrity::kContentMd5 && !call.body.empty();
  if (call.body.empty()) {
    sr.payload_hash = std::string(kEmptySha256);
  } else {
    sr.payload_hash = md5 ? std::string(kUnsignedPayload) : Sha256Hex(call.body);
  }
  sr.amz_date = FormatAmzDate(std::time(nullptr) + clock_skew_s_.load());
  sr.region = region();
  sr.headers = {{"host", HostOfUrl(target.url)},
                {"x-amz-date", sr.amz_date},
                {"x-amz-content-sha256", sr.payload_hash}};
  if (!config_.credentials.session_token.empty()) {
    sr.headers.emplace_back("x-amz-security-token", config_.credentials.session_token);
  }
  for (const auto& h : call.headers) sr.headers.push_back(h);
  const bool has_md5 = std::any_of(call.headers.begin(), call.headers.end(),
                                   [](const auto& h) { return h.first == "content-md5"; });
  if (md5 && !has_md5) {
    sr.headers.emplace_back("content-md5", Base64Encode(AsBytes(Md5(call.body))));
  }
  const Signature sig = SignV4(sr, config_.credentials);
  HttpRequest req;
  req.method = call.method;
  req.url = target.url;
  req.body = call.body;
  req.on_body = call.on_body;
  for (size_t i = 1; i < sr.headers.size(); ++i) req.headers.push_back(sr.headers[i]);
  req.headers.emplace_back("Authorization", sig.authorization);
  return transport_->Send(req);
}

bool S3Client::LearnFrom(const HttpResponse& response, std::string_view s3_code) {
  std::string hinted;
  if (s3_code == "AuthorizationHeaderMalformed") hinted = XmlText(response.body, "Region");
  if (hinted.empty() && (response.status == 301 || s3_code == "PermanentRedirect" ||
                         s3_code == "AuthorizationHeaderMalformed")) {
    if (const std::string* h = response.Header("x-amz-bucket-region")) hinted = *h;
  }
  if (!hinted.empty()) {
    std::lock_guard lock(mu_);
    if (hinted == region_) return false;
    region_ = hinted;
    if (config_.endpoint.empty()) host_ = AwsHost(region_);
    return true;
  }
  if (s3_code == "RequestTimeTooSkewed") {
    const std::string* date = response.Header("date");
    std::tm tm{};
    if (date == nullptr || strptime(date->c_str(), "%a, %d %b %Y %H:%M:%S", &tm) == nullptr) {
      return false;
    }
    const int64_t skew = static_cast<int64_t>(timegm(&tm)) - std::time(nullptr);
    if (skew == clock_skew_s_.load()) return false;
    clock_skew_s_.store(skew);
    return true;
  }
  return false;
}

Status S3Client::ErrorStatus(const HttpResponse& response, std::string_view op,
                             std::string_view key) {
  const std::string code = XmlText(response.body, "Code");
  std::string m = Describe() + ": " + std::string(op);
  if (!key.empty()) m += " \"" + std::string(key) + "\"";
  m += ": HTTP " + std::to_string(response.status);
  if (!code.empty()) m += " " + code;
  std::string_view hint = Hint(code, response.status);
  const std::string server_message = XmlText(response.body, "Message");
  if (!hint.empty()) m += ": " + std::string(hint);
  if (!server_message.empty() && server_message != hint) m += " (" + server_message + ")";
  return Status(CodeForS3Error(code, response.status), std::move(m));
}

Result<HttpResponse> S3Client::CallOnce(const S3Call& call, std::string_view op) {
  for (int relearned = 0;; ++relearned) {
    Result<HttpResponse> r = Attempt(call);
    if (!r.ok()) {
      std::string where = Describe() + ": " + std::string(op);
      if (!call.key.empty()) where += " \"" + call.key + "\"";
      return r.status().WithContext(where);
    }
    if (IsSuccess(r->status)) return r;
    const std::string code = XmlText(r->body, "Code");
    if (relearned < 2 && LearnFrom(*r, code)) continue;
    return ErrorStatus(*r, op, call.key);
  }
}

Result<HttpResponse> S3Client::Call(const S3Call& call, std::string_view op) {
  if (!call.idempotent) return CallOnce(call, op);
  return retrier_.Run<HttpResponse>([&] { return CallOnce(call, op); });
}

}  // namespace kanon::store::s3
