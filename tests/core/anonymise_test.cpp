// 匿名化 for the case library (issue 15): unit numbers in free text become
// 某栋某户; the complainant's own name, phone and unit are cut out.
#include "core/anonymise.hpp"

#include <catch2/catch.hpp>

using namespace desk;

TEST_CASE("anonymise: unit numbers in free text become 某栋某户, other numbers stay") {
  struct Row {
    const char* text;
    const char* masked;
  };
  const Row rows[] = {
      {"3栋2单元1201漏水", "某栋某户漏水"},
      {"5栋-1703的业主", "某栋某户的业主"},
      {"A座1203室空调不制冷", "某栋某户空调不制冷"},
      {"12号楼602噪音", "某栋某户噪音"},
      {"2单元1201住户", "某栋某户住户"},
      {"楼上3-1201装修", "楼上某栋某户装修"},
      {"1201室天花板", "某户天花板"},
      {"3栋门口的车", "某栋门口的车"},
      {"3栋 1201", "某栋某户"},
      // Not units: floors, dates, times, amounts, counts, ranges of amounts.
      {"12楼电梯厅", "12楼电梯厅"},
      {"2026-12-02 14:30来电", "2026-12-02 14:30来电"},
      {"赔偿1200元", "赔偿1200元"},
      {"小区共300户", "小区共300户"},
      {"报价1-1000元", "报价1-1000元"},
      {"维修3-5天", "维修3-5天"},
      {"工号S001处理", "工号S001处理"},
  };
  for (const auto& r : rows) {
    INFO(r.text);
    CHECK(mask_units_in_text(r.text) == r.masked);
  }
}

TEST_CASE("anonymise: the complainant's name, phone and unit are cut out wherever they were typed") {
  const PersonalData who{"王小明", "13812345678", "5栋-1703"};
  const std::string text =
      "王小明（5栋-1703，电话13812345678）投诉楼上漏水，王小明要求赔偿；邻居李四电话 139 1234 5678";
  const std::string out = anonymise_text(text, who);
  CHECK(out.find("王小明") == std::string::npos);
  CHECK(out.find("13812345678") == std::string::npos);
  CHECK(out.find("5栋-1703") == std::string::npos);
  CHECK(out.find("1703") == std::string::npos);
  CHECK(out.find("139 1234 5678") == std::string::npos);  // any phone-shaped number, masked
  CHECK(out.find("王**") != std::string::npos);
  CHECK(out.find("某栋某户") != std::string::npos);
  // A unit typed another way than in the unit field is still a unit.
  CHECK(anonymise_text("住在5栋1703", who) == "住在某栋某户");
  // A landline typed in the phone field.
  CHECK(anonymise_text("回电0755-1234", {"", "0755-1234", ""}) == "回电***");
}
