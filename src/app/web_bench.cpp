// Measurement hooks for the browser benchmarks and the 100,000-record test
// (tests/bench/scale.mjs, tests/browser/scale.test.mjs). Every hook is inert
// unless the page was opened with ?test=1, so a desk PC never runs them.
//   desk_bench_frames()      CPU time of each drawn frame since the last call (JSON list, ms)
//   desk_bench_save_visit()  saves one visit through the Desk; its latency, click to
//                            durable, is then read with desk_bench_last_save_ms()
//   desk_bench_heap_bytes()  the wasm memory's size now (it never shrinks: the peak)
#include "app/web_bench.hpp"

#include <emscripten.h>

#include <string>
#include <vector>

#include "core/visit.hpp"
#include "platform/platform.hpp"

namespace desk::bench {

namespace {
Desk* the_desk = nullptr;
bool active = false;
std::vector<float> frames;
std::string frames_json;
double save_started = 0;
double last_save_ms = -1;  // -1: none yet or one in flight; -2: refused or failed
int saved = 0;
}  // namespace

void attach(Desk* desk) {
  the_desk = desk;
  active = platform::query_param("test") == "1";
}

void frame_drawn(double cpu_ms) {
  if (!active) return;
  if (frames.size() < 100000) frames.push_back(static_cast<float>(cpu_ms));
}

}  // namespace desk::bench

extern "C" {
EMSCRIPTEN_KEEPALIVE const char* desk_bench_frames() {
  using namespace desk::bench;
  frames_json = "[";
  for (std::size_t i = 0; i < frames.size(); ++i) frames_json += (i ? "," : "") + std::to_string(frames[i]);
  frames_json += "]";
  frames.clear();
  return frames_json.c_str();
}

EMSCRIPTEN_KEEPALIVE int desk_bench_save_visit() {
  using namespace desk::bench;
  if (!active || !the_desk) return 0;
  desk::Visit v;
  v.time = desk::platform::now();
  v.visitor_name = "测试访客";
  v.address_form = desk::AddressForm::ms;
  v.unit = "1栋-" + std::to_string(101 + saved % 30);
  v.phone = "13800000000";
  v.purpose = desk::VisitPurpose::consult;
  v.content = "基准测试：保存一条来访记录";
  v.received_by = "bench";
  v.outcome = desk::VisitOutcome::answered_on_spot;
  v.answer = "已答复";
  const desk::Actor actor{"bench", "bench", v.time, desk::platform::random_bits(), desk::Role::receptionist};
  last_save_ms = -1;
  save_started = emscripten_get_now();
  const auto errors = the_desk->save(v, actor, [](bool ok) {
    last_save_ms = ok ? emscripten_get_now() - save_started : -2;
    ++saved;
  });
  if (!errors.empty()) last_save_ms = -2;
  return errors.empty() ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE double desk_bench_last_save_ms() {
  return desk::bench::last_save_ms;
}

EMSCRIPTEN_KEEPALIVE double desk_bench_heap_bytes() {
  if (!desk::bench::active) return -1;
  return static_cast<double>(__builtin_wasm_memory_size(0)) * 65536.0;
}
}
