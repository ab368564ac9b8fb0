// Errors are values: a refused operation returns them, naming where the
// problem is (a field key or a path into a document) and what it is, in both
// UI languages.
#pragma once
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/text.hpp"

namespace desk {

struct FieldError {
  std::string where;  // field key ("phone") or document path ("records[3].data.phone")
  Msg message;
  bool operator==(const FieldError&) const = default;
};

using Errors = std::vector<FieldError>;

// Either a value or the errors that prevented it.
template <class T>
class Expected {
 public:
  Expected(T value) : v_(std::move(value)) {}
  Expected(Errors errors) : v_(std::move(errors)) {}
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<0>(v_); }
  const T& value() const { return std::get<0>(v_); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Errors& errors() const { return std::get<1>(v_); }

 private:
  std::variant<T, Errors> v_;
};

// Adds "请填写<zh>" / "<en> is required" under `key` when `value` is blank.
inline void require_text(Errors& errors, const std::string& value, const char* key, const char* zh, const char* en) {
  if (trim(value).empty()) errors.push_back({key, {std::string("请填写") + zh, std::string(en) + " is required"}});
}

// The first error for a field key, or nullptr.
inline const FieldError* error_for(const Errors& errors, const std::string& where) {
  for (const auto& e : errors)
    if (e.where == where) return &e;
  return nullptr;
}

}  // namespace desk
