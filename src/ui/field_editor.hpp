// A record's form drawn from its field table (fields.hpp): one editor per
// field type, labels from the table, errors under each field. Times and
// lists are edited as text and parsed back on save, with a message when a
// value does not parse — the draft is never half-updated.
#pragma once
#include <functional>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "core/fields.hpp"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "ui/signature_pad.hpp"
#include "ui/strings.hpp"
#include "ui/widgets.hpp"

namespace desk::ui {

struct FormState {
  std::map<std::string, std::string> texts;  // times and lists being typed
  Errors errors;
  std::set<std::string> hidden;    // keys not shown
  std::set<std::string> readonly;  // keys shown but stamped by actions
  std::set<std::string> multiline;
  std::set<std::string> required;
  std::string scroll_to;  // a refused field: scrolled into view and focused once
  // Issue 13: fields holding another record's id, shown as a link to it
  // when it is stored (draw_link draws it and says whether it did).
  std::set<std::string> links;
  std::function<bool(const std::string& key, const std::string& id)> draw_link;
  std::string prefix;  // widget id prefix, e.g. "complaint"
  // Signature fields (issue 15): whose name signs, what the stored record holds.
  std::map<std::string, std::string> signer_from;  // signature key -> text field with the signer's name
  SignatureHooks signatures;
  std::map<std::string, SignaturePad> pads;
};

// The text of the string field `key` of `r` ("" when there is none).
template <HasFields R>
std::string text_field(const R& r, const std::string& key) {
  std::string out;
  std::apply(
      [&](const auto&... f) {
        (
            [&] {
              if constexpr (std::is_same_v<std::decay_t<decltype(r.*(f.member))>, std::string>)
                if (key == f.key) out = r.*(f.member);
            }(),
            ...);
      },
      R::fields());
  return out;
}

// A value as text in a list cell or a read-only row.
inline std::string value_text(const std::string& v) {
  return v;
}
inline std::string value_text(bool v) {
  return v ? "√" : "—";
}
inline std::string value_text(int v) {
  return std::to_string(v);
}
inline std::string value_text(std::int64_t v) {
  return std::to_string(v);
}
inline std::string value_text(Money v) {
  return format_yuan(v);
}
inline std::string value_text(Timestamp t) {
  return format_local(t);
}
inline std::string value_text(const Signature& s) {
  return s.signer + (s.voided ? tr("（已作废）", " (voided)") : "");
}
template <DeskEnum E>
std::string value_text(E e) {
  return tr(enum_label(e));
}
template <class T>
std::string value_text(const std::optional<T>& v) {
  return v ? value_text(*v) : std::string();
}
template <class T>
std::string value_text(const std::vector<T>& v) {
  if constexpr (HasFields<T>) {
    return std::to_string(v.size());
  } else {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : "、") + value_text(x);
    return s;
  }
}

// ---- editors: return true when the value changed ------------------------------
inline bool edit_value(const std::string& id, std::string& v, FormState& st, const std::string& key) {
  return st.multiline.count(key) ? input_multiline(id.c_str(), v, 2.5f) : input_text(id.c_str(), v);
}
inline bool edit_value(const std::string& id, bool& v, FormState&, const std::string&) {
  return ImGui::Checkbox(("##" + id).c_str(), &v);
}
inline bool edit_value(const std::string& id, int& v, FormState&, const std::string&) {
  ImGui::SetNextItemWidth(140);
  // No +/- buttons: a plain number field (and one item, so the test map and
  // keyboard navigation see it under its id).
  return ImGui::InputInt(("##" + id).c_str(), &v, 0, 0);
}
inline bool edit_value(const std::string& id, std::int64_t& v, FormState&, const std::string&) {
  ImGui::SetNextItemWidth(140);
  return ImGui::InputScalar(("##" + id).c_str(), ImGuiDataType_S64, &v);
}
bool edit_time_text(const std::string& id, std::string& text, Timestamp now, bool optional);
template <DeskEnum E>
bool edit_value(const std::string& id, E& v, FormState&, const std::string&) {
  return enum_entries(E{}).size() <= 4 ? enum_radios(id.c_str(), v) : enum_combo(id.c_str(), v, 260);
}
template <DeskEnum E>
bool edit_value(const std::string& id, std::vector<E>& v, FormState&, const std::string&) {
  bool changed = false;
  for (const auto& e : enum_entries(E{})) {
    bool on = std::find(v.begin(), v.end(), e.value) != v.end();
    if (ImGui::Checkbox((std::string(lang() == Lang::zh ? e.zh : e.en) + "##" + id + "." + e.code).c_str(), &on)) {
      if (on)
        v.push_back(e.value);
      else
        v.erase(std::remove(v.begin(), v.end(), e.value), v.end());
      changed = true;
    }
  }
  return changed;
}

// Times, money and string lists are typed into st.texts[key].
template <class T>
constexpr bool kTextEdited = std::is_same_v<T, Timestamp> || std::is_same_v<T, std::optional<Timestamp>> ||
                             std::is_same_v<T, std::vector<std::string>> || std::is_same_v<T, Money>;

// Fills st.texts from the draft (when a form opens).
template <HasFields R>
void load_texts(const R& r, FormState& st) {
  st.texts.clear();
  std::apply(
      [&](const auto&... f) {
        (
            [&] {
              using T = std::decay_t<decltype(r.*(f.member))>;
              if constexpr (std::is_same_v<T, std::vector<std::string>>) {
                std::string s;
                for (const auto& x : r.*(f.member)) s += (s.empty() ? "" : "\n") + x;
                st.texts[f.key] = s;
              } else if constexpr (kTextEdited<T>) {
                st.texts[f.key] = value_text(r.*(f.member));
              }
            }(),
            ...);
      },
      R::fields());
}

// Parses st.texts back into `r`; adds an error per text that does not parse.
template <HasFields R>
bool apply_texts(R& r, FormState& st) {
  bool ok = true;
  std::apply(
      [&](const auto&... f) {
        (
            [&] {
              using T = std::decay_t<decltype(r.*(f.member))>;
              // A field not typed in keeps the record's value: a hidden list
              // is edited by its own widgets (a complaint's ticked checklist
              // and criteria), and reading its stale text back lost them.
              if (st.hidden.count(f.key) || st.readonly.count(f.key)) return;
              if constexpr (kTextEdited<T>) {
                const std::string text = trim(st.texts[f.key]);
                if constexpr (std::is_same_v<T, std::vector<std::string>>) {
                  (r.*(f.member)).clear();
                  std::size_t pos = 0;
                  while (pos <= text.size()) {
                    const std::size_t nl = std::min(text.find('\n', pos), text.size());
                    if (auto line = trim(text.substr(pos, nl - pos)); !line.empty()) (r.*(f.member)).push_back(line);
                    pos = nl + 1;
                  }
                } else if constexpr (std::is_same_v<T, Money>) {
                  if (auto m = parse_yuan(text)) {
                    r.*(f.member) = *m;
                  } else if (!st.readonly.count(f.key) && !st.hidden.count(f.key)) {
                    st.errors.push_back({f.key,
                                         {"金额格式应为 128 或 128.50（元，最多两位小数）",
                                          "Amount format: 128 or 128.50 (yuan, at most two decimals)"}});
                    ok = false;
                  }
                } else if (text.empty() && std::is_same_v<T, std::optional<Timestamp>>) {
                  r.*(f.member) = T{};
                } else if (auto t = parse_local(text)) {
                  r.*(f.member) = *t;
                } else if (!st.readonly.count(f.key) && !st.hidden.count(f.key)) {
                  st.errors.push_back({f.key, {"时间格式应为 2026-11-22 14:30", "Time format: 2026-11-22 14:30"}});
                  ok = false;
                }
              }
            }(),
            ...);
      },
      R::fields());
  return ok;
}

// The fields of `r` as label/editor rows of a two-column table.
template <HasFields R>
void draw_fields(R& r, FormState& st, Timestamp now) {
  std::apply(
      [&](const auto&... f) {
        (
            [&] {
              using T = std::decay_t<decltype(r.*(f.member))>;
              if (st.hidden.count(f.key)) return;
              const std::string id = st.prefix + "." + f.key;
              form_label(lang() == Lang::zh ? f.zh : f.en, st.required.count(f.key) > 0);
              if (st.scroll_to == f.key) {
                ImGui::SetScrollHereY(0.3f);
                // Only a text editor takes the keyboard: a request before a
                // signature pad or a choice would land on a later field.
                constexpr bool typed = std::is_same_v<T, std::string> || std::is_same_v<T, Money> ||
                                       std::is_same_v<T, std::vector<std::string>> || kTextEdited<T>;
                if (typed && !st.readonly.count(f.key) && !st.links.count(f.key)) ImGui::SetKeyboardFocusHere();
                st.scroll_to.clear();
              }
              bool linked = false;
              if constexpr (std::is_same_v<T, std::string>)
                linked = st.links.count(f.key) && st.draw_link && st.draw_link(id, r.*(f.member));
              if (linked) {
              } else if (st.readonly.count(f.key)) {
                const std::string text = kTextEdited<T> ? st.texts[f.key] : value_text(r.*(f.member));
                ImGui::PushTextWrapPos(0.0f);  // a long answer wraps in its column
                ImGui::TextColored(colors::muted, "%s", text.empty() ? "—" : text.c_str());
                ImGui::PopTextWrapPos();
              } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
                input_multiline(id.c_str(), st.texts[f.key], 2.5f);
              } else if constexpr (std::is_same_v<T, Money>) {
                ImGui::SetNextItemWidth(140);
                ImGui::InputTextWithHint(("##" + id).c_str(), "0.00", &st.texts[f.key]);
              } else if constexpr (std::is_same_v<T, std::optional<Signature>>) {
                const auto from = st.signer_from.find(f.key);
                signature_field(id, r.*(f.member), st.pads[f.key], st.signatures, f.key,
                                from == st.signer_from.end() ? std::string() : text_field(r, from->second), now);
              } else if constexpr (kTextEdited<T>) {
                edit_time_text(id, st.texts[f.key], now, std::is_same_v<T, std::optional<Timestamp>>);
              } else if constexpr (requires { edit_value(id, r.*(f.member), st, f.key); }) {
                edit_value(id, r.*(f.member), st, f.key);
              } else {
                ImGui::TextColored(colors::muted, "%s", value_text(r.*(f.member)).c_str());
              }
              field_error(st.errors, f.key);
            }(),
            ...);
      },
      R::fields());
}

}  // namespace desk::ui
