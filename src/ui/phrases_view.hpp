// 礼貌用语: the phrase book by situation and by the four speaking styles
// (询问式/请求式/商量式/解释式), a Chinese substring search and a copy button
// per phrase.
#pragma once
#include <string>

#include "core/phrases.hpp"
#include "ui/context.hpp"

namespace desk::ui {

class PhrasesView {
 public:
  void draw(Context& ctx, const PhraseBook& book);

 private:
  enum class Filter { all, situations, styles };
  std::string search_;
  Filter filter_ = Filter::all;
  std::string copied_;  // the phrase last copied, shown until the next copy
};

}  // namespace desk::ui
