#ifndef CARDEX_BYTE_LANES_H
#define CARDEX_BYTE_LANES_H
// Sixteen bytes classified at once, for the trigger scan (Prefilter.swift):
// Swift's SIMD types have no byte mask (movemask), and the scan's
// per-byte loop was a sixth of all instructions. Header-only: the
// functions are inlined into the Swift that calls them.

#include <stdint.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#define CARDEX_HAS_BYTE_LANES 1
#else
#define CARDEX_HAS_BYTE_LANES 0
#endif

/// For the sixteen bytes at `p`: bit i of `words` is set when byte i is a
/// word byte (an ASCII letter or digit, or any byte from 0x80 up), of
/// `spaces` when it is a space, and of `wanted` when it equals `plain`,
/// or, folded to lower case, `letter0` or `letter1` (lower-case letters,
/// or 0 for none: no folded byte is 0).
typedef struct {
  uint32_t words;
  uint32_t spaces;
  uint32_t wanted;
} cardex_lanes16;

static inline cardex_lanes16 cardex_classify16(const uint8_t *p, uint8_t letter0, uint8_t letter1, uint8_t plain) {
  cardex_lanes16 out = {0, 0, 0};
#if CARDEX_HAS_BYTE_LANES
  const __m128i v = _mm_loadu_si128((const __m128i *)p);
  const __m128i folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
  // Unsigned x - lo < count, as a signed comparison after adding 0x80.
  const __m128i bias = _mm_set1_epi8((char)0x80);
  const __m128i letter = _mm_cmplt_epi8(_mm_add_epi8(_mm_sub_epi8(folded, _mm_set1_epi8('a')), bias),
                                        _mm_set1_epi8((char)(0x80 + 26)));
  const __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(_mm_sub_epi8(v, _mm_set1_epi8('0')), bias),
                                       _mm_set1_epi8((char)(0x80 + 10)));
  out.words = (uint32_t)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(letter, digit), v));
  out.spaces = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')));
  const __m128i w0 = _mm_cmpeq_epi8(folded, _mm_set1_epi8((char)letter0));
  const __m128i w1 = _mm_cmpeq_epi8(folded, _mm_set1_epi8((char)letter1));
  const __m128i w2 = _mm_cmpeq_epi8(v, _mm_set1_epi8((char)plain));
  out.wanted = (uint32_t)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(w0, w1), w2));
#else
  (void)p;
  (void)letter0;
  (void)letter1;
  (void)plain;
#endif
  return out;
}

#endif
