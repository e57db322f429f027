// fit_text: a cut text and its ellipsis never exceed the width asked for, measure what ImGui
// draws, and cut at a character boundary (UTF-8 kept whole).
#include "view/fold.h"

#include <doctest/doctest.h>

#include <string>

#include "harness.h"

using namespace tlsclub::gui;

TEST_CASE("fit_text cuts at a character, within the width, measured as ImGui draws it") {
  test::Harness h;  // a context with the app's fonts
  ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
  const float size = font->FontSize;
  const std::string text = "EncryptedExtensions · CertificateRequest · Certificate → ✓ Finished";
  const float whole = font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.c_str()).x;
  const FittedText all = fit_text(font, size, text, whole + 1.0f);
  CHECK_FALSE(all.cut);
  CHECK(all.bytes == text.size());
  for (float width = 20.0f; width < whole; width += 7.0f) {
    CAPTURE(width);
    const FittedText fit = fit_text(font, size, text, width);
    REQUIRE(fit.cut);
    CHECK(fit.width <= width + 0.01f);
    CHECK((static_cast<unsigned char>(text[fit.bytes]) & 0xC0) != 0x80);  // not inside a character
    const std::string drawn = text.substr(0, fit.bytes) + kEllipsis;
    CHECK(font->CalcTextSizeA(size, FLT_MAX, 0.0f, drawn.c_str()).x ==
          doctest::Approx(fit.width).epsilon(0.02));
  }
}
