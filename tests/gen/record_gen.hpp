// A generator of hostile-but-plausible field values for every record type:
// values at the limits of core/limits.hpp and one past them, CJK and
// astral-plane text, control characters, empty and maximal lists, times at
// the ends of the range, money at its maximum. Shared by the generative
// round-trip test (tests/app/limits_roundtrip_test.cpp, seeded) and the
// libFuzzer target over the save path (tests/fuzz/save_fuzz.cpp, where the
// draws come from the fuzzer's bytes).
#pragma once
#include <functional>
#include <string>

#include "core/dataset.hpp"

namespace desk::gen {

class Gen {
 public:
  explicit Gen(std::function<std::uint64_t()> next) : next_(std::move(next)) {}

  std::uint64_t below(std::uint64_t n) { return n == 0 ? 0 : next_() % n; }
  bool chance(int percent) { return below(100) < static_cast<std::uint64_t>(percent); }

  // Set when a value beyond what a reader accepts was made (and where).
  bool over_limit = false;
  std::string over_field;
  // Set when a value exactly at a limit was made.
  bool at_limit = false;
  // Import mode: text goes through JSON export first, so no invalid UTF-8.
  bool import_mode = false;
  // Short values only (inside long lists).
  bool small = false;
  // Percent chance that a field is replaced by a generated value.
  int mutate_percent = 20;
  // Percent chance that a generated value is an extreme one (at a limit, one
  // past it, the ends of a range) rather than an ordinary one.
  int extreme_percent = 40;

  std::string text() {
    static const std::string kPalette[] = {"",
                                           "abc 123",
                                           "王珺来访：询问本月水费为何比上月高",
                                           "\xF0\xA0\x80\x80\xF0\xAA\x9A\xA5\xF0\x9F\x98\x80 堃喆",  // 𠀀𪚥😀
                                           "ctl\x01\x02\t\n\x1f\x7f end",
                                           "quote \" backslash \\ slash / <b>&amp;</b>",
                                           "\xE3\x80\x80 ideographic space \xE3\x80\x80",
                                           "3栋-1202"};
    const auto pick = small || !chance(extreme_percent) ? below(9) : 8 + below(6);
    if (pick < 8) {
      std::string s = kPalette[pick];
      if (pick == 4 && chance(50)) s += std::string(1, '\0') + "after NUL";
      return s;
    }
    if (pick == 8) return "S" + std::to_string(below(1000));
    if (pick == 9) return long_text(kMaxTextLength - below(2));  // at the limit, or one below
    if (pick == 10) return flag_over("text"), long_text(kMaxTextLength + 1 + below(300));
    if (pick == 11 && !import_mode) return flag_over("utf8"), std::string("bad \xFF\xFE utf8");
    if (pick == 12 && !import_mode) return flag_over("utf8"), std::string("lone \xED\xA0\x80 surrogate");
    return "S" + std::to_string(below(1000));
  }

  // `n` code points of mixed CJK, astral, ASCII and control characters.
  std::string long_text(std::size_t n) {
    if (n == kMaxTextLength) at_limit = true;
    static const char* kUnits[] = {"王", "\xF0\x9F\x98\x80", "a", "\n", "\x01", "\xF0\xA0\x80\x80", "。", "\""};
    std::string s;
    const auto start = below(8);
    for (std::size_t i = 0; i < n; ++i) s += kUnits[(start + i * 7 + i / 13) % 8];
    return s;
  }

  int integer() {
    switch (chance(extreme_percent) ? below(3) : 3) {
      case 0:
        return at_limit = true, static_cast<int>(kMaxIntField);
      case 1:
        return at_limit = true, static_cast<int>(-kMaxIntField);
      case 2:
        return flag_over("int"), static_cast<int>(kMaxIntField + 1);
      default:
        return static_cast<int>(below(200)) - 20;
    }
  }
  std::int64_t long_integer() {
    switch (chance(extreme_percent) ? below(2) : 2) {
      case 0:
        return at_limit = true, kMaxLongField;
      case 1:
        return flag_over("int64"), -kMaxLongField - 1;
      default:
        return static_cast<std::int64_t>(below(1'000'000));
    }
  }
  Money money() {
    switch (chance(extreme_percent) ? below(3) : 3) {
      case 0:
        return at_limit = true, Money{kMaxMoneyFen};
      case 1:
        return flag_over("money"), Money{kMaxMoneyFen + 1};
      case 2:
        return Money{-static_cast<std::int64_t>(below(500))};  // readers accept it; repair's validate does not
      default:
        return Money{static_cast<std::int64_t>(below(1'000'000))};
    }
  }
  Timestamp time() {
    switch (chance(extreme_percent) ? below(4) : 4) {
      case 0:
        return at_limit = true, kEarliestTime;
      case 1:
        return at_limit = true, kLatestTime;
      case 2:
        return flag_over("time"), Timestamp{kLatestTime.ms + 1};
      case 3:
        return flag_over("time"), Timestamp{kEarliestTime.ms - 1};
      default:  // 2020–2035, with milliseconds
        return Timestamp{1'577'836'800'000 + static_cast<std::int64_t>(below(473'040'000'000))};
    }
  }

  // ---- filling a value of any field type -------------------------------------
  void fill(std::string& v) { v = text(); }
  void fill(bool& v) { v = chance(50); }
  void fill(int& v) { v = integer(); }
  void fill(std::int64_t& v) { v = long_integer(); }
  void fill(Money& v) { v = money(); }
  void fill(Timestamp& v) { v = time(); }
  template <DeskEnum E>
  void fill(E& v) {
    const auto entries = enum_entries(E{});
    v = entries[below(entries.size())].value;
  }
  template <class T>
  void fill(std::optional<T>& v) {
    if (chance(30)) return v.reset();
    T x{};
    if (v) x = *v;
    fill(x);
    v = std::move(x);
  }
  template <class T>
  void fill(std::vector<T>& v) {
    const auto kind = chance(extreme_percent) ? below(2) : 2 + below(8);
    const std::size_t n = kind == 0 ? kMaxListItems : kind == 1 ? kMaxListItems + 1 : kind < 5 ? 0 : 1 + below(3);
    if (n == kMaxListItems) at_limit = true;
    if (n > kMaxListItems) flag_over("list");
    const bool was_small = small;
    small = small || n > 3;
    v.assign(n, T{});
    for (auto& x : v) fill_all(x);
    small = was_small;
  }
  template <HasFields T>
  void fill(T& v) {
    mutate(v);
  }
  // A signature (issue 15): mostly one a pad could draw, or signed on paper;
  // sometimes exactly kMaxSignaturePoints points, one more, or a point one
  // unit outside the pad.
  void fill(Signature& s) {
    s = Signature{};
    s.signer = chance(3) ? std::string() : text();
    s.signed_at = time();
    if (chance(25)) {
      s.paper_sheet = "PD-" + std::to_string(below(100000));
      return;
    }
    const auto kind = chance(extreme_percent / 4) ? below(3) : 3;
    const std::size_t points = kind == 0 ? kMaxSignaturePoints : kind == 1 ? kMaxSignaturePoints + 1 : 1 + below(60);
    if (kind == 0) at_limit = true;
    if (kind == 1) flag_over("signature");
    const std::size_t per_stroke = kind < 2 ? 160 : 1 + below(20);
    for (std::size_t done = 0; done < points;) {
      SignatureStroke stroke;
      for (std::size_t k = 0; k < per_stroke && done < points; ++k, ++done)
        stroke.points.insert(stroke.points.end(), {static_cast<int>(below(kSignatureWidth + 1)),
                                                   static_cast<int>(below(kSignatureHeight + 1)),
                                                   static_cast<int>(1 + below(kMaxSignaturePressure))});
      s.strokes.push_back(std::move(stroke));
    }
    if (kind == 2) flag_over("signature"), s.strokes.back().points[0] = kSignatureWidth + 1;
  }

  // Replaces each field of `v` by a generated value with mutate_percent chance.
  template <HasFields T>
  void mutate(T& v) {
    std::apply([&](const auto&... f) { ((chance(mutate_percent) ? fill(v.*(f.member)) : void()), ...); }, T::fields());
  }
  // Every field generated.
  template <class T>
  void fill_all(T& v) {
    if constexpr (HasFields<T>) {
      std::apply([&](const auto&... f) { (fill(v.*(f.member)), ...); }, T::fields());
    } else {
      fill(v);
    }
  }

  // A history entry as an import may carry it.
  Change change() {
    Change c;
    c.at = time();
    c.by = small ? "S001" : text();
    c.revision = chance(10) ? (flag_over("history revision"), kMaxRevision + 1) : static_cast<std::int64_t>(below(5));
    c.action = chance(50) ? "edit" : text();
    const auto n = below(3);
    for (std::uint64_t i = 0; i < n; ++i) {
      json from = chance(50) ? json(text()) : json(static_cast<std::int64_t>(below(100)) - 50);
      c.changes.push_back({"field" + std::to_string(i), std::move(from), chance(30) ? json(nullptr) : json(true)});
    }
    return c;
  }

  RandomBits bits() {
    RandomBits b{};
    for (auto& x : b) x = static_cast<std::uint8_t>(next_());
    return b;
  }

 private:
  void flag_over(const char* what) {
    if (!over_limit) over_field = what;
    over_limit = true;
  }
  std::function<std::uint64_t()> next_;
};

}  // namespace desk::gen
