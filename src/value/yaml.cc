#include "value/yaml.h"

#include <yaml-cpp/yaml.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace kanon::value {
namespace {

bool IsOneOf(const std::string& s, std::initializer_list<const char*> options) {
  for (const char* o : options) {
    if (s == o) return true;
  }
  return false;
}

bool ParseInt(std::string s, int64_t* out) {
  std::string clean;
  for (char c : s) {
    if (c != '_') clean += c;
  }
  if (clean.empty()) return false;
  size_t i = (clean[0] == '-' || clean[0] == '+') ? 1 : 0;
  bool neg = clean[0] == '-';
  std::string body = clean.substr(i);
  int base = 10;
  if (body.size() > 2 && body[0] == '0' && (body[1] == 'x' || body[1] == 'X')) {
    base = 16;
    body = body.substr(2);
  } else if (body.size() > 2 && body[0] == '0' && (body[1] == 'o' || body[1] == 'O')) {
    base = 8;
    body = body.substr(2);
  } else if (body.size() > 2 && body[0] == '0' && (body[1] == 'b' || body[1] == 'B')) {
    base = 2;
    body = body.substr(2);
  } else if (body.size() > 1 && body[0] == '0') {
    base = 8;
  }
  if (body.empty()) return false;
  for (char c : body) {
    int d = std::isdigit(static_cast<unsigned char>(c))    ? c - '0'
            : std::isxdigit(static_cast<unsigned char>(c)) ? std::tolower(c) - 'a' + 10
                                                           : 99;
    if (d >= base) return false;
  }
  errno = 0;
  char* end = nullptr;
  long long v = std::strtoll(body.c_str(), &end, base);
  if (errno == ERANGE || *end != '\0') return false;
  *out = neg ? -v : v;
  return true;
}

bool ParseFloat(const std::string& s, double* out) {
  if (IsOneOf(s, {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"})) {
    *out = INFINITY;
    return true;
  }
  if (IsOneOf(s, {"-.inf", "-.Inf", "-.INF"})) {
    *out = -INFINITY;
    return true;
  }
  if (IsOneOf(s, {".nan", ".NaN", ".NAN"})) {
    *out = NAN;
    return true;
  }
  if (s.find_first_of(".eE") == std::string::npos) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != '.' && c != 'e' && c != 'E' &&
        c != '-' && c != '+' && c != '_') {
      return false;
    }
  }
  std::string clean;
  for (char c : s) {
    if (c != '_') clean += c;
  }
  char* end = nullptr;
  double d = std::strtod(clean.c_str(), &end);
  if (end == clean.c_str() || *end != '\0') return false;
  *out = d;
  return true;
}

Value Scalar(const YAML::Node& n) {
  const std::string& s = n.Scalar();
  if (n.Tag() == "!" || n.Tag() == "tag:yaml.org,2002:str") return Value(s);
  if (n.Tag() == "?" || n.Tag().empty()) {
    if (IsOneOf(s, {"", "~", "null", "Null", "NULL"})) return Value();
    if (IsOneOf(s, {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", "y", "Y"})) {
      return Value(true);
    }
    if (IsOneOf(s, {"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF", "n", "N"})) {
      return Value(false);
    }
    int64_t i;
    if (ParseInt(s, &i)) return Value::Int(i, GoType::kInt64);
    double d;
    if (ParseFloat(s, &d)) return Value::Float(d);
  }
  return Value(s);
}

std::string Where(const YAML::Mark& m) {
  return "line " + std::to_string(m.line + 1) + ", column " + std::to_string(m.column + 1);
}

Result<Value> Convert(const YAML::Node& n, int depth) {
  if (depth > 200) return InvalidArgument(Where(n.Mark()) + ": YAML nested too deeply");
  switch (n.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
      return Value();
    case YAML::NodeType::Scalar:
      return Scalar(n);
    case YAML::NodeType::Sequence: {
      List items;
      for (const auto& e : n) {
        ASSIGN_OR_RETURN(Value v, Convert(e, depth + 1));
        items.push_back(std::move(v));
      }
      return Value::FromList(std::move(items));
    }
    case YAML::NodeType::Map: {
      Map m;
      for (const auto& kv : n) {
        if (!kv.first.IsScalar()) {
          return InvalidArgument(Where(kv.first.Mark()) + ": mapping keys must be scalars");
        }
        ASSIGN_OR_RETURN(Value v, Convert(kv.second, depth + 1));
        m[kv.first.Scalar()] = std::move(v);
      }
      return Value::FromMap(std::move(m));
    }
  }
  return Value();
}

std::string YamlError(const YAML::Exception& e) {
  if (e.mark.is_null()) return "invalid YAML: " + e.msg;
  return "invalid YAML at " + Where(e.mark) + ": " + e.msg;
}

}  // namespace

Result<Value> ParseYaml(std::string_view text) {
  try {
    YAML::Node n = YAML::Load(std::string(text));
    return Convert(n, 0);
  } catch (const YAML::Exception& e) {
    return InvalidArgument(YamlError(e));
  }
}

Result<std::vector<Value>> ParseYamlStream(std::string_view text) {
  try {
    std::vector<Value> out;
    for (const YAML::Node& n : YAML::LoadAll(std::string(text))) {
      if (n.IsNull() || !n.IsDefined()) continue;
      ASSIGN_OR_RETURN(Value v, Convert(n, 0));
      out.push_back(std::move(v));
    }
    return out;
  } catch (const YAML::Exception& e) {
    return InvalidArgument(YamlError(e));
  }
}

}  // namespace kanon::value
