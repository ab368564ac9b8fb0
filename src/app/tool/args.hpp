// Command-line arguments of desk-tool: "--name value" options and files.
#pragma once
#include <map>
#include <string>
#include <vector>

namespace desk::tool {

struct Args {
  std::map<std::string, std::string> options;
  std::vector<std::string> files;
  bool ok = true;  // false when an option has no value
  std::string option(const std::string& name, const std::string& fallback = "") const {
    auto it = options.find(name);
    return it == options.end() ? fallback : it->second;
  }
};

inline Args parse_args(int argc, char** argv) {
  Args a;
  for (int i = 0; i < argc; ++i) {
    const std::string s = argv[i];
    if (s.rfind("--", 0) == 0) {
      if (i + 1 >= argc)
        a.ok = false;
      else
        a.options[s.substr(2)] = argv[++i];
    } else {
      a.files.push_back(s);
    }
  }
  return a;
}

}  // namespace desk::tool
