#pragma once
/// @file
/// @brief An ordered set of definitions keyed by `id` (protocols, instruments): a value type that
/// is passed where it is needed, never a global.

#include <algorithm>
#include <string_view>
#include <vector>

namespace iptkit {

/// @brief Definitions of type T keyed by the string member `Key` (default `id`), in the order added.
template <class T, auto Key = &T::id>
class registry {
 public:
  /// @brief Adds `entry`, replacing one with the same id (a trial's own manual overrides).
  void add(T entry) {
    auto it = std::find_if(entries_.begin(), entries_.end(),
                           [&](const T& e) { return e.*Key == entry.*Key; });
    if (it != entries_.end()) *it = std::move(entry);
    else entries_.push_back(std::move(entry));
  }

  /// @brief Adds every entry of a list (e.g. one read from a JSON file), in order.
  void add_all(std::vector<T> entries) {
    for (auto& e : entries) add(std::move(e));
  }

  /// @brief The entry with this id, or nullptr.
  [[nodiscard]] const T* find(std::string_view id) const noexcept {
    for (const auto& e : entries_)
      if (e.*Key == id) return &e;
    return nullptr;
  }

  /// @brief Every entry, in the order added (built-ins first, in table order).
  [[nodiscard]] const std::vector<T>& entries() const noexcept { return entries_; }

  /// @brief Every id, in order.
  [[nodiscard]] std::vector<std::string_view> ids() const {
    std::vector<std::string_view> ids;
    ids.reserve(entries_.size());
    for (const auto& e : entries_) ids.emplace_back(e.*Key);
    return ids;
  }

 private:
  std::vector<T> entries_;
};

/// @brief `*r`, or the registry type's shared built-in table when `r` is null (the meaning of a
/// null registry pointer in every options struct).
template <class R>
const R& or_builtin(const R* r) {
  return r ? *r : R::builtin();
}

}  // namespace iptkit
