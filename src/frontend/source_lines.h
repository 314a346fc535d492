// source_lines.h — a source's lines, for the text of syntax error messages.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tributary::frontend {

// Splits source into lines without their line terminators (for error text).
std::vector<std::string> split_lines(std::string_view source);

// A source's lines for error messages, split when first asked: only an error
// asks, and splitting every module and f-string field cost 6% of compiling one.
class SourceLines {
public:
  SourceLines() = default;
  explicit SourceLines(std::string_view source) : source_(source) {}
  std::size_t size() const { return lines().size(); }
  const std::string& operator[](std::size_t i) const { return lines()[i]; }

private:
  const std::vector<std::string>& lines() const {
    if (!split_) lines_ = split_lines(source_);
    split_ = true;
    return lines_;
  }
  std::string source_;
  mutable std::vector<std::string> lines_;
  mutable bool split_ = false;
};

} // namespace tributary::frontend
