#include <fstream>
#include <sstream>

#include "base/suggest.h"
#include "mask/names.h"
#include "mask/policy.h"
#include "mask/registry.h"
#include "tmpl/template.h"
#include "value/yaml.h"

namespace kanon::mask {
namespace {

using value::Kind;
using value::Value;

// Collects every problem of a policy, so one run reports them all.
class Problems final {
 public:
  void Add(const std::string& path, const std::string& what) {
    lines_.push_back(path.empty() ? what : path + ": " + what);
  }
  void Add(const Status& s) {
    if (!s.ok()) lines_.push_back(s.message());
  }
  bool empty() const { return lines_.empty(); }
  std::string Join(std::string_view file) const {
    std::string out = std::string(file) + ": invalid mask policy (" +
                      std::to_string(lines_.size()) + " problem" + (lines_.size() == 1 ? "" : "s") +
                      "):";
    for (const std::string& l : lines_) out += "\n  " + l;
    return out;
  }

 private:
  std::vector<std::string> lines_;
};

void CheckKeys(const Value& map, const std::vector<std::string>& known, const std::string& path,
               Problems* p) {
  for (const auto& [k, v] : map.AsMap()) {
    bool ok = false;
    for (const std::string& n : known) ok = ok || n == k;
    if (!ok) p->Add(path, "unknown field \"" + k + "\"" + DidYouMeanSuffix(k, known));
  }
}

const Value* Field(const Value& map, std::string_view name) {
  return map.kind() == Kind::kMap ? map.Find(name) : nullptr;
}

std::string ReadString(const Value& map, std::string_view name, const std::string& path,
                       Problems* p) {
  const Value* v = Field(map, name);
  if (v == nullptr) return "";
  if (v->kind() != Kind::kString) {
    p->Add(path + "." + std::string(name), "must be a string, not " + v->GoTypeName());
    return "";
  }
  return v->AsString();
}

std::vector<std::string> TransformerNames() {
  std::vector<std::string> names;
  for (const TransformerDef& d : Transformers()) names.emplace_back(d.name);
  return names;
}

// Checks what can be checked of a rule without a dump, by building it against an unknown type.
void CheckRule(const ColumnRule& rule, Problems* p) {
  const TransformerDef* def = FindTransformer(rule.mask);
  if (def == nullptr) {
    p->Add(rule.path, "unknown transformer \"" + rule.mask + "\"" +
                          DidYouMeanSuffix(rule.mask, TransformerNames()));
    return;
  }
  Status st = CheckParams(*def, rule.params, rule.path);
  if (!st.ok()) return p->Add(st);
  if (def->make == nullptr) return;
  static const KeyedHash kProbeKey("kanon-mask policy check");
  BuildContext ctx;
  ctx.rule = &rule;
  ctx.key = &kProbeKey;
  Params params(&rule.params);
  auto made = def->make(params, ctx);
  if (!made.ok()) p->Add(rule.path, made.status().message());
}

ColumnRule ParseColumn(const std::string& name, const Value& v, const std::string& path,
                       Problems* p) {
  ColumnRule rule;
  rule.column = name;
  rule.path = path;
  if (v.kind() == Kind::kString) {
    rule.mask = v.AsString();
  } else if (v.kind() == Kind::kMap) {
    const Value* mask = v.Find("mask");
    if (mask == nullptr || mask->kind() != Kind::kString) {
      p->Add(path, "needs \"mask: TRANSFORMER\" (a string), e.g. {mask: hash}");
      return rule;
    }
    rule.mask = mask->AsString();
    value::Map rest;
    for (const auto& [k, pv] : v.AsMap()) {
      if (k == "mask") continue;
      if (k == "unique") {
        if (pv.kind() != Kind::kBool) p->Add(path + ".unique", "must be true or false");
        rule.unique = pv.kind() == Kind::kBool && pv.AsBool();
        continue;
      }
      rest.emplace(k, pv);
    }
    rule.params = Value::FromMap(std::move(rest));
  } else if (v.is_nil()) {
    p->Add(path, "has no rule; write keep, or \"null\" in quotes to write NULL");
    return rule;
  } else {
    p->Add(path, "must be a transformer name or a map with \"mask\", not " + v.GoTypeName());
    return rule;
  }
  CheckRule(rule, p);
  return rule;
}

void ParseSample(const Value& v, const std::string& path, TableRule* t, Problems* p) {
  if (v.kind() != Kind::kMap) return p->Add(path, "must be a map {percent: N, by: COLUMN}");
  CheckKeys(v, {"percent", "by"}, path, p);
  SampleRule s;
  const Value* pct = v.Find("percent");
  if (pct && (pct->kind() == Kind::kInt || pct->kind() == Kind::kFloat)) {
    s.percent = pct->kind() == Kind::kInt ? static_cast<double>(pct->AsInt()) : pct->AsFloat();
    if (!(s.percent > 0 && s.percent <= 100)) {
      p->Add(path + ".percent", "must be more than 0 and at most 100");
    }
  } else {
    p->Add(path + ".percent", "is required and must be a number");
  }
  s.by = ReadString(v, "by", path, p);
  if (s.by.empty()) p->Add(path + ".by", "is required: the column whose value decides");
  t->sample = s;
}

void ParseTableBody(const Value& v, const std::string& path, TableRule* t, Problems* p) {
  if (v.kind() != Kind::kMap) return p->Add(path, "must be a map with columns, or {drop: true}");
  CheckKeys(v, {"columns", "sample", "where", "drop"}, path, p);
  if (const Value* d = v.Find("drop")) {
    if (d->kind() != Kind::kBool) p->Add(path + ".drop", "must be true or false");
    t->drop = d->kind() == Kind::kBool && d->AsBool();
    if (t->drop && v.AsMap().size() > 1) {
      p->Add(path, "drop: true writes no rows; remove columns, sample and where");
    }
  }
  if (const Value* cols = v.Find("columns")) {
    if (cols->kind() != Kind::kMap) {
      p->Add(path + ".columns", "must be a map of column name -> rule");
    } else {
      for (const auto& [name, rule] : cols->AsMap()) {
        t->columns.push_back(ParseColumn(name, rule, path + ".columns." + name, p));
      }
    }
  }
  if (const Value* s = v.Find("sample")) ParseSample(*s, path + ".sample", t, p);
  t->where = ReadString(v, "where", path, p);
  if (!t->where.empty()) {
    auto parsed = tmpl::Template::Parse("where", t->where);
    if (!parsed.ok()) p->Add(path + ".where", parsed.status().message());
  }
}

void ParseTables(const Value& v, Policy* policy, Problems* p) {
  if (v.kind() != Kind::kMap) return p->Add("spec.tables", "must be a map of table -> rules");
  for (const auto& [key, body] : v.AsMap()) {
    std::string path = "tables.\"" + key + "\"";
    TableRule t;
    t.key = key;
    t.path = path;
    auto parts = ParseTableKey(key);
    if (!parts.ok()) {
      p->Add(path, parts.status().message());
      continue;
    }
    t.parts = *parts;
    for (const TableRule& other : policy->tables) {
      if (other.parts == t.parts) p->Add(path, "names the same table as \"" + other.key + "\"");
    }
    ParseTableBody(body, path, &t, p);
    policy->tables.push_back(std::move(t));
  }
}

template <typename E>
E ReadEnum(const Value& spec, std::string_view field, const std::vector<std::string>& names,
           const std::vector<E>& values, Problems* p) {
  const Value* v = Field(spec, field);
  if (v == nullptr) return values[0];
  if (v->kind() == Kind::kString) {
    for (size_t i = 0; i < names.size(); ++i) {
      if (names[i] == v->AsString()) return values[i];
    }
  }
  std::string got = v->kind() == Kind::kString ? v->AsString() : v->GoTypeName();
  std::string list;
  for (const std::string& n : names) list += (list.empty() ? "" : ", ") + n;
  p->Add("spec." + std::string(field),
         "must be one of " + list + ", not \"" + got + "\"" + DidYouMeanSuffix(got, names));
  return values[0];
}

void ParseKey(const Value& spec, Policy* policy, Problems* p) {
  const Value* k = Field(spec, "key");
  if (k == nullptr) return;
  if (k->kind() != Kind::kMap) return p->Add("spec.key", "must be {env: NAME} or {file: PATH}");
  CheckKeys(*k, {"env", "file"}, "spec.key", p);
  policy->key.env = ReadString(*k, "env", "spec.key", p);
  policy->key.file = ReadString(*k, "file", "spec.key", p);
  if (policy->key.env.empty() == policy->key.file.empty()) {
    p->Add("spec.key", "must name exactly one of env or file");
  }
}

void ParseSpec(const Value& spec, Policy* policy, Problems* p) {
  if (spec.kind() != Kind::kMap) return p->Add("spec", "is required and must be a map");
  CheckKeys(spec, {"key", "unlisted", "largeObjects", "tables"}, "spec", p);
  ParseKey(spec, policy, p);
  policy->unlisted = ReadEnum<Unlisted>(spec, "unlisted", {"error", "keep"},
                                        {Unlisted::kError, Unlisted::kKeep}, p);
  policy->large_objects =
      ReadEnum<LargeObjects>(spec, "largeObjects", {"error", "keep", "drop"},
                             {LargeObjects::kError, LargeObjects::kKeep, LargeObjects::kDrop}, p);
  const Value* tables = Field(spec, "tables");
  if (tables == nullptr) return p->Add("spec.tables", "is required");
  ParseTables(*tables, policy, p);
  if (policy->NeedsKey() && policy->key.empty()) {
    p->Add("spec.key",
           "is required: keyed transformers and sampling derive from it "
           "({env: KANON_MASK_KEY} or {file: PATH})");
  }
}

}  // namespace

const ColumnRule* TableRule::FindColumn(std::string_view name) const {
  for (const ColumnRule& c : columns) {
    if (c.column == name) return &c;
  }
  return nullptr;
}

bool Policy::NeedsKey() const {
  for (const TableRule& t : tables) {
    if (t.sample) return true;
    for (const ColumnRule& c : t.columns) {
      const TransformerDef* d = FindTransformer(c.mask);
      if (d != nullptr && d->keyed) return true;
    }
  }
  return false;
}

Result<Policy> ParsePolicy(std::string_view yaml, std::string_view file) {
  auto doc = value::ParseYaml(yaml);
  if (!doc.ok()) return InvalidArgument(std::string(file) + ": " + doc.status().message());
  Problems p;
  Policy policy;
  if (doc->kind() != Kind::kMap) {
    return InvalidArgument(std::string(file) + ": a mask policy must be a YAML map");
  }
  CheckKeys(*doc, {"apiVersion", "kind", "metadata", "spec"}, "", &p);
  std::string api = ReadString(*doc, "apiVersion", "apiVersion", &p);
  if (api != "kanon.io/v1alpha1") {
    p.Add("apiVersion", "must be kanon.io/v1alpha1, not \"" + api + "\"");
  }
  std::string kind = ReadString(*doc, "kind", "kind", &p);
  if (kind != "MaskPolicy") p.Add("kind", "must be MaskPolicy, not \"" + kind + "\"");
  if (const Value* md = Field(*doc, "metadata"))
    policy.name = ReadString(*md, "name", "metadata", &p);
  const Value* spec = Field(*doc, "spec");
  ParseSpec(spec ? *spec : Value(), &policy, &p);
  if (!p.empty()) return InvalidArgument(p.Join(file));
  return policy;
}

Result<Policy> LoadPolicyFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return NotFound("cannot read mask policy \"" + path + "\"");
  std::stringstream ss;
  ss << f.rdbuf();
  return ParsePolicy(ss.str(), path);
}

}  // namespace kanon::mask
