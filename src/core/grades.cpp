#include "core/grades.hpp"

#include <algorithm>

namespace desk {

Grade weekly_grade(int problems) {
  if (problems <= 0) return Grade::excellent;
  if (problems <= 3) return Grade::good;
  if (problems <= 5) return Grade::fair;
  return Grade::poor;
}

Grade monthly_grade(std::span<const Grade> weekly) {
  // Grades are ordered best to worst, so "X-or-better" is "<= X".
  auto count = [&](auto pred) { return std::count_if(weekly.begin(), weekly.end(), pred); };
  if (count([](Grade g) { return g == Grade::poor; }) >= 2) return Grade::poor;
  if (count([](Grade g) { return g == Grade::excellent; }) >= 2 && count([](Grade g) { return g > Grade::good; }) == 0)
    return Grade::excellent;
  if (count([](Grade g) { return g <= Grade::good; }) >= 3) return Grade::good;
  if (count([](Grade g) { return g <= Grade::fair; }) >= 3) return Grade::fair;
  return Grade::poor;
}

}  // namespace desk
