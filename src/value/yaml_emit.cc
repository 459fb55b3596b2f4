#include <yaml-cpp/yaml.h>

#include "value/json.h"
#include "value/yaml.h"

namespace kanon::value {
namespace {

void Emit(YAML::Emitter& out, const Value& v) {
  switch (v.kind()) {
    case Kind::kNil:
      out << YAML::Null;
      break;
    case Kind::kBool:
      out << (v.AsBool() ? "true" : "false");
      break;
    case Kind::kInt:
      out << v.AsInt();
      break;
    case Kind::kUint:
      out << v.AsUint();
      break;
    case Kind::kFloat: {
      auto j = ToJson(v);
      out << (j.ok() ? *j : "0");
      break;
    }
    case Kind::kString:
    case Kind::kBytes: {
      // Quote strings a YAML reader would take for another type.
      auto reparsed = ParseYaml(v.AsString());
      bool plain_ok = reparsed.ok() && reparsed->kind() == Kind::kString &&
                      reparsed->AsString() == v.AsString() && !v.AsString().empty();
      if (!plain_ok) out << YAML::DoubleQuoted;
      out << v.AsString();
      break;
    }
    case Kind::kList:
      if (v.AsList().empty()) {
        out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
        break;
      }
      out << YAML::BeginSeq;
      for (const Value& e : v.AsList()) Emit(out, e);
      out << YAML::EndSeq;
      break;
    case Kind::kMap:
      if (v.AsMap().empty()) {
        out << YAML::Flow << YAML::BeginMap << YAML::EndMap;
        break;
      }
      out << YAML::BeginMap;
      for (const auto& [k, e] : v.AsMap()) {
        out << YAML::Key << k << YAML::Value;
        Emit(out, e);
      }
      out << YAML::EndMap;
      break;
    case Kind::kStruct:
    case Kind::kTime: {
      auto j = ToJson(v);
      auto back = j.ok() ? ParseJson(*j, NumberMode::kInt64WhenIntegral) : Result<Value>(Value());
      Emit(out, back.ok() ? *back : Value());
      break;
    }
  }
}

}  // namespace

std::string ToYaml(const Value& v) {
  YAML::Emitter out;
  Emit(out, v);
  std::string s = out.c_str();
  if (s.empty() || s.back() != '\n') s += '\n';
  return s;
}

}  // namespace kanon::value
