#include "core/data_reader.hpp"

namespace desk::data {

std::optional<json> parse_text(std::string_view text, Errors& errors, const std::string& where) {
  json j = json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded()) {
    errors.push_back({where, {"不是有效的 JSON 文本", "not valid JSON text"}});
    return std::nullopt;
  }
  return j;
}

bool object_with_keys(const json& j, std::initializer_list<const char*> allowed, Errors& errors,
                      const std::string& where) {
  if (!j.is_object()) return errors.push_back({where, type_error("对象", "an object")}), false;
  for (auto it = j.begin(); it != j.end(); ++it) {
    bool known = false;
    for (const char* k : allowed) known |= it.key() == k;
    if (!known) {
      errors.push_back({where, {"未知字段 " + it.key(), "unknown field " + it.key()}});
      return false;
    }
  }
  return true;
}

std::string text(const json& obj, const char* key, Errors& errors, const std::string& where, bool required) {
  auto it = obj.find(key);
  if (it == obj.end() || (it->is_string() && it->get<std::string>().empty())) {
    if (required) errors.push_back({where, {std::string("缺少 ") + key, std::string("missing ") + key}});
    return {};
  }
  std::string out;
  from_value(*it, out, errors, where);
  return out;
}

std::vector<std::string> texts(const json& obj, const char* key, Errors& errors, const std::string& where) {
  std::vector<std::string> out;
  auto it = obj.find(key);
  if (it != obj.end()) from_value(*it, out, errors, where);
  return out;
}

bool flag(const json& obj, const char* key, bool fallback, Errors& errors, const std::string& where) {
  auto it = obj.find(key);
  if (it == obj.end()) return fallback;
  bool out = fallback;
  from_value(*it, out, errors, where);
  return out;
}

int number(const json& obj, const char* key, int fallback, int lo, int hi, Errors& errors, const std::string& where) {
  auto it = obj.find(key);
  if (it == obj.end()) return fallback;
  int out = fallback;
  if (!from_value(*it, out, errors, where)) return fallback;
  if (out < lo || out > hi) {
    const std::string range = std::to_string(lo) + "–" + std::to_string(hi);
    errors.push_back({where, {std::string(key) + " 应在 " + range + " 之间", std::string(key) + " must be " + range}});
    return fallback;
  }
  return out;
}

const json& list(const json& obj, const char* key, Errors& errors, const std::string& where, bool required) {
  static const json kEmpty = json::array();
  auto it = obj.find(key);
  if (it == obj.end()) {
    if (required) errors.push_back({where, {std::string("缺少 ") + key, std::string("missing ") + key}});
    return kEmpty;
  }
  if (!it->is_array()) {
    errors.push_back({where, type_error("列表", "a list")});
    return kEmpty;
  }
  return *it;
}

}  // namespace desk::data
