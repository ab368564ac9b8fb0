#include "core/phrases.hpp"

#include <catch2/catch.hpp>

#include "assets.hpp"

using namespace desk;
using namespace desk::test;

TEST_CASE("phrase book: the shipped book parses, with the four speaking styles") {
  auto book = parse_phrase_book(read_asset("phrases.json"));
  REQUIRE(book.ok());
  REQUIRE(book->styles.size() == 4);
  CHECK(book->styles[0].title.zh == "询问式");
  CHECK(book->styles[1].title.zh == "请求式");
  CHECK(book->styles[2].title.zh == "商量式");
  CHECK(book->styles[3].title.zh == "解释式");
  for (const char* id : {"greeting", "apology", "thanks", "farewell", "phone"}) {
    bool found = false;
    for (const auto& g : book->situations) found |= g.id == id;
    CHECK(found);
  }
  REQUIRE(book->find("reception.repeat_once"));
  CHECK(book->find("reception.repeat_once")->text == "实在对不起，刚刚我没能听清楚。能否麻烦您再重复一遍？");
  CHECK(book->find("no.such.phrase") == nullptr);
}

TEST_CASE("phrase book: greetings by party size (seed 003)") {
  const auto& book = shipped_phrases();
  CHECK(book.find("greet.two")->text == "二位先生好！");
  CHECK(book.find("greet.many")->text == "各位好！");
  CHECK(book.find("greet.morning.one")->text == "先生，早上好！");
}

TEST_CASE("phrase book: Chinese substring search over text and situation") {
  const auto& book = shipped_phrases();
  auto hits = search_phrases(book, "久等");
  REQUIRE_FALSE(hits.empty());
  for (const auto& h : hits) CHECK(h.phrase->text.find("久等") != std::string::npos);
  // The situation title matches every phrase of the group.
  auto phone = search_phrases(book, "电话用语");
  CHECK(phone.size() >= 10);
  for (const auto& h : phone) CHECK(h.group->id == "phone");
  // ASCII ignores case; blank query lists all.
  CHECK_FALSE(search_phrases(book, "GOODBYE").empty());
  CHECK(search_phrases(book, "  ").size() == search_phrases(book, "").size());
  CHECK(search_phrases(book, "没有这句话").empty());
}

TEST_CASE("phrase book: duplicate ids, empty text and bad JSON are refused") {
  const std::string dup = R"({"format":"desk-phrases","version":1,"styles":[],"situations":[
    {"id":"g","zh":"问候","en":"Greetings","phrases":[{"id":"a","text":"您好"},{"id":"a","text":"你好"}]}]})";
  auto r = parse_phrase_book(dup);
  REQUIRE_FALSE(r.ok());
  CHECK(error_for(r.errors(), "a"));
  const std::string empty = R"({"format":"desk-phrases","version":1,"styles":[],"situations":[
    {"id":"g","zh":"问候","en":"Greetings","phrases":[{"id":"b","text":""}]}]})";
  CHECK(error_for(parse_phrase_book(empty).errors(), "b"));
  CHECK_FALSE(parse_phrase_book("{not json").ok());
  CHECK_FALSE(parse_phrase_book(R"({"format":"other","situations":[],"styles":[]})").ok());
}
