// Built-in word lists for fake values, compiled into the binary so every machine picks the
// same word for the same digest. The lists are fixed: changing one changes masked output, so
// it is a versioned change (the rule identity carries "v1"). Immutable, thread-safe.
#pragma once

#include <span>
#include <string_view>

namespace kanon::mask {

std::span<const std::string_view> FirstNames();
std::span<const std::string_view> LastNames();
// Reserved example domains (RFC 2606): mail sent to them goes nowhere.
std::span<const std::string_view> EmailDomains();

}  // namespace kanon::mask
