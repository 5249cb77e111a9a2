#pragma once
// Shared test helpers: reading files of the source tree.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace iptkit::test {

inline std::filesystem::path source_dir() { return IPTKIT_SOURCE_DIR; }

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Every file with the extension under a folder of the source tree, sorted.
inline std::vector<std::filesystem::path> files_in(const std::string& folder, const std::string& ext) {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(source_dir() / folder))
    if (e.path().extension() == ext) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace iptkit::test
