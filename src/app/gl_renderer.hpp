// Draws Dear ImGui's lists with WebGL 2, in place of ImGui's OpenGL3 backend.
// That backend saves and restores about twenty pieces of GL state around each
// frame (glGetIntegerv, glIsEnabled), for programs that share their context
// with other renderers. In a browser each of those queries is a WebGL
// getParameter that may wait for the GPU process to finish drawing the frame
// before: a profile of typing in the search box at 100,000 records had them
// at 177 ms of 378 ms of frame CPU. This page owns its context, so nothing is
// saved; the state ImGui needs is set each frame with calls that never wait.
#pragma once

struct ImDrawData;

namespace desk::gl {

bool init();                  // compiles the shaders, makes the buffers; false if WebGL refuses
void create_fonts_texture();  // uploads ImGui's font atlas (after every atlas rebuild)
void destroy_fonts_texture();
void render(ImDrawData* data);

}  // namespace desk::gl
