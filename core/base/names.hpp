// Tables of named values (activation kinds, datasets, initializers, optimizers, losses):
// each entry has a `value` and the `name` configs and the CLI spell it with. These look an
// entry up either way and list the names for help texts and error messages, so that each
// table is the only place its names are written.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace leaky {

template <class Table>
auto find_by_name(const Table& table, std::string_view name)
    -> std::optional<decltype(table[0].value)> {
  for (const auto& entry : table)
    if (entry.name == name) return entry.value;
  return std::nullopt;
}

// The entry of `value`; the first entry if there is none (tables cover their enums).
template <class Table, class E> const auto& entry_of(const Table& table, E value) {
  for (const auto& entry : table)
    if (entry.value == value) return entry;
  return table[0];
}

// "a, b, c": the names of the entries `keep` selects (all by default).
template <class Table, class Keep> std::string names_of(const Table& table, Keep keep) {
  std::string out;
  for (const auto& entry : table) {
    if (!keep(entry)) continue;
    if (!out.empty()) out += ", ";
    out += entry.name;
  }
  return out;
}
template <class Table> std::string names_of(const Table& table) {
  return names_of(table, [](const auto&) { return true; });
}

template <class Table> std::vector<std::string> name_list(const Table& table) {
  std::vector<std::string> out;
  for (const auto& entry : table)
    out.emplace_back(entry.name);
  return out;
}

} // namespace leaky
