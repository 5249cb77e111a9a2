// Rewrites case documents in canonical form (spec field order, empty fields omitted, two-space
// layout); a .jsonl file is rewritten one compact case per line. Errors are listed and the file is
// left alone. Usage: canonicalize FILE...
#include <iptkit/iptkit.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char** argv) {
  int status = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string path = argv[i];
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    std::string out;
    bool ok = true;
    if (path.ends_with(".jsonl")) {
      for (auto& entry : iptkit::read_case_lines(text.str())) {
        if (!entry.value) {
          for (const auto& e : entry.value.errors()) std::cerr << path << ": " << iptkit::to_string(e) << "\n";
          ok = false;
          continue;
        }
        iptkit::write_case(out, *entry.value, {iptkit::json_style::compact});
        out += '\n';
      }
    } else {
      auto c = iptkit::read_case(text.str());
      if (c) out = iptkit::write_case(*c);
      for (const auto& e : c.errors()) std::cerr << path << ": " << iptkit::to_string(e) << "\n";
      ok = c.has_value();
    }
    if (!ok) {
      status = 1;
      continue;
    }
    std::ofstream(path, std::ios::binary | std::ios::trunc) << out;
  }
  return status;
}
