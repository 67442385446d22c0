// The CLI's commands. Each returns the process status: 0 ok, 2 bad input (one line on stderr).
#pragma once

namespace leaky::cli {

int run_activation(int argc, char** argv);
const char* activation_help();

} // namespace leaky::cli
