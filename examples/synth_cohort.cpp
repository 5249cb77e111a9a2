// Writes a deterministic synthetic cohort as JSON Lines, one compact case per line, using the
// streaming form of iptkit::synthesize (memory does not grow with the number of cases).
// Usage: synth_cohort [--cases N] [--seed S] [-o FILE.jsonl]   (no -o, or -o -: standard output)
#include <iptkit/iptkit.hpp>

#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>

namespace {

int usage(const char* why) {
  if (why) std::cerr << "synth_cohort: " << why << "\n";
  std::cerr << "usage: synth_cohort [--cases N] [--seed S] [-o FILE.jsonl]\n"
               "  --cases N   number of cases (default 100)\n"
               "  --seed S    seed; the same seed gives the same cohort everywhere (default 1)\n"
               "  -o FILE     output file (default: standard output)\n";
  return why ? 2 : 0;
}

template <class T>
bool parse_number(std::string_view text, T& out) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc{} && end == text.data() + text.size();
}

}  // namespace

int main(int argc, char** argv) {
  iptkit::synth_options options;
  std::string output = "-";
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "-h" || arg == "--help") return usage(nullptr);
    if (i + 1 >= argc) return usage(("missing value after " + std::string(arg)).c_str());
    const std::string_view value = argv[++i];
    if (arg == "--cases") {
      if (!parse_number(value, options.cases)) return usage("--cases needs a whole number");
    } else if (arg == "--seed") {
      if (!parse_number(value, options.seed)) return usage("--seed needs a whole number");
    } else if (arg == "-o" || arg == "--output") {
      output = value;
    } else {
      return usage(("unknown option " + std::string(arg)).c_str());
    }
  }

  std::ofstream file;
  if (output != "-") {
    file.open(output, std::ios::binary | std::ios::trunc);
    if (!file) {
      std::cerr << "synth_cohort: cannot write " << output << ": " << std::strerror(errno) << "\n";
      return 1;
    }
  }
  std::ostream& out = output == "-" ? std::cout : file;

  std::string line;
  iptkit::synthesize(options, [&](iptkit::case_record&& c) {
    line.clear();
    iptkit::write_case(line, c, {iptkit::json_style::compact});
    line += '\n';
    out.write(line.data(), static_cast<std::streamsize>(line.size()));
  });
  out.flush();
  if (!out) {
    std::cerr << "synth_cohort: writing " << output << " failed\n";
    return 1;
  }
  if (output != "-")
    std::cerr << "synth_cohort: wrote " << options.cases << " cases (seed " << options.seed << ") to "
              << output << "\n";
  return 0;
}
