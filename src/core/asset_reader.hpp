// Reading the app's own data files (assets/*.json: plans, duties …).
// Strict: a key the reader does not know, a missing or empty text, a number
// out of range is refused, and every error names its place with the codes of
// the entries ("plans[typhoon_1].items[notice].minutes"), not list indexes.
#pragma once
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "core/errors.hpp"
#include "core/fields.hpp"

namespace desk::asset {

// Parses `text` as {"format": format, "version": 1.., <list_key>: [...]}, plus
// an optional "note". Returns the list, or nothing with the errors recorded.
std::optional<json> parse_list_document(std::string_view text, std::string_view format, int max_version,
                                        std::string_view list_key, Errors& errors);

// Keys of `obj` must be among `required` and `optional`; every required key
// must be present. False (with errors) when `obj` is not an object or fails.
bool check_keys(const json& obj, std::initializer_list<std::string_view> required,
                std::initializer_list<std::string_view> optional, const std::string& path, Errors& errors);

// A stable code: 1–40 characters of a–z, 0–9 and '_', starting with a letter.
bool valid_code(std::string_view code);

// obj[key] as a stable code.
bool read_code(const json& obj, const char* key, std::string& out, const std::string& path, Errors& errors);
// obj[key] as non-empty text (after trimming), at most kMaxTextLength code points.
bool read_text(const json& obj, const char* key, std::string& out, const std::string& path, Errors& errors);
// obj[key] as an integer in [min, max].
bool read_int(const json& obj, const char* key, int& out, int min, int max, const std::string& path, Errors& errors);
// obj[key] as true/false.
bool read_bool(const json& obj, const char* key, bool& out, const std::string& path, Errors& errors);

// The same readers for an optional key: absent leaves `out` untouched and succeeds.
bool read_opt_text(const json& obj, const char* key, std::string& out, const std::string& path, Errors& errors);
bool read_opt_int(const json& obj, const char* key, std::optional<int>& out, int min, int max, const std::string& path,
                  Errors& errors);
bool read_opt_bool(const json& obj, const char* key, bool& out, const std::string& path, Errors& errors);

// obj["source"], when present: a seed file number ("000") or "spec".
bool read_source(const json& obj, std::string& out, const std::string& path, Errors& errors);

// Reads obj[key] as the code of a DeskEnum.
template <DeskEnum E>
bool read_enum(const json& obj, const char* key, E& out, const std::string& path, Errors& errors) {
  return from_value(obj.at(key), out, errors, path + "." + key);
}

}  // namespace desk::asset
