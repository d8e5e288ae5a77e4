/*
 * seccomp-run: runs a command under a seccomp filter built from a rules file, so docker/seccomp-io_uring.json
 * can be proven complete without a Docker engine (the test turns the JSON into rules).
 *
 *   seccomp-run RULES -- COMMAND [ARGS...]
 *
 * RULES, one per line (default action: fail with EPERM, as the profile's defaultAction/defaultErrnoRet):
 *   allow NAME
 *   errno NAME ERRNO
 *   allow-masked-eq NAME ARG_INDEX MASK VALUE     (allow when (arg & MASK) == VALUE)
 * Names the running kernel or libseccomp does not know are skipped, as Docker does.
 */
#include <errno.h>
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 4 || strcmp(argv[2], "--") != 0) {
        fprintf(stderr, "usage: seccomp-run RULES -- COMMAND [ARGS...]\n");
        return 2;
    }
    FILE *rules = fopen(argv[1], "r");
    if (!rules) {
        perror(argv[1]);
        return 2;
    }
    scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ERRNO(EPERM));
    if (!ctx) {
        fprintf(stderr, "seccomp_init failed\n");
        return 2;
    }
    char kind[32], name[64];
    unsigned long long a, b, c;
    char line[256];
    while (fgets(line, sizeof line, rules)) {
        int n = sscanf(line, "%31s %63s %llu %llu %llu", kind, name, &a, &b, &c);
        if (n < 2) continue;
        int nr = seccomp_syscall_resolve_name(name);
        if (nr == __NR_SCMP_ERROR) continue;
        int rc;
        if (strcmp(kind, "allow") == 0) {
            rc = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, nr, 0);
        } else if (strcmp(kind, "errno") == 0 && n >= 3) {
            rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO((unsigned) a), nr, 0);
        } else if (strcmp(kind, "allow-masked-eq") == 0 && n == 5) {
            rc = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, nr, 1, SCMP_CMP((unsigned) a, SCMP_CMP_MASKED_EQ, b, c));
        } else {
            fprintf(stderr, "seccomp-run: bad rule: %s", line);
            return 2;
        }
        if (rc < 0) {
            fprintf(stderr, "seccomp-run: rule for %s failed: %s\n", name, strerror(-rc));
            return 2;
        }
    }
    fclose(rules);
    if (seccomp_load(ctx) < 0) {
        fprintf(stderr, "seccomp_load failed\n");
        return 2;
    }
    seccomp_release(ctx);
    execvp(argv[3], &argv[3]);
    perror(argv[3]);
    return 127;
}
