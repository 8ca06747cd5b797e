#include "core/text_util.h"

namespace compute {

namespace {

// `c` as a key keeps it (ASCII letters in lower case, digits), or 0 when a key drops it.
char keyChar(unsigned char c)
{
    if (c >= 'A' && c <= 'Z') return static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return static_cast<char>(c);
    return 0;
}

} // namespace

std::string normalizedKey(std::string_view text)
{
    std::string key(text.size(), '\0');
    std::size_t n = 0;
    for (unsigned char c : text)
        if (const char k = keyChar(c)) key[n++] = k;
    key.resize(n);
    return key;
}

bool normalizedEquals(std::string_view text, std::string_view key)
{
    std::size_t n = 0;
    for (unsigned char c : text) {
        const char k = keyChar(c);
        if (!k) continue;
        if (n == key.size() || key[n] != k) return false;
        ++n;
    }
    return n == key.size();
}

std::vector<std::string> splitTrimmed(std::string_view text, char separator)
{
    std::vector<std::string> parts;
    forEachTrimmedPart(text, separator, [&](std::string_view part) { parts.emplace_back(part); });
    return parts;
}

std::string slugify(std::string_view name)
{
    char slug[64]; // the loop stops at 60 (61 with a dash)
    std::size_t n = 0;
    bool pendingDash = false;
    for (unsigned char c : name) {
        if (const char k = keyChar(c)) {
            if (pendingDash && n > 0) slug[n++] = '-';
            pendingDash = false;
            slug[n++] = k;
        } else {
            pendingDash = true;
        }
        if (n >= 60) break;
    }
    return n == 0 ? std::string("run") : std::string(slug, n);
}

std::string toLower(std::string_view text)
{
    std::string out(text);
    for (char &c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

} // namespace compute
