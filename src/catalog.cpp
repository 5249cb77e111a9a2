#include <iptkit/catalog.hpp>

namespace iptkit {

const catalog& catalog::builtin() {
  static const catalog built{};
  return built;
}

}  // namespace iptkit
