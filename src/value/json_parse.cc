#include <nlohmann/json.hpp>

#include "value/json.h"

namespace kanon::value {
namespace {

using nlohmann::json;

// Builds Values directly from nlohmann's SAX events: one pass, no intermediate DOM.
class ValueBuilder final : public nlohmann::json_sax<json> {
 public:
  explicit ValueBuilder(NumberMode mode) : mode_(mode) {}

  bool null() override { return Put(Value()); }
  bool boolean(bool b) override { return Put(Value(b)); }
  bool number_integer(int64_t i) override {
    return Put(mode_ == NumberMode::kInt64WhenIntegral ? Value::Int(i, GoType::kInt64)
                                                       : Value::Float(static_cast<double>(i)));
  }
  bool number_unsigned(uint64_t u) override {
    if (mode_ == NumberMode::kInt64WhenIntegral && u <= INT64_MAX) {
      return Put(Value::Int(static_cast<int64_t>(u), GoType::kInt64));
    }
    return Put(Value::Float(static_cast<double>(u)));
  }
  bool number_float(double d, const std::string&) override { return Put(Value::Float(d)); }
  bool string(std::string& s) override { return Put(Value(std::move(s))); }
  bool binary(json::binary_t& b) override {
    return Put(Value::Bytes(std::string(b.begin(), b.end())));
  }
  bool start_object(std::size_t) override {
    stack_.push_back(Frame{true, {}, {}, {}});
    return true;
  }
  bool key(std::string& k) override {
    stack_.back().key = std::move(k);
    return true;
  }
  bool end_object() override {
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    return Put(Value::FromMap(std::move(f.map)));
  }
  bool start_array(std::size_t) override {
    stack_.push_back(Frame{false, {}, {}, {}});
    return true;
  }
  bool end_array() override {
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    return Put(Value::FromList(std::move(f.list)));
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
    error_ = e.what();
    return false;
  }

  Value result;
  std::string error_;

 private:
  struct Frame {
    bool is_object;
    std::string key;
    Map map;
    List list;
  };
  bool Put(Value v) {
    if (stack_.empty()) {
      result = std::move(v);
    } else if (stack_.back().is_object) {
      // A repeated key keeps the last value, as Go does.
      stack_.back().map.insert_or_assign(std::move(stack_.back().key), std::move(v));
    } else {
      stack_.back().list.push_back(std::move(v));
    }
    return true;
  }
  NumberMode mode_;
  std::vector<Frame> stack_;
};

}  // namespace

Result<Value> ParseJson(std::string_view text, NumberMode mode) {
  ValueBuilder builder(mode);
  bool ok = false;
  try {
    ok = json::sax_parse(text.begin(), text.end(), &builder);
  } catch (const json::exception& e) {
    return InvalidArgument(std::string("invalid JSON: ") + e.what());
  }
  if (!ok) return InvalidArgument("invalid JSON: " + builder.error_);
  return std::move(builder.result);
}

}  // namespace kanon::value
