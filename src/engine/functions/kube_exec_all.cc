// KubeExecAll: runs a command in every pod x container concurrently; errors are joined and the
// stdouts concatenated before outputs are parsed.
#include <mutex>
#include <sstream>
#include <thread>

#include "engine/functions/builtin.h"
#include "engine/output.h"

namespace kanon::engine::functions {
namespace {

std::vector<std::string> Fields(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

class KubeExecAll final : public Function {
 public:
  std::string_view name() const override { return "KubeExecAll"; }
  const std::vector<ArgSpec>& args() const override {
    static const std::vector<ArgSpec> kArgs = {
        {"namespace", ArgType::kString, true, {}, "namespace of the pods"},
        {"pods", ArgType::kString, true, {}, "space-separated pod names"},
        {"containers", ArgType::kString, true, {}, "space-separated container names"},
        {"command", ArgType::kStringList, true, {}, "command and arguments"},
    };
    return kArgs;
  }
  Result<Value> Exec(FunctionContext& ctx, const Args& args) const override {
    std::mutex mu;
    std::string all_stdout;
    std::vector<std::string> errors;
    std::vector<std::thread> threads;
    for (const auto& pod : Fields(args.String("pods"))) {
      for (const auto& container : Fields(args.String("containers"))) {
        threads.emplace_back([&, pod, container] {
          kube::ExecRequest req;
          req.namespace_ = args.String("namespace");
          req.pod = pod;
          req.container = container;
          req.command = args.StringList("command");
          req.cancel = ctx.cancel;
          auto r = ctx.api.Exec(req);
          std::lock_guard<std::mutex> lock(mu);
          if (!r.ok()) {
            errors.push_back(r.status().message());
            return;
          }
          all_stdout += r->stdout_data;
          if (r->exit_code != 0) {
            errors.push_back("pod " + pod + " container " + container + " exited " +
                             std::to_string(r->exit_code) + ": " + r->stderr_data);
          }
        });
      }
    }
    for (auto& t : threads) t.join();
    if (!errors.empty()) {
      std::string m = errors[0];
      for (size_t i = 1; i < errors.size(); ++i) m += "\n" + errors[i];
      return FailedPrecondition(m);
    }
    OutputParser parser;
    RETURN_IF_ERROR(parser.Feed(all_stdout));
    RETURN_IF_ERROR(parser.Finish());
    return parser.ToValue();
  }
};

}  // namespace

std::unique_ptr<Function> NewKubeExecAll() { return std::make_unique<KubeExecAll>(); }

}  // namespace kanon::engine::functions
