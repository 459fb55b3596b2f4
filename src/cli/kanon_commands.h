// The kanon subcommands that work on a cluster (the embedded one with --local DIR): apply, get,
// delete, validate and run. Each lives in its own file; they share the flags below.
#pragma once

#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "kube/kube_api.h"

namespace CLI {
class App;
}

namespace kanon::cli {

struct GlobalFlags {
  std::string local_dir;               // --local: state directory of the embedded cluster
  std::string namespace_ = "default";  // -n
  bool namespace_set = false;
};

// Opens the cluster the global flags name.
Result<std::unique_ptr<kube::KubeApi>> OpenCluster(const GlobalFlags& g);

struct ApplyFlags {
  std::vector<std::string> files;
};
CLI::App* AddApplyCommand(CLI::App* app, ApplyFlags* f);
int RunApply(const GlobalFlags& g, const ApplyFlags& f, std::ostream& out, std::ostream& err);

struct GetFlags {
  std::string kind, name, output;
  bool all_namespaces = false;
};
CLI::App* AddGetCommand(CLI::App* app, GetFlags* f);
int RunGet(const GlobalFlags& g, const GetFlags& f, std::ostream& out, std::ostream& err);

struct DeleteFlags {
  std::string kind;
  std::vector<std::string> names;
};
CLI::App* AddDeleteCommand(CLI::App* app, DeleteFlags* f);
int RunDelete(const GlobalFlags& g, const DeleteFlags& f, std::ostream& out, std::ostream& err);

struct ValidateFlags {
  std::vector<std::string> files;
};
CLI::App* AddValidateCommand(CLI::App* app, ValidateFlags* f);
int RunValidate(const ValidateFlags& f, std::ostream& out, std::ostream& err);

struct RunFlags {
  std::string file;  // -f: an ActionSet manifest
  std::string action, blueprint, profile, from, name;
  std::vector<std::string> statefulsets, deployments, pvcs, namespaces;
  std::vector<std::string> options, secrets, config_maps;
  bool quiet = false;
};
CLI::App* AddRunCommand(CLI::App* app, RunFlags* f);
int RunRun(const GlobalFlags& g, const RunFlags& f, std::ostream& out, std::ostream& err);

// Reads YAML/JSON manifests from files or directories (recursively, *.yaml|*.yml|*.json,
// sorted), one Value per document; errors name the file and line.
Result<std::vector<std::pair<std::string, value::Value>>> ReadManifests(
    const std::vector<std::string>& paths);

}  // namespace kanon::cli
