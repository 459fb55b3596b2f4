#include <cstdlib>

#include "cli/kanon_commands.h"
#include "kube/embedded/embedded_cluster.h"

namespace kanon::cli {

Result<std::unique_ptr<kube::KubeApi>> OpenCluster(const GlobalFlags& g) {
  std::string dir = g.local_dir;
  if (dir.empty()) {
    if (const char* env = std::getenv("KANON_LOCAL")) dir = env;
  }
  if (dir.empty()) {
    const char* home = std::getenv("HOME");
    dir = std::string(home ? home : ".") + "/.local/share/kanon/local";
  }
  auto c = kube::embedded::EmbeddedCluster::Open(dir);
  if (!c.ok()) return c.status().WithContext("opening the local cluster in \"" + dir + "\"");
  return std::unique_ptr<kube::KubeApi>(std::move(c).value());
}

}  // namespace kanon::cli
