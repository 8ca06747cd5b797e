#pragma once

#include <QString>

#include <ostream>

// Readable gtest output for QString (otherwise printed as raw bytes).
QT_BEGIN_NAMESPACE
inline void PrintTo(const QString &s, std::ostream *os)
{
    *os << '"' << s.toStdString() << '"';
}
QT_END_NAMESPACE
