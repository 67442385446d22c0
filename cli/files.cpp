#include "files.hpp"

#include "text.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>

namespace leaky::cli {

namespace {
std::string reason(int err) {
  return std::strerror(err);
}
} // namespace

std::optional<std::string> read_file(const std::string& option, const std::string& path,
                                     std::size_t max_bytes, const char* what, std::string& error) {
  const std::string where = "--" + option + ": cannot read '" + path + "': ";
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (std::filesystem::is_directory(status)) {
    error = where + "it is a directory, not a file";
    return std::nullopt;
  }
  const auto too_large = [&] {
    error = "--" + option + ": '" + path + "' is larger than the " +
            byte_size_text(static_cast<double>(max_bytes)) + " " + what + " may have";
    return std::nullopt;
  };
  // A regular file's size is known before reading; a pipe's only by reading, up to the limit.
  if (std::filesystem::is_regular_file(status)) {
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > max_bytes) return too_large();
  }
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), std::fclose);
  if (!file) {
    error = where + reason(errno);
    return std::nullopt;
  }
  std::string text;
  char buffer[1 << 16];
  while (const std::size_t n = std::fread(buffer, 1, sizeof buffer, file.get())) {
    if (text.size() + n > max_bytes) return too_large();
    text.append(buffer, n);
  }
  if (std::ferror(file.get())) {
    error = where + reason(errno);
    return std::nullopt;
  }
  return text;
}

Output::~Output() {
  if (file_ != stdout) std::fclose(file_);
}

bool Output::open(const std::string& option, const std::string& path) {
  name_ = "--" + option + " '" + path + "'";
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    error_ = "cannot write " + name_ + ": it is a directory, not a file";
    return false;
  }
  std::FILE* f = std::fopen(path.c_str(), "w");
  if (!f) return failed(errno);
  file_ = f;
  return true;
}

bool Output::failed(int err) {
  if (error_.empty()) error_ = "cannot write " + name_ + ": " + reason(err);
  return false;
}

bool Output::line(const std::string& text) {
  if (!error_.empty()) return false;
  if (std::fputs(text.c_str(), file_) == EOF || std::fputc('\n', file_) == EOF)
    return failed(errno);
  return true;
}

bool Output::finish() {
  if (!error_.empty()) return false;
  if (std::fflush(file_) != 0 || std::ferror(file_)) return failed(errno ? errno : EIO);
  if (file_ != stdout) {
    std::FILE* f = file_;
    file_ = stdout;
    if (std::fclose(f) != 0) return failed(errno);
  }
  return true;
}

} // namespace leaky::cli
