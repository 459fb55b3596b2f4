// KubeExec: runs a command in a container of an existing pod; stdout carries phase outputs.
#include "engine/functions/builtin.h"
#include "engine/output.h"

namespace kanon::engine::functions {
namespace {

class KubeExec final : public Function {
 public:
  std::string_view name() const override { return "KubeExec"; }
  const std::vector<ArgSpec>& args() const override {
    static const std::vector<ArgSpec> kArgs = {
        {"namespace", ArgType::kString, true, {}, "namespace of the pod"},
        {"pod", ArgType::kString, true, {}, "pod to run the command in"},
        {"container", ArgType::kString, false, {}, "container (default: the first)"},
        {"command", ArgType::kStringList, true, {}, "command and arguments"},
    };
    return kArgs;
  }
  Result<Value> Exec(FunctionContext& ctx, const Args& args) const override {
    OutputParser parser;
    Status parse_error;
    std::string out_tail, err_tail;
    kube::ExecRequest req;
    req.namespace_ = args.String("namespace");
    req.pod = args.String("pod");
    req.container = args.String("container");
    req.command = args.StringList("command");
    req.cancel = ctx.cancel;
    req.on_stdout = [&](std::string_view chunk) {
      Status s = parser.Feed(chunk);
      if (parse_error.ok() && !s.ok()) parse_error = s;
      if (ctx.on_output_line) ctx.on_output_line(chunk);
    };
    req.on_stderr = [&](std::string_view chunk) {
      err_tail.append(chunk);
      if (err_tail.size() > 8192) err_tail.erase(0, err_tail.size() - 8192);
      if (ctx.on_output_line) ctx.on_output_line(chunk);
    };
    ASSIGN_OR_RETURN(kube::ExecResult r, ctx.api.Exec(req));
    Status fin = parser.Finish();
    if (parse_error.ok()) parse_error = fin;
    if (r.exit_code != 0) {
      return FailedPrecondition("command in pod " + req.namespace_ + "/" + req.pod + " exited " +
                                std::to_string(r.exit_code) + "; stdout:\n" + parser.Tail(10) +
                                "\nstderr:\n" + err_tail);
    }
    RETURN_IF_ERROR(parse_error);
    return parser.ToValue();
  }
};

}  // namespace

std::unique_ptr<Function> NewKubeExec() { return std::make_unique<KubeExec>(); }

}  // namespace kanon::engine::functions
