#pragma once
// Internal to the synthetic generator: portable random numbers, 16.16 fixed point and weighted
// tables, so that a seed gives the same cohort on every platform (see generator.cpp).
//
// - no std:: random engines or distributions (distributions differ between standard libraries);
//   a portable splitmix64 + xoshiro256** generator and our own uniform and normal draws;
// - no floating point on the generation path: rates and weights are converted once to integers
//   (exact operations: division, ldexp, llround), and symptom arithmetic is 16.16 fixed point.

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <numeric>
#include <vector>

namespace iptkit {

namespace synth::detail {

// ---- portable random numbers -------------------------------------------------------------------

constexpr std::uint64_t golden_gamma = 0x9E3779B97F4A7C15ULL;

/// The splitmix64 output function (Steele, Lea & Flood 2014): a strong 64-bit mixer.
constexpr std::uint64_t mix64(std::uint64_t z) noexcept {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

/// Combines a key with one more part (case index, purpose, ...) into a new key.
constexpr std::uint64_t derive(std::uint64_t key, std::uint64_t part) noexcept {
  return mix64(key ^ mix64(part + golden_gamma));
}

constexpr std::uint64_t rotl(std::uint64_t x, int k) noexcept { return (x << k) | (x >> (64 - k)); }

/// xoshiro256** 1.0 (Blackman & Vigna 2018), seeded with splitmix64 as its authors recommend,
/// with the draws the generator needs. Every draw is specified bit for bit here.
class stream {
 public:
  explicit stream(std::uint64_t key) noexcept {
    std::uint64_t s = key;
    for (auto& w : state_) {
      s += golden_gamma;
      w = mix64(s);
    }
  }

  /// The next 64 random bits.
  std::uint64_t next() noexcept {
    const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
  }

  /// Uniform on 0 .. n-1 without modulo bias: draws below 2^64 mod n are rejected.
  std::uint64_t below(std::uint64_t n) noexcept {
    if (n <= 1) return 0;
    const std::uint64_t reject_below = (0 - n) % n;  // 2^64 mod n
    for (;;) {
      const std::uint64_t r = next();
      if (r >= reject_below) return r % n;
    }
  }

  /// Uniform on lo .. hi inclusive (lo <= hi).
  int between(int lo, int hi) noexcept {
    return lo + static_cast<int>(below(static_cast<std::uint64_t>(static_cast<std::int64_t>(hi) - lo + 1)));
  }

  /// True with probability threshold / 2^53 (see probability()).
  bool chance(std::uint64_t threshold) noexcept { return (next() >> 11) < threshold; }

  /// Uniform on [0, 1) with 53 random bits; exact (an integer times a power of two). The
  /// generation path itself uses chance() and fixed point; this is for callers that want a real.
  double uniform_real() noexcept { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

  /// A standard normal deviate in 16.16 fixed point: the sum of twelve uniform 16-bit integers
  /// minus its mean (Irwin-Hall; mean 0, SD 1 to within 1e-9, range -6..6). Box-Muller and the
  /// polar method need log and cos/sqrt, which are not bit-identical across C libraries; this
  /// needs only integer addition, so every platform gets the same deviate. Tails beyond 6 SD are
  /// cut, which suits clinical scores.
  std::int64_t normal_q16() noexcept {
    std::int64_t sum = 0;
    for (int i = 0; i < 3; ++i) {
      const std::uint64_t r = next();
      for (int k = 0; k < 4; ++k) sum += static_cast<std::int64_t>((r >> (16 * k)) & 0xFFFF);
    }
    return sum - 6 * 0xFFFF;  // 12 * (2^16 - 1) / 2
  }

  /// normal_q16() as a double (exact).
  double normal() noexcept { return static_cast<double>(normal_q16()) / 65536.0; }

  /// An index drawn with the given integer weights.
  std::size_t pick(std::initializer_list<std::uint64_t> weights) noexcept {
    std::uint64_t total = 0;
    for (auto w : weights) total += w;
    std::uint64_t u = below(total);
    std::size_t i = 0;
    for (auto w : weights) {
      if (u < w) return i;
      u -= w;
      ++i;
    }
    return weights.size() - 1;
  }

  /// One element of a non-empty array, uniformly.
  template <class T, std::size_t N>
  const T& one_of(const std::array<T, N>& a) noexcept {
    return a[below(N)];
  }

 private:
  std::array<std::uint64_t, 4> state_{};
};

/// A rate in [0, 1] as the threshold chance() compares 53 random bits with (exact conversion).
inline std::uint64_t probability(double rate) {
  return static_cast<std::uint64_t>(std::llround(std::ldexp(std::clamp(rate, 0.0, 1.0), 53)));
}

// ---- 16.16 fixed point -------------------------------------------------------------------------

constexpr std::int64_t one = 1 << 16;

/// numerator / denominator in 16.16, from integers only.
constexpr std::int64_t ratio(std::int64_t numerator, std::int64_t denominator) noexcept {
  return numerator * one / denominator;
}

/// A knob's real value in 16.16 (exact conversion, then rounding).
inline std::int64_t fixed(double x) { return std::llround(std::ldexp(x, 16)); }

constexpr std::int64_t mul(std::int64_t a, std::int64_t b) noexcept { return (a * b) >> 16; }

/// Rounds half up to an integer (C++20 defines >> on negatives as floor).
constexpr int round_fixed(std::int64_t x) noexcept { return static_cast<int>((x + one / 2) >> 16); }

// ---- weighted tables ---------------------------------------------------------------------------

/// A mix of weighted entries, picked with integer arithmetic.
class weighted_table {
 public:
  weighted_table() = default;
  explicit weighted_table(const std::vector<double>& weights) {
    double total = 0;
    for (double w : weights) total += w;
    std::uint64_t running = 0;
    for (double w : weights) {
      running += total > 0 ? static_cast<std::uint64_t>(std::llround(std::ldexp(w / total, 32))) : 0;
      cumulative_.push_back(running);
    }
  }
  std::size_t pick(stream& s) const noexcept {
    if (cumulative_.empty() || cumulative_.back() == 0) return 0;
    const std::uint64_t u = s.below(cumulative_.back());
    return static_cast<std::size_t>(
        std::upper_bound(cumulative_.begin(), cumulative_.end(), u) - cumulative_.begin());
  }

 private:
  std::vector<std::uint64_t> cumulative_;
};

// Keys of the per-case streams. Never renumber: the numbers are part of every cohort ever made.
enum class purpose : std::uint64_t {
  profile = 1, symptoms = 2, assessment = 3, inventory = 4, attendance = 5, content = 6,
  missing = 7, risk = 8, maintenance = 9, dev_focus = 10, dev_gap = 11, dev_formulation = 12,
  dev_endpoint = 13, extras = 14, trial = 15
};

}  // namespace synth::detail

}  // namespace iptkit
