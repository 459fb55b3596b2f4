// JSON patch (RFC 6902) over immutable Values: each operation rebuilds the path it touches.

#include <charconv>
#include <functional>

#include "kube/object.h"
#include "kube/patch.h"

namespace kanon::kube {
namespace {

using value::Kind;
using value::List;
using value::Map;
using Tokens = std::vector<std::string>;

Result<Tokens> ParsePointer(const std::string& pointer) {
  Tokens out;
  if (pointer.empty()) return out;
  if (pointer[0] != '/')
    return InvalidArgument("JSON pointer \"" + pointer + "\" must start with /");
  size_t pos = 1;
  while (true) {
    size_t next = pointer.find('/', pos);
    std::string raw = pointer.substr(pos, next == std::string::npos ? next : next - pos);
    std::string token;
    for (size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '~' && i + 1 < raw.size() && (raw[i + 1] == '0' || raw[i + 1] == '1')) {
        token += raw[i + 1] == '0' ? '~' : '/';
        ++i;
      } else {
        token += raw[i];
      }
    }
    out.push_back(std::move(token));
    if (next == std::string::npos) return out;
    pos = next + 1;
  }
}

// The list index a token names; `size` allows "-" and the one-past-the-end index (for add).
Result<size_t> Index(const std::string& token, size_t size, bool allow_end) {
  if (allow_end && token == "-") return size;
  size_t idx = 0;
  auto [p, ec] = std::from_chars(token.data(), token.data() + token.size(), idx);
  if (token.empty() || ec != std::errc() || p != token.data() + token.size() || idx > size ||
      (!allow_end && idx == size)) {
    return InvalidArgument("index \"" + token + "\" is out of range");
  }
  return idx;
}

Result<Value> GetAt(const Value& node, const Tokens& t, size_t i) {
  if (i == t.size()) return node;
  if (node.kind() == Kind::kMap) {
    const Value* child = node.Find(t[i]);
    if (child == nullptr) return InvalidArgument("no field \"" + t[i] + "\"");
    return GetAt(*child, t, i + 1);
  }
  if (node.kind() == Kind::kList) {
    ASSIGN_OR_RETURN(size_t idx, Index(t[i], node.AsList().size(), false));
    return GetAt(node.AsList()[idx], t, i + 1);
  }
  return InvalidArgument("\"" + t[i] + "\" is not inside an object or array");
}

// Rebuilds `node` with the child at t[i] replaced by `edit(child)`; `last` edits node itself.
using LastEdit = std::function<Result<Value>(const Value& parent, const std::string& token)>;

Result<Value> EditAt(const Value& node, const Tokens& t, size_t i, const LastEdit& last) {
  if (i + 1 == t.size()) return last(node, t[i]);
  if (node.kind() == Kind::kMap) {
    const Value* child = node.Find(t[i]);
    if (child == nullptr) return InvalidArgument("no field \"" + t[i] + "\"");
    ASSIGN_OR_RETURN(Value edited, EditAt(*child, t, i + 1, last));
    Map m = node.AsMap();
    m.insert_or_assign(t[i], std::move(edited));
    return MapValue(std::move(m));
  }
  if (node.kind() == Kind::kList) {
    ASSIGN_OR_RETURN(size_t idx, Index(t[i], node.AsList().size(), false));
    ASSIGN_OR_RETURN(Value edited, EditAt(node.AsList()[idx], t, i + 1, last));
    List l = node.AsList();
    l[idx] = std::move(edited);
    return ListValue(std::move(l));
  }
  return InvalidArgument("\"" + t[i] + "\" is not inside an object or array");
}

Result<Value> Add(const Value& doc, const Tokens& t, const Value& v) {
  if (t.empty()) return v;
  return EditAt(doc, t, 0, [&](const Value& parent, const std::string& tok) -> Result<Value> {
    if (parent.kind() == Kind::kMap) {
      Map m = parent.AsMap();
      m.insert_or_assign(tok, v);
      return MapValue(std::move(m));
    }
    if (parent.kind() != Kind::kList) return InvalidArgument("parent is not an object or array");
    ASSIGN_OR_RETURN(size_t idx, Index(tok, parent.AsList().size(), true));
    List l = parent.AsList();
    l.insert(l.begin() + static_cast<std::ptrdiff_t>(idx), v);
    return ListValue(std::move(l));
  });
}

Result<Value> Remove(const Value& doc, const Tokens& t) {
  if (t.empty()) return InvalidArgument("cannot remove the whole document");
  return EditAt(doc, t, 0, [&](const Value& parent, const std::string& tok) -> Result<Value> {
    if (parent.kind() == Kind::kMap) {
      if (parent.Find(tok) == nullptr) return InvalidArgument("no field \"" + tok + "\"");
      Map m = parent.AsMap();
      m.erase(tok);
      return MapValue(std::move(m));
    }
    if (parent.kind() != Kind::kList) return InvalidArgument("parent is not an object or array");
    ASSIGN_OR_RETURN(size_t idx, Index(tok, parent.AsList().size(), false));
    List l = parent.AsList();
    l.erase(l.begin() + static_cast<std::ptrdiff_t>(idx));
    return ListValue(std::move(l));
  });
}

Result<Value> ApplyOne(const Value& doc, const Value& op) {
  std::string name = StringField(op, {"op"});
  ASSIGN_OR_RETURN(Tokens path, ParsePointer(StringField(op, {"path"})));
  const Value* v = FindField(op, {"value"});
  if ((name == "add" || name == "replace" || name == "test") && v == nullptr) {
    return InvalidArgument("missing \"value\"");
  }
  if (name == "add") return Add(doc, path, *v);
  if (name == "remove") return Remove(doc, path);
  if (name == "replace") {
    if (path.empty()) return *v;
    ASSIGN_OR_RETURN(Value removed, Remove(doc, path));
    return Add(removed, path, *v);
  }
  if (name == "test") {
    ASSIGN_OR_RETURN(Value have, GetAt(doc, path, 0));
    if (!(have == *v)) return InvalidArgument("test failed: the value differs");
    return doc;
  }
  if (name == "move" || name == "copy") {
    ASSIGN_OR_RETURN(Tokens from, ParsePointer(StringField(op, {"from"})));
    ASSIGN_OR_RETURN(Value moved, GetAt(doc, from, 0));
    Value base = doc;
    if (name == "move") {
      ASSIGN_OR_RETURN(base, Remove(doc, from));
    }
    return Add(base, path, moved);
  }
  return InvalidArgument("unknown operation \"" + name + "\"");
}

}  // namespace

Result<Value> ApplyJsonPatch(const Value& target, const Value& operations) {
  if (operations.kind() != Kind::kList) {
    return InvalidArgument("a JSON patch must be an array of operations");
  }
  Value doc = target;
  const List& ops = operations.AsList();
  for (size_t i = 0; i < ops.size(); ++i) {
    Result<Value> next = ApplyOne(doc, ops[i]);
    if (!next.ok()) {
      return next.status().WithContext("json patch operation " + std::to_string(i) + " (" +
                                       StringField(ops[i], {"op"}) + " " +
                                       StringField(ops[i], {"path"}) + ")");
    }
    doc = std::move(next).value();
  }
  return doc;
}

}  // namespace kanon::kube
