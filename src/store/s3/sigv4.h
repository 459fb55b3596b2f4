// AWS Signature Version 4 for S3 (and STS), header-based.
//
// The caller builds the request (method, encoded path, raw query parameters, headers, payload
// hash) and SignV4 returns the canonical request, the string to sign, the signature and the
// Authorization header value, following the S3 rules: the path is encoded once and never
// normalised, query names and values are encoded with "/" -> %2F and sorted, header values are
// trimmed with runs of spaces folded, names lower-cased and sorted. Every header given is signed,
// so give only headers that reach the wire unchanged (never Expect, User-Agent, Content-Length
// set by the transport). Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kanon::store::s3 {

inline constexpr std::string_view kEmptySha256 =
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
inline constexpr std::string_view kUnsignedPayload = "UNSIGNED-PAYLOAD";

struct Credentials {
  std::string access_key_id;
  std::string secret_access_key;
  std::string session_token;  // empty unless temporary credentials
};

using QueryParams = std::vector<std::pair<std::string, std::string>>;  // raw, unencoded

struct SigningRequest {
  std::string method;
  std::string canonical_uri;  // already UriEncoded path, e.g. "/bucket/dir%20x/a.txt"
  QueryParams query;
  std::vector<std::pair<std::string, std::string>> headers;  // all signed; must include host
  std::string payload_hash;  // hex SHA-256 of the body or UNSIGNED-PAYLOAD
  std::string amz_date;      // YYYYMMDDTHHMMSSZ
  std::string region;        // e.g. us-east-1
  std::string service = "s3";
};

struct Signature {
  std::string canonical_request;
  std::string string_to_sign;
  std::string signed_headers;  // "host;x-amz-content-sha256;x-amz-date"
  std::string signature;       // 64 lower-case hex digits
  std::string authorization;   // the Authorization header value
};

// Percent-encodes every byte outside A-Z a-z 0-9 - _ . ~ (upper-case hex); keeps "/" if asked.
std::string UriEncode(std::string_view s, bool keep_slash);

// "a=1&b=" from raw parameters: encoded, sorted by name then value.
std::string CanonicalQuery(const QueryParams& query);

// The signing key for a day (YYYYMMDD), region and service, as raw bytes.
std::string SigningKey(std::string_view secret, std::string_view day, std::string_view region,
                       std::string_view service);

Signature SignV4(const SigningRequest& request, const Credentials& credentials);

// The current time as YYYYMMDDTHHMMSSZ (UTC).
std::string AmzDateNow();

}  // namespace kanon::store::s3
