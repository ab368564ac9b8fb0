#include "app/tool/commands.hpp"

#include "core/sample_data.hpp"

namespace desk::tool {

Expected<Imported> read_export(Io& io, const std::string& file) {
  auto text = io.read(file);
  if (!text.ok()) return text.errors();
  return parse_export(text.value(), kToolMaxBytes);
}

int run_check(const CheckCommand& command, Io& io) {
  int bad = 0;
  for (const auto& f : command.files) {
    auto r = read_export(io, f);
    if (!r.ok()) {
      ++bad;
      for (const auto& e : r.errors()) io.out << f << ": " << e.where << ": " << e.message.en << "\n";
      continue;
    }
    io.out << f << ": ok, site " << r->header.site << ", device " << r->header.device << ", exported "
           << format_iso(r->header.exported_at) << ", " << r->records.size() << " records\n";
  }
  return bad == 0 ? 0 : 1;
}

int run_generate(const GenerateCommand& command, Io& io) {
  ExportOptions e;
  e.site = command.sample.site;
  e.device = command.device;
  e.now = add_months(from_civil({command.sample.year, command.sample.month, 1}), 1);
  if (auto failed = io.write(command.out, export_document(sample_dataset(command.sample), e))) {
    io.err << failed->zh << " / " << failed->en << "\n";
    return 1;
  }
  io.out << "wrote " << command.sample.records << " records of " << command.sample.site << " to " << command.out
         << "\n";
  return 0;
}

int run(const std::vector<std::string>& args, Io& io) {
  auto parsed = parse_command_line(args);
  if (!parsed.ok()) {
    for (const auto& e : parsed.errors()) io.err << "desk-tool: " << e.message.zh << " / " << e.message.en << "\n";
    io.err << usage_text();
    return 2;
  }
  return std::visit(
      [&](const auto& command) {
        using C = std::decay_t<decltype(command)>;
        if constexpr (std::is_same_v<C, CheckCommand>)
          return run_check(command, io);
        else if constexpr (std::is_same_v<C, ConsolidateCommand>)
          return run_consolidate(command, io);
        else
          return run_generate(command, io);
      },
      parsed.value());
}

}  // namespace desk::tool
