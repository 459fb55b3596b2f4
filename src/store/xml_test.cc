#include "store/xml.h"

#include <gtest/gtest.h>

namespace kanon::store {
namespace {

TEST(XmlTest, ElementsAndText) {
  const char* doc =
      "<?xml version=\"1.0\"?><ListBucketResult><Contents><Key>a%20b</Key><Size>3</Size>"
      "</Contents><Contents><Key>c&amp;d</Key><Size>4</Size></Contents><KeyCount>2</KeyCount>"
      "<Empty/><Error ns=\"x\"><Code>E</Code></Error></ListBucketResult>";
  auto contents = XmlElements(doc, "Contents");
  ASSERT_EQ(contents.size(), 2u);
  EXPECT_EQ(XmlText(contents[0], "Key"), "a%20b");
  EXPECT_EQ(XmlText(contents[1], "Key"), "c&d");
  EXPECT_EQ(XmlText(doc, "KeyCount"), "2");  // not confused with <Key>
  EXPECT_EQ(XmlElements(doc, "Empty").size(), 1u);
  EXPECT_EQ(XmlText(doc, "Code"), "E");
  EXPECT_EQ(XmlText(doc, "Missing"), "");
}

TEST(XmlTest, EscapingAndDecoding) {
  EXPECT_EQ(XmlEscape("a<b>&\"'"), "a&lt;b&gt;&amp;&quot;&apos;");
  EXPECT_EQ(XmlUnescape("&#233;&#xE9;&lt;"), "\xC3\xA9\xC3\xA9<");
  EXPECT_EQ(FormDecode("a+b%2Bc%2Fd"), "a b+c/d");
  EXPECT_EQ(PercentDecode("a+b%20"), "a+b ");
}

}  // namespace
}  // namespace kanon::store
