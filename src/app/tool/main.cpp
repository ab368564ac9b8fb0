// desk-tool: the native command-line companion of the desk.
//   desk-tool check FILE...   validate export files and summarise them
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "core/exchange.hpp"

namespace {

int usage() {
  std::cerr << "usage: desk-tool check FILE...\n"
               "  check  validate export files and print what they hold\n";
  return 2;
}

int check(int argc, char** argv) {
  int bad = 0;
  for (int i = 0; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    if (!in) {
      std::cout << argv[i] << ": cannot open\n";
      ++bad;
      continue;
    }
    std::ostringstream s;
    s << in.rdbuf();
    auto r = desk::parse_export(s.str());
    if (!r.ok()) {
      ++bad;
      for (const auto& e : r.errors()) std::cout << argv[i] << ": " << e.where << ": " << e.message.en << "\n";
      continue;
    }
    std::cout << argv[i] << ": ok, site " << r->header.site << ", device " << r->header.device << ", exported "
              << desk::format_iso(r->header.exported_at) << ", " << r->records.size() << " records\n";
  }
  return bad == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) return usage();
  const std::string cmd = argv[1];
  if (cmd == "check") return check(argc - 2, argv + 2);
  return usage();
}
