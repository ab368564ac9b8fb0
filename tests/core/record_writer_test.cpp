// The fast record writer (record_writer.hpp) against the tree writer: the
// same bytes for every record of every type the generator makes (hostile
// values included: control characters, astral text, money and times at
// their limits, invalid UTF-8, history values of every JSON kind), and the
// tree's bytes whenever the fast writer declines.
#include "core/record_writer.hpp"

#include <catch2/catch.hpp>

#include "../gen/record_gen.hpp"
#include "core/journal.hpp"
#include "core/sample_data.hpp"
#include "fixtures.hpp"

using namespace desk;
using namespace desk::test;

namespace {
template <class R>
std::string tree_text(const R& r) {
  return record_to_json(r).dump(-1, ' ', false, json::error_handler_t::replace);
}
}  // namespace

TEST_CASE("record writer: every sample record is written as the tree writes it") {
  SampleOptions o;
  o.records = 400;
  std::size_t n = 0;
  sample_dataset(o).each_table([&](const auto& t) {
    for (const auto& r : t.rows()) {
      std::string fast;
      REQUIRE(fast::write_record(r, fast));
      REQUIRE(fast == tree_text(r));
      ++n;
    }
  });
  CHECK(n == 400);
}

TEST_CASE("record writer: generated records of every type, hostile values included, match the tree byte for byte") {
  SampleRng rng(20261204);
  gen::Gen g([&] { return rng.next(); });
  g.extreme_percent = 30;
  std::size_t written = 0, declined = 0, type_count = 0;
  Dataset types;
  types.each_table([&](auto& table) {
    using R = typename std::decay_t<decltype(table.rows())>::value_type;
    ++type_count;
    for (int i = 0; i < 60; ++i) {
      g.import_mode = i % 2 == 0;  // half without invalid UTF-8: those must all go the fast way
      R r{};
      g.fill_all(r);
      r.meta.id = make_record_id(g.time(), g.bits());
      r.meta.site = g.text();
      r.meta.created_at = g.time();
      r.meta.updated_at = g.time();
      r.meta.created_by = g.text();
      r.meta.updated_by = g.text();
      r.meta.revision = g.long_integer();
      r.meta.deleted = g.chance(20);
      for (std::uint64_t k = g.below(3); k > 0; --k) r.meta.history.push_back(g.change());
      if (g.chance(30) && !r.meta.history.empty()) {  // history values of the other JSON kinds
        r.meta.history[0].changes.push_back({"kinds", json::array({1, "二", nullptr, 2.5}), json{{"b", 1}, {"a", -3}}});
        r.meta.history[0].changes.push_back({"numbers", json(std::uint64_t{18446744073709551615u}), json(-0.125)});
      }
      std::string fast;
      INFO(R::kType << " #" << i);
      const bool fast_ok = fast::write_record(r, fast);
      if (g.import_mode) CHECK(fast_ok);
      if (fast_ok) {
        ++written;
        REQUIRE(fast == tree_text(r));
      } else {
        ++declined;
        CHECK(fast.empty());  // nothing half-written
      }
      CHECK(record_text(r) == tree_text(r));
      CHECK(journal_line(r) == journal_line(record_to_json(r)));
      std::string joined = "前一行\n";
      append_journal_line(r, joined);  // after other lines: they stay, the checksum covers only its own
      CHECK(joined == "前一行\n" + journal_line(record_to_json(r)));
    }
  });
  CHECK(written >= type_count * 30);  // every record without invalid UTF-8, and some with none drawn
  CHECK(declined > 0);                // invalid UTF-8 was met and declined
}

TEST_CASE("record writer: money as the tree prints its yuan, at every kind of amount") {
  std::vector<std::int64_t> fens = {0,   1,   5,   9,   10,   11,    50,       99,
                                    100, 101, 105, 110, 1000, 12345, 99999999, kMaxMoneyFen};
  SampleRng rng(7);
  for (int i = 0; i < 20000; ++i)
    fens.push_back(static_cast<std::int64_t>(rng.next() % (2 * kMaxMoneyFen + 1)) - kMaxMoneyFen);
  for (std::size_t i = 0, n = fens.size(); i < n; ++i) fens.push_back(-fens[i]);
  for (const std::int64_t fen : fens) {
    std::string fast;
    fast::write_money(Money{fen}, fast);
    INFO(fen);
    REQUIRE(fast == json(money_to_yuan(Money{fen})).dump());
  }
}

TEST_CASE("record writer: texts escaped as the tree escapes them; invalid UTF-8 declined") {
  const std::string every_control = [] {
    std::string s;
    for (int c = 0; c < 0x20; ++c) s += static_cast<char>(c);
    return s + "\x7f\"\\/ 中文 😀";
  }();
  std::string out;
  REQUIRE(fast::write_text(every_control, out));
  CHECK(out == json(every_control).dump(-1, ' ', false, json::error_handler_t::replace));
  out = "kept";
  CHECK_FALSE(fast::write_text("bad \xFF", out));
  CHECK(out == "kept");
  CHECK_FALSE(fast::write_text("lone \xED\xA0\x80", out));
}
