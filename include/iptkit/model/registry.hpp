#pragma once
/// @file
/// @brief An ordered set of definitions keyed by `id` (protocols, instruments): a value type that
/// is passed where it is needed, never a global. Every entry is checked when added.

#include <iptkit/json/read_error.hpp>
#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace iptkit {

/// @brief Definitions of type T keyed by the string member `Key` (default `id`), in the order added.
/// An entry is added only when `entry_errors(entry)` (found by argument-dependent lookup next to
/// T: the reader's checks of a file of such entries plus T's own consistency rules) is empty, so
/// no rule, plan or score ever runs on a definition that contradicts itself.
template <class T, auto Key = &T::id>
class registry {
 public:
  /// @brief Iterates the entries, read-only (a change would bypass the checks of add()).
  using const_iterator = typename std::vector<T>::const_iterator;

  /// @brief Adds `entry`, replacing one with the same id (a trial's own manual overrides); throws
  /// decode_error with entry_errors() when it is not a valid definition (nothing is added).
  void add(T entry) {
    auto errors = try_add(std::move(entry));
    if (!errors.empty()) throw decode_error(std::move(errors));
  }

  /// @brief add() with the errors as a value: empty when `entry` was added.
  [[nodiscard]] std::vector<read_error> try_add(T entry) {
    auto errors = errors_of(entry);
    if (errors.empty()) put(std::move(entry));
    return errors;
  }

  /// @brief Adds every entry of a list (e.g. one read from a JSON file), in order; throws
  /// decode_error when any entry is invalid (paths start with `/<index>`), adding none.
  void add_all(std::vector<T> entries) {
    auto errors = try_add_all(std::move(entries));
    if (!errors.empty()) throw decode_error(std::move(errors));
  }

  /// @brief add_all() with the errors as a value: empty when every entry was added.
  [[nodiscard]] std::vector<read_error> try_add_all(std::vector<T> entries) {
    std::vector<read_error> errors;
    for (std::size_t i = 0; i < entries.size(); ++i)
      for (auto& e : errors_of(entries[i])) {
        e.path.insert(0, std::to_string(i));  // two inserts: GCC 12's -Wrestrict at -O3
        e.path.insert(0, 1, '/');
        errors.push_back(std::move(e));
      }
    if (errors.empty())
      for (auto& e : entries) put(std::move(e));
    return errors;
  }

  /// @brief The entry with this id, or nullptr.
  [[nodiscard]] const T* find(std::string_view id) const& noexcept {
    for (const auto& e : entries_)
      if (e.*Key == id) return &e;
    return nullptr;
  }
  /// @brief Deleted: the pointer would outlive a temporary registry.
  const T* find(std::string_view id) && = delete;

  /// @brief True when an entry has this id.
  [[nodiscard]] bool contains(std::string_view id) const noexcept { return find(id) != nullptr; }

  /// @brief Removes the entry with this id; false when there is none. Only this registry changes
  /// (a registry is a value: builtin() and other copies keep their entries); removing a built-in
  /// makes the id unknown here, exactly as if it had never been built in. Like add(), it
  /// invalidates pointers from find(), views from ids() and iterators.
  bool remove(std::string_view id) {
    return std::erase_if(entries_, [&](const T& e) { return e.*Key == id; }) != 0;
  }

  /// @brief The first entry, in the order added.
  [[nodiscard]] const_iterator begin() const noexcept { return entries_.begin(); }
  /// @brief Past the last entry.
  [[nodiscard]] const_iterator end() const noexcept { return entries_.end(); }
  /// @brief The number of entries.
  [[nodiscard]] std::size_t size() const noexcept { return entries_.size(); }
  /// @brief True when there is no entry.
  [[nodiscard]] bool empty() const noexcept { return entries_.empty(); }

  /// @brief Every entry, in the order added (built-ins first, in table order).
  [[nodiscard]] const std::vector<T>& entries() const& noexcept { return entries_; }
  /// @brief Deleted: the reference would outlive a temporary registry (a range-for over the
  /// registry itself keeps the temporary alive: `for (const auto& p : make_registry())`).
  const std::vector<T>& entries() && = delete;

  /// @brief Every id, in order: views into this registry, valid until it changes or ends.
  [[nodiscard]] std::vector<std::string_view> ids() const& {
    std::vector<std::string_view> ids;
    ids.reserve(entries_.size());
    for (const auto& e : entries_) ids.emplace_back(e.*Key);
    return ids;
  }
  /// @brief Deleted: the views would outlive a temporary registry (keep the registry in a
  /// variable, or copy the ids into strings while it lives).
  std::vector<std::string_view> ids() && = delete;

 private:
  // A type with no entry_errors() (a rule: code in C++) has nothing to check.
  static std::vector<read_error> errors_of(const T& entry) {
    if constexpr (requires { entry_errors(entry); }) return entry_errors(entry);
    else return {};
  }

  void put(T entry) {
    auto it = std::find_if(entries_.begin(), entries_.end(),
                           [&](const T& e) { return e.*Key == entry.*Key; });
    if (it != entries_.end()) *it = std::move(entry);
    else entries_.push_back(std::move(entry));
  }

  std::vector<T> entries_;
};

/// @brief `*r`, or the registry type's shared built-in table when `r` is null (the meaning of a
/// null registry pointer in every options struct).
template <class R>
const R& or_builtin(const R* r) {
  return r ? *r : R::builtin();
}

}  // namespace iptkit
