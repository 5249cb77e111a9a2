#pragma once
/// @file
/// @brief A working diagnosis (ICD-10, ICD-11 or DSM-5 code).

#include <iptkit/meta/enum_printing.hpp>
#include <iptkit/meta/field_rules.hpp>
#include <boost/describe.hpp>
#include <optional>
#include <string>

namespace iptkit {

/// @brief The classification a diagnosis code belongs to.
enum class diagnosis_system { icd10, icd11, dsm5 };
BOOST_DESCRIBE_ENUM(diagnosis_system, icd10, icd11, dsm5)
IPTKIT_ENUM_PRINTING(diagnosis_system)

/// @brief One diagnosis given in the initial phase ("diagnose (DSM/ICD)", Guide ch.2).
struct diagnosis {
  diagnosis_system system{};          ///< classification of `code`
  std::string code;                   ///< e.g. `F32.1`
  std::optional<std::string> label;   ///< free text, removed by de-identification
  friend bool operator==(const diagnosis&, const diagnosis&) = default;
};
BOOST_DESCRIBE_STRUCT(diagnosis, (), (system, code, label))

template <>
inline constexpr auto meta::field_rules<diagnosis> = std::tuple{
    meta::field(&diagnosis::code, meta::non_empty{})};

}  // namespace iptkit
