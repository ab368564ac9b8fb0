#include "core/phrases.hpp"

#include <set>

#include "core/data_reader.hpp"

namespace desk {

const Phrase* PhraseBook::find(std::string_view id) const {
  for (const auto* groups : {&situations, &styles})
    for (const auto& g : *groups)
      for (const auto& p : g.phrases)
        if (p.id == id) return &p;
  return nullptr;
}

namespace {

void read_groups(const json& doc, const char* key, std::vector<PhraseGroup>& out, std::set<std::string>& ids,
                 Errors& errors) {
  for (const auto& g : data::list(doc, key, errors, key, true)) {
    PhraseGroup group;
    const std::string gid = g.is_object() && g.contains("id") && g["id"].is_string() ? g["id"].get<std::string>() : key;
    if (!data::object_with_keys(g, {"id", "zh", "en", "note", "phrases"}, errors, gid)) continue;
    group.id = data::text(g, "id", errors, gid, true);
    group.title = {data::text(g, "zh", errors, gid, true), data::text(g, "en", errors, gid, true)};
    group.note = data::text(g, "note", errors, gid, false);
    const json& phrases = data::list(g, "phrases", errors, gid, true);
    if (phrases.empty()) errors.push_back({gid, {"分组中没有用语", "group has no phrases"}});
    for (const auto& p : phrases) {
      const std::string pid =
          p.is_object() && p.contains("id") && p["id"].is_string() ? p["id"].get<std::string>() : gid;
      if (!data::object_with_keys(p, {"id", "text", "en", "note", "source"}, errors, pid)) continue;
      Phrase phrase{data::text(p, "id", errors, pid, true), data::text(p, "text", errors, pid, true),
                    data::text(p, "en", errors, pid, false), data::text(p, "note", errors, pid, false),
                    data::text(p, "source", errors, pid, false)};
      if (!phrase.id.empty() && !ids.insert(phrase.id).second)
        errors.push_back({pid, {"用语编号重复：" + pid, "duplicate phrase id: " + pid}});
      group.phrases.push_back(std::move(phrase));
    }
    out.push_back(std::move(group));
  }
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace

Expected<PhraseBook> parse_phrase_book(std::string_view json_text) {
  Errors errors;
  auto doc = data::parse_text(json_text, errors, "phrases");
  if (!doc) return errors;
  if (!data::object_with_keys(*doc, {"format", "version", "situations", "styles"}, errors, "phrases")) return errors;
  if (data::text(*doc, "format", errors, "phrases", true) != "desk-phrases")
    errors.push_back({"phrases", {"不是用语库文件（format 应为 desk-phrases）", "not a phrase book (format)"}});
  PhraseBook book;
  std::set<std::string> ids;
  read_groups(*doc, "situations", book.situations, ids, errors);
  read_groups(*doc, "styles", book.styles, ids, errors);
  if (!errors.empty()) return errors;
  return book;
}

std::vector<PhraseHit> search_phrases(const PhraseBook& book, std::string_view query) {
  const std::string q = lower_ascii(trim(std::string(query)));
  std::vector<PhraseHit> hits;
  for (const auto* groups : {&book.situations, &book.styles})
    for (const auto& g : *groups)
      for (const auto& p : g.phrases) {
        const std::string hay = lower_ascii(p.text + "\n" + p.en + "\n" + p.note + "\n" + g.title.zh + "\n" +
                                            g.title.en + "\n" + g.note + "\n" + p.id);
        if (q.empty() || hay.find(q) != std::string::npos) hits.push_back({&g, &p});
      }
  return hits;
}

}  // namespace desk
