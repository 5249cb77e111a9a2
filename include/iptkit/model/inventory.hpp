#pragma once
/// @file
/// @brief The interpersonal inventory: a guided review of significant relationships ([ISIPT]).

#include <iptkit/meta/field_rules.hpp>
#include <iptkit/model/relationship.hpp>
#include <boost/describe.hpp>
#include <optional>
#include <vector>

namespace iptkit {

/// @brief The inventory, taken in the initial phase; absent from a case until taken.
struct inventory {
  std::optional<int> completed_session;        ///< the session by which it was complete
  std::vector<relationship> relationships;     ///< the significant people
  friend bool operator==(const inventory&, const inventory&) = default;
};
BOOST_DESCRIBE_STRUCT(inventory, (), (completed_session, relationships))

template <>
inline constexpr auto meta::field_rules<inventory> = std::tuple{
    meta::field(&inventory::completed_session, meta::session_count(1)),
    meta::field(&inventory::relationships, meta::unique_by<&relationship::id>{})};

}  // namespace iptkit
