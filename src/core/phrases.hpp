// 礼貌用语 — the phrase book (seed 000 "语言标准", seed 001 "用语" and
// "接听电话", seed 003 "前台文员服务规范", seed 004 "亲情服务用语").
// Phrases are grouped by situation (greetings, apologies, thanks, farewells,
// phone…) and by the four speaking styles 询问式/请求式/商量式/解释式.
// Every phrase has a stable id that scripts and scenarios refer to.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/errors.hpp"

namespace desk {

struct Phrase {
  std::string id;      // stable, e.g. "greet.morning.one"
  std::string text;    // what is said, in Chinese
  std::string en;      // an English gloss for the English UI
  std::string note;    // when to use it (Chinese), optional
  std::string source;  // where the manual says it, e.g. "seed 003 前台"
};

struct PhraseGroup {
  std::string id;  // "greeting", "apology" … or "style.inquiring" …
  Msg title;
  std::string note;  // usage rule for the whole group, optional
  std::vector<Phrase> phrases;
};

struct PhraseBook {
  std::vector<PhraseGroup> situations;
  std::vector<PhraseGroup> styles;  // the four speaking styles
  // The phrase with this id, or nullptr.
  const Phrase* find(std::string_view id) const;
};

// Reads assets/phrases.json. Refused when a phrase id repeats, a phrase has no
// text, or a group has no phrases; `where` names the phrase or group id.
Expected<PhraseBook> parse_phrase_book(std::string_view json_text);

struct PhraseHit {
  const PhraseGroup* group;
  const Phrase* phrase;
};

// Phrases whose text, gloss, note or group title contains `query` (plain
// substring, so Chinese needs no word splitting; ASCII letters ignore case).
// An empty query lists every phrase, situations first, in book order.
std::vector<PhraseHit> search_phrases(const PhraseBook& book, std::string_view query);

}  // namespace desk
