#pragma once
// Internal: the value forms of the functions that also take `span<const case_record* const>`
// call the pointer form through this, so each computation is written once.

#include <iptkit/model/case_record.hpp>

#include <span>
#include <vector>

namespace iptkit::detail {

/// @brief A pointer to each case, in order.
inline std::vector<const case_record*> case_pointers(std::span<const case_record> cases) {
  std::vector<const case_record*> pointers;
  pointers.reserve(cases.size());
  for (const auto& c : cases) pointers.push_back(&c);
  return pointers;
}

}  // namespace iptkit::detail
