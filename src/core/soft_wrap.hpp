// Soft wrapping for a multi-line text editor that has none (issue 13 item 8:
// 投诉内容 and 答复内容 ran off the right edge). The editor's buffer holds
// the text with a soft break — "\r\n" — wherever a line is full; the editor
// draws "\r" as nothing, and people cannot type it, so every "\r" is ours.
// The stored value never holds a soft break: strip_soft_wraps takes them out.
#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace desk {

// How many bytes of `line` (no "\n" in it) fit on one line; at least one
// whole character is taken even when none fits.
using FitBytes = std::function<std::size_t(std::string_view line)>;

// `raw` with "\r\n" inserted where `fit` ends each line (the person's own
// line breaks kept). `raw` must hold no "\r" (strip_soft_wraps first).
std::string soft_wrap(std::string_view raw, const FitBytes& fit);

// The text without any soft break: every "\r", and the "\n" right after one.
std::string strip_soft_wraps(std::string_view wrapped);

// A byte position in the wrapped text ↔ the same place in the stripped text.
std::size_t stripped_position(std::string_view wrapped, std::size_t at);
// Lands after a soft break that starts at the place (the start of the next line).
std::size_t wrapped_position(std::string_view wrapped, std::size_t raw_at);

}  // namespace desk
