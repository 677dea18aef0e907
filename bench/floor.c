/*
 * The floor for vardplan's benchmarks: the least work a site generator built on
 * libcmark can do with the same content. It reads every step file, skips the front
 * matter and renders the body with cmark_markdown_to_html (smart punctuation on, as
 * vardplan's content format asks), on one core:
 *
 *   floor mem   CONTENT              render every step into memory only
 *   floor write CONTENT OUTDIR       also write one HTML file per step (folders mirrored)
 *   floor cat   OUTFILE STEP.md...   render the given steps into one HTML file
 *                                    (the floor of a printout)
 *
 * Step files are the .md files whose names do not start with '_' or '.'. One line of
 * JSON goes to stdout: counts, bytes and the time spent reading, rendering and writing.
 *
 * Build: gcc -O2 -o floor bench/floor.c $(pkg-config --cflags --libs libcmark)
 */
#define _GNU_SOURCE
#include <cmark.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum mode { MODE_MEM, MODE_WRITE, MODE_CAT };

static enum mode mode;
static const char *content_root;
static size_t content_root_len;
static const char *out_root;
static int cat_fd = -1;

static long files, failures;
static unsigned long long file_bytes, body_bytes, html_bytes;
static double read_s, render_s, write_s;

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int write_all(int fd, const char *data, size_t len) {
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

/* Reads a whole file; returns NULL on failure. */
static char *read_file(const char *path, size_t *len) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) return NULL;
    struct stat st;
    if (fstat(fd, &st) != 0) {
        close(fd);
        return NULL;
    }
    size_t size = (size_t)st.st_size;
    char *buf = malloc(size + 1);
    size_t got = 0;
    while (buf && got < size) {
        ssize_t n = read(fd, buf + got, size - got);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        got += (size_t)n;
    }
    close(fd);
    if (!buf) return NULL;
    buf[got] = 0;
    *len = got;
    return buf;
}

/* Offset of the body: after the closing '---' line of the front matter, if any. */
static size_t body_offset(const char *buf, size_t len) {
    size_t i = 0;
    if (len >= 3 && (unsigned char)buf[0] == 0xEF && (unsigned char)buf[1] == 0xBB &&
        (unsigned char)buf[2] == 0xBF)
        i = 3;
    if (len - i < 4 || strncmp(buf + i, "---", 3) != 0) return 0;
    const char *p = buf + i + 3;
    if (*p == '\r') p++;
    if (*p != '\n') return 0;
    p++;
    const char *end = buf + len;
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        size_t line = eol ? (size_t)(eol - p) : (size_t)(end - p);
        if (line > 0 && p[line - 1] == '\r') line--;
        if (line == 3 && strncmp(p, "---", 3) == 0) return eol ? (size_t)(eol + 1 - buf) : len;
        if (!eol) break;
        p = eol + 1;
    }
    return 0; /* unterminated: treat the whole file as the body */
}

static int is_step(const char *path) {
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(base);
    return base[0] != '_' && base[0] != '.' && n > 3 && strcmp(base + n - 3, ".md") == 0;
}

static void process(const char *path) {
    double t0 = now();
    size_t len = 0;
    char *buf = read_file(path, &len);
    double t1 = now();
    read_s += t1 - t0;
    if (!buf) {
        fprintf(stderr, "floor: cannot read %s: %s\n", path, strerror(errno));
        failures++;
        return;
    }
    size_t off = body_offset(buf, len);
    char *html = cmark_markdown_to_html(buf + off, len - off, CMARK_OPT_DEFAULT | CMARK_OPT_SMART);
    double t2 = now();
    render_s += t2 - t1;
    size_t html_len = strlen(html);
    files++;
    file_bytes += len;
    body_bytes += len - off;
    html_bytes += html_len;
    if (mode == MODE_WRITE) {
        const char *rel = path + content_root_len;
        size_t out_len = strlen(out_root) + strlen(rel) + 8;
        char *out = malloc(out_len);
        snprintf(out, out_len, "%s%s", out_root, rel);
        strcpy(out + strlen(out) - 3, ".html");
        int fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd < 0 || write_all(fd, html, html_len) != 0) {
            fprintf(stderr, "floor: cannot write %s: %s\n", out, strerror(errno));
            failures++;
        }
        if (fd >= 0) close(fd);
        free(out);
    } else if (mode == MODE_CAT) {
        if (write_all(cat_fd, html, html_len) != 0) failures++;
    }
    if (mode != MODE_MEM) write_s += now() - t2;
    free(html);
    free(buf);
}

static int visit(const char *path, const struct stat *st, int type, struct FTW *ftw) {
    (void)st;
    const char *base = path + ftw->base;
    if (ftw->level > 0 && base[0] == '.') return type == FTW_D ? FTW_SKIP_SUBTREE : FTW_CONTINUE;
    if (type == FTW_D && mode == MODE_WRITE) {
        double t0 = now();
        const char *rel = path + content_root_len;
        size_t out_len = strlen(out_root) + strlen(rel) + 1;
        char *out = malloc(out_len);
        snprintf(out, out_len, "%s%s", out_root, rel);
        if (mkdir(out, 0755) != 0 && errno != EEXIST) {
            fprintf(stderr, "floor: cannot create %s: %s\n", out, strerror(errno));
            failures++;
        }
        free(out);
        write_s += now() - t0;
    } else if (type == FTW_F && is_step(path)) {
        process(path);
    }
    return FTW_CONTINUE;
}

static void usage(void) {
    fprintf(stderr,
            "usage: floor mem CONTENT\n"
            "       floor write CONTENT OUTDIR\n"
            "       floor cat OUTFILE STEP.md...\n");
    exit(2);
}

int main(int argc, char **argv) {
    double start = now();
    if (argc < 3) usage();
    if (strcmp(argv[1], "mem") == 0 && argc == 3) {
        mode = MODE_MEM;
    } else if (strcmp(argv[1], "write") == 0 && argc == 4) {
        mode = MODE_WRITE;
        out_root = argv[3];
    } else if (strcmp(argv[1], "cat") == 0 && argc >= 4) {
        mode = MODE_CAT;
    } else {
        usage();
    }

    if (mode == MODE_CAT) {
        cat_fd = open(argv[2], O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (cat_fd < 0) {
            fprintf(stderr, "floor: cannot write %s: %s\n", argv[2], strerror(errno));
            return 1;
        }
        static const char head[] = "<!DOCTYPE html>\n<html lang=\"sv\"><meta charset=\"utf-8\"><body>\n";
        write_all(cat_fd, head, sizeof head - 1);
        for (int i = 3; i < argc; i++) process(argv[i]);
        write_all(cat_fd, "</body></html>\n", 15);
        close(cat_fd);
    } else {
        content_root = argv[2];
        content_root_len = strlen(content_root);
        while (content_root_len > 1 && content_root[content_root_len - 1] == '/') content_root_len--;
        if (nftw(argv[2], visit, 64, FTW_PHYS | FTW_ACTIONRETVAL) != 0) {
            fprintf(stderr, "floor: cannot walk %s: %s\n", argv[2], strerror(errno));
            return 1;
        }
    }

    static const char *names[] = {"mem", "write", "cat"};
    printf("{\"mode\": \"%s\", \"files\": %ld, \"file_bytes\": %llu, \"body_bytes\": %llu, "
           "\"html_bytes\": %llu, \"read_s\": %.6f, \"render_s\": %.6f, \"write_s\": %.6f, "
           "\"total_s\": %.6f, \"failures\": %ld}\n",
           names[mode], files, file_bytes, body_bytes, html_bytes, read_s, render_s, write_s,
           now() - start, failures);
    return failures ? 1 : 0;
}
