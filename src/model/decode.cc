#include "model/decode.h"

#include "base/suggest.h"

namespace kanon::model {

namespace {
const Value& Nil() {
  static const Value kNil;
  return kNil;
}

}  // namespace

std::string JsonTypeName(const Value& v) {
  switch (v.kind()) {
    case value::Kind::kNil:
      return "null";
    case value::Kind::kBool:
      return "boolean";
    case value::Kind::kInt:
    case value::Kind::kUint:
    case value::Kind::kFloat:
      return "number";
    case value::Kind::kString:
    case value::Kind::kBytes:
      return "string";
    case value::Kind::kList:
      return "list";
    case value::Kind::kMap:
    case value::Kind::kStruct:
      return "object";
    case value::Kind::kTime:
      return "time";
  }
  return "value";
}

FieldReader::FieldReader(const Value& v, std::string path) : v_(v), path_(std::move(path)) {
  if (!v.is_nil() && v.kind() != value::Kind::kMap) {
    ok_type_ = false;
    errors_.push_back((path_.empty() ? std::string("document") : path_) +
                      ": expected an object, got " + JsonTypeName(v));
  }
}

std::string FieldReader::Path(std::string_view field) const {
  return path_.empty() ? std::string(field) : path_ + "." + std::string(field);
}

const Value& FieldReader::Get(std::string_view name) {
  known_.emplace(name);
  if (!ok_type_ || v_.is_nil()) return Nil();
  const Value* f = v_.Find(name);
  return f ? *f : Nil();
}

Status FieldReader::String(std::string_view name, std::string* out) {
  const Value& f = Get(name);
  if (f.is_nil()) return OkStatus();
  if (f.kind() != value::Kind::kString) {
    std::string e = Path(name) + ": expected a string, got " + JsonTypeName(f);
    errors_.push_back(e);
    return InvalidArgument(e);
  }
  *out = f.AsString();
  return OkStatus();
}

Status FieldReader::Bool(std::string_view name, bool* out) {
  const Value& f = Get(name);
  if (f.is_nil()) return OkStatus();
  if (f.kind() != value::Kind::kBool) {
    std::string e = Path(name) + ": expected true or false, got " + JsonTypeName(f);
    errors_.push_back(e);
    return InvalidArgument(e);
  }
  *out = f.AsBool();
  return OkStatus();
}

Status FieldReader::StringMap(std::string_view name, std::map<std::string, std::string>* out) {
  const Value& f = Get(name);
  if (f.is_nil()) return OkStatus();
  if (f.kind() != value::Kind::kMap) {
    std::string e = Path(name) + ": expected a map of strings, got " + JsonTypeName(f);
    errors_.push_back(e);
    return InvalidArgument(e);
  }
  for (const auto& [k, v] : f.AsMap()) {
    if (v.kind() != value::Kind::kString) {
      std::string e = Path(name) + "." + k + ": expected a string, got " + JsonTypeName(v);
      errors_.push_back(e);
      return InvalidArgument(e);
    }
    (*out)[k] = v.AsString();
  }
  return OkStatus();
}

Status FieldReader::StringList(std::string_view name, std::vector<std::string>* out) {
  const Value& f = Get(name);
  if (f.is_nil()) return OkStatus();
  if (f.kind() != value::Kind::kList) {
    std::string e = Path(name) + ": expected a list of strings, got " + JsonTypeName(f);
    errors_.push_back(e);
    return InvalidArgument(e);
  }
  for (size_t i = 0; i < f.AsList().size(); ++i) {
    const Value& v = f.AsList()[i];
    if (v.kind() != value::Kind::kString) {
      std::string e =
          Path(name) + "[" + std::to_string(i) + "]: expected a string, got " + JsonTypeName(v);
      errors_.push_back(e);
      return InvalidArgument(e);
    }
    out->push_back(v.AsString());
  }
  return OkStatus();
}

Status FieldReader::Finish() const {
  std::vector<std::string> problems = errors_;
  if (ok_type_ && v_.kind() == value::Kind::kMap) {
    for (const auto& [k, v] : v_.AsMap()) {
      if (known_.count(k)) continue;
      std::string msg = Path(k) + ": unknown field \"" + k + "\"";
      msg += DidYouMeanSuffix(k, std::vector<std::string>(known_.begin(), known_.end()));
      problems.push_back(msg);
    }
  }
  return JoinErrors(problems);
}

Status FieldReader::Done() { return Finish(); }

Status JoinErrors(const std::vector<std::string>& problems) {
  if (problems.empty()) return OkStatus();
  std::string m = problems[0];
  for (size_t i = 1; i < problems.size(); ++i) m += "\n" + problems[i];
  return InvalidArgument(m);
}

}  // namespace kanon::model
