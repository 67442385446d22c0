// Lines for the user on stderr: "leaky-lab <command>: <message>", with the control characters
// and invalid UTF-8 of any quoted input escaped (text.hpp), so a hostile file name or field
// cannot garble the terminal.
#pragma once
#include <string>

namespace leaky::cli {

// Status 2: bad input (an option, a file, a config) or an output that could not be written;
// status 3: a training run diverged.
inline constexpr int kBadInput = 2;
inline constexpr int kDiverged = 3;

// `command` "" for the program itself ("leaky-lab: ...").
void message(const char* command, const std::string& text);

// message(), then kBadInput.
int fail(const char* command, const std::string& text);

} // namespace leaky::cli
