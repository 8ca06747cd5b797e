// SPDX-License-Identifier: GPL-3.0-or-later
// Differential: the fast JSON scanner against nlohmann's own SAX parser. Whatever the
// scanner accepts, nlohmann accepts too, with the same value (the scanner may give up
// on valid text: nlohmann then reads it).
#include "core/io/internal/json_scanner.h"
#include "tests/fuzz/fuzz_check.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

using json = nlohmann::json;

// Builds a DOM from the events of either parser (nlohmann's DOM builder is not a
// json_sax_t, which is what scanJson takes).
class DomBuilder final : public json::json_sax_t {
public:
    explicit DomBuilder(json &result) : m_dom(result, false) {}
    bool null() override { return m_dom.null(); }
    bool boolean(bool value) override { return m_dom.boolean(value); }
    bool number_integer(number_integer_t value) override { return m_dom.number_integer(value); }
    bool number_unsigned(number_unsigned_t value) override { return m_dom.number_unsigned(value); }
    bool number_float(number_float_t value, const string_t &text) override
    {
        return m_dom.number_float(value, text);
    }
    bool string(string_t &value) override { return m_dom.string(value); }
    bool binary(binary_t &value) override { return m_dom.binary(value); }
    bool start_object(std::size_t size) override { return m_dom.start_object(size); }
    bool key(string_t &value) override { return m_dom.key(value); }
    bool end_object() override { return m_dom.end_object(); }
    bool start_array(std::size_t size) override { return m_dom.start_array(size); }
    bool end_array() override { return m_dom.end_array(); }
    bool parse_error(std::size_t, const std::string &, const nlohmann::detail::exception &) override
    {
        return false;
    }

private:
    nlohmann::detail::json_sax_dom_parser<json> m_dom;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    json fast;
    DomBuilder fastSax(fast);
    if (!compute::scanJson(text, fastSax)) return 0;

    json reference;
    DomBuilder referenceSax(reference);
    const bool accepted = json::sax_parse(text, &referenceSax);
    FUZZ_CHECK(accepted);
    FUZZ_CHECK(fast == reference);
    // Same kinds of numbers too (== compares 1 and 1.0 as equal).
    FUZZ_CHECK(fast.dump() == reference.dump());
    return 0;
}
