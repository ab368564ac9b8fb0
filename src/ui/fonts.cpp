#include "ui/fonts.hpp"

#include <emscripten.h>

#include <array>

namespace desk::ui {

namespace {
// Always present: ASCII, Latin-1, general and CJK punctuation, full-width forms, symbols.
constexpr ImWchar kFixedRanges[][2] = {{0x0020, 0x00FF}, {0x2000, 0x206F}, {0x2190, 0x21FF}, {0x2460, 0x24FF},
                                       {0x25A0, 0x26FF}, {0x2700, 0x27BF}, {0x3000, 0x303F}, {0xFF00, 0xFFEF}};

// One look-up per character: request() sees every character of an import
// (130 MB at 100,000 records), and walking the ranges for each cost 0.37 s.
const std::array<bool, 0x10000>& fixed_table() {
  static const auto table = [] {
    std::array<bool, 0x10000> t{};
    for (const auto& r : kFixedRanges)
      for (unsigned cp = r[0]; cp <= r[1]; ++cp) t[cp] = true;
    return t;
  }();
  return table;
}
}  // namespace

void Fonts::request(std::string_view s) {
  // Every character of an import passes here (130 MB at 100,000 records):
  // raw pointers and byte tables, as -Os leaves the accessors uninlined.
  const bool* fixed = fixed_table().data();
  unsigned char* requested = requested_.data();
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* const end = p + s.size();
  while (p < end) {
    const unsigned c = *p;
    if (c < 0x80) {  // ASCII is always in the atlas: most of an imported file
      ++p;
      continue;
    }
    const int len = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    if (end - p < len) break;
    unsigned cp;
    if (len == 1)
      cp = c;
    else if (len == 2)
      cp = (c & 0x1F) << 6 | (p[1] & 0x3F);
    else if (len == 3)
      cp = (c & 0x0F) << 12 | (p[1] & 0x3F) << 6 | (p[2] & 0x3F);
    else
      cp = 0x10000;  // outside the BMP: ImGui draws '?' (ImWchar is 16 bits)
    p += len;
    // Control characters (line breaks, tabs) are never drawn as glyphs: asked
    // for, they would count as missing and fetch every extension font.
    if (cp >= 0x20 && cp < 0x10000 && !requested[cp] && !fixed[cp]) {
      requested[cp] = 1;
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
