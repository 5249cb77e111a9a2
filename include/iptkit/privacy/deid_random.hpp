#pragma once
/// @file
/// @brief The random source of de-identification: study codes and date offsets from ChaCha20.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <map>
#include <string_view>
#include <unordered_set>
#include <utility>

namespace iptkit {

namespace detail {

/// @brief One ChaCha20 block (D. J. Bernstein's layout: 64-bit block counter, 64-bit nonce):
/// the 16 output words, little-endian. Exposed so a test can check it against RFC 8439.
std::array<std::uint32_t, 16> chacha20_block(const std::array<std::uint32_t, 8>& key,
                                             std::uint64_t counter, std::uint64_t nonce) noexcept;

}  // namespace detail

/// @brief The random source for one de-identification run: a ChaCha20 stream keyed from the
/// operating system (or from a seed, for tests), plus the study codes already issued so that
/// codes are unique within the run.
///
/// A cryptographic generator because its outputs are published (study codes): with a statistical
/// one (Mersenne Twister) enough codes would reveal the state, and with it every case's date
/// offset. Not thread-safe; neither copyable nor movable.
class deid_random {
 public:
  /// @brief Keyed with 256 bits from std::random_device (the OS entropy source on Linux, macOS
  /// and Windows).
  deid_random();

  /// @brief Keyed from `seed` alone: the same seed gives the same codes and offsets. For tests
  /// and reproducible examples only; whoever knows the seed can recompute every date offset.
  explicit deid_random(std::uint64_t seed) noexcept;

  // Neither copied nor moved: a copy, or a moved-from object that still holds the key, would
  // issue the same codes and offsets again. Hold one in place (or in a unique_ptr).
  deid_random(const deid_random&) = delete;             ///< not copyable (would repeat the stream)
  deid_random& operator=(const deid_random&) = delete;  ///< not copyable (would repeat the stream)

  /// @brief The next 32 random bits.
  std::uint32_t next() noexcept;

  /// @brief Uniform in `low` .. `high` (inclusive; requires low <= high), without modulo bias.
  int uniform(int low, int high) noexcept;

  /// @brief A per-case date offset: uniform in -364 .. -1 days.
  int date_offset() noexcept { return uniform(-364, -1); }

  /// @brief `prefix` + 8 random Crockford base32 characters (40 bits), never one issued before by
  /// this object. Derived from nothing about the case.
  std::string study_code(std::string_view prefix);

  /// @brief The code standing for `original` among ids of one kind (`prefix` "T" for therapists,
  /// "G" for groups): a new study_code(prefix) the first time, the same code after that, so every
  /// case of one therapist or group gets the same one within the run. Secret, as the key.
  std::string pseudonym(std::string_view prefix, std::string_view original);

  /// @brief How many study codes this object has issued.
  [[nodiscard]] std::size_t issued() const noexcept { return issued_.size(); }

 private:
  void refill() noexcept;
  std::array<std::uint32_t, 8> key_{};
  std::uint64_t counter_ = 0;
  std::array<std::uint32_t, 16> block_{};
  std::size_t used_ = 16;  // words of block_ consumed; 16 forces a refill
  std::unordered_set<std::string> issued_;
  std::map<std::pair<std::string, std::string>, std::string, std::less<>> pseudonyms_;  // (prefix, original) -> code
};

}  // namespace iptkit
