#include "core/greeting.hpp"

namespace desk {

std::string greeting_phrase_id(int hour, int party_size) {
  const bool morning = hour < 12, afternoon = hour >= 12 && hour < 18;
  if (party_size >= 3) return morning ? "greet.morning.many" : afternoon ? "greet.afternoon.many" : "greet.many";
  if (party_size == 2) return "greet.two";
  return morning ? "greet.morning.one" : afternoon ? "greet.afternoon.one" : "greet.evening.one";
}

}  // namespace desk
