// The signature field of a form (issue 15): a stored signature drawn from its
// strokes, with 作废签字 for a supervisor; otherwise 签字 opens a pad the
// customer signs on with mouse, finger or pen (web/js/signature.js collects
// the Pointer Events), with 清除 and 确认签字, or 纸质签字 with the sheet number.
#pragma once
#include <functional>
#include <set>
#include <string>

#include "core/signature.hpp"
#include "imgui.h"

namespace desk::ui {

// What the form around the field knows and the field cannot.
struct SignatureHooks {
  std::set<std::string> stored;  // keys whose signature is confirmed (in the stored record)
  bool may_void = false;
  std::function<void(const std::string& key, const std::string& reason)> void_it;
};

// One pad's state while its field is being signed.
struct SignaturePad {
  bool open = false;
  bool just_opened = false;  // scrolls the form so the whole pad shows
  bool paper = false;
  std::string sheet;
  std::string reason;  // for 作废签字
  bool voiding = false;
  std::vector<SignatureStroke> strokes;
  bool stroke_open = false;
  std::string error;
};

// Draws the field; returns true when the draft's signature changed.
bool signature_field(const std::string& id, std::optional<Signature>& value, SignaturePad& pad,
                     const SignatureHooks& hooks, const std::string& key, const std::string& signer, Timestamp now);

// The strokes scaled into the box [min, min + size].
void draw_strokes(const std::vector<SignatureStroke>& strokes, ImVec2 min, ImVec2 size, ImU32 color);

// The keys of R's signature fields that hold a confirmed (not voided) signature.
template <HasFields R>
std::set<std::string> confirmed_signatures(const R& r) {
  std::set<std::string> out;
  std::apply(
      [&](const auto&... f) {
        (
            [&] {
              if constexpr (std::is_same_v<std::decay_t<decltype(r.*(f.member))>, std::optional<Signature>>)
                if (signature_valid(r.*(f.member))) out.insert(f.key);
            }(),
            ...);
      },
      R::fields());
  return out;
}

// A history line's value when it is a signature: "签字：张女士 · 3 笔" (else "").
std::string signature_summary(const json& value);

}  // namespace desk::ui
