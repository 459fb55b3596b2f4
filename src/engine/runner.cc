#include "engine/runner.h"

#include <chrono>
#include <optional>
#include <thread>

#include "engine/render.h"
#include "engine/status_writer.h"
#include "engine/store_profile.h"

namespace kanon::engine {
namespace {

const kube::Gvr kActionSets{"cr.kanister.io", "v1alpha1", "actionsets"};
const kube::Gvr kBlueprints{"cr.kanister.io", "v1alpha1", "blueprints"};

struct PreparedPhase {
  model::BlueprintPhase bp;
  const Function* fn = nullptr;
  std::map<std::string, model::ObjectReference> objects;  // rendered at action start
};

struct PreparedAction {
  size_t index = 0;
  std::string name;
  model::BlueprintAction action;
  std::optional<TemplateParams> params;
  std::vector<PreparedPhase> phases;
  std::optional<PreparedPhase> defer;
};

value::Time Now() {
  auto now = std::chrono::system_clock::now().time_since_epoch();
  auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(now).count();
  return value::Time{ns / 1'000'000'000, static_cast<int32_t>(ns % 1'000'000'000), 0, "UTC"};
}

std::string NowText() { return Rfc3339Nano(Now()).substr(0, 19) + "Z"; }

Result<model::BlueprintAction> FindAction(kube::KubeApi& api, const std::string& ns,
                                          const model::ActionSpec& spec) {
  auto obj = api.Get(kBlueprints, ns, spec.blueprint);
  if (!obj.ok()) {
    return obj.status().WithContext("blueprint \"" + spec.blueprint + "\" for action \"" +
                                    spec.name + "\"");
  }
  auto bp = model::DecodeBlueprint(*obj);
  if (!bp.ok()) return bp.status().WithContext("blueprint \"" + spec.blueprint + "\"");
  auto it = bp->actions.find(spec.name);
  if (it == bp->actions.end()) {
    return NotFound("Action " + spec.name + " for object kind " + spec.object.kind +
                    " not found in blueprint " + spec.blueprint);
  }
  return it->second;
}

Result<model::ActionSetStatus> InitStatus(kube::KubeApi& api, const model::ActionSet& as) {
  model::ActionSetStatus s;
  s.state = model::kStatePending;
  for (const auto& spec : as.actions) {
    ASSIGN_OR_RETURN(model::BlueprintAction bp, FindAction(api, as.namespace_(), spec));
    model::ActionStatus a;
    a.name = spec.name;
    a.object = spec.object;
    a.blueprint = spec.blueprint;
    for (const auto& p : bp.phases)
      a.phases.push_back(model::PhaseStatus{p.name, model::kStatePending, {}, {}});
    a.artifacts = bp.output_artifacts;
    if (bp.defer_phase)
      a.defer_phase = model::PhaseStatus{bp.defer_phase->name, model::kStatePending, {}, {}};
    s.actions.push_back(std::move(a));
  }
  return s;
}

}  // namespace

struct Runner::Impl {
  Runner& r;
  StatusWriter& writer;

  void Event(const std::string& action, const std::string& phase, const std::string& state,
             const std::string& message) {
    if (r.options_.on_event) r.options_.on_event(RunEvent{action, phase, state, message});
  }

  Result<PreparedAction> Prepare(const model::ActionSet& as, size_t i) {
    const auto& spec = as.actions[i];
    PreparedAction pa;
    pa.index = i;
    pa.name = spec.name;
    ASSIGN_OR_RETURN(pa.action, FindAction(r.api_, as.namespace_(), spec));
    ASSIGN_OR_RETURN(TemplateParams params, TemplateParams::Build(r.api_, spec, Now()));
    Value pv = params.ToValue();
    auto prep = [&](const model::BlueprintPhase& bp) -> Result<PreparedPhase> {
      PreparedPhase pp;
      pp.bp = bp;
      ASSIGN_OR_RETURN(pp.fn, r.registry_.Find(bp.func));
      auto objs = RenderObjects(bp.objects, pv);
      if (!objs.ok()) return objs.status().WithContext("phase \"" + bp.name + "\"");
      pp.objects = *objs;
      return pp;
    };
    for (const auto& bp : pa.action.phases) {
      ASSIGN_OR_RETURN(PreparedPhase pp, prep(bp));
      pa.phases.push_back(std::move(pp));
    }
    if (pa.action.defer_phase) {
      ASSIGN_OR_RETURN(pa.defer, prep(*pa.action.defer_phase));
    }
    pa.params = std::move(params);
    return pa;
  }

  // Runs one phase; returns the error message on failure.
  std::optional<std::string> RunPhase(PreparedAction& pa, const PreparedPhase& pp, bool defer) {
    const std::string& pname = pp.bp.name;
    std::string where = "phase \"" + pname + "\" (" + pp.bp.func + ")";
    Status s = pa.params->StartPhase(r.api_, pname, pp.objects, defer);
    if (!s.ok()) return where + ": " + s.message();
    Value args = pp.bp.args;
    if (pp.fn->renders_args()) {
      auto rendered = RenderArgs(pp.bp.args, pa.params->ToValue());
      if (!rendered.ok()) return where + ": " + rendered.status().message();
      args = *rendered;
    }
    auto prepared = r.registry_.Prepare(*pp.fn, args);
    if (!prepared.ok()) return where + ": " + prepared.status().message();
    FunctionContext ctx{r.api_,
                        *pa.params,
                        pname,
                        r.options_.cancel,
                        r.options_.log,
                        nullptr,
                        r.options_.controller_namespace,
                        r.options_.open_store,
                        r.options_.on_output};
    ctx.progress = [&](const PhaseProgressUpdate& u) {
      (void)writer.Mutate([&](model::ActionSetStatus& st) {
        auto& ph = defer ? st.actions[pa.index].defer_phase : PhaseAt(st, pa, pname);
        ph.progress.progress_percent = std::to_string(u.percent);
        ph.progress.size_uploaded_b = u.uploaded_bytes;
        ph.progress.size_downloaded_b = u.downloaded_bytes;
      });
    };
    auto out = pp.fn->Exec(ctx, *prepared);
    if (!out.ok()) return where + ": " + out.status().message();
    pa.params->SetPhaseOutput(pname, *out, defer);
    (void)writer.Mutate([&](model::ActionSetStatus& st) {
      auto& ph = defer ? st.actions[pa.index].defer_phase : PhaseAt(st, pa, pname);
      ph.state = model::kStateComplete;
      ph.output = *out;
      ph.progress.progress_percent = "100";
      ph.progress.last_transition_time = NowText();
    });
    Event(pa.name, pname, model::kStateComplete, "");
    return std::nullopt;
  }

  static model::PhaseStatus& PhaseAt(model::ActionSetStatus& st, const PreparedAction& pa,
                                     const std::string& name) {
    for (auto& p : st.actions[pa.index].phases) {
      if (p.name == name) return p;
    }
    return st.actions[pa.index].phases.front();
  }

  void Fail(const PreparedAction& pa, const std::string& phase, bool defer,
            const std::string& msg) {
    std::string full = "action \"" + pa.name + "\": " + msg;
    (void)writer.Mutate([&](model::ActionSetStatus& st) {
      auto& ph = defer ? st.actions[pa.index].defer_phase : PhaseAt(st, pa, phase);
      ph.state = model::kStateFailed;
      ph.progress.last_transition_time = NowText();
      st.state = model::kStateFailed;
      if (st.error_message.empty()) st.error_message = full;
      st.progress.running_phase = "";
    });
    Event(pa.name, phase, model::kStateFailed, full);
  }

  void RunAction(PreparedAction& pa) {
    Event(pa.name, "", model::kStateRunning, "");
    bool failed = false;
    for (const auto& pp : pa.phases) {
      if (r.options_.cancel && r.options_.cancel->cancelled()) {
        Fail(pa, pp.bp.name, false, "phase \"" + pp.bp.name + "\": cancelled");
        failed = true;
        break;
      }
      (void)writer.Mutate([&](model::ActionSetStatus& st) {
        auto& ph = PhaseAt(st, pa, pp.bp.name);
        ph.state = model::kStateRunning;
        ph.progress.progress_percent = "0";
        ph.progress.last_transition_time = NowText();
        st.progress.running_phase = pp.bp.name;
      });
      Event(pa.name, pp.bp.name, model::kStateRunning, "");
      if (auto err = RunPhase(pa, pp, false)) {
        Fail(pa, pp.bp.name, false, *err);
        failed = true;
        break;
      }
    }
    if (pa.defer) {
      (void)writer.Mutate([&](model::ActionSetStatus& st) {
        st.actions[pa.index].defer_phase.state = model::kStateRunning;
        st.progress.running_phase = pa.defer->bp.name;
      });
      Event(pa.name, pa.defer->bp.name, model::kStateRunning, "defer");
      if (auto err = RunPhase(pa, *pa.defer, true)) {
        Fail(pa, pa.defer->bp.name, true, *err);
        failed = true;
      }
    }
    if (!failed) {
      auto arts = RenderArtifacts(pa.action.output_artifacts, pa.params->ToValue());
      if (!arts.ok()) {
        std::string msg = "Failed to render output artifacts: " + arts.status().message();
        (void)writer.Mutate([&](model::ActionSetStatus& st) {
          st.state = model::kStateFailed;
          if (st.error_message.empty()) st.error_message = "action \"" + pa.name + "\": " + msg;
        });
        Event(pa.name, "", model::kStateFailed, msg);
        return;
      }
      (void)writer.Mutate([&](model::ActionSetStatus& st) {
        st.actions[pa.index].artifacts = *arts;
        if (st.progress.running_phase == (pa.defer ? pa.defer->bp.name : std::string()) ||
            !pa.phases.empty()) {
          st.progress.running_phase = "";
        }
        bool all = st.state != model::kStateFailed;
        for (const auto& a : st.actions) {
          for (const auto& p : a.phases) all = all && p.state == model::kStateComplete;
        }
        if (all) st.state = model::kStateComplete;
      });
      Event(pa.name, "", model::kStateComplete, "");
    }
  }
};

Runner::Runner(kube::KubeApi& api, const Registry& registry, RunOptions options)
    : api_(api), registry_(registry), options_(std::move(options)) {
  if (!options_.open_store) options_.open_store = DefaultStoreOpener();
}

Result<model::ActionSet> Runner::Run(const std::string& ns, const std::string& name) {
  ASSIGN_OR_RETURN(Value obj, api_.Get(kActionSets, ns, name));
  ASSIGN_OR_RETURN(model::ActionSet as, model::DecodeActionSet(obj));
  model::ActionSetStatus initial;
  bool init_failed = false;
  if (!as.status) {
    auto st = InitStatus(api_, as);
    if (!st.ok()) {
      initial.state = model::kStateFailed;
      initial.error_message = st.status().message();
      init_failed = true;
    } else {
      initial = *st;
    }
  } else {
    initial = *as.status;
    if (initial.state != model::kStatePending) {
      return FailedPrecondition("actionset " + ns + "/" + name + " is already " + initial.state);
    }
  }
  StatusWriter writer(api_, ns, name, initial);
  Impl impl{*this, writer};
  RETURN_IF_ERROR(writer.Mutate([](model::ActionSetStatus&) {}));
  if (!init_failed) {
    RETURN_IF_ERROR(
        writer.Mutate([](model::ActionSetStatus& st) { st.state = model::kStateRunning; }));
    std::vector<PreparedAction> prepared;
    bool prep_failed = false;
    for (size_t i = 0; i < as.actions.size() && !prep_failed; ++i) {
      auto pa = impl.Prepare(as, i);
      if (!pa.ok()) {
        std::string msg = "action \"" + as.actions[i].name + "\": " + pa.status().message();
        RETURN_IF_ERROR(writer.Mutate([&](model::ActionSetStatus& st) {
          if (!st.actions[i].phases.empty()) st.actions[i].phases[0].state = model::kStateFailed;
          st.state = model::kStateFailed;
          st.error_message = msg;
          st.progress.running_phase = "";
        }));
        impl.Event(as.actions[i].name, "", model::kStateFailed, msg);
        prep_failed = true;
        break;
      }
      prepared.push_back(std::move(pa).value());
    }
    if (!prep_failed) {
      if (prepared.empty()) {
        RETURN_IF_ERROR(
            writer.Mutate([](model::ActionSetStatus& st) { st.state = model::kStateComplete; }));
      }
      std::vector<std::thread> threads;
      for (auto& pa : prepared) threads.emplace_back([&impl, &pa] { impl.RunAction(pa); });
      for (auto& t : threads) t.join();
    }
  }
  as.status = writer.Snapshot();
  return as;
}

}  // namespace kanon::engine
