#include <CLI/CLI.hpp>
#include <iomanip>
#include <ostream>

#include "cli/kanon_commands.h"
#include "value/json.h"
#include "value/yaml.h"

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
  if (cur->kind() == Kind::kInt) return std::to_string(cur->AsInt());
  return cur->kind() == Kind::kString ? cur->AsString() : "";
}

// Extra columns per kind, like kubectl's printers and the ActionSet printer columns.
std::vector<std::pair<std::string, std::vector<std::string_view>>> Columns(
    const std::string& kind) {
  if (kind == "ActionSet") {
    return {{"STATE", {"status", "state"}},
            {"PROGRESS", {"status", "progress", "percentCompleted"}},
            {"RUNNING PHASE", {"status", "progress", "runningPhase"}}};
  }
  if (kind == "Pod") return {{"STATUS", {"status", "phase"}}};
  if (kind == "StatefulSet" || kind == "Deployment") {
    return {{"READY", {"status", "readyReplicas"}}, {"REPLICAS", {"spec", "replicas"}}};
  }
  return {};
}

void PrintTable(const kube::KindInfo& info, const std::vector<Value>& items, bool with_ns,
                std::ostream& out) {
  auto cols = Columns(info.kind);
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> header;
  if (with_ns) header.push_back("NAMESPACE");
  header.push_back("NAME");
  for (const auto& c : cols) header.push_back(c.first);
  rows.push_back(header);
  for (const Value& it : items) {
    std::vector<std::string> row;
    if (with_ns) row.push_back(Str(it, {"metadata", "namespace"}));
    row.push_back(Str(it, {"metadata", "name"}));
    for (const auto& c : cols) {
      const Value* cur = &it;
      for (auto k : c.second) cur = cur ? cur->Find(k) : nullptr;
      std::string cell = !cur                           ? ""
                         : cur->kind() == Kind::kInt    ? std::to_string(cur->AsInt())
                         : cur->kind() == Kind::kString ? cur->AsString()
                                                        : "";
      row.push_back(cell.empty() ? "<none>" : cell);
    }
    rows.push_back(row);
  }
  std::vector<size_t> width(header.size(), 0);
  for (const auto& r : rows) {
    for (size_t i = 0; i < r.size(); ++i) width[i] = std::max(width[i], r[i].size());
  }
  for (const auto& r : rows) {
    for (size_t i = 0; i < r.size(); ++i) {
      out << r[i];
      if (i + 1 < r.size()) out << std::string(width[i] - r[i].size() + 3, ' ');
    }
    out << "\n";
  }
}

int Print(const Value& v, const std::string& format, std::ostream& out, std::ostream& err) {
  if (format == "yaml") {
    out << value::ToYaml(v);
  } else {
    auto j = value::ToJson(v, value::JsonOptions{.escape_html = false, .indent = "    "});
    if (!j.ok()) {
      err << "error: " << j.status().message() << "\n";
      return 1;
    }
    out << *j << "\n";
  }
  return 0;
}

}  // namespace

CLI::App* AddGetCommand(CLI::App* app, GetFlags* f) {
  CLI::App* cmd = app->add_subcommand(
      "get",
      "Show objects of a kind (as kubectl takes it: singular, plural or short name), one or all.\n"
      "Examples: kanon --local ./state get actionsets\n"
      "          kanon --local ./state get actionset backup-x7k2p -o yaml");
  cmd->add_option("kind", f->kind, "kind: actionset, blueprint, profile, pod, sts, ...")
      ->required();
  cmd->add_option("name", f->name, "object name (default: all)");
  cmd->add_option("-o,--output", f->output, "yaml or json (default: a table)")
      ->check(CLI::IsMember({"yaml", "json", ""}));
  cmd->add_flag("-A,--all-namespaces", f->all_namespaces, "list across namespaces");
  return cmd;
}

int RunGet(const GlobalFlags& g, const GetFlags& f, std::ostream& out, std::ostream& err) {
  auto info = kube::ResolveKind(f.kind);
  if (!info.ok()) {
    err << "error: " << info.status().message() << "\n";
    return 1;
  }
  auto cluster = OpenCluster(g);
  if (!cluster.ok()) {
    err << "error: " << cluster.status().message() << "\n";
    return 1;
  }
  std::string ns = info->namespaced && !f.all_namespaces ? g.namespace_ : "";
  if (!f.name.empty()) {
    auto obj = (*cluster)->Get(info->gvr, ns, f.name);
    if (!obj.ok()) {
      err << "Error from server ("
          << (obj.status().code() == Code::kNotFound ? "NotFound" : "Error")
          << "): " << obj.status().message() << "\n";
      return 1;
    }
    if (f.output.empty()) {
      PrintTable(*info, {*obj}, false, out);
      return 0;
    }
    return Print(*obj, f.output, out, err);
  }
  auto items = (*cluster)->List(info->gvr, ns, kube::LabelSelector());
  if (!items.ok()) {
    err << "error: " << items.status().message() << "\n";
    return 1;
  }
  if (f.output.empty()) {
    if (items->empty()) {
      err << "No resources found" << (ns.empty() ? "" : " in " + ns + " namespace") << ".\n";
      return 0;
    }
    PrintTable(*info, *items, f.all_namespaces, out);
    return 0;
  }
  value::List list(items->begin(), items->end());
  Value v = Value::FromMap(
      value::Map{{"apiVersion", Value("v1")},
                 {"kind", Value("List")},
                 {"items", Value::FromList(std::move(list))},
                 {"metadata", Value::FromMap(value::Map{{"resourceVersion", Value("")}})}});
  return Print(v, f.output, out, err);
}

CLI::App* AddDeleteCommand(CLI::App* app, DeleteFlags* f) {
  CLI::App* cmd =
      app->add_subcommand("delete",
                          "Delete objects by kind and name (pods' processes are stopped).\n"
                          "Example: kanon --local ./state delete actionset backup-x7k2p");
  cmd->add_option("kind", f->kind, "kind")->required();
  cmd->add_option("names", f->names, "names")->required();
  return cmd;
}

int RunDelete(const GlobalFlags& g, const DeleteFlags& f, std::ostream& out, std::ostream& err) {
  auto info = kube::ResolveKind(f.kind);
  if (!info.ok()) {
    err << "error: " << info.status().message() << "\n";
    return 1;
  }
  auto cluster = OpenCluster(g);
  if (!cluster.ok()) {
    err << "error: " << cluster.status().message() << "\n";
    return 1;
  }
  int rc = 0;
  std::string label = info->singular + (info->gvr.group.empty() ? "" : "." + info->gvr.group);
  for (const auto& name : f.names) {
    Status s = (*cluster)->Delete(info->gvr, info->namespaced ? g.namespace_ : "", name);
    if (!s.ok()) {
      err << "Error from server (" << (s.code() == Code::kNotFound ? "NotFound" : "Error")
          << "): " << s.message() << "\n";
      rc = 1;
    } else {
      out << label << " \"" << name << "\" deleted\n";
    }
  }
  return rc;
}

}  // namespace kanon::cli
