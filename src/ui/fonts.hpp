// Fonts: one CJK face rasterised at size × devicePixelRatio for crisp text.
// The atlas holds only the characters the app has shown or been given
// (UI strings, stored records, typed text) and grows on demand between
// frames. The base font file (GB2312's level-1 hanzi + the app's own text)
// is preloaded; a character it lacks triggers the fetch of the next
// extension font (web/font_subset.py): first GB2312's level 2 (鑫 昊 琪 …),
// then every other glyph of WenQuanYi Micro Hei (堃 喆 珺 …). Each is
// merged under the fonts before it.
#pragma once
#include <string_view>
#include <vector>

#include "imgui.h"

namespace desk::ui {

class Fonts {
 public:
  static constexpr float kSize = 17.0f;

  void set_base(std::vector<unsigned char> ttf) { base_ = std::move(ttf), dirty_ = true; }
  // Adds the next extension font; it fills only glyphs the fonts before it lack.
  void add_extension(std::vector<unsigned char> ttf) { extensions_.push_back(std::move(ttf)), dirty_ = true; }
  std::size_t extensions() const { return extensions_.size(); }

  // Notes every character of `utf8` as one that will be drawn.
  void request(std::string_view utf8);
  // Requested characters missing from every font loaded so far: when not 0,
  // the next extension font (if any is left) should be fetched.
  std::size_t missing() const { return missing_; }

  // Rebuilds the atlas if characters or the pixel ratio changed. Returns true
  // when it did (the renderer must then upload a new font texture).
  bool rebuild_if_needed(float pixel_ratio);
  std::size_t glyph_count() const { return glyphs_; }
  double last_build_ms() const { return build_ms_; }

 private:
  std::vector<unsigned char> base_;
  std::vector<std::vector<unsigned char>> extensions_;
  std::vector<unsigned char> requested_ = std::vector<unsigned char>(0x10000, 0);  // bytes: a plain load per character
  std::vector<ImWchar> ranges_;
  bool dirty_ = true;
  std::size_t missing_ = 0;
  float ratio_ = 0;
  std::size_t glyphs_ = 0;
  double build_ms_ = 0;
};

}  // namespace desk::ui
