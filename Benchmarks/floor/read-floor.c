/* The read floor of `make bench`: what it costs just to read a combined submission, split every
   field (RFC 4180 quotes included) and sum the estimates of the last column exactly, in
   thousandths of a tonne. Scripts/bench.sh builds it with the machine's C compiler and prints
   how many times this the Swift tool takes. Usage: read-floor FILE */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: read-floor FILE\n"); return 64; }
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 1; }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *bytes = malloc(size + 1);
    if (!bytes || fread(bytes, 1, size, f) != (size_t)size) { perror("read"); return 1; }
    fclose(f);
    long rows = 0, fields = 0;
    long long sum = 0;
    long i = 0;
    while (i < size && bytes[i] != '\n') i++; /* header */
    i++;
    while (i < size) {
        long start = i;
        int quoted = 0;
        for (;;) {
            unsigned char c = i < size ? bytes[i] : '\n';
            if (quoted) {
                if (c == '"') quoted = (i + 1 < size && bytes[i + 1] == '"') ? (i++, 1) : 0;
                i++;
                continue;
            }
            if (c == '"') { quoted = 1; i++; continue; }
            if (c == ',' || c == '\n' || c == '\r') {
                fields++;
                if (c != ',') {
                    /* last field: the estimate, d+.ddd */
                    long long value = 0;
                    int decimals = -1;
                    for (long k = start; k < i; k++) {
                        if (bytes[k] == '.') { decimals = 0; continue; }
                        value = value * 10 + (bytes[k] - '0');
                        if (decimals >= 0) decimals++;
                    }
                    while (decimals < 3) { value *= 10; decimals = decimals < 0 ? 1 : decimals + 1; }
                    sum += value;
                    if (c == '\r' && i + 1 < size && bytes[i + 1] == '\n') i++;
                    i++;
                    break;
                }
                i++;
                start = i;
                continue;
            }
            i++;
        }
        rows++;
    }
    printf("%ld rows, %ld fields, %lld.%03lld t\n", rows, fields, sum / 1000, sum % 1000);
    return 0;
}
