// The browser runner: SDL window with a WebGL2 context, ImGui's SDL and
// OpenGL backends, the frame loop and the glue to web/js (IME, clipboard).
// Feature code lives in src/ui; data in src/app/desk.
#include <GLES3/gl3.h>
#include <SDL.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

#include "app/desk.hpp"
#include "app/gl_renderer.hpp"
#include "app/web_bench.hpp"
#include "imgui.h"
#include "imgui_impl_sdl.h"
#include "platform/js_string.hpp"
#include "platform/platform.hpp"
#include "ui/app.hpp"
#include "ui/strings.hpp"
#include "ui/style.hpp"
#include "ui/test_probe.hpp"

namespace {

struct Runner {
  SDL_Window* window = nullptr;
  desk::Desk* desk = nullptr;
  desk::ui::Fonts fonts;
  desk::ui::App* app = nullptr;
  double last_activity = 0;  // ms, last input or pending work
  double last_render = 0;
  bool ext_requested = false;
  bool ready_signalled = false;
  ImVec2 ime_pos{0, 0};
  std::string clipboard;
  std::string pending_text;
  std::vector<SDL_Event>
      deferred;  // events held for the next frame  // committed by the IME agent or pasted, not yet given to ImGui
} R;

// clang-format off
EM_JS(char*, desk_js_get_clipboard, (), {
  var s = Module.deskGetClipboard() || "";
  var n = lengthBytesUTF8(s) + 1;
  var p = _malloc(n);
  stringToUTF8(s, p, n);
  return p;
});
// Why the store could not be read at start (storage.js), or "".
EM_JS(char*, desk_js_load_error, (), {
  var s = Module.deskLoadError || "";
  var n = lengthBytesUTF8(s) + 1;
  var p = _malloc(n);
  stringToUTF8(s, p, n);
  return p;
});
// clang-format on

const char* kSettingsPath = "/data/settings.json";

std::string read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

desk::ui::Settings load_settings() {
  desk::ui::Settings s;
  const auto j = nlohmann::json::parse(read_file(kSettingsPath), nullptr, false);
  if (j.is_object()) {
    s.site = j.value("site", s.site);
    s.device = j.value("device", "");
    s.staff = j.value("staff", s.staff);
    s.lang = j.value("lang", "zh") == "en" ? desk::Lang::en : desk::Lang::zh;
    s.setup_later = j.value("setup_later", false);
    s.desk_name = j.value("desk_name", "");
    if (auto m = j.find("shift_start"); m != j.end() && m->is_number_integer())
      s.shift_start = std::clamp(m->get<int>(), 0, 24 * 60 - 1);
  }
  if (s.device.empty())
    s.device = "desk-" + desk::make_record_id(desk::platform::now(), desk::platform::random_bits()).substr(10, 8);
  return s;
}

void store_settings(const desk::ui::Settings& s) {
  const nlohmann::json j = {{"site", s.site},
                            {"device", s.device},
                            {"staff", s.staff},
                            {"lang", s.lang == desk::Lang::en ? "en" : "zh"},
                            {"setup_later", s.setup_later},
                            {"desk_name", s.desk_name},
                            {"shift_start", s.shift_start}};
  std::ofstream(kSettingsPath, std::ios::binary) << j.dump();
  desk::platform::persist([](bool, std::string) {});
}

void sync_window_size() {
  const int w = EM_ASM_INT({ return window.innerWidth; });
  const int h = EM_ASM_INT({ return window.innerHeight; });
  int cw = 0, ch = 0;
  SDL_GetWindowSize(R.window, &cw, &ch);
  static double ratio = 0;
  const double now_ratio = emscripten_get_device_pixel_ratio();
  if (w != cw || h != ch || now_ratio != ratio) {
    ratio = now_ratio;
    SDL_SetWindowSize(R.window, w, h);
    R.last_activity = emscripten_get_now();
  }
}

// The extension fonts, fetched in this order while characters are missing
// (web/font_subset.py; web/static/sw.js keeps them for outages).
constexpr const char* kExtensionFonts[] = {"fonts/desk-more.ttf", "fonts/desk-ext.ttf"};
constexpr std::size_t kExtensionFontCount = sizeof kExtensionFonts / sizeof kExtensionFonts[0];

void load_next_extension_font() {
  R.ext_requested = true;
  emscripten_async_wget_data(
      kExtensionFonts[R.fonts.extensions()], nullptr,
      [](void*, void* data, int size) {
        auto* p = static_cast<unsigned char*>(data);
        R.ext_requested = false;
        R.fonts.add_extension(std::vector<unsigned char>(p, p + size));
        R.last_activity = emscripten_get_now();
      },
      [](void*) { R.ext_requested = false; });  // offline: retried when next needed
}

// ImGui 1.86 reads key state once per frame, so a key pressed and released
// between two frames (fast typists, Ctrl+A from a test) would be lost. A key
// released in the frame it went down is held, with every later event, for
// the next frame.
void pump_events(double now_ms) {
  std::vector<SDL_Event> events;
  events.swap(R.deferred);
  SDL_Event e;
  while (SDL_PollEvent(&e)) events.push_back(e);
  bool down[SDL_NUM_SCANCODES] = {};
  for (std::size_t i = 0; i < events.size(); ++i) {
    const SDL_Event& ev = events[i];
    if (ev.type == SDL_KEYUP && down[ev.key.keysym.scancode]) {
      R.deferred.assign(events.begin() + static_cast<std::ptrdiff_t>(i), events.end());
      break;
    }
    if (ev.type == SDL_KEYDOWN) down[ev.key.keysym.scancode] = true;
    ImGui_ImplSDL2_ProcessEvent(&ev);
    R.last_activity = now_ms;
  }
}

void frame() {
  const double now_ms = emscripten_get_now();
  pump_events(now_ms);
  sync_window_size();
  if (R.desk->busy()) R.last_activity = now_ms;
  // Idle desks redraw twice a second (the clock, deadlines), not 60 times.
  if (now_ms - R.last_activity > 2000 && now_ms - R.last_render < 500 && R.ready_signalled) return;
  R.last_render = now_ms;
  const double started = emscripten_get_now();

  if (R.fonts.rebuild_if_needed(static_cast<float>(emscripten_get_device_pixel_ratio()))) {
    desk::gl::destroy_fonts_texture();
    desk::gl::create_fonts_texture();
  }
  if (R.fonts.missing() > 0 && R.fonts.extensions() < kExtensionFontCount && !R.ext_requested)
    load_next_extension_font();

  desk::ui::probe::begin_frame();
  ImGui_ImplSDL2_NewFrame();
  if (!R.pending_text.empty()) {
    // ImGui drops typed characters while Ctrl is down; a paste arrives
    // during Ctrl+V, so the text goes in on a frame without modifiers.
    ImGuiIO& io = ImGui::GetIO();
    io.AddInputCharactersUTF8(R.pending_text.c_str());
    io.KeyCtrl = io.KeySuper = false;
    R.pending_text.clear();
  }
  ImGui::NewFrame();
  R.app->draw(desk::platform::now());
  if (R.app->settings_changed()) store_settings(R.app->settings());
  desk::ui::probe::fact("fontGlyphs", std::to_string(R.fonts.glyph_count()));
  desk::ui::probe::fact("fontExtensions", std::to_string(R.fonts.extensions()));
  desk::ui::probe::fact("fontMissing", std::to_string(R.fonts.missing()));
  desk::ui::probe::fact("fontBuildMs", std::to_string(R.fonts.last_build_ms()));
  desk::ui::draw_focus_ring();
  ImGui::Render();

  const ImGuiIO& io = ImGui::GetIO();
  glViewport(0, 0, static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
             static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y));
  glClearColor(0.953f, 0.961f, 0.973f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  desk::gl::render(ImGui::GetDrawData());
  desk::ui::probe::end_frame();
  desk::bench::frame_drawn(emscripten_get_now() - started);

  EM_ASM({ Module.deskImeUpdate($0, $1, $2, $3); }, io.WantTextInput ? 1 : 0, R.ime_pos.x, R.ime_pos.y,
         ImGui::GetFontSize());
  if (!R.ready_signalled) {
    R.ready_signalled = true;
    EM_ASM({ performance.mark('desk-first-frame'); });
    desk::platform::signal_ready();
  }
}

}  // namespace

extern "C" {
// Committed text from the IME agent (web/js/ime.js), also used for paste.
EMSCRIPTEN_KEEPALIVE void desk_text_input(const char* utf8) {
  R.fonts.request(utf8);
  R.pending_text += utf8;
  R.last_activity = emscripten_get_now();
}
}

int main() {
  EM_ASM({ performance.mark('desk-main'); });
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) return 1;
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  const int w = EM_ASM_INT({ return window.innerWidth; });
  const int h = EM_ASM_INT({ return window.innerHeight; });
  R.window = SDL_CreateWindow("物业客服台", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h,
                              SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI | SDL_WINDOW_RESIZABLE);
  SDL_GLContext gl = SDL_GL_CreateContext(R.window);
  SDL_GL_MakeCurrent(R.window, gl);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  desk::ui::apply_style();
  ImGui_ImplSDL2_InitForOpenGL(R.window, gl);
  if (!desk::gl::init()) EM_ASM({ console.error('gl: the ImGui shaders did not link'); });
  io.SetClipboardTextFn = [](void*, const char* text) {
    R.clipboard = text;
    EM_ASM({ Module.deskSetClipboard(UTF8ToString($0)); }, text);
  };
  io.GetClipboardTextFn = [](void*) -> const char* {
    R.clipboard = desk::platform::take_js_string(desk_js_get_clipboard());
    return R.clipboard.c_str();
  };
  io.ImeSetInputScreenPosFn = [](int x, int y) { R.ime_pos = ImVec2(static_cast<float>(x), static_cast<float>(y)); };

  desk::ui::Settings settings = load_settings();
  desk::ui::set_lang(settings.lang);
  static desk::Desk desk(desk::platform::data_dir(), desk::platform::persist);
  R.desk = &desk;
  desk::bench::attach(&desk);
  // clang-format off
  desk.set_read_only(EM_ASM_INT({ return Module.deskWriter === false ? 1 : 0; }) != 0);
  // clang-format on
  const std::string load_error = desk::platform::take_js_string(desk_js_load_error());
  desk.set_unreadable(load_error);
  const auto report = desk.load();
  EM_ASM({ performance.mark('desk-journal-read'); });
  if (report.dropped > 0) EM_ASM({ console.warn('storage: ' + $0 + ' damaged line(s) skipped'); }, report.dropped);

  const std::string base = read_file("/fonts/desk-base.ttf");
  R.fonts.set_base(std::vector<unsigned char>(base.begin(), base.end()));
  R.fonts.request(read_file("/fonts/app-chars.txt"));
  R.fonts.request(load_error);  // the browser's words, in the read-only banner
  desk.data().each_table([](const auto& table) {
    for (const auto& r : table.rows()) R.fonts.request(search_text(r));
  });
  EM_ASM({ performance.mark('desk-glyphs-requested'); });
  if (settings.device.empty() || !std::ifstream(kSettingsPath)) store_settings(settings);
  static desk::ui::App app(desk, R.fonts, settings);
  R.app = &app;
  R.fonts.request(settings.site + settings.staff);
  if (desk::platform::query_param("test") == "1") desk::ui::probe::set_enabled(true);

  emscripten_set_main_loop(frame, 0, false);
  return 0;
}
