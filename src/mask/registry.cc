#include "mask/registry.h"

#include "base/suggest.h"
#include "value/json.h"

namespace kanon::mask {
namespace {

using value::Kind;
using value::Value;

constexpr uint32_t kTextish = Bit(TypeClass::kText) | Bit(TypeClass::kJson);
constexpr uint32_t kNumeric =
    Bit(TypeClass::kInteger) | Bit(TypeClass::kDecimal) | Bit(TypeClass::kFloat);
constexpr uint32_t kDates = Bit(TypeClass::kDate) | Bit(TypeClass::kTimestamp);
constexpr uint32_t kAll = 0xffffffffu;

std::vector<TransformerDef> BuildTable() {
  return {
      {"keep",
       "write the value unchanged",
       {},
       kAll,
       false,
       false,
       false,
       RuleKind::kKeep,
       nullptr},
      {"null", "write NULL", {}, kAll, false, false, false, RuleKind::kValue, MakeNull},
      {"set",
       "write a constant",
       {{"value", ParamKind::kScalar, true, "the value to write (null for NULL)"}},
       kAll,
       false,
       false,
       false,
       RuleKind::kValue,
       MakeSet},
      {"hash",
       "keyed HMAC-SHA256 of the value, as hex or shaped by a format",
       {{"length", ParamKind::kInt, false, "hex characters to keep, 1-64 (default 16)"},
        {"format", ParamKind::kString, false,
         "shape: # digit, ? lower-case letter, ^ upper-case letter, * hex digit, \\ escapes"}},
       kTextish | kNumeric | Bit(TypeClass::kUuid) | Bit(TypeClass::kBinary),
       true,
       true,
       false,
       RuleKind::kValue,
       MakeHash},
      {"email",
       "a fake e-mail address from the built-in dictionaries",
       {{"domain", ParamKind::kString, false, "domain to use (default example.com/.net/.org)"},
        {"keepDomain", ParamKind::kBool, false, "keep the input's domain"}},
       kTextish,
       true,
       true,
       false,
       RuleKind::kValue,
       MakeEmail},
      {"name",
       "a fake full name (first last)",
       {},
       kTextish,
       true,
       true,
       false,
       RuleKind::kValue,
       MakeName},
      {"firstName",
       "a fake given name",
       {},
       kTextish,
       true,
       true,
       false,
       RuleKind::kValue,
       MakeFirstName},
      {"lastName",
       "a fake family name",
       {},
       kTextish,
       true,
       true,
       false,
       RuleKind::kValue,
       MakeLastName},
      {"phone",
       "replace every digit, keeping the layout",
       {{"keepDigits", ParamKind::kInt, false, "leading digits to keep (country code)"},
        {"format", ParamKind::kString, false, "shape for the output instead (# = digit)"}},
       kTextish | Bit(TypeClass::kInteger) | Bit(TypeClass::kDecimal),
       true,
       true,
       false,
       RuleKind::kValue,
       MakePhone},
      {"redact",
       "keep the first (and last) characters, replace the others",
       {{"keep", ParamKind::kInt, false, "leading characters to keep (default 0)"},
        {"keepLast", ParamKind::kInt, false, "trailing characters to keep (default 0)"},
        {"char", ParamKind::kString, false, "replacement character (default *)"}},
       kTextish,
       false,
       false,
       false,
       RuleKind::kValue,
       MakeRedact},
      {"noise",
       "move a number by up to +-percent, keeping its precision",
       {{"percent", ParamKind::kNumber, true, "largest relative change, 0-100"}},
       kNumeric | Bit(TypeClass::kText),
       true,
       false,
       true,
       RuleKind::kValue,
       MakeNoise},
      {"dateShift",
       "move a date or timestamp by up to +-maxDays whole days (never 0)",
       {{"maxDays", ParamKind::kInt, true, "largest shift in days, >= 1"},
        {"by", ParamKind::kString, false,
         "column whose value picks the shift (same shift "
         "for every date of a row)"}},
       kDates | Bit(TypeClass::kText),
       true,
       false,
       true,
       RuleKind::kValue,
       MakeDateShift},
      {"regex",
       "replace every match of an RE2 pattern ($1, ${name} in the replacement)",
       {{"pattern", ParamKind::kString, true, "RE2 (Go) regular expression"},
        {"replacement", ParamKind::kString, false, "replacement text (default empty)"}},
       kAll,
       false,
       false,
       false,
       RuleKind::kValue,
       MakeRegex},
      {"template",
       "a Go template over the masked row (column name -> value)",
       {{"template", ParamKind::kString, true, "Go text/template with sprig functions"}},
       kAll,
       false,
       false,
       false,
       RuleKind::kTemplate,
       MakeTemplate},
      {"command",
       "an external program: one value per input line, one output line per value",
       {{"command", ParamKind::kCommand, true, "argv list, or a string run by /bin/sh -c"},
        {"timeout", ParamKind::kNumber, false,
         "seconds without output before failing "
         "(default 30)"}},
       kAll,
       false,
       false,
       false,
       RuleKind::kCommand,
       nullptr},
  };
}

bool KindFits(ParamKind k, const Value& v) {
  switch (k) {
    case ParamKind::kString:
      return v.kind() == Kind::kString;
    case ParamKind::kInt:
      return v.kind() == Kind::kInt;
    case ParamKind::kNumber:
      return v.kind() == Kind::kInt || v.kind() == Kind::kFloat;
    case ParamKind::kBool:
      return v.kind() == Kind::kBool;
    case ParamKind::kScalar:
      return v.kind() != Kind::kList && v.kind() != Kind::kMap && v.kind() != Kind::kStruct;
    case ParamKind::kCommand:
      if (v.kind() == Kind::kString) return !v.AsString().empty();
      if (v.kind() != Kind::kList || v.AsList().empty()) return false;
      for (const Value& e : v.AsList()) {
        if (e.kind() != Kind::kString) return false;
      }
      return true;
  }
  return false;
}

std::string_view KindName(ParamKind k) {
  switch (k) {
    case ParamKind::kString:
      return "a string";
    case ParamKind::kInt:
      return "an integer";
    case ParamKind::kNumber:
      return "a number";
    case ParamKind::kBool:
      return "true or false";
    case ParamKind::kScalar:
      return "a string, number, boolean or null";
    case ParamKind::kCommand:
      return "a non-empty string or list of strings";
  }
  return "?";
}

}  // namespace

const std::vector<TransformerDef>& Transformers() {
  static const std::vector<TransformerDef> table = BuildTable();
  return table;
}

const TransformerDef* FindTransformer(std::string_view name) {
  for (const TransformerDef& d : Transformers()) {
    if (d.name == name) return &d;
  }
  return nullptr;
}

bool Params::Has(std::string_view name) const { return Get(name) != nullptr; }

const Value* Params::Get(std::string_view name) const {
  if (map_ == nullptr || map_->kind() != Kind::kMap) return nullptr;
  return map_->Find(name);
}

std::string Params::String(std::string_view name, std::string_view def) const {
  const Value* v = Get(name);
  return v && v->kind() == Kind::kString ? v->AsString() : std::string(def);
}

int64_t Params::Int(std::string_view name, int64_t def) const {
  const Value* v = Get(name);
  return v && v->kind() == Kind::kInt ? v->AsInt() : def;
}

double Params::Number(std::string_view name, double def) const {
  const Value* v = Get(name);
  if (v && v->kind() == Kind::kInt) return static_cast<double>(v->AsInt());
  return v && v->kind() == Kind::kFloat ? v->AsFloat() : def;
}

bool Params::Bool(std::string_view name, bool def) const {
  const Value* v = Get(name);
  return v && v->kind() == Kind::kBool ? v->AsBool() : def;
}

Status CheckParams(const TransformerDef& def, const Value& params, std::string_view path) {
  std::string problems;
  auto add = [&](const std::string& p) {
    problems += problems.empty() ? "" : "\n";
    problems += std::string(path) + ": " + p;
  };
  std::vector<std::string> names;
  for (const ParamDef& p : def.params) names.emplace_back(p.name);
  names.push_back("unique");
  if (params.kind() == Kind::kMap) {
    for (const auto& [k, v] : params.AsMap()) {
      const ParamDef* pd = nullptr;
      for (const ParamDef& p : def.params) {
        if (p.name == k) pd = &p;
      }
      if (pd == nullptr) {
        std::string known = def.params.empty() ? " (it takes no parameters)" : "";
        add("\"" + std::string(def.name) + "\" has no parameter \"" + k + "\"" + known +
            DidYouMeanSuffix(k, names));
      } else if (!KindFits(pd->kind, v)) {
        add("parameter \"" + k + "\" must be " + std::string(KindName(pd->kind)) + ", not " +
            v.GoTypeName());
      }
    }
  }
  for (const ParamDef& p : def.params) {
    if (p.required && (params.kind() != Kind::kMap || params.Find(p.name) == nullptr)) {
      add("\"" + std::string(def.name) + "\" needs parameter \"" + std::string(p.name) +
          "\": " + std::string(p.doc));
    }
  }
  if (!problems.empty()) return InvalidArgument(problems);
  return OkStatus();
}

std::string RuleIdentity(const ColumnRule& rule) {
  std::string id = "kanon-mask/v1/" + rule.mask + "/";
  auto json = value::ToJson(rule.params.is_nil() ? Value::FromMap({}) : rule.params);
  id += json.ok() ? *json : "{}";
  return id;
}

}  // namespace kanon::mask
