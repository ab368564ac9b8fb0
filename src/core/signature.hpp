// 签字 — a signature made on the screen, or on paper (issue 15; seed 002:
// "客户验收合格后，请其在《派工单》上签字"). A signature is kept in its record as
// compact vector strokes — pad points (x, y, pressure) — with the signer's
// name and the time, so it prints crisp at any size and weighs a few KB.
// Once stored it is never edited: a supervisor may only void it, with a
// reason, and a new one may then be taken. Signing on paper stays possible:
// the sheet number stands in for the strokes.
#pragma once
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "core/fields.hpp"
#include "core/record_limits.hpp"
#include "core/roles.hpp"

namespace desk {

// The pad's own units: strokes are drawn into this box whatever the screen.
constexpr int kSignatureWidth = 600;
constexpr int kSignatureHeight = 200;
constexpr int kMaxSignaturePressure = 9;  // 1–9; a device without pressure gives 5
constexpr std::size_t kMaxSignatureStrokes = 60;
constexpr std::size_t kMaxSignaturePoints = 800;  // all strokes together: ≈ 8 KB of JSON at most

struct SignatureStroke {
  std::vector<int> points;  // x, y, pressure, x, y, pressure, …
  bool operator==(const SignatureStroke&) const = default;
  static constexpr auto fields() { return std::tuple{Field{"p", &SignatureStroke::points, "笔画", "Stroke"}}; }
};

struct Signature {
  std::string signer;  // who signed (the customer's or technician's name)
  Timestamp signed_at;
  std::vector<SignatureStroke> strokes;
  std::string paper_sheet;  // 纸质签字: the number of the paper sheet signed instead
  bool voided = false;
  std::string void_reason;
  std::string voided_by;
  std::optional<Timestamp> voided_at;
  bool operator==(const Signature&) const = default;

  static constexpr auto fields() {
    using S = Signature;
    return std::tuple{Field{"signer", &S::signer, "签字人", "Signed by"},
                      Field{"signed_at", &S::signed_at, "签字时间", "Signed at"},
                      Field{"strokes", &S::strokes, "笔迹", "Strokes"},
                      Field{"paper_sheet", &S::paper_sheet, "纸质签字单号", "Paper sheet no."},
                      Field{"voided", &S::voided, "已作废", "Voided"},
                      Field{"void_reason", &S::void_reason, "作废原因", "Why voided"},
                      Field{"voided_by", &S::voided_by, "作废人", "Voided by"},
                      Field{"voided_at", &S::voided_at, "作废时间", "Voided at"}};
  }
};

// 纸质签字: the customer signed the paper sheet numbered `sheet`.
Signature paper_signature(std::string signer, Timestamp at, std::string sheet);

// A signature that counts: drawn or on paper, and not voided.
bool signature_valid(const std::optional<Signature>& s);

// Why a signature's shape cannot be kept: points outside the pad, too many,
// a broken triple, an empty stroke, neither strokes nor a paper sheet, no
// signer, a void without its reason. Found by argument lookup from the field
// readers (fields.hpp, record_reader.cpp) and the writer's limits
// (record_limits.hpp), so the save, the journal and import refuse alike.
Errors shape_errors(const Signature& s);

// Once a record holds a signature it stays as it was: `after` must keep every
// stored signature of `before` unchanged (a voided one may be replaced by a new
// one). Applies to every std::optional<Signature> field of R.
template <HasFields R>
Errors signatures_kept(const R& before, const R& after);

// A supervisor voids a stored signature with a reason (the record's history
// keeps the strokes). `key` names the field.
template <HasFields R>
Expected<R> void_signature(const R& current, const std::string& key, const std::string& reason, const Actor& actor);

// The strokes as an SVG path ("M x y L x y …"), in pad units.
std::string signature_path(const Signature& s);
// A self-contained <svg> of the signature, `width_mm` wide, for printed sheets.
std::string signature_svg(const Signature& s, double width_mm);

// ---- templates ---------------------------------------------------------------
namespace signature_detail {
Errors changed_error(const char* zh, const char* en);
Errors refused(const std::string& why_zh, const std::string& why_en);
}  // namespace signature_detail

template <HasFields R>
Errors signatures_kept(const R& before, const R& after) {
  Errors errors;
  std::apply(
      [&](const auto&... f) {
        (
            [&] {
              using T = std::decay_t<decltype(before.*(f.member))>;
              if constexpr (std::is_same_v<T, std::optional<Signature>>) {
                const auto& was = before.*(f.member);
                const auto& now = after.*(f.member);
                if (was && !was->voided && now != was) {
                  auto e = signature_detail::changed_error(f.zh, f.en);
                  e.front().where = f.key;
                  errors.push_back(e.front());
                }
              }
            }(),
            ...);
      },
      R::fields());
  return errors;
}

Expected<Signature> voided(const Signature& s, const std::string& reason, const Actor& actor);

template <HasFields R>
Expected<R> void_signature(const R& current, const std::string& key, const std::string& reason, const Actor& actor) {
  if (current.meta.deleted) return signature_detail::refused("记录已删除", "The record is deleted");
  if (auto e = check_permission(actor.role, Action::void_signature)) return Errors{*e};
  std::optional<Expected<R>> out;
  R next = current;
  std::apply(
      [&](const auto&... f) {
        (
            [&] {
              using T = std::decay_t<decltype(current.*(f.member))>;
              if constexpr (std::is_same_v<T, std::optional<Signature>>) {
                if (key != f.key) return;
                const auto& s = current.*(f.member);
                if (!s || s->voided) {
                  out = signature_detail::refused("没有可作废的签字", "There is no signature to void");
                  return;
                }
                auto v = voided(*s, reason, actor);
                if (!v) return void(out = v.errors());
                next.*(f.member) = v.value();
              }
            }(),
            ...);
      },
      R::fields());
  if (out) return *out;
  if (next == current) return signature_detail::refused("没有这个签字栏", "No such signature field");
  if (auto errors = check_can_revise(current.meta); !errors.empty()) return errors;
  R r = revise_record(current, std::move(next), actor, "void_signature");
  if (auto errors = check_limits(r); !errors.empty()) return errors;
  return r;
}

}  // namespace desk
