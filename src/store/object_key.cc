#include "store/object_key.h"

namespace kanon::store {

std::string GoPathClean(std::string_view path) {
  if (path.empty()) return ".";
  const bool rooted = path[0] == '/';
  std::string out;
  out.reserve(path.size());
  if (rooted) out.push_back('/');
  // `dotdot` is where a ".." may no longer remove a preceding element.
  size_t dotdot = out.size();
  size_t i = rooted ? 1 : 0;
  const size_t n = path.size();
  while (i < n) {
    if (path[i] == '/') {
      ++i;
    } else if (path[i] == '.' && (i + 1 == n || path[i + 1] == '/')) {
      ++i;
    } else if (path[i] == '.' && path[i + 1] == '.' && (i + 2 == n || path[i + 2] == '/')) {
      i += 2;
      if (out.size() > dotdot) {
        // Remove the last element (back to the previous slash or the start).
        size_t cut = out.size() - 1;
        while (cut > dotdot && out[cut] != '/') --cut;
        out.resize(cut);
      } else if (!rooted) {
        if (!out.empty()) out.push_back('/');
        out += "..";
        dotdot = out.size();
      }
    } else {
      if ((rooted && out.size() != 1) || (!rooted && !out.empty())) out.push_back('/');
      while (i < n && path[i] != '/') out.push_back(path[i++]);
    }
  }
  if (out.empty()) return ".";
  return out;
}

std::string GoPathJoin(const std::vector<std::string_view>& elements) {
  std::string joined;
  bool any = false;
  for (std::string_view e : elements) {
    if (e.empty()) continue;
    if (any) joined.push_back('/');
    joined += e;
    any = true;
  }
  if (!any) return "";
  return GoPathClean(joined);
}

}  // namespace kanon::store
