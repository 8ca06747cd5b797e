// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/export/png_encoder.h"

#include <png.h>

#include <QSysInfo>

#include <csetjmp>
#include <vector>

namespace app {
namespace {

void appendBytes(png_structp png, png_bytep data, png_size_t length)
{
    auto *out = static_cast<QByteArray *>(png_get_io_ptr(png));
    out->append(reinterpret_cast<const char *>(data), static_cast<qsizetype>(length));
}

void flushNothing(png_structp) {}

// libpng reports errors by longjmp: everything with a destructor lives in the caller.
bool writePng(QByteArray *out, const QImage &rgb, std::vector<png_text> &texts)
{
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    if (!png) return false;
    png_infop info = png_create_info_struct(png);
    if (!info || setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return false;
    }
    png_set_write_fn(png, out, appendBytes, flushNothing);
    png_set_IHDR(png, info, static_cast<png_uint_32>(rgb.width()),
                 static_cast<png_uint_32>(rgb.height()), 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    if (rgb.dotsPerMeterX() > 0 && rgb.dotsPerMeterY() > 0)
        png_set_pHYs(png, info, static_cast<png_uint_32>(rgb.dotsPerMeterX()),
                     static_cast<png_uint_32>(rgb.dotsPerMeterY()), PNG_RESOLUTION_METER);
    if (!texts.empty()) png_set_text(png, info, texts.data(), static_cast<int>(texts.size()));
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_SUB | PNG_FILTER_UP);
    png_set_compression_level(png, 3);
    png_write_info(png, info);
    // RGB32 rows are B, G, R, unused in memory (little-endian) or unused, R, G, B
    // (big-endian): libpng drops the fourth byte and puts the others in order.
    if (rgb.format() == QImage::Format_RGB32) {
        if (QSysInfo::ByteOrder == QSysInfo::LittleEndian) {
            png_set_bgr(png);
            png_set_filler(png, 0, PNG_FILLER_AFTER);
        } else {
            png_set_filler(png, 0, PNG_FILLER_BEFORE);
        }
    }
    for (int y = 0; y < rgb.height(); ++y)
        png_write_row(png, const_cast<png_bytep>(rgb.constScanLine(y)));
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    return true;
}

} // namespace

QByteArray encodeOpaquePng(const QImage &image, const QMap<QString, QString> &texts)
{
    // Opaque 32-bit rows go to libpng as they are; anything else is converted once.
    const QImage rgb = image.format() == QImage::Format_RGB32
                           ? image
                           : image.convertToFormat(QImage::Format_RGB888);
    // Keys are Latin-1 of 1 to 79 characters; the values UTF-8.
    std::vector<QByteArray> storage;
    storage.reserve(static_cast<std::size_t>(texts.size()) * 2);
    std::vector<png_text> chunks;
    for (auto it = texts.cbegin(); it != texts.cend(); ++it) {
        const QByteArray key = it.key().toLatin1().left(79);
        if (key.isEmpty()) continue;
        storage.push_back(key);
        png_text chunk{};
        chunk.key = storage.back().data();
        storage.push_back(it.value().toUtf8());
        chunk.text = storage.back().data();
        chunk.itxt_length = static_cast<png_size_t>(storage.back().size());
        chunk.compression =
            storage.back().size() > 1024 ? PNG_ITXT_COMPRESSION_zTXt : PNG_ITXT_COMPRESSION_NONE;
        chunk.lang = nullptr;
        chunk.lang_key = nullptr;
        chunks.push_back(chunk);
    }
    QByteArray out;
    out.reserve(rgb.width() * rgb.height() / 8);
    if (!writePng(&out, rgb, chunks)) return {};
    return out;
}

} // namespace app
