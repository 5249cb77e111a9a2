#pragma once
/// @file
/// @brief The outcome of reading: a value or every error, plus warnings (lax mode).

#include <iptkit/json/read_error.hpp>
#include <optional>
#include <utility>
#include <vector>

namespace iptkit {

/// @brief A value or the errors that prevented it; errors are values on the main path.
/// `value()` is the throwing convenience: it throws decode_error when there is no value.
template <class T>
class result {
 public:
  /// @brief A success, with any warnings the lax reader recorded.
  result(T value, std::vector<read_error> warnings = {})
      : value_(std::move(value)), warnings_(std::move(warnings)) {}

  /// @brief A failure; `errors` must not be empty.
  static result failure(std::vector<read_error> errors, std::vector<read_error> warnings = {}) {
    result r;
    r.errors_ = std::move(errors);
    r.warnings_ = std::move(warnings);
    return r;
  }

  /// @brief True when there is a value.
  [[nodiscard]] bool has_value() const noexcept { return value_.has_value(); }
  /// @brief True when there is a value.
  explicit operator bool() const noexcept { return has_value(); }

  /// @brief The value; throws decode_error listing every error when there is none.
  T& value() & { check(); return *value_; }
  /// @copydoc value()
  const T& value() const& { check(); return *value_; }
  /// @copydoc value()
  T&& value() && { check(); return std::move(*value_); }

  /// @brief The value, unchecked.
  T& operator*() noexcept { return *value_; }
  /// @brief The value, unchecked.
  const T& operator*() const noexcept { return *value_; }
  /// @brief Member access to the value, unchecked.
  T* operator->() noexcept { return &*value_; }
  /// @brief Member access to the value, unchecked.
  const T* operator->() const noexcept { return &*value_; }

  /// @brief Every error, in document order (empty on success).
  [[nodiscard]] const std::vector<read_error>& errors() const& noexcept { return errors_; }
  /// @brief Every error, moved out of a temporary (so `for (auto& e : read_case(t).errors())`
  /// does not dangle).
  [[nodiscard]] std::vector<read_error> errors() && noexcept { return std::move(errors_); }
  /// @brief Warnings that did not prevent the value (unknown fields in lax mode).
  [[nodiscard]] const std::vector<read_error>& warnings() const& noexcept { return warnings_; }
  /// @brief Warnings, moved out of a temporary.
  [[nodiscard]] std::vector<read_error> warnings() && noexcept { return std::move(warnings_); }

 private:
  result() = default;
  void check() const {
    if (!value_) throw decode_error(errors_);
  }
  std::optional<T> value_;
  std::vector<read_error> errors_;
  std::vector<read_error> warnings_;
};

}  // namespace iptkit
