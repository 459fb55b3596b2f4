#include "tmpl/func.h"

#include <algorithm>

namespace kanon::tmpl {

std::string_view ParamTypeName(ParamType t) {
  switch (t) {
    case ParamType::kAny:
      return "interface {}";
    case ParamType::kReflect:
      return "reflect.Value";
    case ParamType::kString:
      return "string";
    case ParamType::kInt:
      return "int";
    case ParamType::kInt64:
      return "int64";
    case ParamType::kUint32:
      return "uint32";
    case ParamType::kFloat64:
      return "float64";
    case ParamType::kBool:
      return "bool";
    case ParamType::kStringList:
      return "[]string";
    case ParamType::kAnyList:
      return "[]interface {}";
    case ParamType::kAnyMap:
      return "map[string]interface {}";
    case ParamType::kTime:
      return "time.Time";
  }
  return "?";
}

void FuncMap::Add(FuncDef def) {
  std::string name = def.name;
  funcs_[name] = std::move(def);
}

void FuncMap::Remove(std::string_view name) {
  auto it = funcs_.find(name);
  if (it != funcs_.end()) funcs_.erase(it);
}

const FuncDef* FuncMap::Find(std::string_view name) const {
  auto it = funcs_.find(name);
  return it == funcs_.end() ? nullptr : &it->second;
}

std::vector<std::string> FuncMap::Names() const {
  std::vector<std::string> names;
  names.reserve(funcs_.size());
  for (const auto& [k, v] : funcs_) names.push_back(k);
  return names;
}

namespace {
std::string MethodKey(std::string_view type, std::string_view method) {
  std::string k(type);
  k += '\x1f';
  k += method;
  return k;
}
}  // namespace

void MethodTable::Add(std::string type_name, FuncDef def) {
  methods_[MethodKey(type_name, def.name)] = std::move(def);
}

const FuncDef* MethodTable::Find(std::string_view type_name, std::string_view method) const {
  auto it = methods_.find(MethodKey(type_name, method));
  return it == methods_.end() ? nullptr : &it->second;
}

}  // namespace kanon::tmpl
