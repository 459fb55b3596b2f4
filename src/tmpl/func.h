// Template functions: how a function is declared to the engine, and the function map.
//
// A function is data: its name, its Go parameter types and a C++ implementation. The
// executor converts and checks every argument the way Go's text/template does for the
// declared Go signature (constants by their literal kind, values by assignability), so an
// implementation receives arguments of exactly the declared types and writes no checks of its
// own: a kString parameter is always a string Value, a kAnyList parameter a list or nil (Go's
// nil slice; likewise maps), a kAny parameter anything including nil.
//
// An implementation returns the Go result, or a Status whose message is the Go error text;
// the executor reports it as `error calling NAME: MESSAGE` (an exec error), as Go does for a
// returned error or a recovered panic. FuncMap is immutable after set-up and thread-safe to
// read; implementations must be thread-safe.
#pragma once

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "value/value.h"

namespace kanon::tmpl {

using value::Value;

// A Go parameter type as a template function declares it.
enum class ParamType {
  kAny,         // interface {}: anything, constants by their literal kind, nil allowed
  kReflect,     // reflect.Value (builtins): like kAny, but an untyped nil is an error
  kString,      // string
  kInt,         // int (constants must be integers; values must be exactly int)
  kInt64,       // int64
  kUint32,      // uint32
  kFloat64,     // float64 (integer constants are accepted)
  kBool,        // bool
  kStringList,  // []string
  kAnyList,     // []interface {}
  kAnyMap,      // map[string]interface {}
  kTime,        // time.Time
};

// Go's spelling of a parameter type, for messages: "[]interface {}".
std::string_view ParamTypeName(ParamType t);

using FuncImpl = Result<Value> (*)(std::span<const Value> args);

struct FuncDef {
  std::string name;
  // Fixed parameters; when `variadic`, the last entry is the element type of ...T.
  std::vector<ParamType> params;
  bool variadic = false;
  FuncImpl impl = nullptr;
};

// The functions a template can call, by name. Later additions replace earlier ones, as
// Go's Funcs() overrides builtins.
class FuncMap final {
 public:
  void Add(FuncDef def);
  // Convenience for a fixed-arity function.
  void Add(std::string name, std::vector<ParamType> params, FuncImpl impl) {
    Add(FuncDef{std::move(name), std::move(params), false, impl});
  }
  // Convenience for a variadic function: the last of `params` is the ...T element type.
  void AddVariadic(std::string name, std::vector<ParamType> params, FuncImpl impl) {
    Add(FuncDef{std::move(name), std::move(params), true, impl});
  }
  void Remove(std::string_view name);
  const FuncDef* Find(std::string_view name) const;
  std::vector<std::string> Names() const;

 private:
  std::map<std::string, FuncDef, std::less<>> funcs_;
};

// Methods callable on values of a Go type (`(semver "1.2.3").Major`, `now.Unix`): keyed by the
// receiver's Go type name as Value::GoTypeName prints it ("*semver.Version", "time.Time").
// A method's FuncDef::params exclude the receiver; its impl receives the receiver as args[0]
// followed by the declared arguments.
class MethodTable final {
 public:
  void Add(std::string type_name, FuncDef def);
  const FuncDef* Find(std::string_view type_name, std::string_view method) const;

 private:
  std::map<std::string, FuncDef, std::less<>> methods_;  // "type\x1fmethod"
};

// Registries filled by each function family. Each adds to `funcs` (and `methods` where its
// types have methods).
void RegisterBuiltins(FuncMap* funcs);                          // builtins.cc
void RegisterSprig(FuncMap* funcs, MethodTable* methods);       // sprig*.cc
void RegisterSprigDates(FuncMap* funcs, MethodTable* methods);  // sprig_dates.cc
void RegisterKanisterRefusals(FuncMap* funcs);                  // FIPS: bcrypt, ...

// The function set Kanister templates see: builtins, sprig (v2.22 names), FIPS refusals.
// Built once; thread-safe.
const FuncMap& KanisterFuncs();
const MethodTable& KanisterMethods();

}  // namespace kanon::tmpl
