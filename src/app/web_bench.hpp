// Measurement hooks for browser benchmarks (see web_bench.cpp).
#pragma once
#include "app/desk.hpp"

namespace desk::bench {

// Arms the hooks when the page was opened with ?test=1.
void attach(Desk* desk);
// The main-thread time one drawn frame took (idle frames are not counted).
void frame_drawn(double cpu_ms);

}  // namespace desk::bench
