// desk-tool's commands, given their file access and output streams so that
// tests and fuzzers run them on text in memory (main.cpp passes the disk).
#pragma once
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "app/tool/args.hpp"
#include "app/tool/files.hpp"
#include "core/exchange.hpp"

namespace desk::tool {

struct Io {
  std::function<Expected<std::string>(const std::string& path)> read;
  // Nothing on success, else why the file could not be written.
  std::function<std::optional<Msg>(const std::string& path, const std::string& text)> write;
  std::ostream& out;  // results
  std::ostream& err;  // progress and problems
  // The files under a folder (relative paths), or nothing when `path` is not
  // a folder; unset: every path is a file.
  std::function<std::optional<Expected<std::vector<std::string>>>(const std::string& path)> list = {};
  // A file a line at a time (files.hpp read_lines); unset: `read`, whole.
  std::function<Expected<bool>(const std::string& path, const LineFn& line)> read_lines = {};
  // A file written piece by piece (files.hpp write_file_with); unset: the
  // pieces gathered, then `write`.
  std::function<std::optional<Msg>(const std::string& path, const ProduceFn& produce)> write_with = {};
};

// Exit codes: 0 done; 1 refused or failed, nothing written; 2 bad arguments;
// 3 done, with files skipped or problems reported.
int run_check(const CheckCommand& command, Io& io);
int run_consolidate(const ConsolidateCommand& command, Io& io);
int run_generate(const GenerateCommand& command, Io& io);
// An export file read whole and checked (core/exchange.hpp).
Expected<Imported> read_export(Io& io, const std::string& file);
// Parses `args` (without the program name) and runs the command.
int run(const std::vector<std::string>& args, Io& io);

}  // namespace desk::tool
