#include "core/signature.hpp"

#include <cstdio>

#include "core/text.hpp"

namespace desk {

Signature paper_signature(std::string signer, Timestamp at, std::string sheet) {
  Signature s;
  s.signer = std::move(signer);
  s.signed_at = at;
  s.paper_sheet = std::move(sheet);
  return s;
}

bool signature_valid(const std::optional<Signature>& s) {
  return s && !s->voided && (!s->strokes.empty() || !s->paper_sheet.empty());
}

Errors shape_errors(const Signature& s) {
  Errors errors;
  auto refuse = [&](std::string zh, std::string en) { errors.push_back({"", {std::move(zh), std::move(en)}}); };
  if (trim(s.signer).empty()) refuse("签字缺少签字人姓名", "The signature has no signer's name");
  if (s.strokes.empty() && trim(s.paper_sheet).empty())
    refuse("签字既无笔迹也无纸质签字单号", "The signature has neither strokes nor a paper sheet number");
  if (s.strokes.size() > kMaxSignatureStrokes)
    refuse("签字笔画过多：最多 " + std::to_string(kMaxSignatureStrokes) + " 笔",
           "Too many strokes: at most " + std::to_string(kMaxSignatureStrokes));
  std::size_t points = 0;
  bool outside = false, broken = false;
  for (const auto& stroke : s.strokes) {
    if (stroke.points.empty() || stroke.points.size() % 3 != 0) broken = true;
    points += stroke.points.size() / 3;
    for (std::size_t i = 0; i + 2 < stroke.points.size(); i += 3) {
      const int x = stroke.points[i], y = stroke.points[i + 1], p = stroke.points[i + 2];
      if (x < 0 || x > kSignatureWidth || y < 0 || y > kSignatureHeight || p < 1 || p > kMaxSignaturePressure)
        outside = true;
    }
  }
  if (broken) refuse("签字笔画数据不完整", "A stroke of the signature is malformed");
  if (outside)
    refuse("签字笔迹超出签字框（" + std::to_string(kSignatureWidth) + "×" + std::to_string(kSignatureHeight) +
               "，力度 1–9）",
           "A point of the signature is outside the pad (" + std::to_string(kSignatureWidth) + "×" +
               std::to_string(kSignatureHeight) + ", pressure 1–9)");
  if (points > kMaxSignaturePoints)
    refuse("签字过大：最多 " + std::to_string(kMaxSignaturePoints) + " 个点，当前 " + std::to_string(points) + " 个",
           "The signature is too large: at most " + std::to_string(kMaxSignaturePoints) + " points, it has " +
               std::to_string(points));
  if (s.voided && trim(s.void_reason).empty()) refuse("作废签字须写明原因", "Say why the signature is voided");
  return errors;
}

namespace signature_detail {
Errors changed_error(const char* zh, const char* en) {
  return {{"",
           {std::string(zh) + "已确认，不能修改；如有错误请主管作废后重新签字",
            std::string(en) + " is confirmed and cannot be changed; a supervisor may void it"}}};
}
Errors refused(const std::string& why_zh, const std::string& why_en) {
  return {{"signature", {why_zh, why_en}}};
}
}  // namespace signature_detail

Expected<Signature> voided(const Signature& s, const std::string& reason, const Actor& actor) {
  if (trim(reason).empty()) return signature_detail::refused("作废签字须写明原因", "Say why the signature is voided");
  Signature v = s;
  v.voided = true;
  v.void_reason = trim(reason);
  v.voided_by = actor.staff;
  v.voided_at = actor.now;
  return v;
}

std::string signature_path(const Signature& s) {
  std::string d;
  char buf[32];
  for (const auto& stroke : s.strokes) {
    for (std::size_t i = 0; i + 2 < stroke.points.size(); i += 3) {
      std::snprintf(buf, sizeof buf, "%c%d %d", i == 0 ? 'M' : 'L', stroke.points[i], stroke.points[i + 1]);
      d += (d.empty() ? "" : " ") + std::string(buf);
    }
    // A single point (a dot) is drawn as a tiny segment so it shows.
    if (stroke.points.size() == 3) {
      std::snprintf(buf, sizeof buf, " l0.5 0");
      d += buf;
    }
  }
  return d;
}

std::string signature_svg(const Signature& s, double width_mm) {
  char head[256];
  std::snprintf(head, sizeof head,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"signature\" viewBox=\"0 0 %d %d\" "
                "style=\"width:%.0fmm;height:%.0fmm\">",
                kSignatureWidth, kSignatureHeight, width_mm, width_mm * kSignatureHeight / kSignatureWidth);
  return std::string(head) + "<path d=\"" + signature_path(s) +
         "\" fill=\"none\" stroke=\"#000\" stroke-width=\"3\" stroke-linecap=\"round\" "
         "stroke-linejoin=\"round\"/></svg>";
}

}  // namespace desk
