// limits.hpp: one definition of a valid record, applied by the readers, the
// checked mutations and import alike; money in whole fen.
#include "core/limits.hpp"

#include <catch2/catch.hpp>

#include "core/exchange.hpp"
#include "core/journal.hpp"
#include "core/record_reader.hpp"
#include "core/work_order_sheet.hpp"
#include "core/workflow.hpp"
#include "fixtures.hpp"

using namespace desk;
using namespace desk::test;

namespace {
std::string cjk(std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += i % 3 == 2 ? "\xF0\x9F\x98\x80" : "王";  // astral every third
  return s;
}
// An export holding one visit record with `edit` applied to its JSON.
template <class F>
std::string export_with(F&& edit) {
  Dataset d;
  d.table<Visit>().upsert(create_record(sample_visit(), actor()));
  json doc = json::parse(export_document(d, {"site-A", "desk-1", morning(), {}, {}, false}));
  edit(doc["records"][0]);
  return doc.dump();
}
}  // namespace

TEST_CASE("limits: the time range is what the stored format can spell, at both ends") {
  CHECK(kEarliestTime == from_civil({1970, 1, 1, 0, 0, 0, 0}));
  CHECK(kLatestTime == from_civil({9999, 12, 31, 23, 59, 59, 999}));
  for (Timestamp t : {kEarliestTime, kLatestTime}) CHECK(parse_iso(format_iso(t)) == t);
  Errors errors;
  Timestamp out;
  CHECK_FALSE(from_value(json(format_iso(Timestamp{kLatestTime.ms + 1})), out, errors, "t"));
  // A time given with another offset that lands before the range is refused, not stored as 1969.
  CHECK_FALSE(from_value(json("1970-01-01T00:00:00+14:00"), out, errors, "t"));
}

TEST_CASE("limits: a text of 5000 characters saves; 5001 is refused beside the field with its length") {
  Visit v = sample_visit();
  v.content = cjk(kMaxTextLength);
  REQUIRE(create_checked(v, actor()).ok());
  v.content = cjk(5213);
  auto refused = create_checked(v, actor());
  REQUIRE_FALSE(refused.ok());
  const FieldError* e = error_for(refused.errors(), "content");
  REQUIRE(e);
  CHECK(e->message.zh == "来访内容过长：最多 5000 字，当前 5213 字");
  CHECK(e->message.en == "Content is too long: at most 5000 characters, now 5213");
  v.content = "bad \xFF utf8";
  CHECK(error_for(create_checked(v, actor()).errors(), "content"));
}

TEST_CASE("limits: both readers take a record at every limit and refuse one past it") {
  Visit v = create_record(sample_visit(), actor());
  v.content = cjk(kMaxTextLength);
  v.meta.revision = kMaxRevision;
  v.time = kLatestTime;
  REQUIRE(check_limits(v).empty());
  const std::string line = record_to_json(v).dump();
  Dataset fast_read;
  REQUIRE(fast::read_record(line, fast_read));
  CHECK(*fast_read.table<Visit>().find(v.meta.id) == v);
  Visit tree_read;
  Errors errors;
  REQUIRE(record_from_json(json::parse(line), tree_read, errors, ""));
  CHECK(tree_read == v);
  for (auto past : {+[](Visit& x) { x.content += "王"; }, +[](Visit& x) { x.meta.revision += 1; },
                    +[](Visit& x) { x.time = Timestamp{kLatestTime.ms + 1}; }}) {
    Visit w = v;
    past(w);
    CHECK_FALSE(check_limits(w).empty());
    const std::string text = record_to_json(w).dump();
    Dataset none;
    CHECK_FALSE(fast::read_record(text, none));
    Visit t;
    Errors e;
    CHECK_FALSE(record_from_json(json::parse(text), t, e, ""));
  }
}

TEST_CASE("limits: an edit at the highest revision is refused with a message, never overflows") {
  Visit v = create_record(sample_visit(), actor());
  v.meta.revision = kMaxRevision - 1;
  Visit draft = v;
  draft.answer = "改";
  auto last = edit_checked(v, draft, actor());
  REQUIRE(last.ok());
  CHECK(last->meta.revision == kMaxRevision);
  draft = last.value();
  draft.answer = "再改";
  auto refused = edit_checked(last.value(), draft, actor());
  REQUIRE_FALSE(refused.ok());
  REQUIRE(error_for(refused.errors(), "revision"));
  CHECK(error_for(refused.errors(), "revision")->message.zh.find("已达上限") != std::string::npos);
  CHECK_FALSE(delete_checked(last.value(), actor()).ok());
}

TEST_CASE("import: a revision of 9223372036854775807 is refused, naming the record and the field") {
  auto parsed = parse_export(export_with([](json& r) { r["revision"] = 9223372036854775807LL; }));
  REQUIRE_FALSE(parsed.ok());
  const FieldError& e = parsed.errors().front();
  CHECK(e.where == "records[0].revision");
  CHECK(e.message.zh.find("9223372036854775807") != std::string::npos);
  CHECK(e.message.zh.find("超出范围") != std::string::npos);
  // A history entry naming such a revision too.
  auto history = parse_export(export_with([](json& r) { r["history"][0]["revision"] = 9223372036854775807LL; }));
  REQUIRE_FALSE(history.ok());
  CHECK(history.errors().front().where == "records[0].history[0].revision");
}

TEST_CASE("money: a fee is whole fen with a maximum; 1e999 and 1e300 are refused; totals print exactly") {
  CHECK(parse_yuan("128") == Money{12800});
  CHECK(parse_yuan(" 128.5 ") == Money{12850});
  CHECK(parse_yuan("0.05") == Money{5});
  for (const char* bad : {"1e999", "1e300", "12,5", "-3", "1.234", "", ".5", "inf", "nan", "1234567890"})
    CHECK_FALSE(parse_yuan(bad));
  CHECK(format_yuan(Money{kMaxMoneyFen}) == "1000000.00");
  CHECK(format_yuan(Money{std::numeric_limits<std::int64_t>::min()}) == "-92233720368547758.08");
  CHECK(money_from_yuan(0.1 + 0.2) == Money{30});  // a binary fraction is rounded to the fen
  CHECK_FALSE(money_from_yuan(1e300));
  CHECK_FALSE(money_from_yuan(std::numeric_limits<double>::infinity()));

  Repair r;
  r.paid = true;
  r.fee = Money{kMaxMoneyFen + 1};
  CHECK(error_for(validate(r), "fee"));
  r.fee = Money{kMaxMoneyFen};
  r.quote = "人工 50 元";
  CHECK(repair_sheet_html(r).find(">1000000.00 元<") != std::string::npos);

  Dataset d;
  Repair stored = create_record(Repair{}, actor());
  d.table<Repair>().upsert(stored);
  const std::string text = export_document(d, {"site-A", "desk-1", morning(), {}, {}, false});
  for (const char* fee : {"1e300", "1e999", "-1e300"}) {
    std::string hostile = text;
    const auto at = hostile.find("\"fee\":0.0");
    REQUIRE(at != std::string::npos);
    hostile.replace(at, 9, std::string("\"fee\":") + fee);
    auto parsed = parse_export(hostile);
    REQUIRE_FALSE(parsed.ok());
  }
  // Within the limit and with fen: read back to the fen by both readers.
  std::string fine = text;
  fine.replace(fine.find("\"fee\":0.0"), 9, "\"fee\":128.5");
  auto parsed = parse_export(fine);
  REQUIRE(parsed.ok());
  CHECK(parsed->records.table<Repair>().rows().front().fee == Money{12850});
}

TEST_CASE("import: a file of white space, one huge string or a huge array is refused before a tree is built") {
  auto spaces = parse_export(std::string(1 << 20, ' '));
  REQUIRE_FALSE(spaces.ok());
  CHECK(spaces.errors().front().message.en == "not valid JSON: the file holds only white space");
  const std::string huge =
      "{\"format\":\"wuye-desk-export\",\"site\":\"" + std::string(kMaxTextJsonBytes + 1, 'a') + "\"}";
  auto string = parse_export(huge);
  REQUIRE_FALSE(string.ok());
  CHECK(string.errors().front().message.en.find("a string in the file is over") == 0);
  std::string zeros = "{\"format\":\"wuye-desk-export\",\"version\":1,\"records\":[{\"h\":[";
  for (std::size_t i = 0; i <= kMaxTreeValues; ++i) zeros += "0,";
  zeros += "0]}]}";
  auto array = parse_export(zeros);
  REQUIRE_FALSE(array.ok());
  CHECK(array.errors().front().where == "records[0]");
  // Unknown header keys are not kept, however large.
  std::string ignored = "{\"junk\":[";
  for (std::size_t i = 0; i <= kMaxTreeValues; ++i) ignored += "0,";
  ignored += "0],\"format\":\"other\"}";
  auto junk = parse_export(ignored);
  REQUIRE_FALSE(junk.ok());
  CHECK(junk.errors().front().where == "format");
}

TEST_CASE("journal: a complete line no reader accepts is quarantined with its id and reason, not dropped") {
  Visit v = create_record(sample_visit(), actor());
  v.content = cjk(kMaxTextLength + 1);  // as an earlier build wrote it
  const std::string bad = journal_line(v);
  const std::string good = journal_line(create_record(sample_visit(), actor("S002", morning(), 7)));
  Dataset d;
  const auto report = read_journal(good + bad + good.substr(0, 20), d);
  CHECK(report.lines == 1);
  CHECK(report.dropped == 0);
  CHECK(report.torn_tail);
  REQUIRE(report.quarantined.size() == 1);
  CHECK(report.quarantined[0].id == v.meta.id);
  CHECK(report.quarantined[0].type == "visit");
  CHECK(report.quarantined[0].line_no == 2);
  CHECK(report.quarantined[0].text + "\n" == bad);
  CHECK(report.quarantined[0].reason.zh.find("过长") != std::string::npos);
  CHECK(report.good_bytes == good.size() + bad.size());  // cutting the torn tail keeps it
}

TEST_CASE("limits: an error inside a list names the field, the item and the part, in both languages") {
  Complaint c;
  c.holds.resize(3);
  c.holds[1].note = cjk(kMaxTextLength + 1);
  c.checklist_done = {"a", "bad \xFF"};
  const Errors errors = check_limits(c);
  const FieldError* hold = error_for(errors, "holds");
  REQUIRE(hold);
  CHECK(hold->message.zh == "暂停记录第 2 项 说明过长：最多 5000 字，当前 5001 字");
  CHECK(hold->message.en == "Holds item 2 Note is too long: at most 5000 characters, now 5001");
  const FieldError* ticked = error_for(errors, "checklist_done");
  REQUIRE(ticked);
  CHECK(ticked->message.zh.find("第 2 项") != std::string::npos);
  CHECK(ticked->message.en.find(" item 2") != std::string::npos);
  c.holds[1].note = "短";
  c.checklist_done = {"a"};
  CHECK_FALSE(error_for(check_limits(c), "holds"));
  CHECK_FALSE(error_for(check_limits(c), "checklist_done"));
}
