#include <gtest/gtest.h>

#include "tmpl/func.h"

namespace kanon::tmpl {
namespace {

TEST(SprigTest, Placeholder) { EXPECT_NE(KanisterFuncs().Find("upper"), nullptr); }

}  // namespace
}  // namespace kanon::tmpl
