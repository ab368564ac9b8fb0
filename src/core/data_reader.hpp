// Reading the data files under assets/ (scripts, phrases, scenarios): small
// helpers that check a JSON object's keys and types and say where a value is
// wrong. The caller passes text; the core never opens files.
#pragma once
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/fields.hpp"

namespace desk::data {

// The parsed document, or an error at `where` saying why the text is not JSON.
std::optional<json> parse_text(std::string_view text, Errors& errors, const std::string& where);

// True when `j` is an object whose keys are all in `allowed`; reports the
// first unknown key (a typo in a data file must not pass silently).
bool object_with_keys(const json& j, std::initializer_list<const char*> allowed, Errors& errors,
                      const std::string& where);

// The string at `key`; empty when absent. Required keys report when missing
// or empty.
std::string text(const json& obj, const char* key, Errors& errors, const std::string& where, bool required);

// A list of strings at `key` (absent = empty list).
std::vector<std::string> texts(const json& obj, const char* key, Errors& errors, const std::string& where);

// A boolean at `key` (absent = fallback).
bool flag(const json& obj, const char* key, bool fallback, Errors& errors, const std::string& where);

// An integer at `key` within [lo, hi] (absent = fallback).
int number(const json& obj, const char* key, int fallback, int lo, int hi, Errors& errors, const std::string& where);

// The array at `key` (absent or not an array = empty, reported when required).
const json& list(const json& obj, const char* key, Errors& errors, const std::string& where, bool required);

}  // namespace desk::data
