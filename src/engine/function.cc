#include "engine/function.h"

#include <cmath>

#include "base/suggest.h"
#include "engine/functions/builtin.h"

namespace kanon::engine {
namespace {

using value::Kind;

std::string ScalarText(const Value& v) {
  switch (v.kind()) {
    case Kind::kString:
      return v.AsString();
    case Kind::kBool:
      return v.AsBool() ? "1" : "0";  // mapstructure's WeakDecode of bool
    case Kind::kInt:
      return std::to_string(v.AsInt());
    case Kind::kUint:
      return std::to_string(v.AsUint());
    case Kind::kFloat: {
      double d = v.AsFloat();
      if (std::floor(d) == d && std::fabs(d) < 1e15) return std::to_string(static_cast<int64_t>(d));
      return std::to_string(d);
    }
    default:
      return "";
  }
}

// mapstructure WeakDecode into the declared type.
Result<Value> WeakDecode(const ArgSpec& spec, const Value& v) {
  auto bad = [&](const std::string& why) {
    return InvalidArgument("argument \"" + spec.name + "\": expected " +
                           std::string(ArgTypeName(spec.type)) + ", " + why);
  };
  switch (spec.type) {
    case ArgType::kAny:
      return v;
    case ArgType::kString:
      if (v.kind() == Kind::kList || v.kind() == Kind::kMap) return bad("got a list or map");
      return Value(ScalarText(v));
    case ArgType::kInt: {
      if (v.kind() == Kind::kInt) return Value::Int(v.AsInt(), value::GoType::kInt64);
      if (v.kind() == Kind::kFloat)
        return Value::Int(static_cast<int64_t>(v.AsFloat()), value::GoType::kInt64);
      if (v.kind() == Kind::kBool) return Value::Int(v.AsBool() ? 1 : 0, value::GoType::kInt64);
      if (v.kind() == Kind::kString) {
        const std::string& s = v.AsString();
        if (s.empty()) return Value::Int(0, value::GoType::kInt64);
        char* end = nullptr;
        long long n = std::strtoll(s.c_str(), &end, 0);
        if (*end == '\0') return Value::Int(n, value::GoType::kInt64);
        return bad("got \"" + s + "\"");
      }
      return bad("got " + v.GoTypeName());
    }
    case ArgType::kBool: {
      if (v.kind() == Kind::kBool) return v;
      if (v.kind() == Kind::kInt) return Value(v.AsInt() != 0);
      if (v.kind() == Kind::kString) {
        const std::string& s = v.AsString();
        if (s == "1" || s == "t" || s == "T" || s == "true" || s == "TRUE" || s == "True")
          return Value(true);
        if (s.empty() || s == "0" || s == "f" || s == "F" || s == "false" || s == "FALSE" ||
            s == "False") {
          return Value(false);
        }
        return bad("got \"" + s + "\"");
      }
      return bad("got " + v.GoTypeName());
    }
    case ArgType::kStringList: {
      if (v.kind() != Kind::kList) return bad("got " + v.GoTypeName());
      value::List out;
      for (const Value& e : v.AsList()) {
        if (e.kind() == Kind::kList || e.kind() == Kind::kMap)
          return bad("got a nested list or map");
        out.emplace_back(ScalarText(e));
      }
      return Value::FromList(std::move(out), value::GoType::kStringList);
    }
    case ArgType::kMap:
      if (v.is_nil()) return Value::FromMap({});
      if (v.kind() != Kind::kMap) return bad("got " + v.GoTypeName());
      return v;
  }
  return v;
}

bool IsTemplate(const Value& v) {
  return v.kind() == Kind::kString && v.AsString().find("{{") != std::string::npos;
}

}  // namespace

std::string_view ArgTypeName(ArgType t) {
  switch (t) {
    case ArgType::kString:
      return "a string";
    case ArgType::kStringList:
      return "a list of strings";
    case ArgType::kInt:
      return "an integer";
    case ArgType::kBool:
      return "a boolean";
    case ArgType::kMap:
      return "a map";
    case ArgType::kAny:
      return "any value";
  }
  return "?";
}

bool Args::Has(std::string_view name) const { return values_.count(name) > 0; }

const Value& Args::Raw(std::string_view name) const {
  static const Value kNil;
  auto it = values_.find(name);
  return it == values_.end() ? kNil : it->second;
}

std::string Args::String(std::string_view name) const {
  const Value& v = Raw(name);
  return v.kind() == Kind::kString ? v.AsString() : "";
}

std::vector<std::string> Args::StringList(std::string_view name) const {
  std::vector<std::string> out;
  const Value& v = Raw(name);
  if (v.kind() == Kind::kList) {
    for (const Value& e : v.AsList()) out.push_back(e.kind() == Kind::kString ? e.AsString() : "");
  }
  return out;
}

int64_t Args::Int(std::string_view name) const {
  const Value& v = Raw(name);
  return v.kind() == Kind::kInt ? v.AsInt() : 0;
}

bool Args::Bool(std::string_view name) const {
  const Value& v = Raw(name);
  return v.kind() == Kind::kBool && v.AsBool();
}

void Registry::Register(std::unique_ptr<Function> f) {
  std::string name(f->name());
  funcs_[name] = std::move(f);
}

Result<const Function*> Registry::Find(std::string_view name) const {
  auto it = funcs_.find(name);
  if (it != funcs_.end()) return it->second.get();
  return NotFound("Requested function {" + std::string(name) + "} has not been registered" +
                  DidYouMeanSuffix(name, Names()));
}

std::vector<std::string> Registry::Names() const {
  std::vector<std::string> names;
  for (const auto& [k, v] : funcs_) names.push_back(k);
  return names;
}

Result<Args> Registry::Prepare(const Function& f, const Value& rendered) const {
  std::vector<std::string> problems;
  std::vector<std::string> known;
  for (const auto& a : f.args()) known.push_back(a.name);
  std::map<std::string, Value> out;
  if (!rendered.is_nil() && rendered.kind() != Kind::kMap) {
    return InvalidArgument("args of function " + std::string(f.name()) + " must be a map");
  }
  if (rendered.kind() == Kind::kMap) {
    for (const auto& [k, v] : rendered.AsMap()) {
      const ArgSpec* spec = nullptr;
      for (const auto& a : f.args()) {
        if (a.name == k) spec = &a;
      }
      if (spec == nullptr) {
        problems.push_back("Checking supported args for function " + std::string(f.name()) +
                           ".: argument " + k + " is not supported" + DidYouMeanSuffix(k, known));
        continue;
      }
      auto d = WeakDecode(*spec, v);
      if (!d.ok()) {
        problems.push_back("function " + std::string(f.name()) + ": " + d.status().message());
        continue;
      }
      out[k] = std::move(d).value();
    }
  }
  for (const auto& a : f.args()) {
    if (out.count(a.name) || (rendered.kind() == Kind::kMap && rendered.Find(a.name))) continue;
    if (a.required) {
      problems.push_back("Required args missing for function " + std::string(f.name()) +
                         ": Required arg missing: " + a.name);
    } else if (!a.default_value.is_nil()) {
      out[a.name] = a.default_value;
    }
  }
  if (!problems.empty()) {
    std::string m = problems[0];
    for (size_t i = 1; i < problems.size(); ++i) m += "; " + problems[i];
    return InvalidArgument(m);
  }
  return Args(std::move(out));
}

std::vector<std::string> Registry::CheckRaw(const Function& f, const Value& raw) const {
  std::vector<std::string> problems;
  std::vector<std::string> known;
  for (const auto& a : f.args()) known.push_back(a.name);
  if (!raw.is_nil() && raw.kind() != Kind::kMap) return {"args must be a map"};
  if (raw.kind() == Kind::kMap) {
    for (const auto& [k, v] : raw.AsMap()) {
      const ArgSpec* spec = nullptr;
      for (const auto& a : f.args()) {
        if (a.name == k) spec = &a;
      }
      if (spec == nullptr) {
        problems.push_back("argument \"" + k + "\" is not supported by " + std::string(f.name()) +
                           DidYouMeanSuffix(k, known));
        continue;
      }
      if (IsTemplate(v)) continue;
      auto d = WeakDecode(*spec, v);
      if (!d.ok()) problems.push_back(d.status().message());
    }
  }
  for (const auto& a : f.args()) {
    if (a.required && (raw.kind() != Kind::kMap || raw.Find(a.name) == nullptr)) {
      problems.push_back("required argument \"" + a.name + "\" of " + std::string(f.name()) +
                         " is missing");
    }
  }
  return problems;
}

const Registry& BuiltinRegistry() {
  static const Registry* r = [] {
    auto* reg = new Registry();
    functions::RegisterAll(reg);
    return reg;
  }();
  return *r;
}

}  // namespace kanon::engine
