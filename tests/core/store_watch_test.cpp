#include "core/store_watch.hpp"

#include <catch2/catch.hpp>

using namespace desk;

namespace {
const Timestamp kSaved{1764547200000};  // 2025-12-01 08:00 site time
const Timestamp kLater{1764547200000 + kHour};
}  // namespace

TEST_CASE("store watch: the mark reads back, and anything else is no mark") {
  const StoreMark m{1234, kSaved};
  CHECK(read_store_mark(store_mark_text(m)) == m);
  for (const char* bad : {"", "{}", "null", "[1]", "{\"records\":-1,\"saved_at\":\"2025-12-01T08:00:00+08:00\"}",
                          "{\"records\":3,\"saved_at\":\"yesterday\"}", "{\"records\":\"3\",\"saved_at\":1}", "{"})
    CHECK_FALSE(read_store_mark(bad));
}

TEST_CASE("store watch: fewer records than the mark warn, with both counts and the time") {
  StoreWatch w(store_mark_text({500, kSaved}));
  const auto warning = w.warning(0);
  REQUIRE(warning);
  CHECK(warning->zh.find("500 条") != std::string::npos);
  CHECK(warning->zh.find("只读到 0 条") != std::string::npos);
  CHECK(warning->zh.find(format_local(kSaved)) != std::string::npos);
  CHECK(warning->en.find("held 500 records") != std::string::npos);
  CHECK(w.warning(499));
  CHECK_FALSE(w.warning(500));  // all there
  CHECK_FALSE(w.warning(501));
}

TEST_CASE("store watch: no mark (a new desk, or a browser that never saved) never warns") {
  CHECK_FALSE(StoreWatch("").warning(0));
  CHECK_FALSE(StoreWatch("not a mark").warning(0));
}

TEST_CASE("store watch: saves on an emptied desk keep the higher count until the records are back") {
  StoreWatch w(store_mark_text({500, kSaved}));
  // New work saved after the loss: the mark still says 500, so the next
  // load warns again.
  const std::string after_one = w.saved(1, kLater);
  CHECK(read_store_mark(after_one) == StoreMark{500, kSaved});
  CHECK(StoreWatch(after_one).warning(1));
  // Restored (folder or import): the count is back, the mark follows it.
  const std::string restored = w.saved(501, kLater);
  CHECK(read_store_mark(restored) == StoreMark{501, kLater});
  CHECK_FALSE(w.warning(501));
}

TEST_CASE("store watch: acknowledged, the current count becomes the mark and the warning ends") {
  StoreWatch w(store_mark_text({500, kSaved}));
  REQUIRE(w.warning(3));
  const std::string text = w.acknowledge(3, kLater);
  CHECK_FALSE(w.warning(3));
  CHECK(read_store_mark(text) == StoreMark{3, kLater});
  CHECK_FALSE(StoreWatch(text).warning(3));
  CHECK(StoreWatch(text).warning(2));  // a later loss is noticed again
  // An ordinary desk: each save moves the mark on.
  StoreWatch fresh("");
  CHECK(read_store_mark(fresh.saved(1, kSaved)) == StoreMark{1, kSaved});
  CHECK(read_store_mark(fresh.saved(2, kLater)) == StoreMark{2, kLater});
}
