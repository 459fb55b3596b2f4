// Object keys: how kando names an object from a profile prefix and a --path.
//
// Kanister computes the key with Go's path.Join(prefix, path): empty elements are dropped, the
// rest joined with "/" and the result cleaned (duplicate slashes, "." and resolvable ".."
// removed; a leading "/" kept). These functions reproduce Go's path package exactly so that
// objects written by Kanister and by kanon have the same keys. Pure, thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kanon::store {

// Go's path.Clean: "" -> ".", "a//b/../c/" -> "a/c", "/../x" -> "/x", "../x" stays.
std::string GoPathClean(std::string_view path);

// Go's path.Join: "" when every element is empty, else Clean of the non-empty elements joined
// with "/".
std::string GoPathJoin(const std::vector<std::string_view>& elements);

// The object key kando uses: GoPathJoin({prefix, path}).
inline std::string ObjectKey(std::string_view prefix, std::string_view path) {
  return GoPathJoin({prefix, path});
}

}  // namespace kanon::store
