#pragma once
/// @file
/// @brief The outcome of reading: a value or every error, plus warnings (lax mode).

#include <iptkit/json/read_error.hpp>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

namespace iptkit {

template <class T>
class result;

namespace detail {
template <class R>
inline constexpr bool is_result_v = false;
template <class U>
inline constexpr bool is_result_v<result<U>> = true;

// `*r` on a result without a value, in a debug build: a loud stop naming the first error rather
// than undefined behaviour that may read as a plausible case.
[[noreturn]] inline void bad_result_access(const std::vector<read_error>& errors) noexcept {
  std::fputs("iptkit::result: operator* or -> used on a result that holds errors", stderr);
  if (!errors.empty()) {
    std::fputs(" (first: ", stderr);
    try {
      std::fputs(to_string(errors.front()).c_str(), stderr);
    } catch (...) {  // out of memory while writing the message: the stop matters more
    }
    std::fputs(")", stderr);
  }
  std::fputs("; check has_value() or call value(), which throws\n", stderr);
  std::abort();
}
}  // namespace detail

/// @brief A value or the errors that prevented it; errors are values on the main path.
/// `value()` is the throwing convenience: it throws decode_error when there is no value.
/// Like `std::expected` (C++23): value_or(), transform() and and_then() pass errors on unchanged;
/// `*r` and `r->` are checked in debug builds (a message and abort) and unchecked under NDEBUG.
template <class T>
class result {
  static_assert(!std::is_reference_v<T> && !std::is_void_v<T>, "result<T> holds an object");
  template <class>
  friend class result;

 public:
  /// @brief The type of the value.
  using value_type = T;

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
  /// @brief The value, moved out (by value, so `for (auto& x : read(...).value())` and
  /// `const auto& v = *read(...)` never refer into the destroyed temporary); throws as value().
  T value() && { check(); return std::move(*value_); }

  /// @brief The value; aborts with a message in a debug build when there is none (unchecked
  /// under NDEBUG, as `std::optional`).
  T& operator*() & noexcept { assert_value(); return *value_; }
  /// @copydoc operator*()
  const T& operator*() const& noexcept { assert_value(); return *value_; }
  /// @brief The value, moved out (by value, as value() &&); checked as operator*().
  T operator*() && noexcept(std::is_nothrow_move_constructible_v<T>) { assert_value(); return std::move(*value_); }
  /// @brief Member access to the value; checked as operator*().
  T* operator->() & noexcept { assert_value(); return &*value_; }
  /// @copydoc operator->()
  const T* operator->() const& noexcept { assert_value(); return &*value_; }
  /// @brief Deleted: `read(...)->sessions` would refer into the destroyed temporary (a range-for
  /// over it reads freed memory); write `read(...).value().sessions`, which returns the value.
  T* operator->() && = delete;
  /// @copydoc operator->() &&
  const T* operator->() const&& = delete;

  /// @brief The value, or `fallback` converted to T when there is none (the errors are dropped:
  /// use it only where a missing value has a meaning of its own).
  template <class U>
  [[nodiscard]] T value_or(U&& fallback) const& {
    return value_ ? *value_ : static_cast<T>(std::forward<U>(fallback));
  }
  /// @copydoc value_or()
  template <class U>
  [[nodiscard]] T value_or(U&& fallback) && {
    return value_ ? std::move(*value_) : static_cast<T>(std::forward<U>(fallback));
  }

  /// @brief `result<U>` holding `f(value)` (a copy, when f returns a reference), or these errors
  /// when there is no value (f is not called); the warnings are kept either way.
  template <class F>
  [[nodiscard]] auto transform(F&& f) const& {
    return transform_impl(*this, std::forward<F>(f));
  }
  /// @copydoc transform()
  template <class F>
  [[nodiscard]] auto transform(F&& f) && {
    return transform_impl(std::move(*this), std::forward<F>(f));
  }

  /// @brief `f(value)`, itself a `result<U>`, or these errors when there is no value (f is not
  /// called); the warnings of both steps are kept, this one's first.
  template <class F>
  [[nodiscard]] auto and_then(F&& f) const& {
    return and_then_impl(*this, std::forward<F>(f));
  }
  /// @copydoc and_then()
  template <class F>
  [[nodiscard]] auto and_then(F&& f) && {
    return and_then_impl(std::move(*this), std::forward<F>(f));
  }

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
  void assert_value() const noexcept {
#ifndef NDEBUG
    if (!value_) detail::bad_result_access(errors_);
#endif
  }

  // Self is `const result&` or `result&&`: the value and the errors are copied or moved with it.
  template <class Self, class F>
  static auto transform_impl(Self&& self, F&& f) {
    using U = std::remove_cvref_t<std::invoke_result_t<F, decltype(*std::forward<Self>(self).value_)>>;
    static_assert(!std::is_void_v<U>, "transform() needs a function that returns a value");
    if (!self.value_)
      return result<U>::failure(std::forward<Self>(self).errors_, std::forward<Self>(self).warnings_);
    return result<U>(std::forward<F>(f)(*std::forward<Self>(self).value_),
                     std::forward<Self>(self).warnings_);
  }

  template <class Self, class F>
  static auto and_then_impl(Self&& self, F&& f) {
    using R = std::remove_cvref_t<std::invoke_result_t<F, decltype(*std::forward<Self>(self).value_)>>;
    static_assert(detail::is_result_v<R>, "and_then() needs a function that returns an iptkit::result");
    if (!self.value_)
      return R::failure(std::forward<Self>(self).errors_, std::forward<Self>(self).warnings_);
    std::vector<read_error> warnings = std::forward<Self>(self).warnings_;
    R next = std::forward<F>(f)(*std::forward<Self>(self).value_);
    warnings.insert(warnings.end(), std::make_move_iterator(next.warnings_.begin()),
                    std::make_move_iterator(next.warnings_.end()));
    next.warnings_ = std::move(warnings);
    return next;
  }
  std::optional<T> value_;
  std::vector<read_error> errors_;
  std::vector<read_error> warnings_;
};

}  // namespace iptkit
