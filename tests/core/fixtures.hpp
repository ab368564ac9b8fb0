// Helpers shared by the core tests: a fixed clock, actors, sample records.
#pragma once
#include <unistd.h>

#include <filesystem>
#include <random>
#include <string>

#include "core/dataset.hpp"
#include "core/signature.hpp"
#include "core/visit.hpp"

namespace desk::test {

// 2026-11-22 09:30 at the site.
inline Timestamp morning() {
  return from_civil({2026, 11, 22, 9, 30});
}

inline Actor actor(const std::string& staff = "S001", Timestamp now = morning(), std::uint64_t seed = 1) {
  Actor a{staff, "site-A", now, {}};
  std::mt19937_64 rng(seed);
  for (auto& b : a.random) b = static_cast<std::uint8_t>(rng());
  return a;
}

// A short signature drawn on the pad: two strokes, pressure 5.
inline Signature drawn_signature(const std::string& signer = "张女士", Timestamp at = morning()) {
  Signature s;
  s.signer = signer;
  s.signed_at = at;
  s.strokes = {{{40, 120, 5, 80, 60, 6, 120, 130, 5}}, {{150, 90, 4, 260, 92, 5}}};
  return s;
}

inline Actor actor_as(Role role, Timestamp now = morning(), const std::string& staff = "S001", std::uint64_t seed = 1) {
  Actor a = actor(staff, now, seed);
  a.role = role;
  return a;
}

inline Visit sample_visit(Timestamp t = morning()) {
  Visit v;
  v.time = t;
  v.visitor_name = "王珺";
  v.address_form = AddressForm::ms;
  v.unit = "3栋-1202";
  v.phone = "13812345678";
  v.purpose = VisitPurpose::consult;
  v.content = "询问本月水费为何比上月高";
  v.received_by = "S001";
  v.outcome = VisitOutcome::answered_on_spot;
  v.answer = "本月为双月抄表，含两个月用量";
  return v;
}

// An empty folder under the system temp dir, unique to this process.
inline std::string fresh_dir(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / ("desk-test-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  return dir.string();
}

// Every record of `d` as JSON, one per line, in table order: two datasets
// hold the same records exactly when these texts are equal.
inline std::string canonical(const Dataset& d) {
  std::string out;
  d.each_table([&](const auto& t) {
    for (const auto& r : t.rows()) out += record_to_json(r).dump() + "\n";
  });
  return out;
}

}  // namespace desk::test
