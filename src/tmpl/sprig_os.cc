// The host-facing functions: env, expandenv (os.ExpandEnv), getHostByName, and the slash-path
// functions base, dir, clean, ext, isAbs (Go's path package).
#include <arpa/inet.h>
#include <netdb.h>
#include <sys/socket.h>

#include <cstdlib>

#include "tmpl/sprig_families.h"

namespace kanon::tmpl::sprig {
namespace {

using value::Value;

std::string Getenv(const std::string& name) {
  const char* v = std::getenv(name.c_str());
  return v == nullptr ? std::string() : std::string(v);
}

bool IsShellSpecial(char c) {
  return std::string_view("*#$@!?-0123456789").find(c) != std::string_view::npos;
}

bool IsNameChar(char c) {
  return c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// os.getShellName: the variable name after a '$' and how many bytes it spans; an empty name
// with a width means bad syntax that is dropped.
std::pair<std::string_view, size_t> ShellName(std::string_view s) {
  if (s[0] == '{') {
    if (s.size() > 2 && IsShellSpecial(s[1]) && s[2] == '}') return {s.substr(1, 1), 3};
    for (size_t i = 1; i < s.size(); ++i) {
      if (s[i] == '}') {
        if (i == 1) return {"", 2};  // "${}"
        return {s.substr(1, i - 1), i + 1};
      }
    }
    return {"", 1};  // "${" without a closing brace
  }
  if (IsShellSpecial(s[0])) return {s.substr(0, 1), 1};
  size_t i = 0;
  while (i < s.size() && IsNameChar(s[i])) ++i;
  return {s.substr(0, i), i};
}

std::string ExpandEnv(std::string_view s) {
  std::string out;
  size_t i = 0;
  for (size_t j = 0; j < s.size(); ++j) {
    if (s[j] != '$' || j + 1 >= s.size()) continue;
    out.append(s.substr(i, j - i));
    auto [name, width] = ShellName(s.substr(j + 1));
    if (name.empty() && width == 0) {
      out.push_back('$');  // a '$' not followed by a name stays
    } else if (!name.empty()) {
      out.append(Getenv(std::string(name)));
    }
    j += width;
    i = j + 1;
  }
  out.append(s.substr(std::min(i, s.size())));
  return out;
}

Result<Value> EnvFn(std::span<const Value> a) { return Value(Getenv(a[0].AsString())); }
Result<Value> ExpandenvFn(std::span<const Value> a) { return Value(ExpandEnv(a[0].AsString())); }

// net.LookupHost, then a random one of the addresses (Go panics when there are none).
Result<Value> GetHostByNameFn(std::span<const Value> a) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* res = nullptr;
  std::vector<std::string> addrs;
  const std::string& name = a[0].AsString();
  if (!name.empty() && getaddrinfo(name.c_str(), nullptr, &hints, &res) == 0) {
    for (addrinfo* p = res; p != nullptr; p = p->ai_next) {
      char buf[INET6_ADDRSTRLEN] = {0};
      const void* addr =
          p->ai_family == AF_INET
              ? static_cast<const void*>(&reinterpret_cast<sockaddr_in*>(p->ai_addr)->sin_addr)
              : static_cast<const void*>(&reinterpret_cast<sockaddr_in6*>(p->ai_addr)->sin6_addr);
      if (inet_ntop(p->ai_family, addr, buf, sizeof buf) != nullptr) addrs.emplace_back(buf);
    }
    freeaddrinfo(res);
  }
  if (addrs.empty()) return GoError("invalid argument to Intn");
  return Value(addrs[RandomBelow(addrs.size())]);
}

// path.Clean: the shortest equivalent slash path ("." for empty).
std::string CleanPath(std::string_view path) {
  if (path.empty()) return ".";
  const bool rooted = path[0] == '/';
  const size_t n = path.size();
  std::string out;
  size_t r = 0, dotdot = 0;
  if (rooted) out.push_back('/'), r = 1, dotdot = 1;
  while (r < n) {
    if (path[r] == '/') {
      ++r;
    } else if (path[r] == '.' && (r + 1 == n || path[r + 1] == '/')) {
      ++r;
    } else if (path[r] == '.' && path[r + 1] == '.' && (r + 2 == n || path[r + 2] == '/')) {
      r += 2;
      if (out.size() > dotdot) {
        out.pop_back();
        while (out.size() > dotdot && out.back() != '/') out.pop_back();
        if (out.size() > dotdot && out.back() == '/') out.pop_back();
      } else if (!rooted) {
        if (!out.empty()) out.push_back('/');
        out.append("..");
        dotdot = out.size();
      }
    } else {
      if ((rooted && out.size() != 1) || (!rooted && !out.empty())) out.push_back('/');
      for (; r < n && path[r] != '/'; ++r) out.push_back(path[r]);
    }
  }
  return out.empty() ? "." : out;
}

Result<Value> BaseFn(std::span<const Value> a) {
  std::string_view p = a[0].AsString();
  if (p.empty()) return Value(".");
  while (p.size() > 0 && p.back() == '/') p.remove_suffix(1);
  if (size_t i = p.rfind('/'); i != std::string_view::npos) p.remove_prefix(i + 1);
  return Value(p.empty() ? std::string_view("/") : p);
}

Result<Value> DirFn(std::span<const Value> a) {
  std::string_view p = a[0].AsString();
  size_t i = p.rfind('/');
  return Value(CleanPath(i == std::string_view::npos ? "" : p.substr(0, i + 1)));
}

Result<Value> CleanFn(std::span<const Value> a) { return Value(CleanPath(a[0].AsString())); }

Result<Value> ExtFn(std::span<const Value> a) {
  std::string_view p = a[0].AsString();
  for (size_t i = p.size(); i > 0 && p[i - 1] != '/'; --i) {
    if (p[i - 1] == '.') return Value(p.substr(i - 1));
  }
  return Value("");
}

Result<Value> IsAbsFn(std::span<const Value> a) {
  return Value(!a[0].AsString().empty() && a[0].AsString()[0] == '/');
}

}  // namespace

void RegisterOs(FuncMap* funcs) {
  using P = ParamType;
  funcs->Add("env", {P::kString}, EnvFn);
  funcs->Add("expandenv", {P::kString}, ExpandenvFn);
  funcs->Add("getHostByName", {P::kString}, GetHostByNameFn);
  funcs->Add("base", {P::kString}, BaseFn);
  funcs->Add("dir", {P::kString}, DirFn);
  funcs->Add("clean", {P::kString}, CleanFn);
  funcs->Add("ext", {P::kString}, ExtFn);
  funcs->Add("isAbs", {P::kString}, IsAbsFn);
}

}  // namespace kanon::tmpl::sprig
