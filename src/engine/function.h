// Kanister Functions: the steps a blueprint phase runs (KubeExec, KubeTask, ...).
//
// A Function is declared as data: a table of arguments (name, type, required, default, doc)
// and its output names, plus one Exec entry point. The Registry validates a phase's arguments
// against that table (unknown, missing and mistyped arguments, with "did you mean") before
// Exec runs, so no Function validates its own arguments, and `kanon validate` and the docs
// read the same table. Functions are stateless; everything outside comes through the
// FunctionContext (cluster, object stores, cancellation, progress, logger), so tests hand them
// fakes. The registry is immutable after start-up and thread-safe.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/log.h"
#include "base/status.h"
#include "engine/params.h"
#include "kube/kube_api.h"
#include "value/value.h"

namespace kanon::store {
class ObjectStore;
}

namespace kanon::engine {

enum class ArgType {
  kString,      // WeakDecode: numbers and bools become their text
  kStringList,  // a list of strings (a command); scalars inside become text
  kInt,         // WeakDecode: "3" becomes 3
  kBool,        // WeakDecode: "true"/"false"/"1"/"0"
  kMap,         // map[string]any
  kAny,         // anything (podOverride, conditions)
};

std::string_view ArgTypeName(ArgType t);

struct ArgSpec {
  std::string name;
  ArgType type = ArgType::kString;
  bool required = false;
  Value default_value;  // used when optional and absent
  std::string doc;
};

// Arguments after validation and WeakDecode: typed accessors for the declared names.
class Args final {
 public:
  explicit Args(const std::map<std::string, Value>& values)
      : values_(values.begin(), values.end()) {}
  bool Has(std::string_view name) const;
  std::string String(std::string_view name) const;
  std::vector<std::string> StringList(std::string_view name) const;
  int64_t Int(std::string_view name) const;
  bool Bool(std::string_view name) const;
  const Value& Raw(std::string_view name) const;

 private:
  std::map<std::string, Value, std::less<>> values_;
};

// Progress of a running phase, reported by functions that move data.
struct PhaseProgressUpdate {
  int percent = 0;
  int64_t uploaded_bytes = 0, downloaded_bytes = 0;
};

// Opens the object store a profile names (injected so tests and the CLI choose backends).
using StoreOpener =
    std::function<Result<std::unique_ptr<store::ObjectStore>>(const ResolvedProfile& profile)>;

struct FunctionContext {
  kube::KubeApi& api;
  const TemplateParams& params;
  std::string phase_name;
  const kube::CancelToken* cancel = nullptr;
  Logger* log = nullptr;
  std::function<void(const PhaseProgressUpdate&)> progress;
  std::string controller_namespace = "default";  // where pods go when no namespace is given
  StoreOpener open_store;
  std::function<void(std::string_view)> on_output_line;  // live command output (may be null)
};

class Function {
 public:
  virtual ~Function() = default;
  virtual std::string_view name() const = 0;
  virtual const std::vector<ArgSpec>& args() const = 0;
  virtual std::vector<std::string> outputs() const { return {}; }
  // Wait and WaitV2 render their own templates: the runner passes their args unrendered.
  virtual bool renders_args() const { return true; }
  // Returns the phase output map (nil for none) or the failure.
  virtual Result<Value> Exec(FunctionContext& ctx, const Args& args) const = 0;
};

class Registry final {
 public:
  void Register(std::unique_ptr<Function> f);
  // NotFound naming the closest registered function.
  Result<const Function*> Find(std::string_view name) const;
  std::vector<std::string> Names() const;

  // Checks rendered args against the function's table and applies WeakDecode and defaults.
  // Errors read like Kanister's ("Required args missing for function KubeTask: ...") and list
  // every problem at once.
  Result<Args> Prepare(const Function& f, const Value& rendered_args) const;
  // Static check of raw (unrendered) args for `kanon validate`: unknown and missing names, and
  // types of values that are not templates.
  std::vector<std::string> CheckRaw(const Function& f, const Value& raw_args) const;

 private:
  std::map<std::string, std::unique_ptr<Function>, std::less<>> funcs_;
};

// The registry with every built-in Function.
const Registry& BuiltinRegistry();

}  // namespace kanon::engine
