#include "app/gl_renderer.hpp"

#include <GLES3/gl3.h>
#include <emscripten.h>

#include <cstddef>
#include <cstdint>

#include "imgui.h"

namespace desk::gl {

namespace {

struct State {
  GLuint program = 0, vao = 0, vbo = 0, ebo = 0, font = 0;
  GLint loc_tex = -1, loc_proj = -1;
  GLsizeiptr vbo_size = 0, ebo_size = 0;
} S;

constexpr const char* kVertex = R"(#version 300 es
precision highp float;
layout (location = 0) in vec2 Position;
layout (location = 1) in vec2 UV;
layout (location = 2) in vec4 Color;
uniform mat4 ProjMtx;
out vec2 Frag_UV;
out vec4 Frag_Color;
void main() {
  Frag_UV = UV;
  Frag_Color = Color;
  gl_Position = ProjMtx * vec4(Position.xy, 0, 1);
})";

constexpr const char* kFragment = R"(#version 300 es
precision mediump float;
uniform sampler2D Texture;
in vec2 Frag_UV;
in vec4 Frag_Color;
layout (location = 0) out vec4 Out_Color;
void main() {
  Out_Color = Frag_Color * texture(Texture, Frag_UV.st);
})";

GLuint compile(GLenum type, const char* source) {
  const GLuint shader = glCreateShader(type);
  glShaderSource(shader, 1, &source, nullptr);
  glCompileShader(shader);
  GLint ok = 0;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);  // once, at start
  if (!ok) {
    char log[512] = {};
    glGetShaderInfoLog(shader, sizeof log, nullptr, log);
    EM_ASM({ console.error('gl: shader: ' + UTF8ToString($0)); }, log);
  }
  return shader;
}

// Everything ImGui's lists need; none of it is read back.
void setup(const ImDrawData* data, int fb_width, int fb_height) {
  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_CULL_FACE);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_STENCIL_TEST);
  glEnable(GL_SCISSOR_TEST);
  glViewport(0, 0, fb_width, fb_height);
  const float l = data->DisplayPos.x, r = data->DisplayPos.x + data->DisplaySize.x;
  const float t = data->DisplayPos.y, b = data->DisplayPos.y + data->DisplaySize.y;
  const float ortho[4][4] = {
      {2.0f / (r - l), 0.0f, 0.0f, 0.0f},
      {0.0f, 2.0f / (t - b), 0.0f, 0.0f},
      {0.0f, 0.0f, -1.0f, 0.0f},
      {(r + l) / (l - r), (t + b) / (b - t), 0.0f, 1.0f},
  };
  glUseProgram(S.program);
  glUniform1i(S.loc_tex, 0);
  glUniformMatrix4fv(S.loc_proj, 1, GL_FALSE, &ortho[0][0]);
  glActiveTexture(GL_TEXTURE0);
  glBindVertexArray(S.vao);
  glBindBuffer(GL_ARRAY_BUFFER, S.vbo);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, S.ebo);
}

}  // namespace

bool init() {
  ImGuiIO& io = ImGui::GetIO();
  io.BackendRendererName = "desk_webgl2";
  const GLuint vs = compile(GL_VERTEX_SHADER, kVertex);
  const GLuint fs = compile(GL_FRAGMENT_SHADER, kFragment);
  S.program = glCreateProgram();
  glAttachShader(S.program, vs);
  glAttachShader(S.program, fs);
  glLinkProgram(S.program);
  glDeleteShader(vs);
  glDeleteShader(fs);
  GLint linked = 0;
  glGetProgramiv(S.program, GL_LINK_STATUS, &linked);
  if (!linked) return false;
  S.loc_tex = glGetUniformLocation(S.program, "Texture");
  S.loc_proj = glGetUniformLocation(S.program, "ProjMtx");
  glGenVertexArrays(1, &S.vao);
  glGenBuffers(1, &S.vbo);
  glGenBuffers(1, &S.ebo);
  // The vertex layout lives in the vertex array object: set once.
  glBindVertexArray(S.vao);
  glBindBuffer(GL_ARRAY_BUFFER, S.vbo);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, S.ebo);
  for (GLuint i = 0; i < 3; ++i) glEnableVertexAttribArray(i);
  const auto at = [](std::size_t offset) { return reinterpret_cast<const void*>(offset); };
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), at(offsetof(ImDrawVert, pos)));
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), at(offsetof(ImDrawVert, uv)));
  glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert), at(offsetof(ImDrawVert, col)));
  return true;
}

void create_fonts_texture() {
  ImGuiIO& io = ImGui::GetIO();
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
  glGenTextures(1, &S.font);
  glBindTexture(GL_TEXTURE_2D, S.font);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
  io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(S.font)));
}

void destroy_fonts_texture() {
  if (S.font == 0) return;
  glDeleteTextures(1, &S.font);
  ImGui::GetIO().Fonts->SetTexID(nullptr);
  S.font = 0;
}

void render(ImDrawData* data) {
  const int fb_width = static_cast<int>(data->DisplaySize.x * data->FramebufferScale.x);
  const int fb_height = static_cast<int>(data->DisplaySize.y * data->FramebufferScale.y);
  if (fb_width <= 0 || fb_height <= 0) return;
  setup(data, fb_width, fb_height);
  const ImVec2 off = data->DisplayPos, scale = data->FramebufferScale;
  constexpr GLenum kIndex = sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;
  for (int n = 0; n < data->CmdListsCount; ++n) {
    const ImDrawList* list = data->CmdLists[n];
    const auto vtx_size = static_cast<GLsizeiptr>(list->VtxBuffer.Size * sizeof(ImDrawVert));
    const auto idx_size = static_cast<GLsizeiptr>(list->IdxBuffer.Size * sizeof(ImDrawIdx));
    if (S.vbo_size < vtx_size) glBufferData(GL_ARRAY_BUFFER, S.vbo_size = vtx_size, nullptr, GL_STREAM_DRAW);
    if (S.ebo_size < idx_size) glBufferData(GL_ELEMENT_ARRAY_BUFFER, S.ebo_size = idx_size, nullptr, GL_STREAM_DRAW);
    glBufferSubData(GL_ARRAY_BUFFER, 0, vtx_size, list->VtxBuffer.Data);
    glBufferSubData(GL_ELEMENT_ARRAY_BUFFER, 0, idx_size, list->IdxBuffer.Data);
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      if (cmd.UserCallback != nullptr) {
        if (cmd.UserCallback == ImDrawCallback_ResetRenderState)
          setup(data, fb_width, fb_height);
        else
          cmd.UserCallback(list, &cmd);
        continue;
      }
      const ImVec2 min((cmd.ClipRect.x - off.x) * scale.x, (cmd.ClipRect.y - off.y) * scale.y);
      const ImVec2 max((cmd.ClipRect.z - off.x) * scale.x, (cmd.ClipRect.w - off.y) * scale.y);
      if (max.x <= min.x || max.y <= min.y) continue;
      // GL's y runs upwards.
      glScissor(static_cast<int>(min.x), static_cast<int>(fb_height - max.y), static_cast<int>(max.x - min.x),
                static_cast<int>(max.y - min.y));
      glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<std::intptr_t>(cmd.GetTexID())));
      glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount), kIndex,
                     reinterpret_cast<const void*>(cmd.IdxOffset * sizeof(ImDrawIdx)));
    }
  }
}

}  // namespace desk::gl
