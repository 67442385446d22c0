// The CLI's files: inputs read whole within a size limit, outputs written line by line with
// every write checked, each failure one line naming the option, the path and the reason.
#pragma once
#include <cstddef>
#include <cstdio>
#include <optional>
#include <string>

namespace leaky::cli {

// The bytes of the file an option names, or nullopt with `error` set: "--config: cannot
// read 'x.json': No such file or directory", "... is a directory, not a file", "... is
// larger than the 1 MiB a config may have". `what` names the kind of file ("a config").
std::optional<std::string> read_file(const std::string& option, const std::string& path,
                                     std::size_t max_bytes, const char* what, std::string& error);

// Where lines go: stdout, or the file an option names. A failed write (a full disk,
// /dev/full) is remembered; finish() reports it with the path and the reason.
class Output {
public:
  Output() = default; // stdout
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;
  ~Output();

  // Opens `path` for writing; false with error() set when it cannot.
  bool open(const std::string& option, const std::string& path);
  // Writes text and a newline; false once any write failed.
  bool line(const std::string& text);
  // Flushes and closes; false with error() set when any write failed.
  bool finish();
  const std::string& error() const { return error_; }

private:
  bool failed(int err);
  std::FILE* file_ = stdout;
  std::string name_ = "to stdout";
  std::string error_;
};

} // namespace leaky::cli
