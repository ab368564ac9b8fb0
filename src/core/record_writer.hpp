// A fast writer for records: the text record_to_json(r).dump() makes (keys
// sorted, no spaces, UTF-8 unescaped), written straight from the record's
// fields without building a JSON tree (importing or exporting 100,000
// records spent most of its time making trees and dumping them). Every
// journal line and export line is written here; a text that is not valid
// UTF-8 (which the tree writer replaces with U+FFFD) sends the whole record
// to the tree writer, so the bytes are always the tree writer's.
// tests/core/record_writer_test.cpp checks both write the same bytes for
// generated records of every type.
#pragma once
#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <utility>

#include "core/record.hpp"

namespace desk::fast {

// ---- values ---------------------------------------------------------------
// Each returns false only for a text that is not valid UTF-8.
bool write_text(std::string_view s, std::string& out);
void write_int(std::int64_t v, std::string& out);
void write_money(Money m, std::string& out);
bool write_json(const json& j, std::string& out);
void write_time(Timestamp t, std::string& out);

inline bool write(const std::string& v, std::string& out) {
  return write_text(v, out);
}
inline bool write(bool v, std::string& out) {
  out += v ? "true" : "false";
  return true;
}
inline bool write(int v, std::string& out) {
  write_int(v, out);
  return true;
}
inline bool write(std::int64_t v, std::string& out) {
  write_int(v, out);
  return true;
}
inline bool write(Money v, std::string& out) {
  write_money(v, out);
  return true;
}
inline bool write(Timestamp v, std::string& out) {
  write_time(v, out);
  return true;
}
template <DeskEnum E>
bool write(E v, std::string& out) {
  return write_text(enum_code(v), out);
}
template <class T>
bool write(const std::optional<T>& v, std::string& out);
template <class T>
bool write(const std::vector<T>& v, std::string& out);
template <HasFields T>
bool write(const T& v, std::string& out);

template <class T>
bool write(const std::optional<T>& v, std::string& out) {
  if (!v) return out += "null", true;
  return write(*v, out);
}
template <class T>
bool write(const std::vector<T>& v, std::string& out) {
  out += '[';
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i) out += ',';
    if (!write(v[i], out)) return false;
  }
  out += ']';
  return true;
}

// The fields of T in the order of their keys (the tree's object is a
// std::map), each as a function writing "key":value.
template <HasFields T>
struct SortedFields {
  using Writer = bool (*)(const T&, std::string&);
  static constexpr std::size_t kCount = std::tuple_size_v<decltype(T::fields())>;

  template <std::size_t I>
  static bool write_one(const T& v, std::string& out) {
    static constexpr auto f = std::get<I>(T::fields());  // fields() makes a new tuple
    out += '"';
    out += f.key;  // keys are plain ASCII identifiers
    out += "\":";
    return write(v.*(f.member), out);
  }
  template <std::size_t... I>
  static std::array<std::pair<const char*, Writer>, kCount> make(std::index_sequence<I...>) {
    std::array<std::pair<const char*, Writer>, kCount> all{
        std::pair<const char*, Writer>{std::get<I>(T::fields()).key, &write_one<I>}...};
    std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return std::strcmp(a.first, b.first) < 0; });
    return all;
  }
  static const std::array<std::pair<const char*, Writer>, kCount>& order() {
    static const auto sorted = make(std::make_index_sequence<kCount>{});
    return sorted;
  }
};

template <HasFields T>
bool write(const T& v, std::string& out) {
  out += '{';
  bool first = true;
  for (const auto& [key, writer] : SortedFields<T>::order()) {
    if (!first) out += ',';
    first = false;
    if (!writer(v, out)) return false;
  }
  out += '}';
  return true;
}

// The record envelope: meta_to_json's keys with "data" and "type", sorted.
// The head is "created_at" and "created_by" (then comes "data"); the tail
// ",\"deleted\"" to "updated_by".
bool write_meta_head(const RecordMeta& m, std::string& out);
bool write_meta_tail(const RecordMeta& m, const char* type, std::string& out);

// Appends the record's text; false (and `out` as it was) when only the tree
// writer can write it.
template <HasFields R>
bool write_record(const R& r, std::string& out) {
  const std::size_t before = out.size();
  out += '{';
  bool ok = write_meta_head(r.meta, out);
  if (ok) {
    out += ",\"data\":";
    ok = write(static_cast<const R&>(r), out);
  }
  ok = ok && write_meta_tail(r.meta, R::kType, out);
  if (!ok) return out.resize(before), false;
  out += '}';
  return true;
}

}  // namespace desk::fast

namespace desk {
// The record's text as the tree writer makes it: fast, else through the tree.
template <HasFields R>
std::string record_text(const R& r) {
  std::string out;
  if (!fast::write_record(r, out)) out = record_to_json(r).dump(-1, ' ', false, json::error_handler_t::replace);
  return out;
}
}  // namespace desk
