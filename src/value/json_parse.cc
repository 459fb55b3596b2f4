#include <nlohmann/json.hpp>

#include "value/json.h"

namespace kanon::value {
namespace {

using nlohmann::json;

Value Convert(const json& j, NumberMode mode) {
  switch (j.type()) {
    case json::value_t::null:
    case json::value_t::discarded: return Value();
    case json::value_t::boolean: return Value(j.get<bool>());
    case json::value_t::number_integer:
      if (mode == NumberMode::kInt64WhenIntegral) {
        return Value::Int(j.get<int64_t>(), GoType::kInt64);
      }
      return Value::Float(static_cast<double>(j.get<int64_t>()));
    case json::value_t::number_unsigned:
      if (mode == NumberMode::kInt64WhenIntegral && j.get<uint64_t>() <= INT64_MAX) {
        return Value::Int(static_cast<int64_t>(j.get<uint64_t>()), GoType::kInt64);
      }
      return Value::Float(static_cast<double>(j.get<uint64_t>()));
    case json::value_t::number_float: return Value::Float(j.get<double>());
    case json::value_t::string: return Value(j.get_ref<const std::string&>());
    case json::value_t::binary: return Value::Bytes(std::string(j.get_binary().begin(), j.get_binary().end()));
    case json::value_t::array: {
      List items;
      items.reserve(j.size());
      for (const auto& e : j) items.push_back(Convert(e, mode));
      return Value::FromList(std::move(items));
    }
    case json::value_t::object: {
      Map m;
      for (auto it = j.begin(); it != j.end(); ++it) m[it.key()] = Convert(it.value(), mode);
      return Value::FromMap(std::move(m));
    }
  }
  return Value();
}

}  // namespace

Result<Value> ParseJson(std::string_view text, NumberMode mode) {
  try {
    json j = json::parse(text.begin(), text.end());
    return Convert(j, mode);
  } catch (const json::exception& e) {
    return InvalidArgument(std::string("invalid JSON: ") + e.what());
  }
}

}  // namespace kanon::value
