// JSON merge patch and the strategic merge patch of built-in kinds.

#include <algorithm>
#include <set>

#include "kube/object.h"
#include "kube/patch.h"

namespace kanon::kube {
namespace {

using value::Kind;
using value::List;
using value::Map;

constexpr std::string_view kSetOrder = "$setElementOrder/";
constexpr std::string_view kDeletePrimitive = "$deleteFromPrimitiveList/";

// The merge key Kubernetes declares for a list field, or "" for lists that are replaced whole.
std::string MergeKey(std::string_view field, const List& sample) {
  static const std::set<std::string_view> by_name = {
      "containers", "initContainers", "ephemeralContainers", "volumes", "env", "imagePullSecrets"};
  if (by_name.count(field)) return "name";
  if (field == "volumeMounts") return "mountPath";
  if (field == "volumeDevices") return "devicePath";
  if (field == "conditions") return "type";
  if (field == "podIPs" || field == "hostIPs") return "ip";
  if (field == "ownerReferences") return "uid";
  if (field == "ports") {
    for (const Value& e : sample) {
      if (FindField(e, {"containerPort"}) != nullptr) return "containerPort";
    }
    return "port";
  }
  return "";
}

bool IsDirective(std::string_view key) { return !key.empty() && key[0] == '$'; }

// A patch value with its directives removed, as stored when nothing was there to merge into.
Value Strip(const Value& v) {
  if (v.kind() == Kind::kList) {
    List out;
    for (const Value& e : v.AsList()) out.push_back(Strip(e));
    return ListValue(std::move(out));
  }
  if (v.kind() != Kind::kMap) return v;
  Map out;
  for (const auto& [k, e] : v.AsMap()) {
    if (!IsDirective(k) && !e.is_nil()) out[k] = Strip(e);
  }
  return MapValue(std::move(out));
}

std::string PatchDirective(const Value& v) { return StringField(v, {"$patch"}); }

Value MergeKeyed(const List& target, const List& patch, const std::string& key);
Value Strategic(const Value& target, const Value& patch);

Value MergeList(const std::string& field, const Value* current, const Value& patch) {
  const List& items = patch.AsList();
  std::string key = MergeKey(field, items);
  List base = current != nullptr && current->kind() == Kind::kList ? current->AsList() : List();
  if (field == "finalizers") {
    for (const Value& e : items) {
      if (std::find(base.begin(), base.end(), e) == base.end()) base.push_back(e);
    }
    return ListValue(std::move(base));
  }
  if (key.empty()) return Strip(patch);
  return MergeKeyed(base, items, key);
}

Value MergeKeyed(const List& target, const List& patch, const std::string& key) {
  List out = target;
  for (const Value& e : patch) {
    if (PatchDirective(e) == "replace") {
      List rest;
      for (const Value& p : patch) {
        if (PatchDirective(p) != "replace") rest.push_back(Strip(p));
      }
      return ListValue(std::move(rest));
    }
  }
  for (const Value& e : patch) {
    const Value* id = FindField(e, {key});
    auto it = std::find_if(out.begin(), out.end(), [&](const Value& t) {
      const Value* tid = FindField(t, {key});
      return id != nullptr && tid != nullptr && *tid == *id;
    });
    if (PatchDirective(e) == "delete") {
      if (it != out.end()) out.erase(it);
    } else if (it != out.end()) {
      *it = Strategic(*it, e);
    } else {
      out.push_back(Strip(e));
    }
  }
  return ListValue(std::move(out));
}

// Reorders `list` as `order` says (by merge key); unlisted elements keep their place at the end.
Value Reorder(const Value& list, const Value& order, const std::string& key) {
  if (list.kind() != Kind::kList || order.kind() != Kind::kList) return list;
  List rest = list.AsList();
  List out;
  for (const Value& o : order.AsList()) {
    const Value* want = key.empty() ? &o : FindField(o, {key});
    if (want == nullptr) continue;
    auto it = std::find_if(rest.begin(), rest.end(), [&](const Value& e) {
      const Value* have = key.empty() ? &e : FindField(e, {key});
      return have != nullptr && *have == *want;
    });
    if (it == rest.end()) continue;
    out.push_back(*it);
    rest.erase(it);
  }
  out.insert(out.end(), rest.begin(), rest.end());
  return ListValue(std::move(out));
}

void ApplyListDirective(Map& out, const std::string& directive, const Value& arg) {
  if (directive.rfind(kDeletePrimitive, 0) == 0) {
    std::string field = directive.substr(kDeletePrimitive.size());
    auto it = out.find(field);
    if (it == out.end() || it->second.kind() != Kind::kList || arg.kind() != Kind::kList) return;
    List kept;
    for (const Value& e : it->second.AsList()) {
      const List& drop = arg.AsList();
      if (std::find(drop.begin(), drop.end(), e) == drop.end()) kept.push_back(e);
    }
    it->second = ListValue(std::move(kept));
  } else if (directive.rfind(kSetOrder, 0) == 0) {
    std::string field = directive.substr(kSetOrder.size());
    auto it = out.find(field);
    if (it == out.end() || arg.kind() != Kind::kList) return;
    it->second = Reorder(it->second, arg, MergeKey(field, arg.AsList()));
  }
}

Value Strategic(const Value& target, const Value& patch) {
  if (patch.kind() != Kind::kMap) return patch;
  if (PatchDirective(patch) == "replace") return Strip(patch);
  Map out = target.kind() == Kind::kMap ? target.AsMap() : Map();
  for (const auto& [k, pv] : patch.AsMap()) {
    if (IsDirective(k)) continue;
    auto it = out.find(k);
    const Value* current = it == out.end() ? nullptr : &it->second;
    if (pv.is_nil() || (pv.kind() == Kind::kMap && PatchDirective(pv) == "delete")) {
      out.erase(k);
    } else if (pv.kind() == Kind::kMap) {
      out[k] = Strategic(current != nullptr ? *current : Value(), pv);
    } else if (pv.kind() == Kind::kList) {
      out[k] = MergeList(k, current, pv);
    } else {
      out[k] = pv;
    }
  }
  for (const auto& [k, pv] : patch.AsMap()) {
    if (IsDirective(k)) ApplyListDirective(out, k, pv);
  }
  if (const Value* retain = patch.Find("$retainKeys"); retain && retain->kind() == Kind::kList) {
    std::erase_if(out, [&](const auto& entry) {
      const List& keep = retain->AsList();
      return std::find(keep.begin(), keep.end(), Value(entry.first)) == keep.end();
    });
  }
  return MapValue(std::move(out));
}

}  // namespace

Value ApplyMergePatch(const Value& target, const Value& patch) {
  if (patch.kind() != Kind::kMap) return patch;
  Map out = target.kind() == Kind::kMap ? target.AsMap() : Map();
  for (const auto& [k, pv] : patch.AsMap()) {
    if (pv.is_nil()) {
      out.erase(k);
      continue;
    }
    auto it = out.find(k);
    out[k] = ApplyMergePatch(it == out.end() ? Value() : it->second, pv);
  }
  return MapValue(std::move(out));
}

Value ApplyStrategicMergePatch(const Value& target, const Value& patch) {
  return Strategic(target, patch);
}

Result<Value> ApplyPatch(const Value& target, PatchType type, const Value& patch) {
  switch (type) {
    case PatchType::kMerge:
    case PatchType::kStrategicMerge:
      if (patch.kind() != Kind::kMap) {
        return InvalidArgument("a merge patch must be a JSON object, not " + patch.GoTypeName());
      }
      return type == PatchType::kMerge ? ApplyMergePatch(target, patch)
                                       : ApplyStrategicMergePatch(target, patch);
    case PatchType::kJson:
      return ApplyJsonPatch(target, patch);
  }
  return InvalidArgument("unknown patch type");
}

}  // namespace kanon::kube
