// 保洁考核 — cleaning inspection grades (SPEC §9).
#pragma once
#include <span>

#include "core/enums.hpp"

namespace desk {

enum class Grade { excellent, good, fair, poor };
DESK_ENUM_TABLE(Grade, {Grade::excellent, "excellent", "优", "Excellent"}, {Grade::good, "good", "良", "Good"},
                {Grade::fair, "fair", "中", "Fair"}, {Grade::poor, "poor", "差", "Poor"})

// (rule) SPEC §9 weekly check, graded by the number of problems found:
// 0 → 优, 1–3 → 良, 4–5 → 中, more than 5 → 差.
Grade weekly_grade(int problems);

// (rule) SPEC §9 monthly grade from that month's weekly grades, first match
// wins: two or more 差 → 差; at least two 优 and none below 良 → 优; at least
// three 良-or-better → 良; at least three 中-or-better → 中; otherwise 差.
Grade monthly_grade(std::span<const Grade> weekly);

}  // namespace desk
