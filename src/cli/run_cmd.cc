#include <CLI/CLI.hpp>
#include <atomic>
#include <chrono>
#include <csignal>
#include <ctime>
#include <iomanip>
#include <mutex>
#include <ostream>
#include <thread>

#include "cli/kanon_commands.h"
#include "engine/runner.h"
#include "engine/store_profile.h"
#include "model/types.h"
#include "value/yaml.h"

namespace kanon::cli {
namespace {

using value::Kind;
using value::Value;

const kube::Gvr kActionSets{"cr.kanister.io", "v1alpha1", "actionsets"};
std::atomic<int> g_signal{0};

void OnSignal(int sig) { g_signal.store(sig); }

Result<model::ObjectReference> Target(const std::string& kind, const std::string& spec) {
  size_t slash = spec.find('/');
  if (kind == "namespace") return model::ObjectReference{"", "", "", kind, spec, spec};
  if (slash == std::string::npos || slash == 0 || slash + 1 == spec.size()) {
    return InvalidArgument("--" + kind + " \"" + spec + "\": expected namespace/name");
  }
  return model::ObjectReference{"", "", "", kind, spec.substr(slash + 1), spec.substr(0, slash)};
}

Result<std::map<std::string, std::string>> KeyValues(const std::string& flag,
                                                     const std::vector<std::string>& items) {
  std::map<std::string, std::string> out;
  for (const auto& it : items) {
    size_t eq = it.find('=');
    if (eq == std::string::npos || eq == 0 || it.find('=', eq + 1) != std::string::npos) {
      return InvalidArgument(flag + " \"" + it + "\": expected key=value with exactly one '='");
    }
    out[it.substr(0, eq)] = it.substr(eq + 1);
  }
  return out;
}

Result<std::map<std::string, model::ObjectReference>> Refs(const std::string& flag,
                                                           const std::vector<std::string>& items,
                                                           const std::string& default_ns) {
  ASSIGN_OR_RETURN(auto kv, KeyValues(flag, items));
  std::map<std::string, model::ObjectReference> out;
  for (const auto& [ref, target] : kv) {
    size_t slash = target.find('/');
    model::ObjectReference r;
    r.name = slash == std::string::npos ? target : target.substr(slash + 1);
    r.namespace_ = slash == std::string::npos ? default_ns : target.substr(0, slash);
    out[ref] = r;
  }
  return out;
}

// Builds the ActionSet the flags describe (kanctl create actionset semantics).
Result<model::ActionSet> FromFlags(kube::KubeApi& api, const GlobalFlags& g, const RunFlags& f) {
  if (f.action.empty()) return InvalidArgument("--action is required (or -f ACTIONSET.yaml)");
  std::vector<model::ObjectReference> objects;
  auto add = [&](const std::string& kind, const std::vector<std::string>& specs) -> Status {
    for (const auto& s : specs) {
      ASSIGN_OR_RETURN(auto ref, Target(kind, s));
      objects.push_back(ref);
    }
    return OkStatus();
  };
  RETURN_IF_ERROR(add("statefulset", f.statefulsets));
  RETURN_IF_ERROR(add("deployment", f.deployments));
  RETURN_IF_ERROR(add("pvc", f.pvcs));
  RETURN_IF_ERROR(add("namespace", f.namespaces));
  ASSIGN_OR_RETURN(auto options, KeyValues("--options", f.options));
  ASSIGN_OR_RETURN(auto secrets, Refs("--secrets", f.secrets, g.namespace_));
  ASSIGN_OR_RETURN(auto config_maps, Refs("--config-maps", f.config_maps, g.namespace_));
  std::optional<model::ObjectReference> profile;
  if (!f.profile.empty()) {
    size_t slash = f.profile.find('/');
    profile = model::ObjectReference{};
    profile->kind = "Profile";
    profile->name = slash == std::string::npos ? f.profile : f.profile.substr(slash + 1);
    profile->namespace_ = slash == std::string::npos ? g.namespace_ : f.profile.substr(0, slash);
  }
  model::ActionSet as;
  std::string generate = f.action + "-" + (f.from.empty() ? "" : f.from + "-");
  value::Map meta{{"namespace", Value(g.namespace_)}};
  if (!f.name.empty())
    meta["name"] = Value(f.name);
  else
    meta["generateName"] = Value(generate);
  as.metadata = Value::FromMap(std::move(meta));
  auto make = [&](const model::ObjectReference& obj, const std::string& blueprint) {
    model::ActionSpec a;
    a.name = f.action;
    a.object = obj;
    a.blueprint = blueprint;
    a.profile = profile;
    a.options = options;
    a.secrets = secrets;
    a.config_maps = config_maps;
    return a;
  };
  if (f.from.empty()) {
    if (f.blueprint.empty()) return InvalidArgument("--blueprint is required");
    if (objects.empty()) {
      return InvalidArgument(
          "name the action's object: --statefulset, --deployment, --pvc or "
          "--namespacetargets");
    }
    for (const auto& o : objects) as.actions.push_back(make(o, f.blueprint));
    return as;
  }
  auto parent_obj = api.Get(kActionSets, g.namespace_, f.from);
  if (!parent_obj.ok()) return parent_obj.status().WithContext("--from");
  ASSIGN_OR_RETURN(model::ActionSet parent, model::DecodeActionSet(*parent_obj));
  if (!parent.status || parent.status->state != model::kStateComplete) {
    return FailedPrecondition("--from " + f.from + ": the parent ActionSet is " +
                              (parent.status ? parent.status->state : std::string("not started")) +
                              ", not complete");
  }
  for (size_t i = 0; i < parent.status->actions.size(); ++i) {
    const auto& pa = parent.status->actions[i];
    const model::ActionSpec* ps = i < parent.actions.size() ? &parent.actions[i] : nullptr;
    std::vector<model::ObjectReference> targets = objects;
    if (targets.empty()) targets.push_back(pa.object);
    for (const auto& o : targets) {
      model::ActionSpec a = make(o, f.blueprint.empty() ? pa.blueprint : f.blueprint);
      a.artifacts = pa.artifacts;
      if (ps) {
        if (!profile) a.profile = ps->profile;
        if (f.secrets.empty()) a.secrets = ps->secrets;
        if (f.config_maps.empty()) a.config_maps = ps->config_maps;
        a.options = ps->options;
        for (const auto& [k, v] : options) a.options[k] = v;
      }
      as.actions.push_back(a);
    }
  }
  return as;
}

std::string Clock() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%H:%M:%S", &tm);
  return buf;
}

}  // namespace

CLI::App* AddRunCommand(CLI::App* app, RunFlags* f) {
  CLI::App* cmd = app->add_subcommand(
      "run",
      "Create an ActionSet and execute it here, phase by phase, until it ends; exit 0 only if it "
      "completes.\nExamples:\n"
      "  kanon --local ./state run --action backup --blueprint postgres-bp \\\n"
      "      --statefulset shop/shop-postgresql --profile kanister/local-fs\n"
      "  kanon --local ./state run --action restore --from backup-x7k2p\n"
      "  kanon --local ./state run -f actionset.yaml");
  cmd->add_option("-f,--filename", f->file, "an ActionSet manifest");
  cmd->add_option("-a,--action", f->action, "action to run");
  cmd->add_option("-b,--blueprint", f->blueprint, "blueprint holding the action");
  cmd->add_option("-A,--name", f->name, "ActionSet name (default: <action>-<random>)");
  cmd->add_option("-t,--statefulset", f->statefulsets, "namespace/name[,...]")->delimiter(',');
  cmd->add_option("-d,--deployment", f->deployments, "namespace/name[,...]")->delimiter(',');
  cmd->add_option("-v,--pvc", f->pvcs, "namespace/name[,...]")->delimiter(',');
  cmd->add_option("-T,--namespacetargets", f->namespaces, "namespace[,...]")->delimiter(',');
  cmd->add_option("-p,--profile", f->profile, "profile name or namespace/name");
  cmd->add_option("--from", f->from,
                  "parent ActionSet (must be complete): its artifacts become inputs");
  cmd->add_option("-o,--options", f->options, "key=value[,...]")->delimiter(',');
  cmd->add_option("-s,--secrets", f->secrets, "ref=namespace/name[,...]")->delimiter(',');
  cmd->add_option("-c,--config-maps", f->config_maps, "ref=namespace/name[,...]")->delimiter(',');
  cmd->add_flag("-q,--quiet", f->quiet, "do not stream phase command output");
  return cmd;
}

int RunRun(const GlobalFlags& g, const RunFlags& f, std::ostream& out, std::ostream& err) {
  auto cluster = OpenCluster(g);
  if (!cluster.ok()) {
    err << "error: " << cluster.status().message() << "\n";
    return 1;
  }
  kube::KubeApi& api = **cluster;
  Value manifest;
  if (!f.file.empty()) {
    auto docs = ReadManifests({f.file});
    if (!docs.ok() || docs->size() != 1) {
      err << "error: "
          << (docs.ok() ? f.file + ": expected exactly one ActionSet" : docs.status().message())
          << "\n";
      return 1;
    }
    auto as = model::DecodeActionSet(docs->front().second);
    if (!as.ok()) {
      err << "error: " << f.file << ": " << as.status().message() << "\n";
      return 1;
    }
    manifest = docs->front().second;
  } else {
    auto as = FromFlags(api, g, f);
    if (!as.ok()) {
      err << "error: " << as.status().message() << "\n";
      return 1;
    }
    manifest = model::EncodeActionSet(*as);
  }
  const Value* meta = manifest.Find("metadata");
  const Value* mns = meta ? meta->Find("namespace") : nullptr;
  std::string ns = mns && mns->kind() == Kind::kString && !mns->AsString().empty() ? mns->AsString()
                                                                                   : g.namespace_;
  auto created = api.Create(kActionSets, ns, manifest);
  if (!created.ok()) {
    err << "error: creating the ActionSet: " << created.status().message() << "\n";
    return 1;
  }
  std::string name = created->Find("metadata")->Find("name")->AsString();
  out << "actionset " << name << " created\n" << std::flush;

  kube::CancelToken cancel;
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  std::atomic<bool> done{false};
  std::thread watcher([&] {
    while (!done.load()) {
      if (g_signal.load() != 0) {
        cancel.Cancel();
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  });
  std::mutex mu;
  auto started = std::chrono::steady_clock::now();
  std::map<std::string, std::chrono::steady_clock::time_point> phase_start;
  engine::RunOptions o;
  o.cancel = &cancel;
  o.open_store = engine::DefaultStoreOpener();
  o.on_event = [&](const engine::RunEvent& e) {
    std::lock_guard<std::mutex> lock(mu);
    std::string key = e.action + "/" + e.phase;
    auto now = std::chrono::steady_clock::now();
    if (e.state == model::kStateRunning) phase_start[key] = now;
    err << "[" << Clock() << "] " << e.action << (e.phase.empty() ? "" : " phase " + e.phase)
        << ": " << e.state;
    if (e.state != model::kStateRunning && phase_start.count(key)) {
      double s = std::chrono::duration<double>(now - phase_start[key]).count();
      err << " (" << std::fixed << std::setprecision(2) << s << "s)";
    }
    if (!e.message.empty() && e.message != "defer") err << "\n    " << e.message;
    err << "\n";
  };
  if (!f.quiet) {
    o.on_output = [&](std::string_view chunk) {
      std::lock_guard<std::mutex> lock(mu);
      err << chunk;
    };
  }
  engine::Runner runner(api, engine::BuiltinRegistry(), o);
  auto result = runner.Run(ns, name);
  done.store(true);
  watcher.join();
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  if (!result.ok()) {
    err << "error: actionset " << ns << "/" << name << ": " << result.status().message() << "\n";
    return 1;
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  out << value::ToYaml(
      Value::FromMap(value::Map{{"status", model::EncodeActionSetStatus(*result->status)}}));
  const auto& st = *result->status;
  err << "actionset " << name << " " << st.state << " in " << std::fixed << std::setprecision(2)
      << secs << "s\n";
  if (st.state != model::kStateComplete) {
    if (!st.error_message.empty()) err << "error: " << st.error_message << "\n";
    return 1;
  }
  return 0;
}

}  // namespace kanon::cli
