// A history read from the journal is kept as its text (history.hpp): the
// record reads, compares, writes and merges as one whose history was read
// into entries, for every record type and hostile values of every kind.
#include <catch2/catch.hpp>

#include "../gen/record_gen.hpp"
#include "core/conflicts.hpp"
#include "core/history.hpp"
#include "core/journal.hpp"
#include "core/record_reader.hpp"
#include "core/sample_data.hpp"
#include "fixtures.hpp"

using namespace desk;
using namespace desk::test;

namespace {
// The single record of the only non-empty table of `d`, handed to f.
template <class F>
void with_only_record(const Dataset& d, F&& f) {
  std::size_t n = 0;
  d.each_table([&](const auto& t) {
    for (const auto& r : t.rows()) ++n, f(r);
  });
  REQUIRE(n == 1);
}
}  // namespace

TEST_CASE("history text: a list the writer wrote is skipped by its brackets, its items counted") {
  struct Case {
    std::string text;
    bool ok;
    std::size_t items;
  };
  const Case cases[] = {
      {"[]", true, 0},
      {"[ ]", true, 0},
      {"[{}]", true, 1},
      {R"([{"a":"]"},{"b":"\"],["},{"c":[1,{"d":2}]}])", true, 3},
      {R"(["\\",1,null])", true, 3},
      {R"([{"a":"}"}, {"b":2}] tail)", true, 2},
      {"[{\"a\":1}", false, 0},
      {"[\"unterminated]", false, 0},
      {"{\"a\":1}", false, 0},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    fast::Cursor cur(c.text);
    std::string_view span;
    std::size_t items = 99;
    REQUIRE(cur.skip_written_list(span, items) == c.ok);
    if (!c.ok) continue;
    CHECK(items == c.items);
    CHECK(span == std::string_view(c.text).substr(0, c.text.find(" tail")));
  }
}

TEST_CASE("history text: a journal line reads as its text, and as the tree reads it, for generated records") {
  SampleRng rng(20261205);
  gen::Gen g([&] { return rng.next(); });
  g.extreme_percent = 30;
  std::size_t as_text = 0, read = 0;
  Dataset types;
  types.each_table([&](auto& table) {
    using R = typename std::decay_t<decltype(table.rows())>::value_type;
    for (int i = 0; i < 40; ++i) {
      g.import_mode = true;  // valid UTF-8: every line goes the fast way
      R r{};
      g.fill_all(r);
      r.meta.id = make_record_id(g.time(), g.bits());
      r.meta.site = g.text();
      r.meta.created_at = r.meta.updated_at = g.time();
      r.meta.created_by = r.meta.updated_by = "S001";
      r.meta.revision = 1 + static_cast<std::int64_t>(g.below(9));
      for (std::uint64_t k = g.below(4); k > 0; --k) r.meta.history.push_back(g.change());
      if (g.chance(30) && !r.meta.history.empty())  // history values of the other JSON kinds
        r.meta.history[0].changes.push_back({"kinds", json::array({1, "二", nullptr, 2.5}), json{{"b", 1}, {"a", -3}}});
      std::string line = journal_line(r);
      REQUIRE(line.back() == '\n');
      line.pop_back();
      const std::string body = line.substr(9);
      INFO(R::kType << " #" << i << ": " << body.substr(0, 300));

      Dataset eager, lazy;
      if (!fast::read_record(body, eager)) continue;  // beyond limits: the tree reader's business
      Msg why;
      REQUIRE(read_journal_line(line, lazy, why) == LineRead::good);
      ++read;
      with_only_record(eager, [&](const auto& e) {
        const auto* l = lazy.table<std::decay_t<decltype(e)>>().find(e.meta.id);
        REQUIRE(l);
        const History& h = l->meta.history;
        CHECK((h.text() != nullptr) == !e.meta.history.empty());
        as_text += h.text() != nullptr;
        CHECK(h.size() == e.meta.history.size());  // counted, not read
        CHECK(record_text(*l) == record_text(e));  // written back from the text
        CHECK(h.entries() == e.meta.history.entries());
        CHECK(*l == e);
        CHECK(canonical(lazy) == canonical(eager));

        // A change reads the entries and drops the text.
        auto changed = *l;
        changed.meta.history.push_back({morning(), "S002", changed.meta.revision + 1, "edit", {}});
        CHECK(changed.meta.history.text() == nullptr);
        CHECK(changed.meta.history.size() == e.meta.history.size() + 1);
        auto expected = e;
        expected.meta.history.push_back({morning(), "S002", expected.meta.revision + 1, "edit", {}});
        CHECK(record_text(changed) == record_text(expected));
      });
    }
  });
  CHECK(read >= 100);
  CHECK(as_text >= 50);
}

TEST_CASE("history text: records read from the journal merge and show conflicts as records read eagerly do") {
  const Actor a = actor("S001", morning(), 1);
  Visit v = create_record(sample_visit(), a);
  Visit left = v, right = v;
  left.visitor_name = "王珺";
  right.phone = "13800000000";
  left = revise_record(v, left, actor("S002", morning() + kHour, 2));
  right = revise_record(v, right, actor("S003", morning() + 2 * kHour, 3));
  const Visit merged = merge_record(left, right);  // two edits of revision 2: a conflict
  Dataset eager, lazy;
  eager.table<Visit>().upsert(merged);
  const auto report = read_journal(journal_line(merged), lazy);
  REQUIRE(report.lines == 1);
  REQUIRE(lazy.table<Visit>().find(v.meta.id)->meta.history.text() != nullptr);
  const auto want = find_conflicts(eager), got = find_conflicts(lazy);
  REQUIRE(want.size() == 1);
  REQUIRE(got.size() == 1);
  CHECK(got[0].kept == want[0].kept);
  CHECK(got[0].lost == want[0].lost);

  // Replaying a later version over the text merges the histories.
  Visit later = revise_record(merged, merged, actor("S004", morning() + 3 * kHour, 4), "close");
  read_journal(journal_line(later), lazy);
  const Visit* r = lazy.table<Visit>().find(v.meta.id);
  CHECK(r->meta.history.size() == 4);
  CHECK(r->meta.history.back().action == "close");
  CHECK(record_text(*r) == record_text(later));
}

TEST_CASE("history text: a text that cannot be read gives no entries and is written back unchanged") {
  Visit v = create_record(sample_visit(), actor("S001", morning(), 1));
  const std::string bad = R"([{"action":"edit","at":"not a time","by":"S001","changes":[],"revision":2}])";
  v.meta.history = History::from_text(bad, 1);
  const History& h = v.meta.history;
  CHECK(h.size() == 1);        // as counted
  CHECK(h.entries().empty());  // read: nothing valid
  CHECK(h.size() == 0);
  CHECK(h.empty());
  CHECK(record_text(v).find(bad) != std::string::npos);
  v.meta.history.push_back({morning(), "S002", 2, "edit", {}});  // a change starts from what could be read
  CHECK(record_text(v).find(bad) == std::string::npos);
  CHECK(v.meta.history.size() == 1);
  CHECK(History::from_text("[]", 0).text() == nullptr);
}
