// Writes closeness circles for the browser layout check (tests/python/test_svg_layout_in_chromium.py):
// an inventory with every kind, status and conflict level of the legend (and labels long enough to
// be cut), and an empty one, each at every size given.
//   usage: write_circles OUT_DIR WIDTHxHEIGHT...
// Each figure is OUT_DIR/<every|empty>-<W>x<H>[-titled].svg. Exit 2 on a bad argument.
#include <iptkit/export/svg.hpp>
#include <iptkit/meta/enum.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

namespace {

iptkit::inventory every_entry() {
  using iptkit::relationship_kind, iptkit::relationship_status, iptkit::meta::enum_from_name;
  const auto statuses = iptkit::meta::enum_names<relationship_status>();
  const std::optional<int> conflicts[] = {std::nullopt, 0, 1, 2, 3, 4};
  iptkit::inventory inv;
  std::size_t i = 0;
  for (const auto kind : iptkit::meta::enum_names<relationship_kind>()) {
    iptkit::relationship r;
    r.id = "p" + std::to_string(i);
    r.label = std::string(kind) + (i % 3 == 0 ? " with a long label" : "");
    r.kind = *enum_from_name<relationship_kind>(kind);
    r.status = *enum_from_name<relationship_status>(statuses[i % statuses.size()]);
    r.closeness = static_cast<int>(i % 4) + 1;
    r.conflict = conflicts[i % std::size(conflicts)];
    inv.relationships.push_back(r);
    ++i;
  }
  return inv;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: write_circles OUT_DIR WIDTHxHEIGHT...\n";
    return 2;
  }
  const std::filesystem::path dir = argv[1];
  std::filesystem::create_directories(dir);
  const iptkit::inventory every = every_entry();
  for (int i = 2; i < argc; ++i) {
    const std::string size = argv[i];
    const auto x = size.find('x');
    if (x == std::string::npos) {
      std::cerr << size << ": expected WIDTHxHEIGHT\n";
      return 2;
    }
    iptkit::svg_options o;
    o.width = std::stoi(size.substr(0, x));
    o.height = std::stoi(size.substr(x + 1));
    for (const bool titled : {false, true}) {
      o.title = titled ? "Closeness circle of a case" : "";
      for (const auto& [name, inv] : {std::pair{"every", every}, std::pair{"empty", iptkit::inventory{}}}) {
        o.id = std::string(name) + "-" + size + (titled ? "-titled" : "");
        std::ofstream out(dir / (o.id + ".svg"), std::ios::binary);
        out << iptkit::closeness_circle_svg(inv, o);
        if (!out) {
          std::cerr << o.id << ": cannot write\n";
          return 1;
        }
      }
    }
  }
  return 0;
}
