#include <CLI/CLI.hpp>
#include <ostream>

#include "cli/kanon_commands.h"
#include "model/types.h"

namespace kanon::cli {
namespace {

using value::Kind;
using value::Value;

std::string Str(const Value& v, std::initializer_list<std::string_view> path) {
  const Value* cur = &v;
  for (auto k : path) {
    cur = cur->Find(k);
    if (!cur) return "";
  }
  return cur->kind() == Kind::kString ? cur->AsString() : "";
}

// Kanister kinds are checked strictly before they are stored.
Status CheckKanisterKind(const std::string& kind, const Value& obj) {
  if (kind == "ActionSet") return model::DecodeActionSet(obj).status();
  if (kind == "Blueprint") return model::DecodeBlueprint(obj).status();
  if (kind == "Profile") return model::DecodeProfile(obj).status();
  return OkStatus();
}

Value WithNamespace(const Value& obj, const std::string& ns) {
  value::Map m = obj.AsMap();
  value::Map meta = m.count("metadata") && m["metadata"].kind() == Kind::kMap
                        ? m["metadata"].AsMap()
                        : value::Map{};
  meta["namespace"] = Value(ns);
  m["metadata"] = Value::FromMap(std::move(meta));
  return Value::FromMap(std::move(m));
}

}  // namespace

CLI::App* AddApplyCommand(CLI::App* app, ApplyFlags* f) {
  CLI::App* cmd = app->add_subcommand(
      "apply",
      "Create or update objects from YAML/JSON manifests (files or directories), like kubectl "
      "apply.\nExample: kanon --local ./state apply -f examples/postgres/");
  cmd->add_option("-f,--filename", f->files, "manifest file or directory ('-' = stdin)")
      ->required();
  return cmd;
}

int RunApply(const GlobalFlags& g, const ApplyFlags& f, std::ostream& out, std::ostream& err) {
  auto docs = ReadManifests(f.files);
  if (!docs.ok()) {
    err << "error: " << docs.status().message() << "\n";
    return 1;
  }
  // Check everything before writing anything, so a bad file leaves the cluster unchanged.
  std::vector<std::string> problems;
  std::vector<std::pair<kube::KindInfo, Value>> ready;
  for (const auto& [file, obj] : *docs) {
    std::string kind = Str(obj, {"kind"});
    std::string name = Str(obj, {"metadata", "name"});
    std::string what = file + ": " + (kind.empty() ? "object" : kind) + " \"" + name + "\"";
    if (kind.empty()) {
      problems.push_back(file + ": object has no kind");
      continue;
    }
    auto info = kube::ResolveKind(kind);
    if (!info.ok()) {
      problems.push_back(what + ": " + info.status().message());
      continue;
    }
    if (name.empty() && Str(obj, {"metadata", "generateName"}).empty()) {
      problems.push_back(what + ": metadata.name is required");
      continue;
    }
    Status s = CheckKanisterKind(info->kind, obj);
    if (!s.ok()) {
      problems.push_back(what + ":\n  " + s.message());
      continue;
    }
    std::string ns = Str(obj, {"metadata", "namespace"});
    if (g.namespace_set || ns.empty()) ns = g.namespace_;
    ready.emplace_back(*info, info->namespaced ? WithNamespace(obj, ns) : obj);
  }
  if (!problems.empty()) {
    for (const auto& p : problems) err << "error: " << p << "\n";
    err << "nothing applied: " << problems.size() << " problem(s)\n";
    return 1;
  }
  auto cluster = OpenCluster(g);
  if (!cluster.ok()) {
    err << "error: " << cluster.status().message() << "\n";
    return 1;
  }
  int failures = 0;
  for (const auto& [info, obj] : ready) {
    std::string ns = info.namespaced ? Str(obj, {"metadata", "namespace"}) : "";
    std::string name = Str(obj, {"metadata", "name"});
    std::string label = info.singular + (info.gvr.group.empty() ? "" : "." + info.gvr.group);
    auto existing = (*cluster)->Get(info.gvr, ns, name);
    Result<Value> r = Status(Code::kInternal, "unset");
    const char* verb;
    if (existing.ok()) {
      value::Map m = obj.AsMap();
      value::Map meta = m["metadata"].AsMap();
      meta["resourceVersion"] = Value(Str(*existing, {"metadata", "resourceVersion"}));
      m["metadata"] = Value::FromMap(std::move(meta));
      if (const Value* st = existing->Find("status"); st && !m.count("status")) m["status"] = *st;
      r = (*cluster)->Update(info.gvr, ns, Value::FromMap(std::move(m)));
      verb = "configured";
    } else {
      r = (*cluster)->Create(info.gvr, ns, obj);
      verb = "created";
    }
    if (!r.ok()) {
      err << "error: " << label << "/" << name << ": " << r.status().message() << "\n";
      ++failures;
      continue;
    }
    out << label << "/" << Str(*r, {"metadata", "name"}) << " " << verb << "\n";
  }
  return failures == 0 ? 0 : 1;
}

}  // namespace kanon::cli
