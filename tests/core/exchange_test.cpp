#include "core/exchange.hpp"

#include <catch2/catch.hpp>

#include "core/sample_data.hpp"
#include "fixtures.hpp"

using namespace desk;
using namespace desk::test;

namespace {
Dataset two_visits() {
  Dataset d;
  d.table<Visit>().upsert(create_record(sample_visit(), actor("S001", morning(), 1)));
  Visit v = sample_visit(morning() + kHour);
  v.visitor_name = "陈喆";
  v.outcome = VisitOutcome::promised_24h;
  d.table<Visit>().upsert(create_record(v, actor("S002", morning() + kHour, 2)));
  return d;
}
ExportOptions options() {
  return {"site-A", "desk-1", morning() + 2 * kHour, {}, {}, false};
}
const FieldError& first(const Expected<Imported>& r) {
  return r.errors().front();
}
}  // namespace

TEST_CASE("export: header and records round trip") {
  const Dataset d = two_visits();
  const std::string text = export_document(d, options());
  const json doc = json::parse(text);
  CHECK(doc["format"] == kExportFormat);
  CHECK(doc["version"] == kExportVersion);
  CHECK(doc["site"] == "site-A");
  CHECK(doc["device"] == "desk-1");
  CHECK(doc["records"].size() == 2);
  auto back = parse_export(text);
  REQUIRE(back.ok());
  CHECK(back->header.exported_at == morning() + 2 * kHour);
  REQUIRE(back->records.table<Visit>().size() == 2);
  for (const auto& v : d.table<Visit>().rows()) CHECK(*back->records.table<Visit>().find(v.meta.id) == v);
}

TEST_CASE("export: a date range selects by last update") {
  ExportOptions o = options();
  o.from = morning() + 30 * kMinute;
  auto back = parse_export(export_document(two_visits(), o));
  REQUIRE(back.ok());
  REQUIRE(back->records.table<Visit>().size() == 1);
  CHECK(back->records.table<Visit>().rows()[0].visitor_name == "陈喆");
}

TEST_CASE("export: redacted export masks phones and drops history") {
  ExportOptions o = options();
  o.redact = true;
  const std::string text = export_document(two_visits(), o);
  CHECK(text.find("13812345678") == std::string::npos);
  CHECK(text.find("138****5678") != std::string::npos);
  CHECK(mask_phone("0755-88881234") == "075****1234");
  CHECK(mask_phone("1234567") == "*******");
}

TEST_CASE("import: malformed input is refused with where and what") {
  const std::string good = export_document(two_visits(), options());
  SECTION("empty") {
    CHECK(first(parse_export("")).message.zh == "文件是空的");
  }
  SECTION("truncated") {
    auto r = parse_export(good.substr(0, good.size() / 2));
    REQUIRE_FALSE(r.ok());
    CHECK(first(r).message.zh.find("不是完整的 JSON") != std::string::npos);
    CHECK(first(r).where == "文件");
  }
  SECTION("foreign JSON") {
    auto r = parse_export(R"({"name":"not ours","items":[]})");
    REQUIRE_FALSE(r.ok());
    CHECK(first(r).where == "format");
  }
  SECTION("newer version") {
    json doc = json::parse(good);
    doc["version"] = kExportVersion + 1;
    auto r = parse_export(doc.dump());
    REQUIRE_FALSE(r.ok());
    CHECK(first(r).message.en.find("newer version") != std::string::npos);
  }
  SECTION("a bad field names the record and field") {
    json doc = json::parse(good);
    doc["records"][1]["data"]["time"] = "yesterday";
    auto r = parse_export(doc.dump());
    REQUIRE_FALSE(r.ok());
    CHECK(first(r).where == "records[1].data.time");
  }
  SECTION("duplicate ids") {
    json doc = json::parse(good);
    doc["records"][1]["id"] = doc["records"][0]["id"];
    auto r = parse_export(doc.dump());
    REQUIRE_FALSE(r.ok());
    CHECK(first(r).where == "records[1].id");
  }
  SECTION("unknown record type") {
    json doc = json::parse(good);
    doc["records"][0]["type"] = "spaceship";
    auto r = parse_export(doc.dump());
    REQUIRE_FALSE(r.ok());
    CHECK(first(r).message.zh == "未知记录类型：spaceship");
  }
  SECTION("deep nesting") {
    auto r = parse_export(std::string(100000, '[') + std::string(100000, ']'));
    REQUIRE_FALSE(r.ok());
    CHECK(first(r).message.en.find("nesting too deep") != std::string::npos);
  }
  SECTION("oversized") {
    auto r = parse_export(std::string(kMaxImportBytes + 1, ' '));
    REQUIRE_FALSE(r.ok());
    CHECK(first(r).message.en.find("too large") != std::string::npos);
  }
}

TEST_CASE("import: merging an export is idempotent") {
  Dataset d = two_visits();
  auto back = parse_export(export_document(d, options()));
  REQUIRE(back.ok());
  CHECK(merge_into(d, back->records) == 0);
  CHECK(d.size() == 2);
}

namespace {
// The same document in a layout the fast reader does not take (the records
// key on the header's line), so parse_export reads it through the tree.
std::string tree_layout(std::string text) {
  const std::string open = ",\n\"records\": [";
  text.replace(text.find(open), open.size(), ", \"records\": [");
  return text;
}
}  // namespace

TEST_CASE("import: the app's own layout, read line by line, gives what the tree reader gives") {
  SampleOptions so;
  so.records = 400;
  const std::string text = export_document(sample_dataset(so), options());
  const auto fast = parse_export(text);
  const auto tree = parse_export(tree_layout(text));
  REQUIRE(fast.ok());
  REQUIRE(tree.ok());
  CHECK(fast->records.size() == 400);
  CHECK(canonical(fast->records) == canonical(tree->records));
  CHECK(fast->header.site == tree->header.site);
  CHECK(fast->header.exported_at == tree->header.exported_at);

  // Lines: 0 header, 1 the records key, 2..401 records ("{…}," but the last), 402 "]}".
  std::vector<std::string> lines;
  for (std::size_t pos = 0, nl; (nl = text.find('\n', pos)) != std::string::npos; pos = nl + 1)
    lines.push_back(text.substr(pos, nl - pos));
  REQUIRE(lines.size() == 403);
  auto join = [](const std::vector<std::string>& ls) {
    std::string out;
    for (const auto& l : ls) out += l + "\n";
    return out;
  };
  SECTION("a record given twice: the duplicate is named, as through the tree") {
    auto copy = lines;
    copy.insert(copy.begin() + 3, lines[2]);
    const auto r = parse_export(join(copy));
    REQUIRE_FALSE(r.ok());
    CHECK(first(r).message.zh.find("记录编号重复") != std::string::npos);
  }
  SECTION("a trailing comma before the end of the list is not JSON") {
    auto copy = lines;
    copy.erase(copy.begin() + 401);  // the last record; the one before keeps its comma
    CHECK_FALSE(parse_export(join(copy)).ok());
  }
  SECTION("an unknown record type is named") {
    auto copy = lines;
    const std::string type = "\"type\":\"";
    copy[5].replace(copy[5].rfind(type) + type.size(), 0, "x_");
    const auto r = parse_export(join(copy));
    REQUIRE_FALSE(r.ok());
    CHECK(first(r).message.zh.find("未知记录类型") != std::string::npos);
  }
  SECTION("an empty list") {
    const auto r = parse_export(export_document(Dataset{}, options()));
    REQUIRE(r.ok());
    CHECK(r->records.size() == 0);
  }
}
