// The program both consumer projects build: read a case, write it back, check it is the same.
#include <iptkit/iptkit.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  auto c = iptkit::read_case(text.str());
  if (!c) {
    for (const auto& e : c.errors()) std::cerr << iptkit::to_string(e) << "\n";
    return 1;
  }
  // A designated initialiser of a partial option struct, as an app writes it (no -Wextra warning).
  const bool same = iptkit::write_case(*c, iptkit::write_options{.style = iptkit::json_style::pretty}) == text.str();
  std::cout << "iptkit " << iptkit::version_string << ": " << c->case_id << " with "
            << c->sessions.size() << " sessions, round trip " << (same ? "identical" : "DIFFERENT")
            << "\n";
  return same ? 0 : 1;
}
