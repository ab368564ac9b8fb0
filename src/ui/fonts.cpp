#include "ui/fonts.hpp"

#include <emscripten.h>

namespace desk::ui {

namespace {
// Always present: ASCII, Latin-1, general and CJK punctuation, full-width forms, symbols.
constexpr ImWchar kFixedRanges[][2] = {{0x0020, 0x00FF}, {0x2000, 0x206F}, {0x2190, 0x21FF}, {0x2460, 0x24FF},
                                       {0x25A0, 0x26FF}, {0x2700, 0x27BF}, {0x3000, 0x303F}, {0xFF00, 0xFFEF}};

bool in_fixed(unsigned cp) {
  for (const auto& r : kFixedRanges)
    if (cp >= r[0] && cp <= r[1]) return true;
  return false;
}
}  // namespace

void Fonts::request(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {  // ASCII is always in the atlas: most of an imported file
      ++i;
      continue;
    }
    unsigned cp = 0;
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    if (i + len > s.size()) break;
    if (len == 1)
      cp = c;
    else if (len == 2)
      cp = (c & 0x1F) << 6 | (s[i + 1] & 0x3F);
    else if (len == 3)
      cp = (c & 0x0F) << 12 | (s[i + 1] & 0x3F) << 6 | (s[i + 2] & 0x3F);
    else
      cp = 0x10000;  // outside the BMP: ImGui draws '?' (ImWchar is 16 bits)
    i += len;
    // Control characters (line breaks, tabs) are never drawn as glyphs: asked
    // for, they would count as missing and fetch every extension font.
    if (cp >= 0x20 && cp < 0x10000 && !in_fixed(cp) && !requested_[cp]) {
      requested_[cp] = true;
      dirty_ = true;
    }
  }
}

bool Fonts::rebuild_if_needed(float pixel_ratio) {
  if (!dirty_ && pixel_ratio == ratio_) return false;
  if (base_.empty()) return false;
  const double start = emscripten_get_now();
  ratio_ = pixel_ratio;
  dirty_ = false;

  ImFontGlyphRangesBuilder builder;
  for (const auto& r : kFixedRanges)
    for (unsigned cp = r[0]; cp <= r[1]; ++cp) builder.AddChar(static_cast<ImWchar>(cp));
  for (unsigned cp = 0; cp < 0x10000; ++cp)
    if (requested_[cp]) builder.AddChar(static_cast<ImWchar>(cp));
  ImVector<ImWchar> ranges;
  builder.BuildRanges(&ranges);
  ranges_.assign(ranges.begin(), ranges.end());

  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  ImFontConfig cfg;
  cfg.FontDataOwnedByAtlas = false;  // the buffers are ours and outlive rebuilds
  cfg.OversampleH = 1;
  cfg.OversampleV = 1;
  cfg.PixelSnapH = true;
  const float px = kSize * pixel_ratio;
  io.Fonts->AddFontFromMemoryTTF(base_.data(), static_cast<int>(base_.size()), px, &cfg, ranges_.data());
  for (auto& ext : extensions_) {
    ImFontConfig merge = cfg;
    merge.MergeMode = true;  // fills only the glyphs the fonts before it lack
    io.Fonts->AddFontFromMemoryTTF(ext.data(), static_cast<int>(ext.size()), px, &merge, ranges_.data());
  }
  io.Fonts->Build();
  io.FontGlobalScale = 1.0f / pixel_ratio;

  ImFont* font = io.Fonts->Fonts[0];
  glyphs_ = static_cast<std::size_t>(font->Glyphs.Size);
  missing_ = 0;
  for (unsigned cp = 0; cp < 0x10000; ++cp)
    if (requested_[cp] && !font->FindGlyphNoFallback(static_cast<ImWchar>(cp))) ++missing_;
  build_ms_ = emscripten_get_now() - start;
  return true;
}

}  // namespace desk::ui
