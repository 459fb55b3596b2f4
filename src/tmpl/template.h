// Template: a parsed Go text/template, ready to execute against a Value.
//
// Parse and Execute follow Go's text/template with Option("missingkey=error") and a function
// map (by default the Kanister set: builtins + sprig v2.22 + FIPS refusals). Errors read like
// Go's: `template: NAME:LINE:COL: executing "NAME" at <.x.y>: map has no entry for key "y"`
// for exec errors and `template: NAME:LINE: function "upperr" not defined` for parse errors,
// with a "did you mean" added for unknown functions. A Template is immutable after Parse and
// may be executed from several threads at once.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"
#include "tmpl/func.h"
#include "value/value.h"

namespace kanon::tmpl {

struct Tree;  // parser output; see node.h

enum class MissingKey { kError, kZero, kDefault };

struct Options {
  MissingKey missing_key = MissingKey::kError;
  const FuncMap* funcs = nullptr;        // nullptr: KanisterFuncs()
  const MethodTable* methods = nullptr;  // nullptr: KanisterMethods()
  // Bounds that keep hostile templates from running away: exec stops with an error past them.
  size_t max_output_bytes = 64u << 20;
  int max_depth = 10000;          // Go's maxExecDepth (template recursion)
  size_t max_steps = 50'000'000;  // range iterations + actions executed
};

// Which stage an error came from, as the Go oracle reports it.
enum class ErrorPhase { kNone, kParse, kExec };

class Template final {
 public:
  ~Template();
  Template(Template&&) noexcept;
  Template& operator=(Template&&) noexcept;

  // Parses `text` as template `name` (Go's template.New(name).Parse(text)), including its
  // {{define}} blocks. On failure the Status is kInvalidArgument with Go's parse message.
  static Result<Template> Parse(std::string_view name, std::string_view text,
                                const Options& options = {});

  // Executes the main template with `data` as dot, appending to `out`. On failure returns
  // kInvalidArgument with Go's exec message; `out` then holds what was written before.
  Status Execute(const value::Value& data, std::string* out) const;
  // Executes the associated template `name` (from a define/block).
  Status ExecuteTemplate(std::string_view name, const value::Value& data, std::string* out) const;

  const std::string& name() const;

 private:
  Template();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// One-shot convenience: parse and execute. `phase` (if given) tells where it failed.
Result<std::string> Render(std::string_view text, const value::Value& data,
                           ErrorPhase* phase = nullptr, const Options& options = {});

}  // namespace kanon::tmpl
