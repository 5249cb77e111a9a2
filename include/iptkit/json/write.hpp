#pragma once
/// @file
/// @brief Canonical JSON writing of cases and any described type.

#include <iptkit/model/case_record.hpp>
#include <iptkit/measures/instrument.hpp>
#include <iptkit/json/detail/write_value.hpp>
#include <iptkit/model/protocol.hpp>
#include <string>
#include <vector>

namespace iptkit {

/// @brief The two canonical layouts.
enum class json_style {
  pretty,   ///< two-space indent, one member per line, lists of scalars on one line; ends in "\n"
  compact   ///< one line, no spaces (a JSON Lines record, without the newline)
};

/// @brief How to write.
struct write_options {
  json_style style = json_style::pretty;  ///< layout
};

/// @brief The canonical JSON of a case: fields in spec order, empty optionals and lists omitted.
std::string write_case(const case_record& c, const write_options& options = {});

/// @brief Appends the canonical JSON of a case to `out` (no allocation beyond `out`'s growth).
void write_case(std::string& out, const case_record& c, const write_options& options = {});

/// @brief The canonical JSON of a list of protocols (the format read_protocols() reads).
std::string write_protocols(const std::vector<protocol>& protocols, const write_options& options = {});

/// @brief The canonical JSON of any described value (outcome rows, summaries, findings, plans).
template <class T>
std::string to_json(const T& value, const write_options& options = {}) {
  std::string out;
  json::detail::write_document(out, value, options.style == json_style::pretty);
  return out;
}

/// @brief The canonical JSON of a list of instruments (the format read_instruments() reads).
std::string write_instruments(const std::vector<instrument>& instruments,
                              const write_options& options = {});

}  // namespace iptkit
