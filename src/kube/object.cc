#include "kube/object.h"

#include <cctype>
#include <cstdio>

namespace kanon::kube {
namespace {

using value::Kind;
using value::List;
using value::Map;

Value SetAt(const Value& node, const std::string_view* key, const std::string_view* end, Value v) {
  Map entries = node.kind() == Kind::kMap ? node.AsMap() : Map();
  if (key + 1 == end) {
    entries.insert_or_assign(std::string(*key), std::move(v));
  } else {
    auto it = entries.find(*key);
    Value child = it == entries.end() ? Value() : it->second;
    entries.insert_or_assign(std::string(*key), SetAt(child, key + 1, end, std::move(v)));
  }
  return MapValue(std::move(entries));
}

Value RemoveAt(const Value& node, const std::string_view* key, const std::string_view* end) {
  if (node.kind() != Kind::kMap) return node;
  auto it = node.AsMap().find(*key);
  if (it == node.AsMap().end()) return node;
  Map entries = node.AsMap();
  if (key + 1 == end) {
    entries.erase(std::string(*key));
  } else {
    entries.insert_or_assign(std::string(*key), RemoveAt(it->second, key + 1, end));
  }
  return MapValue(std::move(entries));
}

}  // namespace

const Value* FindField(const Value& object, FieldPath path) {
  const Value* cur = &object;
  for (std::string_view key : path) {
    if (cur->kind() != Kind::kMap) return nullptr;
    cur = cur->Find(key);
    if (cur == nullptr) return nullptr;
  }
  return cur;
}

std::string StringField(const Value& object, FieldPath path) {
  const Value* v = FindField(object, path);
  return v != nullptr && v->kind() == Kind::kString ? v->AsString() : std::string();
}

int64_t IntField(const Value& object, FieldPath path, int64_t fallback) {
  const Value* v = FindField(object, path);
  if (v == nullptr) return fallback;
  if (v->kind() == Kind::kInt) return v->AsInt();
  if (v->kind() == Kind::kUint) return static_cast<int64_t>(v->AsUint());
  if (v->kind() == Kind::kFloat) return static_cast<int64_t>(v->AsFloat());
  return fallback;
}

const List& ListField(const Value& object, FieldPath path) {
  static const List kEmpty;
  const Value* v = FindField(object, path);
  return v != nullptr && v->kind() == Kind::kList ? v->AsList() : kEmpty;
}

Value SetField(const Value& object, FieldPath path, Value v) {
  if (path.size() == 0) return v;
  return SetAt(object, path.begin(), path.end(), std::move(v));
}

Value RemoveField(const Value& object, FieldPath path) {
  if (path.size() == 0) return Value();
  return RemoveAt(object, path.begin(), path.end());
}

Value MapValue(Map entries) { return Value::FromMap(std::move(entries)); }
Value ListValue(List items) { return Value::FromList(std::move(items)); }

std::map<std::string, std::string> StringMapField(const Value& object, FieldPath path) {
  std::map<std::string, std::string> out;
  const Value* v = FindField(object, path);
  if (v == nullptr || v->kind() != Kind::kMap) return out;
  for (const auto& [k, e] : v->AsMap()) {
    if (e.kind() == Kind::kString) out[k] = e.AsString();
  }
  return out;
}

Value StringMapValue(const std::map<std::string, std::string>& m) {
  Map out;
  for (const auto& [k, v] : m) out[k] = Value(v);
  return MapValue(std::move(out));
}

std::string ObjectRef(std::string_view ns, std::string_view name) {
  if (ns.empty()) return std::string(name);
  return std::string(ns) + "/" + std::string(name);
}

bool IsOwnedBy(const Value& object, std::string_view owner_uid) {
  for (const Value& ref : ListField(object, {"metadata", "ownerReferences"})) {
    if (StringField(ref, {"uid"}) == owner_uid) return true;
  }
  return false;
}

std::string ControllerUid(const Value& object) {
  for (const Value& ref : ListField(object, {"metadata", "ownerReferences"})) {
    const Value* controller = FindField(ref, {"controller"});
    if (controller != nullptr && controller->kind() == Kind::kBool && controller->AsBool()) {
      return StringField(ref, {"uid"});
    }
  }
  return "";
}

Value ControllerRef(const Value& owner) {
  return MapValue({{"apiVersion", Value(StringField(owner, {"apiVersion"}))},
                   {"kind", Value(StringField(owner, {"kind"}))},
                   {"name", Value(NameOf(owner))},
                   {"uid", Value(UidOf(owner))},
                   {"controller", Value(true)},
                   {"blockOwnerDeletion", Value(true)}});
}

std::string Rfc3339(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::time_t ParseRfc3339(std::string_view text) {
  std::tm tm{};
  int consumed = 0;
  std::string s(text);
  if (std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                  &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &consumed) != 6) {
    return -1;
  }
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  std::time_t t = timegm(&tm);
  size_t pos = static_cast<size_t>(consumed);
  if (pos < s.size() && s[pos] == '.') {
    while (++pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) {
    }
  }
  if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
    int hh = 0, mm = 0;
    if (std::sscanf(s.c_str() + pos + 1, "%2d:%2d", &hh, &mm) != 2) return -1;
    t -= (s[pos] == '+' ? 1 : -1) * (hh * 3600 + mm * 60);
  } else if (pos >= s.size() || s[pos] != 'Z') {
    return -1;
  }
  return t;
}

}  // namespace kanon::kube
