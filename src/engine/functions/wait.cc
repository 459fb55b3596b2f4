// Wait and WaitV2: poll objects until their conditions hold or the timeout passes. Their
// arguments are not pre-rendered: Wait renders its timeout and object references and replaces
// each {$.json.path} in a condition by the object's value before evaluating the condition as a
// template; WaitV2 evaluates the condition as a template over the fetched object.
#include <chrono>
#include <thread>

#include "engine/functions/builtin.h"
#include "engine/functions/jsonpath.h"
#include "engine/render.h"
#include "tmpl/gotime.h"
#include "tmpl/template.h"

namespace kanon::engine::functions {
namespace {

using value::Kind;

std::string Str(const Value& v, std::string_view k) {
  const Value* f = v.Find(k);
  return f && f->kind() == Kind::kString ? f->AsString() : "";
}

struct Condition {
  kube::Gvr gvr;
  std::string name, ns, condition;
};

class WaitBase : public Function {
 public:
  explicit WaitBase(bool v2) : v2_(v2) {}
  std::string_view name() const override { return v2_ ? "WaitV2" : "Wait"; }
  bool renders_args() const override { return false; }
  const std::vector<ArgSpec>& args() const override {
    static const std::vector<ArgSpec> kArgs = {
        {"timeout", ArgType::kString, true, {}, "how long to wait (Go duration, e.g. 10m)"},
        {"conditions", ArgType::kMap, true, {}, "anyOf or allOf: [{objectReference, condition}]"},
    };
    return kArgs;
  }

  Result<Value> Exec(FunctionContext& ctx, const Args& args) const override {
    Value params = ctx.params.ToValue();
    std::string timeout = args.String("timeout");
    if (!v2_) {
      ASSIGN_OR_RETURN(timeout, RenderString(timeout, params));
    }
    ASSIGN_OR_RETURN(int64_t nanos, tmpl::GoParseDuration(timeout));
    const Value& conds = args.Raw("conditions");
    const Value* any = conds.Find("anyOf");
    const Value* all = conds.Find("allOf");
    if ((any == nullptr) == (all == nullptr)) {
      return InvalidArgument(std::string(name()) + ": conditions need exactly one of anyOf, allOf");
    }
    const Value& list = any ? *any : *all;
    if (list.kind() != Kind::kList)
      return InvalidArgument(std::string(name()) + ": conditions must be a list");
    std::vector<Condition> parsed;
    for (const Value& c : list.AsList()) {
      const Value* ref = c.Find("objectReference");
      if (ref == nullptr)
        return InvalidArgument(std::string(name()) + ": a condition has no objectReference");
      Condition pc;
      ASSIGN_OR_RETURN(pc.gvr.group, RenderString(Str(*ref, "group"), params));
      ASSIGN_OR_RETURN(pc.gvr.version, RenderString(Str(*ref, "apiVersion"), params));
      ASSIGN_OR_RETURN(pc.gvr.resource, RenderString(Str(*ref, "resource"), params));
      ASSIGN_OR_RETURN(pc.name, RenderString(Str(*ref, "name"), params));
      ASSIGN_OR_RETURN(pc.ns, RenderString(Str(*ref, "namespace"), params));
      pc.condition = Str(c, "condition");
      parsed.push_back(pc);
    }
    auto deadline = std::chrono::steady_clock::now() + std::chrono::nanoseconds(nanos);
    std::string last;
    for (;;) {
      if (ctx.cancel && ctx.cancel->cancelled())
        return Cancelled(std::string(name()) + " cancelled");
      int met = 0;
      for (const auto& c : parsed) {
        auto ok = Evaluate(ctx, c);
        if (!ok.ok()) {
          last = ok.status().message();
        } else if (*ok) {
          ++met;
        }
      }
      if ((any && met > 0) || (all && met == static_cast<int>(parsed.size()))) return Value();
      if (std::chrono::steady_clock::now() > deadline) {
        return DeadlineExceeded(std::string(name()) + ": conditions not met within " + timeout +
                                (last.empty() ? "" : " (last error: " + last + ")"));
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }

 private:
  Result<bool> Evaluate(FunctionContext& ctx, const Condition& c) const {
    ASSIGN_OR_RETURN(Value obj, ctx.api.Get(c.gvr, c.ns, c.name));
    tmpl::Options opts;
    opts.missing_key = tmpl::MissingKey::kZero;
    std::string text = c.condition;
    Value data = obj;
    if (!v2_) {
      ASSIGN_OR_RETURN(text, ReplaceJsonPaths(text, obj));
      data = Value();
    }
    auto rendered = tmpl::Render(text, data, nullptr, opts);
    if (!rendered.ok()) return rendered.status();
    return *rendered == "true";
  }
  bool v2_;
};

}  // namespace

std::unique_ptr<Function> NewWait() { return std::make_unique<WaitBase>(false); }
std::unique_ptr<Function> NewWaitV2() { return std::make_unique<WaitBase>(true); }

}  // namespace kanon::engine::functions
