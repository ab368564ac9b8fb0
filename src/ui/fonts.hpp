// Fonts: one CJK face rasterised at size × devicePixelRatio for crisp text.
// The atlas holds only the characters the app has shown or been given
// (UI strings, stored records, typed text) and grows on demand between
// frames. The base font file (GB2312 + the app's own text) is preloaded; a
// character it lacks (rare hanzi in names: 堃 喆 珺 …) triggers one fetch of
// the extension font with every other glyph of WenQuanYi Micro Hei.
#pragma once
#include <string_view>
#include <vector>

#include "imgui.h"

namespace desk::ui {

class Fonts {
 public:
  static constexpr float kSize = 17.0f;

  void set_base(std::vector<unsigned char> ttf) { base_ = std::move(ttf), dirty_ = true; }
  void set_ext(std::vector<unsigned char> ttf) { ext_ = std::move(ttf), dirty_ = true; }
  bool ext_loaded() const { return !ext_.empty(); }

  // Notes every character of `utf8` as one that will be drawn.
  void request(std::string_view utf8);
  // A requested character is missing from the base and the extension is not loaded yet.
  bool needs_ext() const { return needs_ext_ && ext_.empty(); }

  // Rebuilds the atlas if characters or the pixel ratio changed. Returns true
  // when it did (the renderer must then upload a new font texture).
  bool rebuild_if_needed(float pixel_ratio);
  std::size_t glyph_count() const { return glyphs_; }
  double last_build_ms() const { return build_ms_; }

 private:
  std::vector<unsigned char> base_, ext_;
  std::vector<bool> requested_ = std::vector<bool>(0x10000, false);
  std::vector<ImWchar> ranges_;
  bool dirty_ = true;
  bool needs_ext_ = false;
  float ratio_ = 0;
  std::size_t glyphs_ = 0;
  double build_ms_ = 0;
};

}  // namespace desk::ui
