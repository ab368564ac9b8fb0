// What a valid record is, in one place. The form's save, the journal writer,
// both journal readers (record_reader.cpp and the JSON tree in fields.hpp /
// record.cpp) and import all ask these predicates, so whatever the desk
// stores it can read back, and whatever it cannot read it refuses to store.
//
//   what                                   limit
//   -------------------------------------  ----------------------------------
//   text, every text field and history     5,000 code points, valid UTF-8
//   one string as JSON text (any escaping) 60,000 bytes (refused before parse)
//   items in a list field                  500 (measures, ticks, attendees…)
//   history entries of one record          10,000
//   field changes in one history entry     64
//   revision                               1 … 1,000,000,000
//   revision named in a history entry      0 … 1,000,000,000
//   whole-number field (int)               −1,000,000,000 … 1,000,000,000
//   long whole-number field (ms, int64)    −10^15 … 10^15
//   money (repair fee)                     whole fen, 0 … 100,000,000 fen
//                                          (1,000,000.00 元; the readers
//                                          accept ± that, the form ≥ 0)
//   time                                   1970-01-01 00:00 … 9999-12-31
//                                          23:59:59.999 site time (what the
//                                          stored format can spell)
//   bracket nesting of a document          16
//   import file                            160 MB (exchange.hpp)
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/errors.hpp"
#include "core/text.hpp"
#include "core/time.hpp"

namespace desk {

constexpr std::size_t kMaxTextLength = 5000;
// A string of kMaxTextLength code points is at most this long as JSON text
// (each astral code point escaped as \uD83D\uDE00 is 12 bytes).
constexpr std::size_t kMaxTextJsonBytes = kMaxTextLength * 12;
constexpr std::size_t kMaxListItems = 500;
constexpr std::size_t kMaxHistoryEntries = 10'000;
constexpr std::size_t kMaxChangesPerEntry = 64;
constexpr std::int64_t kMaxRevision = 1'000'000'000;
constexpr std::int64_t kMaxIntField = 1'000'000'000;
constexpr std::int64_t kMaxLongField = 1'000'000'000'000'000;
constexpr std::int64_t kMaxMoneyFen = 100'000'000;
// Site-local 1970-01-01 00:00:00.000 and 9999-12-31 23:59:59.999 (UTC+8).
constexpr Timestamp kEarliestTime{-8 * kHour};
constexpr Timestamp kLatestTime{253'402'300'799'999 - 8 * kHour};
constexpr int kMaxNesting = 16;

// ---- the predicates every reader and the writer share -------------------------
// Characters never outnumber bytes, so a text of at most kMaxTextLength bytes
// fits without counting (most do: counting was a tenth of loading a store).
inline bool text_length_fits(const std::string& s) {
  return s.size() <= kMaxTextLength || utf8_length(s) <= kMaxTextLength;
}
inline bool text_fits(const std::string& s) {
  return text_length_fits(s) && utf8_valid(s);
}
inline bool revision_fits(std::int64_t r) {
  return r >= 1 && r <= kMaxRevision;
}
inline bool history_revision_fits(std::int64_t r) {
  return r >= 0 && r <= kMaxRevision;
}
inline bool int_fits(std::int64_t v) {
  return v >= -kMaxIntField && v <= kMaxIntField;
}
inline bool long_fits(std::int64_t v) {
  return v >= -kMaxLongField && v <= kMaxLongField;
}
inline bool time_fits(Timestamp t) {
  return t >= kEarliestTime && t <= kLatestTime;
}
inline bool list_fits(std::size_t n) {
  return n <= kMaxListItems;
}

// ---- messages ------------------------------------------------------------------
// "来访内容过长：最多 5000 字，当前 5213 字"
Msg text_too_long(const Msg& label, std::size_t length);
Msg text_invalid(const Msg& label);
Msg list_too_long(const Msg& label, std::size_t items);
Msg revision_out_of_range(const std::string& revision);
Msg number_out_of_range(std::int64_t lo, std::int64_t hi);
Msg time_out_of_range();
Msg history_too_long(std::size_t entries);
// The record has reached kMaxRevision and cannot take another change.
Msg revision_exhausted();

}  // namespace desk
