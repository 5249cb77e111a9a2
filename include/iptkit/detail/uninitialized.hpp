#pragma once
/// @file
/// @brief An allocator whose value-less construct() default-initialises: `resize(n)` of a vector
/// of numbers then leaves the memory untouched, so that the threads that fill it touch it first
/// (each thread pays the page faults of its own block instead of the caller paying all of them).

#include <memory>
#include <new>
#include <type_traits>
#include <utility>

namespace iptkit::detail {

/// @brief std::allocator, except that construct(p) without arguments default-initialises.
template <class T>
struct default_init_allocator : std::allocator<T> {
  using value_type = T;
  template <class U>
  struct rebind {
    using other = default_init_allocator<U>;
  };
  default_init_allocator() noexcept = default;
  template <class U>
  default_init_allocator(const default_init_allocator<U>&) noexcept {}

  template <class U>
  void construct(U* p) noexcept(std::is_nothrow_default_constructible_v<U>) {
    ::new (static_cast<void*>(p)) U;  // no value: numbers stay untouched
  }
  template <class U, class... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};

template <class T, class U>
bool operator==(const default_init_allocator<T>&, const default_init_allocator<U>&) noexcept {
  return true;
}

}  // namespace iptkit::detail
