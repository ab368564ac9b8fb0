#include "core/asset_reader.hpp"

#include <algorithm>

namespace desk::asset {

namespace {
Msg missing() {
  return {"缺少字段", "missing field"};
}
}  // namespace

std::optional<json> parse_list_document(std::string_view text, std::string_view format, int max_version,
                                        std::string_view list_key, Errors& errors) {
  json doc;
  try {
    doc = json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    const std::string at = std::to_string(e.byte);
    errors.push_back({"文件", {"不是完整的 JSON：第 " + at + " 字节处出错", "not valid JSON: error at byte " + at}});
    return std::nullopt;
  } catch (const json::exception&) {
    errors.push_back({"文件", {"文件中有超出范围的数值", "a number in the file is out of range"}});
    return std::nullopt;
  }
  const std::string list(list_key);
  // Unknown keys are reported, and reading goes on so the entries are checked too.
  check_keys(doc, {"format", "version", list}, {"note"}, "", errors);
  if (!doc.is_object() || !doc.contains("format") || !doc.contains("version") || !doc.contains(list))
    return std::nullopt;
  if (!doc["format"].is_string() || doc["format"].get<std::string>() != format) {
    errors.push_back(
        {"format", {"格式名应为 " + std::string(format), "the format name should be " + std::string(format)}});
    return std::nullopt;
  }
  int version = 0;
  if (!read_int(doc, "version", version, 1, max_version, "", errors)) return std::nullopt;
  if (doc.contains("note") && !doc["note"].is_string()) {
    errors.push_back({"note", type_error("文本", "text")});
    return std::nullopt;
  }
  if (!doc[list].is_array() || doc[list].empty()) {
    errors.push_back({list, {"应为非空列表", "expected a non-empty list"}});
    return std::nullopt;
  }
  return doc[list];
}

bool check_keys(const json& obj, std::initializer_list<std::string_view> required,
                std::initializer_list<std::string_view> optional, const std::string& path, Errors& errors) {
  auto at = [&](std::string_view key) { return path.empty() ? std::string(key) : path + "." + std::string(key); };
  if (!obj.is_object()) {
    errors.push_back({path.empty() ? "文件" : path, type_error("对象", "an object")});
    return false;
  }
  bool ok = true;
  for (std::string_view key : required)
    if (!obj.contains(std::string(key))) errors.push_back({at(key), missing()}), ok = false;
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    const std::string& key = it.key();
    const bool known = std::find(required.begin(), required.end(), key) != required.end() ||
                       std::find(optional.begin(), optional.end(), key) != optional.end();
    if (!known) errors.push_back({at(key), {"未知字段", "unknown field"}}), ok = false;
  }
  return ok;
}

bool valid_code(std::string_view code) {
  if (code.empty() || code.size() > 40 || code[0] < 'a' || code[0] > 'z') return false;
  return std::all_of(code.begin(), code.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

bool read_code(const json& obj, const char* key, std::string& out, const std::string& path, Errors& errors) {
  const std::string p = path + "." + key;
  if (!obj.contains(key)) return errors.push_back({p, missing()}), false;
  const json& j = obj[key];
  if (!j.is_string() || !valid_code(j.get<std::string>()))
    return errors.push_back({p,
                             {"代码只能由小写字母、数字和下划线组成（以字母开头，最多 40 个）",
                              "a code is 1–40 of a–z, 0–9 and '_', starting with a letter"}}),
           false;
  out = j.get<std::string>();
  return true;
}

bool read_text(const json& obj, const char* key, std::string& out, const std::string& path, Errors& errors) {
  const std::string p = path + "." + key;
  if (!obj.contains(key)) return errors.push_back({p, missing()}), false;
  std::string v;
  if (!from_value(obj[key], v, errors, p)) return false;
  if (!utf8_valid(v) || trim(v).empty()) return errors.push_back({p, {"文字不能为空", "the text is empty"}}), false;
  out = trim(v);
  return true;
}

bool read_int(const json& obj, const char* key, int& out, int min, int max, const std::string& path, Errors& errors) {
  const std::string p = path.empty() ? std::string(key) : path + "." + key;
  if (!obj.contains(key)) return errors.push_back({p, missing()}), false;
  const json& j = obj[key];
  if (!j.is_number_integer()) return errors.push_back({p, type_error("整数", "an integer")}), false;
  const auto v = j.get<std::int64_t>();
  if (v < min || v > max) {
    const std::string range = std::to_string(min) + "–" + std::to_string(max);
    return errors.push_back({p, {"数值应在 " + range + " 之间", "the number must be within " + range}}), false;
  }
  out = static_cast<int>(v);
  return true;
}

bool read_bool(const json& obj, const char* key, bool& out, const std::string& path, Errors& errors) {
  const std::string p = path + "." + key;
  if (!obj.contains(key)) return errors.push_back({p, missing()}), false;
  return from_value(obj[key], out, errors, p);
}

bool read_opt_text(const json& obj, const char* key, std::string& out, const std::string& path, Errors& errors) {
  return !obj.contains(key) || read_text(obj, key, out, path, errors);
}

bool read_opt_int(const json& obj, const char* key, std::optional<int>& out, int min, int max, const std::string& path,
                  Errors& errors) {
  if (!obj.contains(key)) return true;
  int v = 0;
  if (!read_int(obj, key, v, min, max, path, errors)) return false;
  out = v;
  return true;
}

bool read_opt_bool(const json& obj, const char* key, bool& out, const std::string& path, Errors& errors) {
  return !obj.contains(key) || read_bool(obj, key, out, path, errors);
}

bool read_source(const json& obj, std::string& out, const std::string& path, Errors& errors) {
  if (!obj.contains("source")) return true;
  std::string s;
  if (!read_text(obj, "source", s, path, errors)) return false;
  const bool seed = s.size() == 3 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!seed && s != "spec")
    return errors.push_back(
               {path + ".source",
                {"来源应为种子文件编号（如 000）或 spec", "source must be a seed number (e.g. 000) or spec"}}),
           false;
  out = s;
  return true;
}

}  // namespace desk::asset
