// Standard base64 (RFC 4648, with padding), as Kubernetes uses for Secret data.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kanon {

std::string Base64Encode(std::string_view data);
// nullopt on malformed input (bad characters or length); whitespace is not accepted.
std::optional<std::string> Base64Decode(std::string_view text);

}  // namespace kanon
