#include "core/text_util.h"

namespace compute {

std::string normalizedKey(std::string_view text)
{
    std::string key;
    key.reserve(text.size());
    for (unsigned char c : text) {
        if (c >= 'A' && c <= 'Z')
            key.push_back(static_cast<char>(c - 'A' + 'a'));
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            key.push_back(static_cast<char>(c));
    }
    return key;
}

std::string_view trimmed(std::string_view text)
{
    auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && blank(text.front())) text.remove_prefix(1);
    while (!text.empty() && blank(text.back())) text.remove_suffix(1);
    return text;
}

std::vector<std::string> splitTrimmed(std::string_view text, char separator)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(separator, start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view part = trimmed(text.substr(start, end - start));
        if (!part.empty()) parts.emplace_back(part);
        start = end + 1;
    }
    return parts;
}

std::string slugify(std::string_view name)
{
    std::string slug;
    bool pendingDash = false;
    for (unsigned char c : name) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        const bool upper = c >= 'A' && c <= 'Z';
        if (alnum || upper) {
            if (pendingDash && !slug.empty()) slug.push_back('-');
            pendingDash = false;
            slug.push_back(static_cast<char>(upper ? c - 'A' + 'a' : c));
        } else {
            pendingDash = true;
        }
        if (slug.size() >= 60) break;
    }
    return slug.empty() ? std::string("run") : slug;
}

std::string toLower(std::string_view text)
{
    std::string out(text);
    for (char &c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

} // namespace compute
