/*
 * Prints the C compiler's view of every struct, field and constant that ringload's FFM bindings declare, one per
 * line, so a test (bindings/.../LayoutCheckTest) can compare each against the Java layouts:
 *
 *   struct <name> <sizeof>
 *   field  <struct>.<member path> <offsetof> <sizeof member>
 *   const  <NAME> <value>
 *
 * A member path names the member as C code reaches it: anonymous unions are transparent ("off", not "u.off"),
 * named nested structs are dotted ("sq_off.head", "sin_addr.s_addr"). Keep this list and the bindings in step:
 * the test fails on a field or constant present on one side only.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stddef.h>
#include "ringload.h"

#define STRUCT(s) printf("struct %s %zu\n", #s, sizeof(struct s))
#define FIELD(s, f) printf("field %s.%s %zu %zu\n", #s, #f, offsetof(struct s, f), sizeof(((struct s *)0)->f))
/* A flexible array member has no sizeof; its size is reported as 0. */
#define FLEX(s, f) printf("field %s.%s %zu 0\n", #s, #f, offsetof(struct s, f))
#define CONST(c) printf("const %s %lld\n", #c, (long long)(c))

int main(void) {
    STRUCT(io_uring_sqe);
    FIELD(io_uring_sqe, opcode);
    FIELD(io_uring_sqe, flags);
    FIELD(io_uring_sqe, ioprio);
    FIELD(io_uring_sqe, fd);
    FIELD(io_uring_sqe, off);
    FIELD(io_uring_sqe, addr2);
    FIELD(io_uring_sqe, cmd_op);
    FIELD(io_uring_sqe, __pad1);
    FIELD(io_uring_sqe, addr);
    FIELD(io_uring_sqe, splice_off_in);
    FIELD(io_uring_sqe, len);
    FIELD(io_uring_sqe, rw_flags);
    FIELD(io_uring_sqe, poll32_events);
    FIELD(io_uring_sqe, msg_flags);
    FIELD(io_uring_sqe, timeout_flags);
    FIELD(io_uring_sqe, accept_flags);
    FIELD(io_uring_sqe, cancel_flags);
    FIELD(io_uring_sqe, user_data);
    FIELD(io_uring_sqe, buf_index);
    FIELD(io_uring_sqe, buf_group);
    FIELD(io_uring_sqe, personality);
    FIELD(io_uring_sqe, splice_fd_in);
    FIELD(io_uring_sqe, file_index);
    FIELD(io_uring_sqe, addr_len);
    FIELD(io_uring_sqe, __pad3);
    FIELD(io_uring_sqe, addr3);
    FIELD(io_uring_sqe, __pad2);
    FIELD(io_uring_sqe, cmd);

    STRUCT(io_uring_cqe);
    FIELD(io_uring_cqe, user_data);
    FIELD(io_uring_cqe, res);
    FIELD(io_uring_cqe, flags);

    STRUCT(io_sqring_offsets);
    FIELD(io_sqring_offsets, head);
    FIELD(io_sqring_offsets, tail);
    FIELD(io_sqring_offsets, ring_mask);
    FIELD(io_sqring_offsets, ring_entries);
    FIELD(io_sqring_offsets, flags);
    FIELD(io_sqring_offsets, dropped);
    FIELD(io_sqring_offsets, array);
    FIELD(io_sqring_offsets, resv1);
    FIELD(io_sqring_offsets, resv2);

    STRUCT(io_cqring_offsets);
    FIELD(io_cqring_offsets, head);
    FIELD(io_cqring_offsets, tail);
    FIELD(io_cqring_offsets, ring_mask);
    FIELD(io_cqring_offsets, ring_entries);
    FIELD(io_cqring_offsets, overflow);
    FIELD(io_cqring_offsets, cqes);
    FIELD(io_cqring_offsets, flags);
    FIELD(io_cqring_offsets, resv1);
    FIELD(io_cqring_offsets, resv2);

    STRUCT(io_uring_params);
    FIELD(io_uring_params, sq_entries);
    FIELD(io_uring_params, cq_entries);
    FIELD(io_uring_params, flags);
    FIELD(io_uring_params, sq_thread_cpu);
    FIELD(io_uring_params, sq_thread_idle);
    FIELD(io_uring_params, features);
    FIELD(io_uring_params, wq_fd);
    FIELD(io_uring_params, resv);
    FIELD(io_uring_params, sq_off);
    FIELD(io_uring_params, sq_off.head);
    FIELD(io_uring_params, sq_off.tail);
    FIELD(io_uring_params, sq_off.ring_mask);
    FIELD(io_uring_params, sq_off.ring_entries);
    FIELD(io_uring_params, sq_off.flags);
    FIELD(io_uring_params, sq_off.dropped);
    FIELD(io_uring_params, sq_off.array);
    FIELD(io_uring_params, sq_off.resv1);
    FIELD(io_uring_params, sq_off.resv2);
    FIELD(io_uring_params, cq_off);
    FIELD(io_uring_params, cq_off.head);
    FIELD(io_uring_params, cq_off.tail);
    FIELD(io_uring_params, cq_off.ring_mask);
    FIELD(io_uring_params, cq_off.ring_entries);
    FIELD(io_uring_params, cq_off.overflow);
    FIELD(io_uring_params, cq_off.cqes);
    FIELD(io_uring_params, cq_off.flags);
    FIELD(io_uring_params, cq_off.resv1);
    FIELD(io_uring_params, cq_off.resv2);

    STRUCT(io_uring_buf);
    FIELD(io_uring_buf, addr);
    FIELD(io_uring_buf, len);
    FIELD(io_uring_buf, bid);
    FIELD(io_uring_buf, resv);

    STRUCT(io_uring_buf_ring);
    FIELD(io_uring_buf_ring, resv1);
    FIELD(io_uring_buf_ring, resv2);
    FIELD(io_uring_buf_ring, resv3);
    FIELD(io_uring_buf_ring, tail);
    FLEX(io_uring_buf_ring, bufs);

    STRUCT(io_uring_buf_reg);
    FIELD(io_uring_buf_reg, ring_addr);
    FIELD(io_uring_buf_reg, ring_entries);
    FIELD(io_uring_buf_reg, bgid);
    FIELD(io_uring_buf_reg, pad);
    FIELD(io_uring_buf_reg, resv);

    STRUCT(io_uring_probe_op);
    FIELD(io_uring_probe_op, op);
    FIELD(io_uring_probe_op, resv);
    FIELD(io_uring_probe_op, flags);
    FIELD(io_uring_probe_op, resv2);

    STRUCT(io_uring_probe);
    FIELD(io_uring_probe, last_op);
    FIELD(io_uring_probe, ops_len);
    FIELD(io_uring_probe, resv);
    FIELD(io_uring_probe, resv2);
    FLEX(io_uring_probe, ops);

    STRUCT(io_uring_getevents_arg);
    FIELD(io_uring_getevents_arg, sigmask);
    FIELD(io_uring_getevents_arg, sigmask_sz);
    FIELD(io_uring_getevents_arg, pad);
    FIELD(io_uring_getevents_arg, ts);

    STRUCT(io_uring_rsrc_update);
    FIELD(io_uring_rsrc_update, offset);
    FIELD(io_uring_rsrc_update, resv);
    FIELD(io_uring_rsrc_update, data);

    STRUCT(__kernel_timespec);
    FIELD(__kernel_timespec, tv_sec);
    FIELD(__kernel_timespec, tv_nsec);

    STRUCT(in_addr);
    FIELD(in_addr, s_addr);

    STRUCT(sockaddr_in);
    FIELD(sockaddr_in, sin_family);
    FIELD(sockaddr_in, sin_port);
    FIELD(sockaddr_in, sin_addr);
    FIELD(sockaddr_in, sin_addr.s_addr);
    FIELD(sockaddr_in, sin_zero);

    STRUCT(sockaddr_in6);
    FIELD(sockaddr_in6, sin6_family);
    FIELD(sockaddr_in6, sin6_port);
    FIELD(sockaddr_in6, sin6_flowinfo);
    FIELD(sockaddr_in6, sin6_addr);
    FIELD(sockaddr_in6, sin6_scope_id);

    STRUCT(rlimit);
    FIELD(rlimit, rlim_cur);
    FIELD(rlimit, rlim_max);

    STRUCT(linger);
    FIELD(linger, l_onoff);
    FIELD(linger, l_linger);

    CONST(IORING_SETUP_CQSIZE);
    CONST(IORING_SETUP_CLAMP);
    CONST(IORING_SETUP_SUBMIT_ALL);
    CONST(IORING_SETUP_COOP_TASKRUN);
    CONST(IORING_SETUP_TASKRUN_FLAG);
    CONST(IORING_SETUP_SINGLE_ISSUER);
    CONST(IORING_SETUP_DEFER_TASKRUN);
    CONST(IORING_OP_NOP);
    CONST(IORING_OP_TIMEOUT);
    CONST(IORING_OP_ACCEPT);
    CONST(IORING_OP_ASYNC_CANCEL);
    CONST(IORING_OP_CONNECT);
    CONST(IORING_OP_CLOSE);
    CONST(IORING_OP_SEND);
    CONST(IORING_OP_RECV);
    CONST(IORING_OP_SHUTDOWN);
    CONST(IORING_OP_SOCKET);
    CONST(IORING_OP_LAST);
    CONST(IOSQE_FIXED_FILE);
    CONST(IOSQE_IO_LINK);
    CONST(IOSQE_IO_HARDLINK);
    CONST(IOSQE_ASYNC);
    CONST(IOSQE_BUFFER_SELECT);
    CONST(IOSQE_CQE_SKIP_SUCCESS);
    CONST(IORING_RECVSEND_POLL_FIRST);
    CONST(IORING_RECV_MULTISHOT);
    CONST(IORING_ACCEPT_MULTISHOT);
    CONST(IORING_TIMEOUT_ABS);
    CONST(IORING_TIMEOUT_ETIME_SUCCESS);
    CONST(IORING_ASYNC_CANCEL_ALL);
    CONST(IORING_ASYNC_CANCEL_FD);
    CONST(IORING_ASYNC_CANCEL_ANY);
    CONST(IORING_CQE_F_BUFFER);
    CONST(IORING_CQE_F_MORE);
    CONST(IORING_CQE_F_SOCK_NONEMPTY);
    CONST(IORING_CQE_F_NOTIF);
    CONST(IORING_CQE_BUFFER_SHIFT);
    CONST(IORING_OFF_SQ_RING);
    CONST(IORING_OFF_CQ_RING);
    CONST(IORING_OFF_SQES);
    CONST(IORING_SQ_NEED_WAKEUP);
    CONST(IORING_SQ_CQ_OVERFLOW);
    CONST(IORING_SQ_TASKRUN);
    CONST(IORING_ENTER_GETEVENTS);
    CONST(IORING_ENTER_EXT_ARG);
    CONST(IORING_ENTER_REGISTERED_RING);
    CONST(IORING_FEAT_SINGLE_MMAP);
    CONST(IORING_FEAT_NODROP);
    CONST(IORING_FEAT_SUBMIT_STABLE);
    CONST(IORING_FEAT_FAST_POLL);
    CONST(IORING_FEAT_EXT_ARG);
    CONST(IORING_FEAT_NATIVE_WORKERS);
    CONST(IORING_FEAT_CQE_SKIP);
    CONST(IORING_REGISTER_PROBE);
    CONST(IORING_REGISTER_RING_FDS);
    CONST(IORING_UNREGISTER_RING_FDS);
    CONST(IORING_REGISTER_PBUF_RING);
    CONST(IORING_UNREGISTER_PBUF_RING);
    CONST(IO_URING_OP_SUPPORTED);
    /* Newer than linux-libc-dev 6.1: declared in the hand-written addendum, checked only where the header has them. */
#ifdef IORING_SETUP_NO_SQARRAY
    CONST(IORING_SETUP_NO_SQARRAY);
#endif

    CONST(__NR_io_uring_setup);
    CONST(__NR_io_uring_enter);
    CONST(__NR_io_uring_register);
    CONST(PROT_READ);
    CONST(PROT_WRITE);
    CONST(MAP_SHARED);
    CONST(MAP_POPULATE);
    CONST(AF_INET);
    CONST(AF_INET6);
    CONST(SOCK_STREAM);
    CONST(SOCK_NONBLOCK);
    CONST(SOCK_CLOEXEC);
    CONST(SOL_SOCKET);
    CONST(SO_REUSEADDR);
    CONST(SO_REUSEPORT);
    CONST(SO_LINGER);
    CONST(SO_ERROR);
    CONST(IPPROTO_IP);
    CONST(IP_BIND_ADDRESS_NO_PORT);
    CONST(IPPROTO_TCP);
    CONST(TCP_NODELAY);
    CONST(SHUT_WR);
    CONST(SHUT_RDWR);
    CONST(RLIMIT_NOFILE);
    CONST(RLIMIT_MEMLOCK);
    CONST(EPERM);
    CONST(ENOENT);
    CONST(EINTR);
    CONST(EAGAIN);
    CONST(ENOMEM);
    CONST(EFAULT);
    CONST(EBUSY);
    CONST(EEXIST);
    CONST(EINVAL);
    CONST(PR_SET_TIMERSLACK);
    CONST(EMFILE);
    CONST(ENFILE);
    CONST(ENOSYS);
    CONST(ETIME);
    CONST(ENOBUFS);
    CONST(EPIPE);
    CONST(EOPNOTSUPP);
    CONST(EADDRINUSE);
    CONST(EADDRNOTAVAIL);
    CONST(ENETUNREACH);
    CONST(ECONNABORTED);
    CONST(ECONNRESET);
    CONST(ETIMEDOUT);
    CONST(ECONNREFUSED);
    CONST(EHOSTUNREACH);
    CONST(EALREADY);
    CONST(EINPROGRESS);
    CONST(ECANCELED);
    return 0;
}
