#include "core/redact.hpp"

#include <catch2/catch.hpp>

#include "core/exchange.hpp"
#include "fixtures.hpp"

using namespace desk;
using namespace desk::test;

TEST_CASE("redaction: ID numbers and phones inside free text are masked, other numbers are not") {
  struct Row {
    const char* text;
    const char* masked;
  };
  const Row rows[] = {
      // ID numbers: 18 digits, 17 + X, 15 digits.
      {"身份证110101199003074512来访", "身份证1101**********4512来访"},
      {"证件号11010119900307451X。", "证件号1101**********451X。"},
      {"证件号11010119900307451x", "证件号1101**********451X"},
      {"旧证110101900307451号", "旧证1101*******7451号"},
      // Mobiles, grouped or not, full-width, with the country code.
      {"电话13812345678", "电话138****5678"},
      {"手机：138 1234 5678，谢谢", "手机：138****5678，谢谢"},
      {"138-1234-5678", "138****5678"},
      {"１３８１２３４５６７８", "138****5678"},
      {"+8613812345678", "+861****5678"},
      {"+86 13812345678", "+86 138****5678"},
      // Landlines with an area code.
      {"座机0755-12345678转8001", "座机075****5678转8001"},
      {"（010）12345678", "（010****5678"},
      {"021 1234567", "021***4567"},
      {"0211234567", "021***4567"},
      {"2026-12-02 0755-12345678", "2026-12-02 075****5678"},
      // Several in one text, around CJK.
      {"王先生电话13912345678，身份证110101199003074512", "王先生电话139****5678，身份证1101**********4512"},
      {"2026-12-02 13812345678", "2026-12-02 138****5678"},
      {"1201 13812345678", "1201 138****5678"},
      // Not masked: dates, times, amounts, units, codes, other lengths.
      {"2026-12-02 上午来访", "2026-12-02 上午来访"},
      {"时间 2026-12-02 14:30", "时间 2026-12-02 14:30"},
      {"报修时间2026年12月2日", "报修时间2026年12月2日"},
      {"3栋2单元1201", "3栋2单元1201"},
      {"维修费120元，押金5000.00元", "维修费120元，押金5000.00元"},
      {"金额10000000000元", "金额10000000000元"},
      {"单号12345678901", "单号12345678901"},
      {"邮编518000，门牌88号", "邮编518000，门牌88号"},
      {"流水号20261202143000", "流水号20261202143000"},
      {"", ""},
  };
  for (const auto& row : rows) {
    INFO(row.text);
    CHECK(mask_numbers_in_text(row.text) == row.masked);
  }
}

TEST_CASE("redaction: a person's name keeps the surname, a staff code stays") {
  CHECK(redact_person("王小明") == "王**");
  CHECK(redact_person("陈喆") == "陈**");
  CHECK(redact_person("王") == "王**");
  CHECK(redact_person("张三、李四") == "张**、李**");
  CHECK(redact_person("John Smith") == "J** S**");
  CHECK(redact_person("S001") == "S001");
  CHECK(redact_person("") == "");
}

TEST_CASE("export: redacted export names no one in any record type") {
  Dataset d;
  Visit v = sample_visit();
  v.received_by = "李娜";
  v.content = "访客留下身份证号110101199003074512，约定2026-12-02回复";
  v.follow_up_note = "已致电0755-12345678";
  d.table<Visit>().upsert(create_record(v, actor("S001", morning(), 1)));
  Complaint c;
  c.complainant = "赵建国";
  c.content = "噪音扰民，联系138 0013 8000";
  c.received_by = "S002";
  d.table<Complaint>().upsert(create_record(c, actor("S001", morning(), 2)));
  Staff s;
  s.code = "M001";
  s.name = "周慧敏";
  s.phone = "13600001111";
  d.table<Staff>().upsert(create_record(s, actor("S001", morning(), 3)));
  AccessEntry e;
  e.person = "钱多多";
  e.id_number = "440301199001011234";
  e.visiting_person = "孙悟";
  d.table<AccessEntry>().upsert(create_record(e, actor("S001", morning(), 4)));
  DutyLog log;
  log.attendees = {"吴用", "S003"};
  log.issues = "3栋2单元1201漏水";
  d.table<DutyLog>().upsert(create_record(log, actor("S001", morning(), 5)));
  Violation viol;
  viol.party = "郑重";
  viol.measures.push_back({});
  viol.measures.back().note = "当事人电话15912345678";
  d.table<Violation>().upsert(create_record(viol, actor("S001", morning(), 6)));

  const std::string text = export_document(d, {"site-A", "desk-1", morning(), {}, {}, true});
  for (const char* gone : {"王珺", "李娜", "赵建国", "周慧敏", "钱多多", "孙悟", "吴用", "郑重", "110101199003074512",
                           "12345678", "0013 8000", "13600001111", "440301199001011234", "15912345678"}) {
    INFO(gone);
    CHECK(text.find(gone) == std::string::npos);
  }
  for (const char* kept : {"王**", "李**", "赵**", "周**", "M001", "S002", "S003", "1101**********4512", "2026-12-02",
                           "3栋2单元1201", "075****5678", "138****8000", "159****5678", "4403**********1234"}) {
    INFO(kept);
    CHECK(text.find(kept) != std::string::npos);
  }
  auto back = parse_export(text);
  REQUIRE(back.ok());  // still an export the desk reads
  CHECK(back->records.size() == d.size());
}

TEST_CASE("redaction: a redacted text never outgrows the text limit (the export must read back)") {
  std::string names, numbers;
  for (int i = 0; i < 2400; ++i) names += "王 ";
  for (int i = 0; i < 450; ++i) numbers += "0211234567 ";
  CHECK(utf8_length(redact_person(names)) <= kMaxTextLength);
  CHECK(utf8_length(mask_numbers_in_text(numbers)) <= utf8_length(numbers));
}
