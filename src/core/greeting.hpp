// 问候 by time of day and party size (seed 003 前台文员服务规范: 单个人 /
// 二人 / 三人以上; seed 004 三 a: 早上好 / 晚上好). Picks the phrase-book id;
// the text itself lives in assets/phrases.json.
#pragma once
#include <string>

namespace desk {

// hour: 0–23 local time; party_size: how many arrive together (≥ 1).
// Morning is before 12:00, afternoon 12:00–17:59, evening from 18:00.
std::string greeting_phrase_id(int hour, int party_size);

}  // namespace desk
