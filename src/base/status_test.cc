#include "base/status.h"

#include <gtest/gtest.h>

namespace kanon {
namespace {

Result<int> Half(int x) {
  if (x % 2 != 0) return InvalidArgument("odd number " + std::to_string(x));
  return x / 2;
}

Result<int> Quarter(int x) {
  ASSIGN_OR_RETURN(int h, Half(x));
  ASSIGN_OR_RETURN(int q, Half(h));
  return q;
}

TEST(StatusTest, OkHasNoMessage) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.ToString(), "ok");
}

TEST(StatusTest, ContextIsPrepended) {
  Status s = NotFound("blueprint \"pg\" not found").WithContext("actionset \"a1\"");
  EXPECT_EQ(s.code(), Code::kNotFound);
  EXPECT_EQ(s.message(), "actionset \"a1\": blueprint \"pg\" not found");
  EXPECT_TRUE(OkStatus().WithContext("x").ok());
}

TEST(StatusTest, RetryabilityFollowsCode) {
  EXPECT_TRUE(IsRetryable(Code::kUnavailable));
  EXPECT_TRUE(IsRetryable(Code::kDeadlineExceeded));
  EXPECT_FALSE(IsRetryable(Code::kInvalidArgument));
  EXPECT_FALSE(IsRetryable(Code::kPermissionDenied));
}

TEST(ResultTest, AssignOrReturnPropagates) {
  EXPECT_EQ(*Quarter(8), 2);
  Result<int> r = Quarter(6);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "odd number 3");
}

TEST(ResultDeathTest, ValueOfErrorAborts) {
  Result<int> r = InvalidArgument("x");
  EXPECT_DEATH((void)r.value(), "CHECK failed");
}

}  // namespace
}  // namespace kanon
