// Reading the shipped data files under assets/ for the tests (the core itself
// never opens files; callers pass text).
#pragma once
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "core/phrases.hpp"
#include "core/wording.hpp"

namespace desk::test {

inline std::string read_asset(const std::string& relative) {
  const std::string path = std::string(DESK_SOURCE_DIR) + "/assets/" + relative;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The shipped phrase book, parsed once.
inline const PhraseBook& shipped_phrases() {
  static const PhraseBook book = [] {
    auto parsed = parse_phrase_book(read_asset("phrases.json"));
    if (!parsed) throw std::runtime_error("assets/phrases.json: " + parsed.errors().front().where);
    return parsed.value();
  }();
  return book;
}

// The shipped wording rules (服务禁用语, 推诿, required elements), parsed once.
inline const Wording& shipped_wording() {
  static const Wording wording = [] {
    auto parsed = parse_wording(read_asset("wording.json"));
    if (!parsed) throw std::runtime_error("assets/wording.json: " + parsed.errors().front().where);
    return parsed.value();
  }();
  return wording;
}

}  // namespace desk::test
