/* What the machine gives a second busy core, for code like cardex's.
 *
 *   ipc_probe wide N    six independent chains of integer work: many
 *                       instructions per cycle, like cardex's inner loops
 *   ipc_probe chain N   one dependent chain: one instruction per cycle at
 *                       best, which leaves the core's other units idle
 *
 * Prints the seconds N rounds took. Benchmarks/run.sh runs each alone and
 * as many copies side by side as there are cores: on a virtual machine whose
 * cores share a physical core's units with each other (or with another
 * guest), the wide loop slows down side by side and the chain does not.
 * Written for this project. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: ipc_probe wide|chain ROUNDS\n");
    return 2;
  }
  const long n = atol(argv[2]);
  const int wide = argv[1][0] == 'w';
  unsigned long a = 1, b = 2, c = 3, d = 4, e = 5, f = 6;
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  if (wide) {
    for (long i = 0; i < n; i++) {
      a += (unsigned long)i;
      b ^= (unsigned long)i;
      c += b;
      d ^= a;
      e += d;
      f ^= c;
      __asm__ volatile("" : "+r"(a), "+r"(b), "+r"(c), "+r"(d), "+r"(e), "+r"(f));
    }
  } else {
    for (long i = 0; i < n; i++) {
      a = a * 3 + 1;
      __asm__ volatile("" : "+r"(a));
    }
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  printf("%.4f %lu\n", (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9, a + b + c + d + e + f);
  return 0;
}
