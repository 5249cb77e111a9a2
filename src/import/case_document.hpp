#pragma once
// Building a case document by JSON Pointer, shared by the importers that assemble a document and
// hand it to the case reader (tables, REDCap), and placing the reader's errors back by pointer.

#include <boost/json.hpp>
#include <charconv>
#include <string_view>

namespace iptkit::import_detail {

/// True when `path` is `prefix` or lies under it (`/a/b` is under `/a`, `/ab` is not).
inline bool is_pointer_prefix(std::string_view prefix, std::string_view path) {
  return path.starts_with(prefix) && (path.size() == prefix.size() || path[prefix.size()] == '/');
}

/// Sets the value at a JSON Pointer (unescaped tokens) under `root`, making objects on the way,
/// and lists for numeric tokens where nothing is yet; returns the value set. An index past 1000 is
/// held at 1000: the case reader refuses such a list anyway.
inline boost::json::value& set_at_pointer(boost::json::object& root, std::string_view pointer, boost::json::value v) {
  pointer.remove_prefix(1);
  const auto first = pointer.find('/');
  boost::json::value* at = &root[pointer.substr(0, first)];
  pointer = first == std::string_view::npos ? std::string_view() : pointer.substr(first);
  while (!pointer.empty()) {
    pointer.remove_prefix(1);
    const auto slash = pointer.find('/');
    const auto key = pointer.substr(0, slash);
    std::size_t index = 0;
    const bool numeric =
        !key.empty() && std::from_chars(key.data(), key.data() + key.size(), index).ptr == key.data() + key.size();
    if (numeric && (at->is_array() || at->is_null())) {
      if (!at->is_array()) *at = boost::json::array();
      auto& a = at->get_array();
      if (index > 1000) index = 1000;
      while (a.size() <= index) a.emplace_back(nullptr);
      at = &a[index];
    } else {
      if (!at->is_object()) *at = boost::json::object();
      at = &at->get_object()[key];
    }
    pointer = slash == std::string_view::npos ? std::string_view() : pointer.substr(slash);
  }
  *at = std::move(v);
  return *at;
}

}  // namespace iptkit::import_detail
