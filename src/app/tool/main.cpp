// desk-tool: the native command-line companion of the desk, built from the
// same core as the browser app (usage: args.hpp; commands: commands.hpp).
#include <csignal>
#include <iostream>

#include "app/tool/commands.hpp"
#include "app/tool/files.hpp"

int main(int argc, char** argv) {
  // A file size limit (ulimit -f) makes a write fail with EFBIG, which the
  // tool reports and cleans up after, instead of killing it mid-write.
  std::signal(SIGXFSZ, SIG_IGN);
  desk::tool::Io io{
      [](const std::string& path) { return desk::tool::read_file(path); },
      [](const std::string& path, const std::string& text) { return desk::tool::write_file(path, text); },
      std::cout,
      std::cerr,
      [](const std::string& path) { return desk::tool::list_folder(path); },
      [](const std::string& path, const desk::tool::LineFn& line) { return desk::tool::read_lines(path, line); },
      [](const std::string& path, const desk::tool::ProduceFn& produce) {
        return desk::tool::write_file_with(path, produce);
      }};
  return desk::tool::run(std::vector<std::string>(argv + 1, argv + argc), io);
}
