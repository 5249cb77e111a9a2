#pragma once
/// @file
/// @brief Splitting [0, n) into contiguous blocks run on threads, so that results written per
/// index are the same as with one thread.

#include <algorithm>
#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

namespace iptkit::detail {

/// @brief The number of threads worth starting for `n` items: between 1 and `n`.
inline unsigned threads_for(std::size_t n, unsigned threads) noexcept {
  return static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(threads, n)));
}

/// @brief Calls `body(begin, end)` on `threads_for(n, threads)` contiguous blocks of [0, n), one
/// thread each (the calling thread alone when there is one block), and rethrows the exception of
/// the first block that threw, after every thread has ended.
template <class F>
void for_blocks(std::size_t n, unsigned threads, F&& body) {
  threads = threads_for(n, threads);
  if (threads == 1) {
    body(std::size_t{0}, n);
    return;
  }
  const std::size_t block = (n + threads - 1) / threads;
  std::vector<std::exception_ptr> failures(threads);
  std::vector<std::thread> pool;
  pool.reserve(threads);
  for (unsigned t = 0; t < threads; ++t)
    pool.emplace_back([&, t] {
      try {
        body(std::min(n, t * block), std::min(n, (t + 1) * block));
      } catch (...) {
        failures[t] = std::current_exception();
      }
    });
  for (auto& th : pool) th.join();
  for (auto& f : failures)
    if (f) std::rethrow_exception(f);
}

}  // namespace iptkit::detail
