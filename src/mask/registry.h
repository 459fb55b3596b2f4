// The transformer table: every masking rule a policy can name, declared as data.
//
// Each entry lists its parameters (name, type, required, meaning), the column types it fits,
// whether it needs the mask key, and a factory. The policy loader validates rules against this
// table (unknown rule or parameter with "did you mean", missing or mistyped parameters) before
// any factory runs, so factories do no generic validation; docs/masking.md describes the same
// table. Immutable, thread-safe.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "mask/transformer.h"
#include "value/value.h"

namespace kanon::mask {

enum class ParamKind { kString, kInt, kNumber, kBool, kScalar, kCommand };

struct ParamDef {
  std::string_view name;
  ParamKind kind;
  bool required;
  std::string_view doc;
};

// A rule's parameters after validation, with typed getters that fall back to a default.
class Params final {
 public:
  explicit Params(const value::Value* map) : map_(map) {}
  bool Has(std::string_view name) const;
  std::string String(std::string_view name, std::string_view def = "") const;
  int64_t Int(std::string_view name, int64_t def = 0) const;
  double Number(std::string_view name, double def = 0) const;
  bool Bool(std::string_view name, bool def = false) const;
  const value::Value* Get(std::string_view name) const;

 private:
  const value::Value* map_;
};

using Factory = Result<std::unique_ptr<Transformer>> (*)(const Params&, const BuildContext&);

// How the table plan runs a rule.
enum class RuleKind {
  kKeep,      // write the input bytes unchanged
  kValue,     // a Transformer, value by value
  kTemplate,  // a Transformer that reads the masked row (runs after the kValue columns)
  kCommand,   // an external program, fed in batches (see command.h)
};

struct TransformerDef {
  std::string_view name;
  std::string_view summary;
  std::vector<ParamDef> params;
  uint32_t fits;    // TypeClass bits accepted (kUnknown and kOther always are)
  bool keyed;       // derives output from the mask key
  bool retryable;   // `attempt` yields new candidates (can keep a unique column unique)
  bool perturbing;  // output stays close to the input (noise, dateShift): verify skips it
  RuleKind kind;
  Factory make;  // nullptr for keep and command
};

const std::vector<TransformerDef>& Transformers();
const TransformerDef* FindTransformer(std::string_view name);

// Validates a rule's parameters against its definition. `params` is a map or nil. Errors list
// each problem prefixed with `path`.
Status CheckParams(const TransformerDef& def, const value::Value& params, std::string_view path);

// The identity of a rule for key derivation: name and canonical parameters. Equal rules on
// different columns share outputs, so a value masks the same wherever it appears.
std::string RuleIdentity(const ColumnRule& rule);

// Wraps a new transformer of type T for a factory's return.
template <typename T, typename... Args>
Result<std::unique_ptr<Transformer>> NewTransformer(Args&&... args) {
  return std::unique_ptr<Transformer>(std::make_unique<T>(std::forward<Args>(args)...));
}

// Factories, one per file of transformers.
Result<std::unique_ptr<Transformer>> MakeNull(const Params&, const BuildContext&);
Result<std::unique_ptr<Transformer>> MakeSet(const Params&, const BuildContext&);
Result<std::unique_ptr<Transformer>> MakeRedact(const Params&, const BuildContext&);
Result<std::unique_ptr<Transformer>> MakeRegex(const Params&, const BuildContext&);
Result<std::unique_ptr<Transformer>> MakeHash(const Params&, const BuildContext&);
Result<std::unique_ptr<Transformer>> MakeEmail(const Params&, const BuildContext&);
Result<std::unique_ptr<Transformer>> MakeName(const Params&, const BuildContext&);
Result<std::unique_ptr<Transformer>> MakeFirstName(const Params&, const BuildContext&);
Result<std::unique_ptr<Transformer>> MakeLastName(const Params&, const BuildContext&);
Result<std::unique_ptr<Transformer>> MakePhone(const Params&, const BuildContext&);
Result<std::unique_ptr<Transformer>> MakeNoise(const Params&, const BuildContext&);
Result<std::unique_ptr<Transformer>> MakeDateShift(const Params&, const BuildContext&);
Result<std::unique_ptr<Transformer>> MakeTemplate(const Params&, const BuildContext&);

}  // namespace kanon::mask
