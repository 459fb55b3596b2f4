// Just enough XML for S3 and Azure responses and request bodies.
//
// The services answer with small, flat documents (ListBucketResult, Error, EnumerationResults,
// InitiateMultipartUploadResult); these helpers find elements by name at any depth without a
// DOM. They assume an element does not nest inside another of the same name, true of every
// document the stores read. Pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kanon::store {

// &, <, >, ", ' as entities.
std::string XmlEscape(std::string_view text);
// The five named entities and numeric &#N; / &#xH; references decoded.
std::string XmlUnescape(std::string_view text);

// The raw inner text of every <name ...>...</name> (and "" for <name/>), in document order.
std::vector<std::string_view> XmlElements(std::string_view xml, std::string_view name);

// The unescaped inner text of the first <name> element, or "" if there is none.
std::string XmlText(std::string_view xml, std::string_view name);

// Decodes %XX and "+" (form encoding, as S3's encoding-type=url needs).
std::string FormDecode(std::string_view text);
// Decodes %XX only.
std::string PercentDecode(std::string_view text);

}  // namespace kanon::store
