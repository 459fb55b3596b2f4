// urlParse and urlJoin over a port of Go's net/url parsing and formatting (Parse, URL.String,
// the escape modes), with its error texts.
#include <algorithm>
#include <cctype>
#include <optional>

#include "tmpl/gofmt.h"
#include "tmpl/sprig_families.h"

namespace kanon::tmpl::sprig {
namespace {

using value::Kind;
using value::Value;

enum class Mode { kPath, kUserPassword, kQueryComponent, kFragment, kHost, kZone };

struct UserInfo {
  std::string username, password;
  bool password_set = false;
};

struct Url {
  std::string scheme, opaque, host, path, raw_path, raw_query, fragment, raw_fragment;
  std::optional<UserInfo> user;
  bool omit_host = false, force_query = false;
};

std::string GoQuote(std::string_view s) {
  Value v(s);
  return GoSprintf("%q", std::span<const Value>(&v, 1));
}

bool IsAlnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool IsHex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }
int Unhex(char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; }

bool ShouldEscape(unsigned char c, Mode mode) {
  if (IsAlnum(c)) return false;
  const std::string_view host_ok = "!$&'()*+,;=:[]<>\"";
  if ((mode == Mode::kHost || mode == Mode::kZone) && host_ok.find(c) != std::string_view::npos) {
    return false;
  }
  if (std::string_view("-_.~").find(c) != std::string_view::npos) return false;
  if (std::string_view("$&+,/:;=?@").find(c) != std::string_view::npos) {
    switch (mode) {
      case Mode::kPath:
        return c == '?';
      case Mode::kUserPassword:
        return c == '@' || c == '/' || c == '?' || c == ':';
      case Mode::kQueryComponent:
        return true;
      case Mode::kFragment:
        return false;
      default:
        break;
    }
  }
  if (mode == Mode::kFragment && std::string_view("!()*").find(c) != std::string_view::npos) {
    return false;
  }
  return true;
}

std::string Escape(std::string_view s, Mode mode) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (c == ' ' && mode == Mode::kQueryComponent) {
      out.push_back('+');
    } else if (ShouldEscape(c, mode)) {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

Result<std::string> Unescape(std::string_view s, Mode mode) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '%') {
      if (i + 2 >= s.size() || !IsHex(s[i + 1]) || !IsHex(s[i + 2])) {
        return GoError("invalid URL escape " + GoQuote(s.substr(i, 3)));
      }
      const std::string_view esc = s.substr(i, 3);
      const int v = Unhex(s[i + 1]) << 4 | Unhex(s[i + 2]);
      if ((mode == Mode::kHost && Unhex(s[i + 1]) < 8 && esc != "%25") ||
          (mode == Mode::kZone && esc != "%25" && v != ' ' &&
           ShouldEscape(static_cast<unsigned char>(v), Mode::kHost))) {
        return GoError("invalid URL escape " + GoQuote(esc));
      }
      out.push_back(static_cast<char>(v));
      i += 2;
    } else if (c == '+') {
      out.push_back(mode == Mode::kQueryComponent ? ' ' : '+');
    } else {
      if ((mode == Mode::kHost || mode == Mode::kZone) && static_cast<unsigned char>(c) < 0x80 &&
          ShouldEscape(static_cast<unsigned char>(c), mode)) {
        return GoError("invalid character " + GoQuote(s.substr(i, 1)) + " in host name");
      }
      out.push_back(c);
    }
  }
  return out;
}

bool ValidOptionalPort(std::string_view port) {
  if (port.empty()) return true;
  if (port[0] != ':') return false;
  for (char c : port.substr(1)) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

Result<std::string> ParseHost(std::string_view host) {
  if (host.starts_with("[")) {
    size_t i = host.rfind(']');
    if (i == std::string_view::npos) return GoError("missing ']' in host");
    std::string_view colon_port = host.substr(i + 1);
    if (!ValidOptionalPort(colon_port)) {
      return GoError("invalid port " + GoQuote(colon_port) + " after host");
    }
    size_t zone = host.substr(0, i).find("%25");
    if (zone != std::string_view::npos) {
      ASSIGN_OR_RETURN(std::string h1, Unescape(host.substr(0, zone), Mode::kHost));
      ASSIGN_OR_RETURN(std::string h2, Unescape(host.substr(zone, i - zone), Mode::kZone));
      ASSIGN_OR_RETURN(std::string h3, Unescape(host.substr(i), Mode::kHost));
      return h1 + h2 + h3;
    }
  } else if (size_t i = host.rfind(':'); i != std::string_view::npos) {
    if (!ValidOptionalPort(host.substr(i))) {
      return GoError("invalid port " + GoQuote(host.substr(i)) + " after host");
    }
  }
  return Unescape(host, Mode::kHost);
}

bool ValidUserinfo(std::string_view s) {
  for (unsigned char c : s) {
    if (!IsAlnum(c) && std::string_view("-._:~!$&'()*+,;=%@").find(c) == std::string_view::npos) {
      return false;
    }
  }
  return true;
}

Status ParseAuthority(std::string_view authority, Url* url) {
  size_t at = authority.rfind('@');
  ASSIGN_OR_RETURN(url->host,
                   ParseHost(at == std::string_view::npos ? authority : authority.substr(at + 1)));
  if (at == std::string_view::npos) return OkStatus();
  std::string_view info = authority.substr(0, at);
  if (!ValidUserinfo(info)) return GoError("net/url: invalid userinfo");
  UserInfo user;
  size_t colon = info.find(':');
  ASSIGN_OR_RETURN(user.username, Unescape(info.substr(0, colon), Mode::kUserPassword));
  if (colon != std::string_view::npos) {
    ASSIGN_OR_RETURN(user.password, Unescape(info.substr(colon + 1), Mode::kUserPassword));
    user.password_set = true;
  }
  url->user = std::move(user);
  return OkStatus();
}

// net/url's parse for a URL without its fragment.
Status ParseNoFragment(std::string_view raw, Url* url) {
  for (unsigned char c : raw) {
    if (c < ' ' || c == 0x7F) return GoError("net/url: invalid control character in URL");
  }
  if (raw == "*") {
    url->path = "*";
    return OkStatus();
  }
  std::string_view rest = raw;
  for (size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) continue;
    if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
      if (i == 0) break;
      continue;
    }
    if (c == ':') {
      if (i == 0) return GoError("missing protocol scheme");
      for (char s : raw.substr(0, i)) url->scheme.push_back(static_cast<char>(std::tolower(s)));
      rest = raw.substr(i + 1);
    }
    break;
  }
  if (rest.ends_with("?") && std::count(rest.begin(), rest.end(), '?') == 1) {
    url->force_query = true;
    rest.remove_suffix(1);
  } else if (size_t q = rest.find('?'); q != std::string_view::npos) {
    url->raw_query = std::string(rest.substr(q + 1));
    rest = rest.substr(0, q);
  }
  if (!rest.starts_with("/")) {
    if (!url->scheme.empty()) {
      url->opaque = std::string(rest);
      return OkStatus();
    }
    if (rest.substr(0, rest.find('/')).find(':') != std::string_view::npos) {
      return GoError("first path segment in URL cannot contain colon");
    }
  }
  if ((!url->scheme.empty() || !rest.starts_with("///")) && rest.starts_with("//")) {
    std::string_view authority = rest.substr(2);
    rest = "";
    if (size_t i = authority.find('/'); i != std::string_view::npos) {
      rest = authority.substr(i);
      authority = authority.substr(0, i);
    }
    RETURN_IF_ERROR(ParseAuthority(authority, url));
  } else if (!url->scheme.empty() && rest.starts_with("/")) {
    url->omit_host = true;
  }
  ASSIGN_OR_RETURN(url->path, Unescape(rest, Mode::kPath));
  if (Escape(url->path, Mode::kPath) != rest) url->raw_path = std::string(rest);
  return OkStatus();
}

// url.Parse; errors read `parse "URL": reason`.
Result<Url> ParseUrl(std::string_view raw) {
  Url url;
  size_t hash = raw.find('#');
  std::string_view before = raw.substr(0, hash);
  Status st = ParseNoFragment(before, &url);
  if (!st.ok()) return GoError("parse " + GoQuote(before) + ": " + st.message());
  if (hash != std::string_view::npos && hash + 1 < raw.size()) {
    std::string_view frag = raw.substr(hash + 1);
    Result<std::string> f = Unescape(frag, Mode::kFragment);
    if (!f.ok()) return GoError("parse " + GoQuote(raw) + ": " + f.status().message());
    url.fragment = *f;
    if (Escape(url.fragment, Mode::kFragment) != frag) url.raw_fragment = std::string(frag);
  }
  return url;
}

std::string UserString(const UserInfo& u) {
  std::string s = Escape(u.username, Mode::kUserPassword);
  if (u.password_set) s += ":" + Escape(u.password, Mode::kUserPassword);
  return s;
}

std::string Hostname(std::string_view host) {
  size_t colon = host.rfind(':');
  if (colon != std::string_view::npos && ValidOptionalPort(host.substr(colon))) {
    host = host.substr(0, colon);
  }
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  return std::string(host);
}

Result<Value> UrlParseFn(std::span<const Value> a) {
  Result<Url> parsed = ParseUrl(a[0].AsString());
  if (!parsed.ok()) return GoError("unable to parse url: " + parsed.status().message());
  const Url& u = *parsed;
  value::Map m;
  m.emplace("scheme", u.scheme);
  m.emplace("host", u.host);
  m.emplace("hostname", Hostname(u.host));
  m.emplace("path", u.path);
  m.emplace("query", u.raw_query);
  m.emplace("opaque", u.opaque);
  m.emplace("fragment", u.fragment);
  m.emplace("userinfo", u.user ? UserString(*u.user) : std::string());
  return Value::FromMap(std::move(m));
}

// URL.String() for a URL built from parts (no raw hints, no forced query).
std::string FormatUrl(const Url& u) {
  std::string out;
  if (!u.scheme.empty()) out += u.scheme + ":";
  if (!u.opaque.empty()) {
    out += u.opaque;
  } else {
    if (!u.scheme.empty() || !u.host.empty() || u.user) {
      if (!u.host.empty() || !u.path.empty() || u.user) out += "//";
      if (u.user) out += UserString(*u.user) + "@";
      out += Escape(u.host, Mode::kHost);
    }
    std::string path = u.path == "*" ? "*" : Escape(u.path, Mode::kPath);
    if (!path.empty() && path[0] != '/' && !u.host.empty()) out += "/";
    if (out.empty() && path.substr(0, path.find('/')).find(':') != std::string::npos) {
      out += "./";
    }
    out += path;
  }
  if (!u.raw_query.empty()) out += "?" + u.raw_query;
  if (!u.fragment.empty()) out += "#" + Escape(u.fragment, Mode::kFragment);
  return out;
}

// A dict entry that must be a string when present.
Result<std::string> DictString(const Value& d, std::string_view key) {
  const Value* v = d.is_nil() ? nullptr : d.Find(key);
  if (v == nullptr) return std::string();
  if (v->is_nil()) return GoError(std::string(kNilDeref));
  if (v->kind() != Kind::kString) {
    return GoError("unable to parse " + std::string(key) + " key, must be of type string, but " +
                   std::string(GoKindName(*v)) + " found");
  }
  return v->AsString();
}

Result<Value> UrlJoinFn(std::span<const Value> a) {
  const Value& d = a[0];
  Url u;
  ASSIGN_OR_RETURN(u.scheme, DictString(d, "scheme"));
  ASSIGN_OR_RETURN(u.host, DictString(d, "host"));
  ASSIGN_OR_RETURN(u.path, DictString(d, "path"));
  ASSIGN_OR_RETURN(u.raw_query, DictString(d, "query"));
  ASSIGN_OR_RETURN(u.opaque, DictString(d, "opaque"));
  ASSIGN_OR_RETURN(u.fragment, DictString(d, "fragment"));
  ASSIGN_OR_RETURN(std::string userinfo, DictString(d, "userinfo"));
  if (!userinfo.empty()) {
    Result<Url> parsed = ParseUrl("proto://" + userinfo + "@host");
    if (!parsed.ok()) {
      return GoError("unable to parse userinfo in dict: " + parsed.status().message());
    }
    u.user = parsed->user;
  }
  return Value(FormatUrl(u));
}

}  // namespace

void RegisterUrl(FuncMap* funcs) {
  funcs->Add("urlParse", {ParamType::kString}, UrlParseFn);
  funcs->Add("urlJoin", {ParamType::kAnyMap}, UrlJoinFn);
}

}  // namespace kanon::tmpl::sprig
