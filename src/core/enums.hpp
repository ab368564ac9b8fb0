// Enumerations of the manuals: each value has a stable English code (used in
// files) and Chinese/English labels (used on screen). A module declares its
// table with DESK_ENUM_TABLE next to the enum.
#pragma once
#include <initializer_list>
#include <optional>
#include <span>
#include <string_view>

#include "core/text.hpp"

namespace desk {

template <class E>
struct EnumEntry {
  E value;
  const char* code;
  const char* zh;
  const char* en;
};

// Declares `enum_entries(E)` for ADL lookup from a static array of entries.
#define DESK_ENUM_TABLE(E, ...)                                       \
  inline std::span<const ::desk::EnumEntry<E>> enum_entries(E) {      \
    static constexpr ::desk::EnumEntry<E> kEntries[] = {__VA_ARGS__}; \
    return kEntries;                                                  \
  }

template <class E>
concept DeskEnum = std::is_enum_v<E> && requires(E e) {
  enum_entries(e);
};

template <DeskEnum E>
const EnumEntry<E>* enum_entry(E value) {
  for (const auto& entry : enum_entries(E{}))
    if (entry.value == value) return &entry;
  return nullptr;
}

template <DeskEnum E>
const char* enum_code(E value) {
  const auto* entry = enum_entry(value);
  return entry ? entry->code : "";
}

template <DeskEnum E>
Msg enum_label(E value) {
  const auto* entry = enum_entry(value);
  return entry ? Msg{entry->zh, entry->en} : Msg{"?", "?"};
}

// True when `value` is one of `set` (e.g. a status in a group of states).
template <class E>
bool one_of(E value, std::initializer_list<E> set) {
  for (E x : set)
    if (value == x) return true;
  return false;
}

template <DeskEnum E>
std::optional<E> enum_from_code(std::string_view code) {
  for (const auto& entry : enum_entries(E{}))
    if (code == entry.code) return entry.value;
  return std::nullopt;
}

}  // namespace desk
