// Text handed from JavaScript to C++: an EM_JS function that returns char*
// writes the string into memory it took with _malloc; the caller takes the
// text over and frees that memory here.
#pragma once
#include <cstdlib>
#include <string>

namespace desk::platform {

inline std::string take_js_string(char* p) {
  std::string s = p ? p : "";
  std::free(p);
  return s;
}

}  // namespace desk::platform
