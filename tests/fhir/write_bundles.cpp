// Writes the FHIR R4 Bundle of every case in the given files (one case, a JSON array or JSON
// Lines), and of a synthetic cohort, for the outside validator (tests/fhir/run.sh).
//   usage: write_fhir_bundles OUT_DIR [--synthetic N] FILE...
// Each Bundle is OUT_DIR/<case id as a FHIR id>.json. Exit 1 when a case cannot be read.
#include <iptkit/export/fhir.hpp>
#include <iptkit/json/cohort.hpp>
#include <iptkit/json/read_error.hpp>
#include <iptkit/synth/generator.hpp>

#include "edge_catalog.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

namespace {

bool write(const std::filesystem::path& dir, const iptkit::case_record& c) {
  const auto path = dir / (iptkit::fhir_detail::resource_id(c.case_id) + ".json");
  std::ofstream out(path, std::ios::binary);
  static const iptkit::catalog cat = iptkit::test::edge_catalog();
  out << iptkit::fhir_bundle(c, {}, cat);
  if (!out) std::cerr << path.string() << ": cannot write\n";
  return static_cast<bool>(out);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: write_fhir_bundles OUT_DIR [--synthetic N] FILE...\n";
    return 2;
  }
  const std::filesystem::path dir = argv[1];
  std::filesystem::create_directories(dir);
  bool ok = true;
  std::size_t written = 0;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--synthetic" && i + 1 < argc) {
      iptkit::synth_options options;
      options.cases = std::stoul(argv[++i]);
      for (const auto& c : iptkit::synthesize(options)) {
        ok = write(dir, c) && ok;
        ++written;
      }
      continue;
    }
    std::ifstream in(arg, std::ios::binary);
    if (!in) {
      std::cerr << arg << ": cannot read\n";
      ok = false;
      continue;
    }
    std::stringstream text;
    text << in.rdbuf();
    for (const auto& e : iptkit::read_cohort(arg, text.str())) {
      if (!e.value.has_value()) {
        for (const auto& err : e.value.errors()) std::cerr << arg << ": " << iptkit::to_string(err) << "\n";
        ok = false;
        continue;
      }
      ok = write(dir, *e.value) && ok;
      ++written;
    }
  }
  std::cout << "write_fhir_bundles: " << written << " Bundles in " << dir.string() << "\n";
  return ok ? 0 : 1;
}
