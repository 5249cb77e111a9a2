#pragma once
/// @file
/// @brief Reading case documents (and any described type) from JSON, with every error collected.

#include <iptkit/json/read_error.hpp>
#include <iptkit/measures/instrument.hpp>
#include <iptkit/model/case_record.hpp>
#include <iptkit/model/protocol_registry.hpp>
#include <iptkit/result.hpp>
#include <cstddef>
#include <string_view>

namespace iptkit {

/// @brief How strictly to read.
struct read_options {
  /// @brief Unknown fields become warnings and are ignored (default: they are errors).
  bool lax = false;
  /// @brief Protocols that `adaptation` may name; nullptr means the built-in table.
  const protocol_registry* protocols = nullptr;
  /// @brief Deepest nesting of arrays and objects accepted (`limit_exceeded` beyond).
  std::size_t max_depth = 64;
};

/// @brief Reads one case document. Returns the case, or every structural error.
result<case_record> read_case(std::string_view json, const read_options& options = {});

/// @brief Reads a JSON array of protocols (a trial's manual) in the format of `protocol`.
result<std::vector<protocol>> read_protocols(std::string_view json,
                                             const read_options& options = {});

/// @brief Reads a JSON array of instrument definitions in the format of `instrument`.
result<std::vector<instrument>> read_instruments(std::string_view json,
                                                 const read_options& options = {});

}  // namespace iptkit
