#include "engine/render.h"

#include "tmpl/template.h"

namespace kanon::engine {

using value::Kind;
using value::Value;

Result<std::string> RenderString(const std::string& text, const Value& params) {
  if (text.find("{{") == std::string::npos) return text;
  auto r = tmpl::Render(text, params);
  if (r.ok()) return r;
  const std::string& m = r.status().message();
  const std::string needle = "map has no entry for key \"";
  size_t at = m.find(needle);
  if (at != std::string::npos) {
    size_t start = at + needle.size();
    size_t end = m.find('"', start);
    return InvalidArgument("Failed to render template: \"" + m.substr(start, end - start) +
                           "\" not found (" + m + ")");
  }
  return InvalidArgument("Failed to render template: " + m);
}

Result<Value> RenderArgs(const Value& args, const Value& params) {
  switch (args.kind()) {
    case Kind::kString: {
      ASSIGN_OR_RETURN(std::string s, RenderString(args.AsString(), params));
      return Value(std::move(s));
    }
    case Kind::kList: {
      value::List out;
      for (const Value& e : args.AsList()) {
        ASSIGN_OR_RETURN(Value r, RenderArgs(e, params));
        out.push_back(std::move(r));
      }
      return Value::FromList(std::move(out));
    }
    case Kind::kMap: {
      value::Map out;
      for (const auto& [k, v] : args.AsMap()) {
        ASSIGN_OR_RETURN(std::string key, RenderString(k, params));
        ASSIGN_OR_RETURN(Value r, RenderArgs(v, params));
        out[key] = std::move(r);
      }
      return Value::FromMap(std::move(out));
    }
    default:
      return args;
  }
}

Result<std::map<std::string, model::ObjectReference>> RenderObjects(
    const std::map<std::string, model::ObjectReference>& objects, const Value& params) {
  std::map<std::string, model::ObjectReference> out;
  for (const auto& [key, ref] : objects) {
    model::ObjectReference r = ref;
    for (std::string* f :
         {&r.api_version, &r.group, &r.resource, &r.kind, &r.name, &r.namespace_}) {
      auto s = RenderString(*f, params);
      if (!s.ok()) return s.status().WithContext("object \"" + key + "\"");
      *f = *s;
    }
    out[key] = r;
  }
  return out;
}

Result<std::map<std::string, model::Artifact>> RenderArtifacts(
    const std::map<std::string, model::Artifact>& artifacts, const Value& params) {
  std::map<std::string, model::Artifact> out;
  for (const auto& [name, a] : artifacts) {
    model::Artifact r;
    for (const auto& [k, v] : a.key_value) {
      auto s = RenderString(v, params);
      if (!s.ok()) return s.status().WithContext("artifact \"" + name + "\" key \"" + k + "\"");
      r.key_value[k] = *s;
    }
    auto ks = RenderString(a.kopia_snapshot, params);
    if (!ks.ok()) return ks.status().WithContext("artifact \"" + name + "\"");
    r.kopia_snapshot = *ks;
    out[name] = r;
  }
  return out;
}

}  // namespace kanon::engine
