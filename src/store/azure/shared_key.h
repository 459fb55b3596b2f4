// Azure Storage SharedKey authorization for the Blob service (x-ms-version 2015-02-21 and later).
//
// StringToSign is the verb, eleven standard headers (Content-Length empty when 0), the x-ms-*
// headers lower-cased and sorted, and the canonicalized resource "/<account><encoded path>"
// followed by "\n<name>:<value>" for each query parameter (names lower-cased and sorted, values
// decoded, repeated names joined with ","). The key is the base64-decoded account key. Pure
// functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"

namespace kanon::store::azure {

using Pairs = std::vector<std::pair<std::string, std::string>>;

struct SharedKeyRequest {
  std::string method;
  std::string encoded_path;  // the URI path exactly as sent, e.g. "/devstoreaccount1/c/b%20x"
  Pairs query;               // decoded names and values
  Pairs headers;             // every header sent, any case
};

std::string StringToSign(const SharedKeyRequest& request, std::string_view account);

// "SharedKey <account>:<base64 signature>"; InvalidArgument if the key is not base64.
Result<std::string> SharedKeyAuthorization(const SharedKeyRequest& request,
                                           std::string_view account, std::string_view base64_key);

// The current time as RFC 1123 ("Tue, 05 Mar 2024 07:08:09 GMT"), for x-ms-date.
std::string HttpDateNow();

}  // namespace kanon::store::azure
