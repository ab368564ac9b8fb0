// Where the manual says it, in words: the data files cite a rule as
// "seed 000 语言标准 5; seed 004 三 e)" (the seed file and the section);
// people read "《客户服务手册》语言标准 5；《物业小区工程部亲情服务操作规程》三 e)".
// "step j" is a step of the visit-reception script (seed 000 a–q); "SPEC §n"
// is one of this desk's own rules. A part without a seed is a further
// section of the manual named before it.
#pragma once
#include <string_view>

#include "core/text.hpp"

namespace desk {

// The title of seed `id` ("000" … "004"), or an empty Msg when unknown.
Msg manual_title(std::string_view id);

// The citation `source` in words, in both languages.
Msg source_in_words(std::string_view source);

}  // namespace desk
