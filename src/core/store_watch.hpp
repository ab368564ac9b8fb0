// Noticing a store the browser has lost. IndexedDB can be discarded whole by
// the browser (storage pressure, a damaged database it deletes on opening);
// the desk then reads an empty store and, unwarned, looks like a new one.
// A mark kept outside IndexedDB (localStorage in the browser) records how
// many records this desk last saved durably; a load that finds fewer says so
// until the records are back (site folder, an export) or a supervisor
// acknowledges it. Records are never removed from a store (a deletion is a
// new version), so fewer records than the mark always means lost ones.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/text.hpp"
#include "core/time.hpp"

namespace desk {

// The localStorage key of the mark.
constexpr const char* kStoreMarkKey = "wuye-desk.store-mark";

struct StoreMark {
  std::size_t records = 0;  // records in the store after the save
  Timestamp saved_at;       // when that save became durable
  bool operator==(const StoreMark&) const = default;
};

std::string store_mark_text(const StoreMark& mark);
// nullopt for "" (no mark yet) or text that is not a mark.
std::optional<StoreMark> read_store_mark(std::string_view text);

class StoreWatch {
 public:
  // `mark_text`: the mark kept outside the store ("" when none).
  explicit StoreWatch(std::string_view mark_text) : mark_(read_store_mark(mark_text)) {}

  // While the store holds fewer records than the mark and nobody has
  // acknowledged it: what to tell the staff.
  std::optional<Msg> warning(std::size_t records_now) const;
  // The staff have seen the warning: the current count becomes the mark.
  // Returns the mark's new text.
  std::string acknowledge(std::size_t records_now, Timestamp now);
  // After a durable save: the mark's new text. While records are missing
  // (unacknowledged) the mark keeps the higher count, so new work saved on
  // the emptied desk does not hide the loss at the next load.
  std::string saved(std::size_t records_now, Timestamp now);

 private:
  std::optional<StoreMark> mark_;
};

}  // namespace desk
