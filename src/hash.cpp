// std::hash of the small value types: every described member, as their defaulted == compares.
#include <iptkit/import/import_issue.hpp>
#include <iptkit/json/read_error.hpp>
#include <iptkit/rules/finding.hpp>

#include <boost/container_hash/hash.hpp>

std::size_t std::hash<iptkit::finding>::operator()(const iptkit::finding& f) const noexcept {
  return boost::hash<iptkit::finding>{}(f);
}

std::size_t std::hash<iptkit::read_error>::operator()(const iptkit::read_error& e) const noexcept {
  return boost::hash<iptkit::read_error>{}(e);
}

std::size_t std::hash<iptkit::import_issue>::operator()(const iptkit::import_issue& e) const noexcept {
  return boost::hash<iptkit::import_issue>{}(e);
}
