#include "engine/validate.h"

#include <regex>
#include <set>

#include "tmpl/template.h"

namespace kanon::engine {
namespace {

using value::Kind;
using value::Value;

// Calls `fn(path, text)` for every string (and map key) inside `v`.
template <typename Fn>
void ForEachString(const Value& v, const std::string& path, Fn&& fn) {
  switch (v.kind()) {
    case Kind::kString:
      fn(path, v.AsString());
      break;
    case Kind::kList:
      for (size_t i = 0; i < v.AsList().size(); ++i) {
        ForEachString(v.AsList()[i], path + "[" + std::to_string(i) + "]", fn);
      }
      break;
    case Kind::kMap:
      for (const auto& [k, e] : v.AsMap()) {
        fn(path + " (key)", k);
        ForEachString(e, path + "." + k, fn);
      }
      break;
    default:
      break;
  }
}

std::set<std::string> Matches(const std::string& text, const std::regex& re) {
  std::set<std::string> out;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator();
       ++it) {
    out.insert((*it)[1].str());
  }
  return out;
}

struct Checker {
  const Registry& registry;
  std::vector<std::string> problems;
  std::map<std::string, std::string> phase_owner;  // phase name -> where first defined
  std::set<std::string> written_artifacts;
  std::vector<std::pair<std::string, std::string>> read_artifacts;  // (where, name)

  void Template(const std::string& where, const std::string& text) {
    if (text.find("{{") == std::string::npos) return;
    auto t = tmpl::Template::Parse("config", text);
    if (!t.ok()) problems.push_back(where + ": " + t.status().message());
    static const std::regex kArtifact(R"(\.ArtifactsIn\.([A-Za-z0-9_]+))");
    static const std::regex kIndexArtifact(R"re(index\s+\.ArtifactsIn\s+"([^"]+)")re");
    for (const auto& a : Matches(text, kArtifact)) read_artifacts.emplace_back(where, a);
    for (const auto& a : Matches(text, kIndexArtifact)) read_artifacts.emplace_back(where, a);
  }

  void PhaseRefs(const std::string& where, const std::string& text,
                 const std::set<std::string>& visible) {
    static const std::regex kPhase(R"(\.Phases\.([A-Za-z0-9_]+))");
    for (const auto& p : Matches(text, kPhase)) {
      if (!visible.count(p)) {
        problems.push_back(where + ": refers to .Phases." + p +
                           ", which is not an earlier phase of this action");
      }
    }
  }

  void Phase(const std::string& action, const model::BlueprintPhase& p,
             const std::set<std::string>& visible, const std::string& where) {
    auto [it, inserted] = phase_owner.emplace(p.name, where);
    if (!inserted) {
      problems.push_back(where + ": Duplicated phase name is not allowed: \"" + p.name +
                         "\" is also " + it->second);
    }
    auto fn = registry.Find(p.func);
    if (!fn.ok()) {
      problems.push_back(where + ": " + fn.status().message());
    } else {
      for (const auto& m : registry.CheckRaw(**fn, p.args)) problems.push_back(where + ": " + m);
    }
    ForEachString(p.args, where + ".args", [&](const std::string& path, const std::string& s) {
      Template(path, s);
      PhaseRefs(path, s, visible);
    });
    for (const auto& [k, ref] : p.objects) {
      for (const std::string* f : {&ref.name, &ref.namespace_, &ref.kind}) {
        Template(where + ".objects." + k, *f);
      }
    }
    (void)action;
  }
};

}  // namespace

std::vector<std::string> ValidateBlueprint(const model::Blueprint& bp, const Registry& registry) {
  Checker c{registry, {}, {}, {}, {}};
  for (const auto& [name, action] : bp.actions) {
    for (const auto& [art, _] : action.output_artifacts) c.written_artifacts.insert(art);
  }
  for (const auto& [name, action] : bp.actions) {
    std::set<std::string> visible;
    for (size_t i = 0; i < action.phases.size(); ++i) {
      const auto& p = action.phases[i];
      std::string where = "actions." + name + ".phases[" + std::to_string(i) + "] (" + p.name + ")";
      std::set<std::string> self = visible;
      self.insert(p.name);  // a phase may read its own Secrets/ConfigMaps
      c.Phase(name, p, self, where);
      visible.insert(p.name);
    }
    if (action.defer_phase) {
      std::set<std::string> self = visible;
      self.insert(action.defer_phase->name);
      c.Phase(name, *action.defer_phase, self,
              "actions." + name + ".deferPhase (" + action.defer_phase->name + ")");
      visible.insert(action.defer_phase->name);
    }
    for (const auto& [art, a] : action.output_artifacts) {
      for (const auto& [k, v] : a.key_value) {
        std::string where = "actions." + name + ".outputArtifacts." + art + ".keyValue." + k;
        c.Template(where, v);
        c.PhaseRefs(where, v, visible);
      }
    }
    for (const auto& in : action.input_artifact_names) {
      if (!c.written_artifacts.count(in)) {
        c.problems.push_back("actions." + name + ".inputArtifactNames: artifact \"" + in +
                             "\" is not written by any action's outputArtifacts");
      }
    }
  }
  for (const auto& [where, art] : c.read_artifacts) {
    if (!c.written_artifacts.count(art)) {
      c.problems.push_back(where + ": reads .ArtifactsIn." + art +
                           ", which no action of this blueprint writes in outputArtifacts");
    }
  }
  return c.problems;
}

}  // namespace kanon::engine
