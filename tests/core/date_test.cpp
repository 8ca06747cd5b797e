#include "core/date.h"

#include <gtest/gtest.h>

using compute::Date;
using compute::DatePrecision;

TEST(Date, EpochIsDayZero)
{
    EXPECT_EQ(Date(1970, 1, 1).daysSinceEpoch(), 0);
    EXPECT_EQ(Date(1969, 12, 31).daysSinceEpoch(), -1);
    EXPECT_EQ(Date(2000, 3, 1).daysSinceEpoch(), 11017);
}
