// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/cli_options.h"

#include "app/export/figure_style.h"
#include "core/util/number_parse.h"

#include <cmath>

namespace app {
namespace {

using Mode = CommandLine::Mode;
using Section = CliOption::Section;

std::optional<compute::Date> parseDateOption(const QString &text)
{
    auto date = compute::Date::fromIso(text.toStdString());
    if (!date || date->precision() != compute::DatePrecision::Day) return std::nullopt;
    return date;
}

QString projectTo(CommandLine &command, const QString &, const QString &value)
{
    const auto number = compute::parseNumber(value.toStdString());
    if (!number || !(*number > 0))
        return QStringLiteral("--project-to '%1' is not a positive compute").arg(value);
    command.projectTo.push_back(*number);
    return {};
}

QString projectAt(CommandLine &command, const QString &, const QString &value)
{
    const auto date = parseDateOption(value);
    if (!date)
        return QStringLiteral("--project-at '%1' is not a date (expected YYYY-MM-DD)").arg(value);
    command.projectAt.push_back(*date);
    return {};
}

QString dateInto(std::optional<compute::Date> &date, const QString &spelling, const QString &value)
{
    date = parseDateOption(value);
    if (!date)
        return QStringLiteral("%1 '%2' is not a date (expected YYYY-MM-DD)").arg(spelling, value);
    return {};
}

QString pixelsInto(int &pixels, const QString &spelling, const QString &value)
{
    bool ok = false;
    pixels = value.toInt(&ok);
    if (!ok || pixels < 16 || pixels > 20000)
        return QStringLiteral("%1 '%2' is not a size in pixels (16 to 20000)").arg(spelling, value);
    return {};
}

QString scale(CommandLine &command, const QString &, const QString &value)
{
    bool ok = false;
    command.scale = value.toDouble(&ok);
    if (!ok || command.scale < 0.1 || command.scale > 10)
        return QStringLiteral("--scale '%1' is not a scale between 0.1 and 10").arg(value);
    return {};
}

QString units(CommandLine &command, const QString &, const QString &value)
{
    command.unitsGiven = true;
    if (value == QLatin1String("flop"))
        command.units = compute::ComputeUnit::Flop;
    else if (value == QLatin1String("pfs-days"))
        command.units = compute::ComputeUnit::PfsDays;
    else
        return QStringLiteral("--units '%1' is not a unit (expected flop or pfs-days)").arg(value);
    return {};
}

QString rolling(CommandLine &command, const QString &, const QString &value)
{
    const auto years = compute::parseNumber(value.toStdString());
    const double months = years ? *years * 12.0 : 0.0;
    if (!years || !(months >= 1) || months > 1200 || std::abs(months - std::round(months)) > 1e-9)
        return QStringLiteral("--rolling '%1' is not a window in years (expected whole months "
                              "up to 100 years: 3, 1.5, 0.25)")
            .arg(value);
    command.rollingMonths = static_cast<int>(std::lround(months));
    return {};
}

QString quantityInto(compute::Quantity &quantity, const QString &spelling, const QString &value,
                     bool dateAllowed)
{
    const auto q = compute::quantityFromKey(value.toStdString());
    if (!q || (!dateAllowed && *q == compute::Quantity::Date))
        return QStringLiteral("%1 '%2' is not a quantity (expected %3)")
            .arg(spelling, value, QString::fromStdString(compute::quantityKeyList(dateAllowed)));
    quantity = *q;
    return {};
}

std::optional<compute::RunCategory> categoryOf(const QString &key)
{
    return compute::categoryFromKey(key.trimmed().toLower().toStdString());
}

QString categoryError(const QString &spelling, const QString &value)
{
    return QStringLiteral("%1 '%2' is not a category (expected %3)")
        .arg(spelling, value, QString::fromStdString(compute::categoryKeyList()));
}

// --only CATEGORY=VALUE, added to the category's values.
QString onlyInto(CommandLine &c, const QString &spelling, const QString &value)
{
    const qsizetype equals = value.indexOf(QLatin1Char('='));
    if (equals <= 0)
        return QStringLiteral("%1 '%2': expected CATEGORY=VALUE, e.g. country=China")
            .arg(spelling, value);
    const auto category = categoryOf(value.left(equals));
    if (!category) return categoryError(spelling, value.left(equals));
    const std::string wanted = value.mid(equals + 1).trimmed().toStdString();
    for (compute::RunFilter::Choice &choice : c.only)
        if (choice.category == *category) {
            choice.values.push_back(wanted);
            return {};
        }
    c.only.push_back({*category, {wanted}});
    return {};
}

std::vector<CliOption> makeOptions()
{
    return {
        // Modes (no window is opened for these)
        {.names = {QStringLiteral("fit")},
         .mode = Mode::Fit,
         .section = Section::Modes,
         .help = QStringLiteral("print the trend fit of each era as JSON on stdout")},
        {.names = {QStringLiteral("project-to")},
         .valueName = QStringLiteral("VALUE"),
         .mode = Mode::Project,
         .section = Section::Modes,
         .help = QStringLiteral("when does each era's trend reach VALUE (FLOP, or pfs-days\n"
                                "with --units pfs-days)? JSON on stdout (see below)"),
         .apply = projectTo},
        {.names = {QStringLiteral("project-at")},
         .valueName = QStringLiteral("DATE"),
         .mode = Mode::Project,
         .section = Section::Modes,
         .help = QStringLiteral("how much compute does each era's trend give at DATE?\n"
                                "(both may be given, and repeated)"),
         .apply = projectAt},
        {.names = {QStringLiteral("rolling")},
         .valueName = QStringLiteral("W"),
         .mode = Mode::Rolling,
         .section = Section::Modes,
         .help = QStringLiteral("fit windows of W years, [from, from + W), from on the first\n"
                                "of each month; {\"windows\":[...]} on stdout, each window\n"
                                "with \"from\", \"to\", \"n\" and the fit fields of --fit.\n"
                                "Without --era-scheme: every run (as --fit --from --to);\n"
                                "with it: each era's runs, over the era's dates. The trend\n"
                                "of --y against the date (needs --x date)"),
         .apply = rolling},
        {.names = {QStringLiteral("export")},
         .valueName = QStringLiteral("OUT"),
         .mode = Mode::Export,
         .section = Section::Modes,
         .help = QStringLiteral("write the chart to OUT.png, OUT.svg or OUT.pdf"),
         .apply = [](CommandLine &c, const QString &, const QString &v) -> QString {
             c.output = v;
             return {};
         }},
        {.names = {QStringLiteral("save")},
         .valueName = QStringLiteral("OUT"),
         .mode = Mode::Save,
         .section = Section::Modes,
         .help = QStringLiteral("convert FILE to OUT.json, the native format, or to OUT.csv,\n"
                                "an Epoch AI CSV: with the columns, names and order of the\n"
                                "CSV the data came from (every cell as it was), else those\n"
                                "of Epoch's current export"),
         .apply = [](CommandLine &c, const QString &, const QString &v) -> QString {
             c.output = v;
             return {};
         }},
        {.names = {QStringLiteral("fetch")},
         .valueName = QStringLiteral("KEY|URL"),
         .mode = Mode::Fetch,
         .section = Section::Modes,
         .help = QStringLiteral("download Epoch AI's current CSV export to --out FILE,\n"
                                "exactly as served, and its URL, download time and\n"
                                "SHA-256 to FILE.json. KEY: notable, all, frontier or\n"
                                "large-scale (at the addresses set in File > Get Latest\n"
                                "Epoch Data), or any http or https URL"),
         .apply = [](CommandLine &c, const QString &, const QString &v) -> QString {
             c.fetchSource = v;
             return {};
         }},
        {.names = {QStringLiteral("diff")},
         .valueName = QStringLiteral("OLD"),
         .mode = Mode::Diff,
         .section = Section::Modes,
         .synopsis = QStringLiteral("--diff OLD NEW"),
         .help = QStringLiteral("compare two datasets (.json or .csv; NEW may be --bundled\n"
                                "KEY): runs added, removed and changed, and each era's fit\n"
                                "before and after, as JSON on stdout (see below)"),
         .apply = [](CommandLine &c, const QString &, const QString &v) -> QString {
             c.diffOld = v;
             return {};
         }},
        {.names = {QStringLiteral("version"), QStringLiteral("v")},
         .mode = Mode::Version,
         .section = Section::Modes,
         .help = QStringLiteral("print the version")},
        {.names = {QStringLiteral("help"), QStringLiteral("h")},
         .mode = Mode::Help,
         .section = Section::Modes,
         .help = QStringLiteral("print this help")},

        // Options
        {.names = {QStringLiteral("era-scheme")},
         .valueName = QStringLiteral("NAME"),
         .help = QStringLiteral("era scheme to fit or draw (default: the dataset's first;\n"
                                "with --diff, NEW's first): its exact name, or\n"
                                "a unique beginning of it in any case"),
         .apply = [](CommandLine &c, const QString &, const QString &v) -> QString {
             c.eraScheme = v;
             return {};
         }},
        {.names = {QStringLiteral("members")},
         .onlyIn = Mode::Fit,
         .help = QStringLiteral("with --fit: list each era's runs, by date (\"members\")"),
         .apply = [](CommandLine &c, const QString &, const QString &) -> QString {
             c.members = true;
             return {};
         }},
        {.names = {QStringLiteral("expanding")},
         .onlyIn = Mode::Rolling,
         .help = QStringLiteral("with --rolling: keep each window's start at the start of\n"
                                "the range, so that the windows grow instead of sliding"),
         .apply = [](CommandLine &c, const QString &, const QString &) -> QString {
             c.expanding = true;
             return {};
         }},
        {.names = {QStringLiteral("from")},
         .valueName = QStringLiteral("DATE"),
         .synopsis = QStringLiteral("--from DATE --to DATE"),
         .help = QStringLiteral("one range [from, to) instead of a scheme (YYYY-MM-DD)"),
         .apply = [](CommandLine &c, const QString &s,
                     const QString &v) { return dateInto(c.from, s, v); }},
        {.names = {QStringLiteral("to")},
         .valueName = QStringLiteral("DATE"),
         .section = Section::WithPrevious,
         .apply = [](CommandLine &c, const QString &s,
                     const QString &v) { return dateInto(c.to, s, v); }},
        {.names = {QStringLiteral("domain")},
         .valueName = QStringLiteral("D"),
         .help = QStringLiteral("only runs whose domain is D (Language, Vision, ...; repeat\n"
                                "for several); fits, projections, rolling windows, figures"),
         .apply = [](CommandLine &c, const QString &, const QString &v) -> QString {
             c.domains << v;
             return {};
         }},
        {.names = {QStringLiteral("only")},
         .valueName = QStringLiteral("CATEGORY=VALUE"),
         .help = QStringLiteral("only runs with this value of a category (country=China,\n"
                                "frontier=Frontier, confidence=Likely, ...; repeat for several;\n"
                                "an empty VALUE keeps runs without one)"),
         .apply = onlyInto},
        {.names = {QStringLiteral("color-by"), QStringLiteral("colour-by")},
         .valueName = QStringLiteral("CATEGORY"),
         .help = QStringLiteral("colour the points by domain (the default), organization-\n"
                                "category, country, accessibility, confidence, method or\n"
                                "frontier; figures and the window"),
         .apply = [](CommandLine &c, const QString &s, const QString &v) -> QString {
             const auto category = categoryOf(v);
             if (!category) return categoryError(s, v);
             c.colorBy = *category;
             return {};
         }},
        {.names = {QStringLiteral("all")},
         .help = QStringLiteral("include runs the dataset hides by default"),
         .apply = [](CommandLine &c, const QString &, const QString &) -> QString {
             c.includeHidden = true;
             return {};
         }},
        {.names = {QStringLiteral("bundled")},
         .valueName = QStringLiteral("KEY"),
         .help = QStringLiteral("use a bundled dataset instead of FILE: openai, epoch\n"
                                "(Notable AI Models, 2025-02-24) or epoch-2022 (the\n"
                                "2022-05-03 data of Sevilla et al. 2022)"),
         .apply = [](CommandLine &c, const QString &, const QString &v) -> QString {
             c.bundled = v;
             return {};
         }},
        {.names = {QStringLiteral("y")},
         .valueName = QStringLiteral("NAME"),
         .synopsis = QStringLiteral("--y NAME --x NAME"),
         .help = QStringLiteral("what the chart and the fits show (default: --y compute\n"
                                "--x date). NAME: compute, parameters, dataset-size, cost,\n"
                                "training-time, hardware-quantity, power, chip-hours,\n"
                                "tokens-per-parameter, compute-per-parameter; --x also date.\n"
                                "Against the date a fit is exponential (doubling time);\n"
                                "against a quantity, a power law on log-log axes\n"
                                "(\"exponent\", \"exponent_ci95\", \"intercept_log10\")"),
         .apply = [](CommandLine &c, const QString &s,
                     const QString &v) { return quantityInto(c.axes.y, s, v, false); }},
        {.names = {QStringLiteral("x")},
         .valueName = QStringLiteral("NAME"),
         .section = Section::WithPrevious,
         .apply = [](CommandLine &c, const QString &s,
                     const QString &v) { return quantityInto(c.axes.x, s, v, true); }},
        {.names = {QStringLiteral("width")},
         .valueName = QStringLiteral("PX"),
         .synopsis = QStringLiteral("--width PX --height PX"),
         .help = QStringLiteral("figure size for --export (default 1200 x 800)"),
         .apply = [](CommandLine &c, const QString &s,
                     const QString &v) { return pixelsInto(c.width, s, v); }},
        {.names = {QStringLiteral("height")},
         .valueName = QStringLiteral("PX"),
         .section = Section::WithPrevious,
         .apply = [](CommandLine &c, const QString &s,
                     const QString &v) { return pixelsInto(c.height, s, v); }},
        {.names = {QStringLiteral("scale")},
         .valueName = QStringLiteral("S"),
         .help = QStringLiteral("pixel scale for PNG export (default 2)"),
         .apply = scale},
        {.names = {QStringLiteral("units")},
         .valueName = QStringLiteral("flop|pfs-days"),
         .help = QStringLiteral("compute axis unit (default flop)"),
         .apply = units},
        {.names = {QStringLiteral("style")},
         .valueName = QStringLiteral("NAME"),
         .onlyIn = Mode::Export,
         .help = QStringLiteral("figure style for --export (default report):\n") +
                 figureStyleHelp().trimmed() +
                 QStringLiteral("\n--units, --from/--to and --era-scheme override the style"),
         .apply = [](CommandLine &c, const QString &, const QString &v) -> QString {
             if (!figureStyleKeys().contains(v))
                 return QStringLiteral("--style '%1' is not a figure style (expected %2)")
                     .arg(v, figureStyleKeys().join(QStringLiteral(", ")));
             c.style = v;
             return {};
         }},
        {.names = {QStringLiteral("out")},
         .valueName = QStringLiteral("FILE"),
         .onlyIn = Mode::Fetch,
         .help = QStringLiteral("with --fetch: the file to write (FILE.json beside it)"),
         .apply = [](CommandLine &c, const QString &, const QString &v) -> QString {
             c.output = v;
             return {};
         }},
        {.names = {QStringLiteral("all-fields")},
         .onlyIn = Mode::Diff,
         .help = QStringLiteral("with --diff: also list changes to fields no chart or fit\n"
                                "uses (citations, notes, parameters, ...), counted otherwise"),
         .apply = [](CommandLine &c, const QString &, const QString &) -> QString {
             c.allFields = true;
             return {};
         }},
        {.names = {QStringLiteral("sidecar")},
         .onlyIn = Mode::Export,
         .help = QStringLiteral("with --export: also write OUT.json (chart.png.json), what\n"
                                "the figure was made from: dataset title and SHA-256 of its\n"
                                "content (and the data vintage of downloaded data), era\n"
                                "bounds, each era's fit, app version"),
         .apply = [](CommandLine &c, const QString &, const QString &) -> QString {
             c.sidecar = true;
             return {};
         }},
    };
}

} // namespace

const std::vector<CliOption> &cliOptions()
{
    static const std::vector<CliOption> options = makeOptions();
    return options;
}

} // namespace app
