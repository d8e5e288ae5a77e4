/*
 * The C declarations ringload's FFM bindings describe: the io_uring kernel ABI from the system's UAPI header
 * (linux-libc-dev's <linux/io_uring.h>, not a copy) and the few libc functions and constants the engine calls.
 * jextract reads this file with native/jextract.args; native/layout-check.c includes it too.
 */
#ifndef RINGLOAD_H
#define RINGLOAD_H

#include <linux/io_uring.h>
#include <linux/time_types.h>
#include <sys/syscall.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/resource.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sched.h>
#include <sys/prctl.h>
#include <unistd.h>
#include <errno.h>

#endif
