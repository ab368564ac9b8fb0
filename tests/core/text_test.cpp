// Text helpers: the search texts lists filter on and glyphs are requested from.
#include "core/text.hpp"

#include <catch2/catch.hpp>
#include <random>
#include <vector>

#include "core/visit.hpp"

using namespace desk;

TEST_CASE("join_lines: the parts with a newline between each, as a chain of + made them") {
  const std::vector<std::string> pool = {"", "王珺", "3栋-1202", "138-1234-5678", "询问停车月卡办理", "a", "\n"};
  std::mt19937 rng(42);
  for (int round = 0; round < 500; ++round) {
    std::vector<std::string> parts(1 + rng() % 4);
    for (auto& p : parts) p = pool[rng() % pool.size()];
    std::string chained = parts[0];
    for (std::size_t i = 1; i < parts.size(); ++i) chained = chained + "\n" + parts[i];
    std::string joined;
    switch (parts.size()) {  // initializer lists are fixed at compile time: one per length
      case 1:
        joined = join_lines({parts[0]});
        break;
      case 2:
        joined = join_lines({parts[0], parts[1]});
        break;
      case 3:
        joined = join_lines({parts[0], parts[1], parts[2]});
        break;
      default:
        joined = join_lines({parts[0], parts[1], parts[2], parts[3]});
    }
    CHECK(joined == chained);
  }
  CHECK(join_lines({}).empty());
  CHECK(join_lines({"", ""}) == "\n");
}

TEST_CASE("search_text of a visit: every text field a person may look for, one per line") {
  Visit v;
  v.visitor_name = "王珺";
  v.unit = "3栋-1202";
  v.company = "";
  v.phone = "13812345678";
  v.content = "询问停车月卡办理";
  v.answer = "已当场答复";
  v.follow_up_note = "";
  v.received_by = "S001";
  CHECK(search_text(v) == "王珺\n3栋-1202\n\n13812345678\n询问停车月卡办理\n已当场答复\n\nS001");
}
