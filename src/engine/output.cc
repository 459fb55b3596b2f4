#include "engine/output.h"

#include "value/json.h"

namespace kanon::engine {

Status OutputParser::Feed(std::string_view chunk) {
  Status first;
  size_t start = 0;
  for (;;) {
    size_t nl = chunk.find('\n', start);
    if (nl == std::string_view::npos) {
      partial_.append(chunk.substr(start));
      return first;
    }
    Status s;
    if (partial_.empty()) {
      s = Line(chunk.substr(start, nl - start));
    } else {
      partial_.append(chunk.substr(start, nl - start));
      s = Line(partial_);
      partial_.clear();
    }
    if (first.ok() && !s.ok()) first = s;
    start = nl + 1;
  }
}

Status OutputParser::Finish() {
  if (partial_.empty()) return OkStatus();
  std::string last;
  last.swap(partial_);
  return Line(last);
}

Status OutputParser::Line(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line.empty()) return OkStatus();
  tail_.emplace_back(line.substr(0, 4096));
  if (tail_.size() > 50) tail_.erase(tail_.begin());
  size_t at = line.find(kOutputMarker);
  if (at == std::string_view::npos) return OkStatus();
  std::string_view rest = line.substr(at + kOutputMarker.size());
  while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
  while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\t')) rest.remove_suffix(1);
  auto v = value::ParseJson(rest);
  if (!v.ok() || v->kind() != value::Kind::kMap) {
    return InvalidArgument(
        "invalid phase output after " + std::string(kOutputMarker) + ": " +
        (v.ok() ? std::string("expected {\"key\":..,\"value\":..}") : v.status().message()));
  }
  const value::Value* k = v->Find("key");
  const value::Value* val = v->Find("value");
  if (k == nullptr || k->kind() != value::Kind::kString) {
    return InvalidArgument("invalid phase output: missing \"key\"");
  }
  std::string value_text;
  if (val != nullptr && val->kind() == value::Kind::kString) value_text = val->AsString();
  outputs_[k->AsString()] = value_text;
  return OkStatus();
}

value::Value OutputParser::ToValue() const {
  if (outputs_.empty()) return value::Value();
  value::Map m;
  for (const auto& [k, v] : outputs_) m[k] = value::Value(v);
  return value::Value::FromMap(std::move(m));
}

std::string OutputParser::Tail(size_t n) const {
  std::string s;
  size_t from = tail_.size() > n ? tail_.size() - n : 0;
  for (size_t i = from; i < tail_.size(); ++i) {
    if (!s.empty()) s += "\n";
    s += tail_[i];
  }
  if (!partial_.empty()) s += (s.empty() ? "" : "\n") + partial_.substr(0, 4096);
  return s;
}

std::string FormatOutputLine(std::string_view key, std::string_view value) {
  // Go marshals a struct {Key, Value}: compact, key first, HTML-safe escaping.
  auto k = value::ToJson(value::Value(key));
  auto v = value::ToJson(value::Value(value));
  return std::string(kOutputMarker) + " {\"key\":" + (k.ok() ? *k : "\"\"") +
         ",\"value\":" + (v.ok() ? *v : "\"\"") + "}";
}

bool ValidOutputKey(std::string_view key) {
  if (key.empty()) return false;
  for (char c : key) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
  }
  return true;
}

}  // namespace kanon::engine
