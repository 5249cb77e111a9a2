#pragma once
/// @file
/// @brief The JSON Schema (draft 2020-12) of the case document, generated from the model's
/// description, so that it cannot drift from the reader.

#include <iptkit/catalog.hpp>
#include <string>

namespace iptkit {

/// @brief The case document's JSON Schema as pretty JSON text (ends with a newline). `adaptation`
/// is an enum of the ids of the catalog's protocols.
std::string case_json_schema(const catalog& cat = catalog::builtin());

/// @brief The JSON Schema of a protocols file (a list of `protocol` objects).
std::string protocols_json_schema();

/// @brief The JSON Schema of an instruments file (a list of `instrument` objects).
std::string instruments_json_schema();

}  // namespace iptkit
