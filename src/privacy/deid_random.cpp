#include <iptkit/privacy/deid_random.hpp>

#include <limits>
#include <random>

namespace iptkit {

namespace detail {

namespace {

constexpr std::uint32_t rotl(std::uint32_t v, int n) noexcept { return (v << n) | (v >> (32 - n)); }

constexpr void quarter_round(std::array<std::uint32_t, 16>& x, int a, int b, int c, int d) noexcept {
  x[a] += x[b]; x[d] ^= x[a]; x[d] = rotl(x[d], 16);
  x[c] += x[d]; x[b] ^= x[c]; x[b] = rotl(x[b], 12);
  x[a] += x[b]; x[d] ^= x[a]; x[d] = rotl(x[d], 8);
  x[c] += x[d]; x[b] ^= x[c]; x[b] = rotl(x[b], 7);
}

}  // namespace

std::array<std::uint32_t, 16> chacha20_block(const std::array<std::uint32_t, 8>& key,
                                             std::uint64_t counter, std::uint64_t nonce) noexcept {
  // "expand 32-byte k", the key, then counter and nonce as two little-endian words each.
  std::array<std::uint32_t, 16> in{0x61707865, 0x3320646e, 0x79622d32, 0x6b206574};
  for (std::size_t i = 0; i < 8; ++i) in[4 + i] = key[i];
  in[12] = static_cast<std::uint32_t>(counter);
  in[13] = static_cast<std::uint32_t>(counter >> 32);
  in[14] = static_cast<std::uint32_t>(nonce);
  in[15] = static_cast<std::uint32_t>(nonce >> 32);
  auto x = in;
  for (int round = 0; round < 10; ++round) {  // 20 rounds: column then diagonal
    quarter_round(x, 0, 4, 8, 12);
    quarter_round(x, 1, 5, 9, 13);
    quarter_round(x, 2, 6, 10, 14);
    quarter_round(x, 3, 7, 11, 15);
    quarter_round(x, 0, 5, 10, 15);
    quarter_round(x, 1, 6, 11, 12);
    quarter_round(x, 2, 7, 8, 13);
    quarter_round(x, 3, 4, 9, 14);
  }
  for (std::size_t i = 0; i < 16; ++i) x[i] += in[i];
  return x;
}

}  // namespace detail

deid_random::deid_random() {
  std::random_device device;
  for (auto& word : key_) word = device();
}

deid_random::deid_random(std::uint64_t seed) noexcept {
  key_[0] = static_cast<std::uint32_t>(seed);
  key_[1] = static_cast<std::uint32_t>(seed >> 32);
}

void deid_random::refill() noexcept {
  block_ = detail::chacha20_block(key_, counter_++, 0);
  used_ = 0;
}

std::uint32_t deid_random::next() noexcept {
  if (used_ == block_.size()) refill();
  return block_[used_++];
}

int deid_random::uniform(int low, int high) noexcept {
  const auto span = static_cast<std::uint64_t>(static_cast<std::int64_t>(high) - low) + 1;
  // Reject the top partial copy of the range so every value is equally likely.
  const std::uint64_t limit = (std::uint64_t{1} << 32) - (std::uint64_t{1} << 32) % span;
  std::uint64_t r = next();
  while (r >= limit) r = next();
  return static_cast<int>(low + static_cast<std::int64_t>(r % span));
}

std::string deid_random::study_code(std::string_view prefix) {
  // Crockford's base32: no I, L, O, U, so codes read aloud or retyped are not mistaken.
  static constexpr std::string_view alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  for (;;) {
    const std::uint64_t bits = (std::uint64_t{next()} << 32) | next();
    std::string code(prefix);
    for (int i = 0; i < 8; ++i) code += alphabet[(bits >> (5 * i)) & 31];
    if (issued_.insert(code).second) return code;
  }
}

std::string deid_random::pseudonym(std::string_view prefix, std::string_view original) {
  auto key = std::pair{std::string(prefix), std::string(original)};
  if (const auto it = pseudonyms_.find(key); it != pseudonyms_.end()) return it->second;
  std::string code = study_code(prefix);
  pseudonyms_.emplace(std::move(key), code);
  return code;
}

}  // namespace iptkit
