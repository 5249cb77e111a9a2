#pragma once
/// @file
/// @brief Splitting [0, n) into contiguous blocks run on threads, so that results written per
/// index are the same as with one thread.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

namespace iptkit::detail {

/// @brief The number of threads worth starting for `n` items: between 1 and `n`.
inline unsigned threads_for(std::size_t n, unsigned threads) noexcept {
  return static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(threads, n)));
}

/// @brief Calls `body(block, begin, end)` on `threads_for(n, threads)` contiguous blocks of
/// [0, n), block 0, 1, ... in order of `begin`, one thread each (the calling thread alone when
/// there is one block), and rethrows the exception of the first block that threw, after every
/// thread has ended. The same `n` and `threads` always give the same blocks.
template <class F>
void for_indexed_blocks(std::size_t n, unsigned threads, F&& body) {
  threads = threads_for(n, threads);
  if (threads == 1) {
    body(0u, std::size_t{0}, n);
    return;
  }
  const std::size_t block = (n + threads - 1) / threads;
  std::vector<std::exception_ptr> failures(threads);
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  const auto run = [&](unsigned t) {
    try {
      body(t, std::min(n, t * block), std::min(n, (t + 1) * block));
    } catch (...) {
      failures[t] = std::current_exception();
    }
  };
  for (unsigned t = 1; t < threads; ++t) {
    try {
      pool.emplace_back(run, t);
    } catch (...) {  // no thread to be had: the calling thread does this block too
      run(t);
    }
  }
  run(0);  // the calling thread takes the first block instead of waiting idle
  for (auto& th : pool) th.join();
  for (auto& f : failures)
    if (f) std::rethrow_exception(f);
}

/// @brief Calls `body(begin, end)` on `threads_for(n, threads)` contiguous blocks of [0, n) (see
/// for_indexed_blocks).
template <class F>
void for_blocks(std::size_t n, unsigned threads, F&& body) {
  for_indexed_blocks(n, threads, [&](unsigned, std::size_t begin, std::size_t end) { body(begin, end); });
}

/// @brief Calls `body(begin, end)` on the chunks [0, chunk), [chunk, 2 chunk) ... of [0, n), which
/// `threads_for(n / chunk, threads)` threads take in turn as they become free, so that uneven work
/// still ends at the same time on every thread. A chunk stops at the exception of its body;
/// after every thread has ended, the exception of the first chunk that threw is rethrown (with
/// one thread: the first exception, the rest not run).
template <class F>
void for_chunks(std::size_t n, unsigned threads, std::size_t chunk, F&& body) {
  chunk = std::max<std::size_t>(1, chunk);
  const std::size_t chunks = (n + chunk - 1) / chunk;
  threads = threads_for(chunks, threads);
  if (threads <= 1) {
    body(std::size_t{0}, n);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> first_failure{chunks};  // chunks after it need not run
  std::vector<std::exception_ptr> failures(chunks);
  const auto run = [&] {
    for (;;) {
      const std::size_t c = next.fetch_add(1, std::memory_order_relaxed);
      if (c >= chunks || c > first_failure.load(std::memory_order_relaxed)) return;
      try {
        body(c * chunk, std::min(n, (c + 1) * chunk));
      } catch (...) {
        failures[c] = std::current_exception();
        std::size_t seen = first_failure.load(std::memory_order_relaxed);
        while (c < seen && !first_failure.compare_exchange_weak(seen, c, std::memory_order_relaxed)) {
        }
      }
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (unsigned t = 1; t < threads; ++t) {
    try {
      pool.emplace_back(run);
    } catch (...) {  // no thread to be had: fewer threads share the chunks
      break;
    }
  }
  run();
  for (auto& th : pool) th.join();
  for (auto& f : failures)
    if (f) std::rethrow_exception(f);
}

}  // namespace iptkit::detail
