// "Did you mean": the closest known name to a misspelled one.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kanon {

// Case-insensitive edit distance between two names.
size_t EditDistance(std::string_view a, std::string_view b);

// The candidate closest to `name`, or "" when none is within a third of its length (at least
// one edit, at most two for short names).
std::string DidYouMean(std::string_view name, const std::vector<std::string>& candidates);

// `; did you mean "x"?` or "" — ready to append to a message.
std::string DidYouMeanSuffix(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace kanon
