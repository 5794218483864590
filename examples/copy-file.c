/* SPDX-License-Identifier: GPL-3.0-or-later */
/* copy-file.c - copy a file with every resource released by `defer`,
   on every path, without a single `goto cleanup`.  */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static int copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb");
    if (!in)
        return -1;
    defer fclose(in);

    FILE *out = fopen(to, "wb");
    if (!out)
        return -2;
    defer fclose(out);

    char *buf = malloc(4096);
    if (!buf)
        return -3;
    defer free(buf);

    size_t n;
    while ((n = fread(buf, 1, 4096, in)) > 0)
        if (fwrite(buf, 1, n, out) != n)
            return -4;          /* buf, out and in are released here too */
    return 0;
}

int main(int argc, char **argv)
{
    const char *self = argc > 0 ? argv[0] : "copy-file";
    char tmp[] = "/tmp/cdefer-copy-XXXXXX";
    int fd = mkstemp(tmp);
    if (fd < 0)
        return 1;
    defer { close(fd); remove(tmp); }
    printf("copy to temp file: %d\n", copy_file(self, tmp));
    printf("copy from missing file: %d\n", copy_file("/nonexistent/file", tmp));
    return 0;
}
