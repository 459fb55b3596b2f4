// Rows as the dump parsers hand them to the masking engine, and back.
//
// A parser splits a data row into raw fields (spans of the input, still escaped as the dump
// writes them) and hands a Row to the engine. The engine decodes only the fields it needs,
// through the parser's FieldCodec, and answers with OutCells: the raw bytes unchanged, NULL,
// DEFAULT, or new text that the parser's RowFramer encodes and frames (a COPY line, a VALUES
// tuple). Raw spans point into the parser's input window and are valid only during the call.
// Not thread-safe.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "mask/buffer.h"
#include "mask/transformer.h"

namespace kanon::mask {

// How one dump format spells a field.
class FieldCodec {
 public:
  virtual ~FieldCodec() = default;
  virtual bool IsNull(std::string_view raw) const = 0;
  // The value of a non-NULL field: a view into `raw` when nothing needs unescaping, else into
  // *scratch.
  virtual std::string_view Decode(std::string_view raw, std::string* scratch) const = 0;
  // Appends `text` encoded as a field; `raw` is the input field it replaces (MySQL keeps a
  // number bare and a `_binary` prefix).
  virtual void Encode(std::string_view text, std::string_view raw, Output* out) const = 0;
  virtual std::string_view NullLiteral() const = 0;
};

struct OutCell {
  enum class Kind : uint8_t { kRaw, kNull, kText, kDefault };
  Kind kind = Kind::kRaw;
  std::string_view raw;  // kRaw: the input bytes, as escaped in the dump
  std::string text;      // kText: the value to encode
};

// Writes one row in the dump's syntax. Implemented by each parser.
class RowFramer {
 public:
  virtual ~RowFramer() = default;
  virtual void WriteRow(std::span<const OutCell> cells) = 0;
};

// The current input row. Fields are decoded on first use and cached until Reset.
class Row final {
 public:
  void Reset(const FieldCodec* codec, uint64_t line) {
    codec_ = codec;
    line_ = line;
    raw_.clear();
  }
  void Add(std::string_view raw) { raw_.push_back(raw); }
  void set_line(uint64_t line) { line_ = line; }

  size_t size() const { return raw_.size(); }
  uint64_t line() const { return line_; }
  std::string_view raw(size_t i) const { return raw_[i]; }
  const std::vector<std::string_view>& raws() const { return raw_; }
  const FieldCodec& codec() const { return *codec_; }

  // The decoded field i.
  Cell Get(size_t i) {
    if (decoded_.size() < raw_.size()) Grow();
    if (state_[i] == 0) {
      if (codec_->IsNull(raw_[i])) {
        state_[i] = 1;
      } else {
        decoded_[i] = codec_->Decode(raw_[i], &scratch_[i]);
        state_[i] = 2;
      }
    }
    return state_[i] == 1 ? Cell{{}, true} : Cell{decoded_[i], false};
  }
  // Forgets decoded values (the parser calls this per row after Reset and Add).
  void ClearDecoded() {
    if (state_.size() < raw_.size()) Grow();
    std::fill(state_.begin(), state_.end(), 0);
  }

 private:
  void Grow() {
    decoded_.resize(raw_.size());
    scratch_.resize(raw_.size());
    state_.resize(raw_.size());
  }

  const FieldCodec* codec_ = nullptr;
  uint64_t line_ = 0;
  std::vector<std::string_view> raw_;
  std::vector<std::string_view> decoded_;
  std::vector<std::string> scratch_;
  std::vector<uint8_t> state_;  // 0 not decoded, 1 NULL, 2 decoded
};

}  // namespace kanon::mask
