#ifndef CARDEX_BYTE_LANES_H
#define CARDEX_BYTE_LANES_H
// Sixteen bytes classified at once, for the per-line survey (LineSurvey)
// and the trigger scan (Prefilter.swift), which between them look at every
// byte of the input: Swift's SIMD types have no byte mask (movemask), and
// these loops were a quarter of all instructions. Each function but
// cardex_classify16 has a plain version for machines without SSE2, eight
// bytes at a time in a word where bytes are little-endian, else one at a
// time (define CARDEX_PLAIN_LOOPS to build those here); without SSE2 the
// trigger scan does not call cardex_classify16
// (Prefilter.Tables.laneBytes). The tests hold each to the plain
// definition. Header-only: the functions are inlined into the Swift that
// calls them.

#include <stddef.h>
#include <stdint.h>

#if defined(__SSE2__) && !defined(CARDEX_PLAIN_LOOPS)
#include <emmintrin.h>
#define CARDEX_HAS_BYTE_LANES 1
/// 0xFF in each lane of `v` in lo ..< lo + count (unsigned): x - lo < count
/// as a signed comparison after adding 0x80.
static inline __m128i cardex_in_range16(__m128i v, uint8_t lo, uint8_t count) {
  const __m128i shifted = _mm_add_epi8(_mm_sub_epi8(v, _mm_set1_epi8((char)lo)), _mm_set1_epi8((char)0x80));
  return _mm_cmplt_epi8(shifted, _mm_set1_epi8((char)(0x80 + count)));
}
/// The sum of the sixteen byte lanes of `v`.
static inline size_t cardex_sum16(__m128i v) {
  const __m128i sum = _mm_sad_epu8(v, _mm_setzero_si128());
  return (size_t)_mm_cvtsi128_si32(sum) + (size_t)_mm_cvtsi128_si32(_mm_unpackhi_epi64(sum, sum));
}
/// Per-lane counters add at most one a block, so they are summed every
/// 255 blocks: the end of the next run of blocks from `i`.
static inline size_t cardex_run_end16(size_t i, size_t n) {
  const size_t blocks = (n - i) / 16 > 255 ? 255 : (n - i) / 16;
  return i + 16 * blocks;
}
#else
#define CARDEX_HAS_BYTE_LANES 0
#endif

// Without SSE2, the plain loops still go eight bytes at a time in a 64-bit
// word where bytes are little-endian (arm64, for one).
#if !CARDEX_HAS_BYTE_LANES && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#include <string.h>
#define CARDEX_HAS_WORD_LANES 1
#define CARDEX_ONES 0x0101010101010101ULL
#define CARDEX_HIGHS 0x8080808080808080ULL
#define CARDEX_LOWS 0x7F7F7F7F7F7F7F7FULL
static inline uint64_t cardex_load64(const uint8_t *p) {
  uint64_t w;
  memcpy(&w, p, 8);
  return w;
}
/// 0x80 in each byte of `x` that is zero, nothing elsewhere.
static inline uint64_t cardex_zero_bytes(uint64_t x) { return ~(((x & CARDEX_LOWS) + CARDEX_LOWS) | x | CARDEX_LOWS); }
/// 0x80 in each byte of `x` below 0x80 that lies in lo...hi (both below
/// 0x80): on seven-bit lanes, adding 0x80 - c sets the top bit exactly
/// when the lane is at least c, and no carry leaves the lane.
static inline uint64_t cardex_ascii_between(uint64_t x, uint64_t low7, uint8_t lo, uint8_t hi) {
  return (low7 + (uint64_t)(0x80 - lo) * CARDEX_ONES) & ~(low7 + (uint64_t)(0x80 - hi - 1) * CARDEX_ONES) & ~x & CARDEX_HIGHS;
}
#else
#define CARDEX_HAS_WORD_LANES 0
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
  const __m128i letter = cardex_in_range16(folded, 'a', 26);
  const __m128i digit = cardex_in_range16(v, '0', 10);
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

/// Whether the line is its own normal form: every byte printable ASCII
/// (0x20...0x7E) but `%`, no space first or last, no two spaces in a row.
static inline int cardex_is_clean(const uint8_t *p, size_t n) {
  if (n == 0) return 1;
  if (p[0] == ' ' || p[n - 1] == ' ') return 0;
  size_t i = 0;
  int previous_space = 0;
#if CARDEX_HAS_BYTE_LANES
  uint32_t space_before = 0;
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128((const __m128i *)(p + i));
    // Signed: bytes from 0x80 up are below 0x20 too.
    const __m128i bad = _mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)),
                                     _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)), _mm_cmpeq_epi8(v, _mm_set1_epi8('%'))));
    if (_mm_movemask_epi8(bad) != 0) return 0;
    const uint32_t spaces = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')));
    if (spaces & ((spaces << 1) | space_before)) return 0;
    space_before = spaces >> 15;
  }
  previous_space = (int)space_before;
#elif CARDEX_HAS_WORD_LANES
  uint64_t space_before = 0;
  for (; i + 8 <= n; i += 8) {
    const uint64_t w = cardex_load64(p + i);
    if (w & CARDEX_HIGHS) return 0;
    // Bytes below 0x20: adding 0x60 leaves their top bit clear.
    if (~(w + 0x60 * CARDEX_ONES) & CARDEX_HIGHS) return 0;
    if (cardex_zero_bytes(w ^ (0x7F * CARDEX_ONES)) | cardex_zero_bytes(w ^ ('%' * CARDEX_ONES))) return 0;
    const uint64_t spaces = cardex_zero_bytes(w ^ (' ' * CARDEX_ONES));
    if (spaces & ((spaces << 8) | space_before)) return 0;
    space_before = (spaces >> 56) ? 0x80 : 0;
  }
  previous_space = space_before != 0;
#endif
  for (; i < n; i++) {
    const uint8_t b = p[i];
    if (b < 0x20 || b >= 0x7F || b == '%') return 0;
    if (b == ' ') {
      if (previous_space) return 0;
      previous_space = 1;
    } else {
      previous_space = 0;
    }
  }
  return 1;
}

/// The index of the first byte from 0x80 up at or after `from`, or `n`.
static inline size_t cardex_next_high(const uint8_t *p, size_t from, size_t n) {
  size_t i = from;
#if CARDEX_HAS_BYTE_LANES
  for (; i + 16 <= n; i += 16) {
    const uint32_t high = (uint32_t)_mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(p + i)));
    if (high != 0) return i + (size_t)__builtin_ctz(high);
  }
#elif CARDEX_HAS_WORD_LANES
  for (; i + 8 <= n; i += 8) {
    const uint64_t high = cardex_load64(p + i) & CARDEX_HIGHS;
    if (high != 0) return i + (size_t)(__builtin_ctzll(high) >> 3);
  }
#endif
  for (; i < n; i++) {
    if (p[i] >= 0x80) return i;
  }
  return n;
}

/// The normalizer's fast path (TextNormalizer.normalizeBytes): copies to
/// `dst` the sixteen-byte blocks from `src` (n bytes) that are their own
/// normal form, while they last: printable ASCII (0x20...0x7E), no two
/// spaces side by side, and no space last. A space may open the first
/// block only when `space_first_ok`; after it, the byte before each block
/// is its predecessor's last, never a space. Returns the bytes copied, a
/// multiple of sixteen; always 0 without SSE2, where the normalizer's own
/// eight-byte path does the work.
static inline size_t cardex_copy_plain16(const uint8_t *src, size_t n, uint8_t *dst, int space_first_ok) {
  size_t i = 0;
#if CARDEX_HAS_BYTE_LANES
  uint32_t opening = space_first_ok ? 0 : 1;
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128((const __m128i *)(src + i));
    if (_mm_movemask_epi8(cardex_in_range16(v, 0x20, 0x5F)) != 0xFFFF) break;
    const uint32_t spaces = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')));
    if ((spaces & ((spaces << 1) | opening)) || (spaces & 0x8000)) break;
    _mm_storeu_si128((__m128i *)(dst + i), v);
    opening = 0;
  }
#else
  (void)src;
  (void)n;
  (void)dst;
  (void)space_first_ok;
#endif
  return i;
}

/// How many bytes of p[0..<n] equal `byte`: the chunk reader counts a
/// chunk's lines with it while the workers extract.
static inline size_t cardex_count_byte(const uint8_t *p, size_t n, uint8_t byte) {
  size_t count = 0;
  size_t i = 0;
#if CARDEX_HAS_BYTE_LANES
  const __m128i wanted = _mm_set1_epi8((char)byte);
  while (i + 16 <= n) {
    __m128i lanes = _mm_setzero_si128();
    for (const size_t end = cardex_run_end16(i, n); i < end; i += 16) {
      lanes = _mm_sub_epi8(lanes, _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(p + i)), wanted));
    }
    count += cardex_sum16(lanes);
  }
#elif CARDEX_HAS_WORD_LANES
  for (; i + 8 <= n; i += 8) {
    count += (size_t)__builtin_popcountll(cardex_zero_bytes(cardex_load64(p + i) ^ (byte * CARDEX_ONES)));
  }
#endif
  for (; i < n; i++) {
    if (p[i] == byte) count++;
  }
  return count;
}

#endif
