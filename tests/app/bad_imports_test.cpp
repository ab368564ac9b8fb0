// Hostile and broken import files: each is refused with a message that says
// what is wrong and where, and the stored data is byte-for-byte unchanged.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "../core/fixtures.hpp"
#include "app/desk.hpp"

using namespace desk;
using namespace desk::test;
namespace fs = std::filesystem;

namespace {

std::string stored_bytes(const std::string& dir) {
  std::string all;
  for (const auto& e : fs::directory_iterator(dir)) {
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    all += e.path().filename().string() + "\n" + s.str();
  }
  return all;
}

struct Case {
  const char* name;
  std::function<std::string(const std::string& good)> make;
  const char* where;    // expected start of FieldError::where
  const char* message;  // expected part of the Chinese message
};

json doc_of(const std::string& good) {
  return json::parse(good);
}

}  // namespace

TEST_CASE("bad imports are refused with a specific message and change nothing") {
  const std::string dir = fresh_dir("bad-imports");
  std::vector<Desk::PersistDone> pending;
  Desk desk(dir, [&](Desk::PersistDone d) { d(true, ""); });
  desk.load();
  Visit second = sample_visit();
  second.visitor_name = "陈喆";
  REQUIRE(desk.save(sample_visit(), actor("S", morning(), 1)).empty());
  REQUIRE(desk.save(second, actor("S", morning(), 2)).empty());
  const std::string good = desk.export_text({"site-A", "d1", morning(), {}, {}, false}, Role::supervisor).value();
  const std::string before = stored_bytes(dir);

  auto edit = [&](std::function<void(json&)> f) {
    return [f](const std::string& g) {
      json d = doc_of(g);
      f(d);
      return d.dump();
    };
  };
  const std::vector<Case> cases = {
      {"empty file", [](auto&) { return std::string(); }, "文件", "文件是空的"},
      {"only spaces", [](auto&) { return std::string("   \n "); }, "文件", "不是完整的 JSON"},
      {"truncated", [](const std::string& g) { return g.substr(0, g.size() * 2 / 3); }, "文件", "不是完整的 JSON"},
      {"plain text", [](auto&) { return std::string("这不是JSON"); }, "文件", "不是完整的 JSON"},
      {"binary garbage", [](auto&) { return std::string("\x00\xff\xfe\x01", 4); }, "文件", "不是完整的 JSON"},
      {"invalid UTF-8 in a string", [](auto&) { return std::string("{\"format\":\"\xC3\x28\"}"); }, "文件",
       "不是完整的 JSON"},
      {"a list, not a document", [](auto&) { return std::string("[1,2,3]"); }, "format", "不是物业客服台的导出文件"},
      {"foreign format", edit([](json& d) { d["format"] = "someone-else"; }), "format", "格式名不符"},
      {"no format", edit([](json& d) { d.erase("format"); }), "format", "格式名不符"},
      {"future version", edit([](json& d) { d["version"] = 99; }), "version", "更新版本"},
      {"version zero", edit([](json& d) { d["version"] = 0; }), "version", "版本号无效"},
      {"version as text", edit([](json& d) { d["version"] = "1"; }), "version", "缺少格式版本号"},
      {"no records", edit([](json& d) { d.erase("records"); }), "records", "缺少字段"},
      {"records not a list", edit([](json& d) { d["records"] = "x"; }), "records", "应为列表"},
      {"record without type", edit([](json& d) { d["records"][0].erase("type"); }), "records[0].type", "缺少记录类型"},
      {"unknown record type", edit([](json& d) { d["records"][1]["type"] = "ufo"; }), "records[1].type",
       "未知记录类型"},
      {"bad record id", edit([](json& d) { d["records"][0]["id"] = "123"; }), "records[0].id", "编号格式无效"},
      {"duplicate ids", edit([](json& d) { d["records"][1]["id"] = d["records"][0]["id"]; }), "records[1].id",
       "记录编号重复"},
      {"number where text belongs", edit([](json& d) { d["records"][0]["data"]["phone"] = 138; }),
       "records[0].data.phone", "应为文本"},
      {"unknown enum value", edit([](json& d) { d["records"][0]["data"]["purpose"] = "chat"; }),
       "records[0].data.purpose", "取值无效"},
      {"bad time", edit([](json& d) { d["records"][1]["data"]["time"] = "2026-02-30T10:00:00+08:00"; }),
       "records[1].data.time", "时间格式不对"},
      {"unknown field", edit([](json& d) { d["records"][0]["data"]["secret"] = "x"; }), "records[0].data.secret",
       "未知字段"},
      {"missing field", edit([](json& d) { d["records"][0]["data"].erase("content"); }), "records[0].data.content",
       "缺少字段"},
      {"revision zero", edit([](json& d) { d["records"][0]["revision"] = 0; }), "records[0].revision", "修订号"},
      {"broken history", edit([](json& d) { d["records"][0]["history"][0] = 5; }), "records[0].history[0]", "应为对象"},
      {"oversized text", edit([](json& d) { d["records"][0]["data"]["content"] = std::string(6000, 'a'); }),
       "records[0].data.content", "文本过长"},
      {"number out of range (fuzzer find)", [](auto&) { return std::string("959e598"); }, "文件", "超出范围的数值"},
      {"out-of-range number in a record",
       [](const std::string& g) {
         std::string t = g;
         const auto at = t.find("\"revision\":") + 11;  // the revision's first digit
         return t.insert(at, "1e999"), t.erase(at + 5, 1), t;
       },
       "文件", "超出范围的数值"},
      {"deep nesting", [](auto&) { return std::string(5000, '[') + std::string(5000, ']'); }, "文件", "嵌套过深"},
      {"oversized file", [](auto&) { return std::string(kMaxImportBytes + 1, ' '); }, "文件", "文件太大"},
  };
  REQUIRE(cases.size() >= 20);
  for (const auto& c : cases) {
    INFO(c.name);
    auto plan = desk.plan_import(c.make(good), actor_as(Role::supervisor));
    REQUIRE_FALSE(plan.ok());
    const FieldError& e = plan.errors().front();
    CHECK(e.where.rfind(c.where, 0) == 0);
    CHECK(e.message.zh.find(c.message) != std::string::npos);
    CHECK_FALSE(e.message.en.empty());
    CHECK(stored_bytes(dir) == before);
    CHECK(desk.data().size() == 2);
  }
  fs::remove_all(dir);
}
