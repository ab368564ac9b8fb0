#include "core/manual_source.hpp"

#include <catch2/catch.hpp>

using namespace desk;

TEST_CASE("manual source: a seed id becomes the manual's title, the section stays in words") {
  const Msg m = source_in_words("seed 000 语言标准 5; seed 004 三 d)");
  CHECK(m.zh == "《客户服务手册》语言标准 5；《物业小区工程部亲情服务操作规程》三 d)");
  CHECK(m.en == "Customer Service Manual, 语言标准 5; Engineering Courtesy Code, 三 d)");
  CHECK(m.zh.find("seed") == std::string::npos);
}

TEST_CASE("manual source: a script step, a further section of the same manual, and the desk's own rules") {
  CHECK(source_in_words("seed 000 step j").zh == "《客户服务手册》客户来访接待流程第 j 步");
  CHECK(source_in_words("seed 000 step j; 语言标准 5").zh == "《客户服务手册》客户来访接待流程第 j 步；语言标准 5");
  CHECK(source_in_words("seed 002; SPEC §2").zh == "《业主报修与投诉管理方案》；客服台规则 §2");
  CHECK(source_in_words("seed 009 x").zh == "手册 009 x");
  CHECK(source_in_words("").zh.empty());
}
