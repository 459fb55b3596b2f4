#include "engine/functions/jsonpath.h"

#include <vector>

#include "tmpl/gofmt.h"
#include "value/json.h"

namespace kanon::engine::functions {
namespace {

using value::Kind;
using value::Value;

std::string Print(const Value& v) {
  if (v.kind() == Kind::kString) return v.AsString();
  if (v.kind() == Kind::kMap || v.kind() == Kind::kList) {
    auto j = value::ToJson(v);
    return j.ok() ? *j : "";
  }
  std::string s;
  tmpl::AppendGoValue(&s, v);
  return s;
}

// Applies one step ("name", "[0]", "[*]", "[?(@.k==\"v\")]") to every current node.
Status Step(std::string_view step, std::vector<Value>* nodes) {
  std::vector<Value> next;
  for (const Value& n : *nodes) {
    if (step.front() != '[') {
      if (const Value* f = n.Find(step)) next.push_back(*f);
      continue;
    }
    if (n.kind() != Kind::kList) continue;
    std::string_view inner = step.substr(1, step.size() - 2);
    if (inner == "*") {
      for (const Value& e : n.AsList()) next.push_back(e);
    } else if (inner.starts_with("?(@.") && inner.ends_with(")")) {
      std::string_view expr = inner.substr(4, inner.size() - 5);
      size_t eq = expr.find("==");
      if (eq == std::string_view::npos)
        return InvalidArgument("unsupported JSONPath filter: " + std::string(inner));
      std::string key(expr.substr(0, eq));
      std::string want(expr.substr(eq + 2));
      if (want.size() >= 2 && (want.front() == '"' || want.front() == '\''))
        want = want.substr(1, want.size() - 2);
      for (const Value& e : n.AsList()) {
        const Value* f = e.Find(key);
        if (f && Print(*f) == want) next.push_back(e);
      }
    } else {
      long idx = std::strtol(std::string(inner).c_str(), nullptr, 10);
      long size = static_cast<long>(n.AsList().size());
      if (idx < 0) idx += size;
      if (idx >= 0 && idx < size) next.push_back(n.AsList()[static_cast<size_t>(idx)]);
    }
  }
  *nodes = std::move(next);
  return OkStatus();
}

}  // namespace

Result<std::string> EvalJsonPath(std::string_view path, const Value& obj) {
  if (path.starts_with("$")) path.remove_prefix(1);
  std::vector<Value> nodes{obj};
  size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '.') {
      ++i;
      continue;
    }
    size_t end;
    if (path[i] == '[') {
      end = path.find(']', i);
      if (end == std::string_view::npos)
        return InvalidArgument("unclosed [ in JSONPath " + std::string(path));
      ++end;
    } else {
      end = path.find_first_of(".[", i);
      if (end == std::string_view::npos) end = path.size();
    }
    RETURN_IF_ERROR(Step(path.substr(i, end - i), &nodes));
    i = end;
  }
  std::string out;
  for (size_t k = 0; k < nodes.size(); ++k) {
    if (k > 0) out += " ";
    out += Print(nodes[k]);
  }
  return out;
}

Result<std::string> ReplaceJsonPaths(std::string_view text, const Value& obj) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t open = text.find("{$", i);
    if (open == std::string_view::npos || (open > 0 && text[open - 1] == '{')) {
      if (open == std::string_view::npos) {
        out.append(text.substr(i));
        break;
      }
      out.append(text.substr(i, open + 2 - i));
      i = open + 2;
      continue;
    }
    size_t close = text.find('}', open);
    if (close == std::string_view::npos) return InvalidArgument("unclosed JSONPath in condition");
    out.append(text.substr(i, open - i));
    ASSIGN_OR_RETURN(std::string v, EvalJsonPath(text.substr(open + 1, close - open - 1), obj));
    out += v;
    i = close + 1;
  }
  return out;
}

}  // namespace kanon::engine::functions
